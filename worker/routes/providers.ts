import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import {
  configuredInpaintingProviders,
  configuredProviders,
  configuredTextProviders,
  notConfiguredMessage,
} from "../providers/registry";
import type { CapabilityName } from "../providers/vendor";

const Status = z.object({
  configured: z.boolean(),
  /** True when every configured provider is on this machine (the fake, for tests and demos). */
  localOnly: z.boolean(),
  message: z.string(),
  providers: z.array(z.object({ name: z.string(), label: z.string(), local: z.boolean() })),
});
const ProviderStatus = Status.extend({ textToImage: Status, inpainting: Status });

function status(providers: { name: string; label: string; local: boolean }[], capability: CapabilityName) {
  const list = providers.map(({ name, label, local }) => ({ name, label, local }));
  const localOnly = list.length > 0 && list.every((p) => p.local);
  const message =
    list.length === 0
      ? notConfiguredMessage(capability)
      : localOnly
        ? "Only the local test provider is configured: images are placeholders made on this machine, not AI results."
        : `Generating with ${list.map((p) => p.label).join(", then ")}.`;
  return { configured: list.length > 0, localOnly, message, providers: list };
}

/** What generation can use right now, so the UI can say plainly when nothing real is set up. */
export const providerRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary: "Configured image providers (poses, and avatars from text)",
    responses: { 200: { description: "Provider status", content: { "application/json": { schema: ProviderStatus } } } },
  }),
  (c) =>
    c.json(
      {
        ...status(configuredProviders(c.env), "pose"),
        textToImage: status(configuredTextProviders(c.env), "textToImage"),
        inpainting: status(configuredInpaintingProviders(c.env), "inpainting"),
      },
      200,
    ),
);
