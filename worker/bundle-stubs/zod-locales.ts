// The two of zod's translations the API speaks, by path: the Worker's "zod" (./zod.ts, aliased in
// wrangler.toml, prefix included) leaves out `z.locales`, and only these two are needed.
export { default as en } from "../../node_modules/zod/v4/locales/en.js";
export { default as id } from "../../node_modules/zod/v4/locales/id.js";
