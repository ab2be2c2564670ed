import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { configuredProviders } from "../providers/registry";

const ProviderStatus = z.object({
  configured: z.boolean(),
  /** True when every configured provider is on this machine (the fake, for tests and demos). */
  localOnly: z.boolean(),
  message: z.string(),
  providers: z.array(z.object({ name: z.string(), label: z.string(), local: z.boolean() })),
});

/** What generation can use right now, so the UI can say plainly when nothing real is set up. */
export const providerRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary: "Configured image providers",
    responses: { 200: { description: "Provider status", content: { "application/json": { schema: ProviderStatus } } } },
  }),
  (c) => {
    const providers = configuredProviders(c.env).map((p) => ({ name: p.name, label: p.label, local: p.local }));
    const localOnly = providers.length > 0 && providers.every((p) => p.local);
    const message =
      providers.length === 0
        ? "No AI provider is configured, so poses cannot be generated. Set HF_TOKEN (and HF_ENDPOINT_URL) or A1111_URL; see the README."
        : localOnly
          ? "Only the local test provider is configured: images are placeholders made on this machine, not AI results."
          : `Generating with ${providers.map((p) => p.label).join(", then ")}.`;
    return c.json({ configured: providers.length > 0, localOnly, message, providers }, 200);
  },
);
