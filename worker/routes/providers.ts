import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { INSTANT_PROVIDER, ProviderStatus, type InstantStatus } from "../../shared/api/providers";
import { config } from "../config";
import type { AppEnv } from "../env";
import { localeOf } from "../i18n/locale";
import {
  builtInPoseProvider,
  configuredInpaintingProviders,
  configuredProviders,
  configuredTextProviders,
  instantOnlyMessage,
  notConfiguredMessage,
  setupHints,
} from "../providers/registry";
import type { CapabilityName } from "../providers/vendor";
import { vendorReports } from "../providers/vendor-report";

type Listed = { name: string; label: string; local: boolean; acceptsInitImage?: boolean };

function status(providers: Listed[], capability: CapabilityName) {
  const list = providers.map(({ name, label, local, acceptsInitImage }) => ({
    name,
    label,
    local,
    ...(capability === "pose" ? { startsFromInstant: acceptsInitImage ?? false } : {}),
  }));
  const localOnly = list.length > 0 && list.every((p) => p.local);
  const message =
    list.length === 0
      ? capability === "pose"
        ? instantOnlyMessage()
        : notConfiguredMessage(capability)
      : localOnly
        ? "Only the local test provider is configured: images are placeholders made on this machine, not AI results."
        : `Generating with ${list.map((p) => p.label).join(", then ")}.`;
  return { configured: list.length > 0, localOnly, message, providers: list, setup: setupHints(capability) };
}

/** The built-in instant engine, beside the AI vendors: the default when there is none. */
function instantStatus(env: Env, aiConfigured: boolean): InstantStatus {
  const engine = builtInPoseProvider(env, INSTANT_PROVIDER)!;
  return {
    name: INSTANT_PROVIDER,
    label: engine.label,
    available: true,
    creditsPerPose: 0,
    isDefault: !aiConfigured,
    initStrength: config(env).generations.initStrength,
    message: aiConfigured
      ? "Instant (no AI) poses reshape the avatar's own photo, free; pick it instead of AI in the studio."
      : "Generations run instant (no AI) poses: the avatar's own photo reshaped into each pose, free.",
  };
}

/** What generation can use right now, so the UI can say plainly when nothing real is set up. */
export const providerRoutes = new OpenAPIHono<AppEnv>().openapi(
  createRoute({
    method: "get",
    path: "/",
    summary:
      "Image providers: AI pose vendors, the built-in instant engine, avatars from text, inpainting, each vendor",
    request: {
      query: z.object({
        /** "true": also check each self-hosted vendor's server live (reachable, nodes, model files). */
        check: z.enum(["true", "false"]).optional(),
      }),
    },
    responses: { 200: { description: "Provider status", content: { "application/json": { schema: ProviderStatus } } } },
  }),
  async (c) => {
    const poses = status(configuredProviders(c.env), "pose");
    return c.json(
      {
        ...poses,
        instant: instantStatus(c.env, poses.configured),
        textToImage: status(configuredTextProviders(c.env), "textToImage"),
        inpainting: status(configuredInpaintingProviders(c.env), "inpainting"),
        vendors: await vendorReports(c.env, { live: c.req.valid("query").check === "true", locale: localeOf(c) }),
      },
      200,
    );
  },
);
