// Stands in for "zod" in the Worker bundle (wrangler.toml [alias]): zod's own entry re-exports its
// classic API plus `locales`, a namespace of ~40 translations that the bundler must then keep
// whole (about 260 KiB). Nothing here changes zod's locale (English is set by its schemas), so
// this entry is zod's classic API without that namespace. Types still come from zod itself.
import * as z from "./zod-classic";
export * from "./zod-classic";
export { z, z as default };
