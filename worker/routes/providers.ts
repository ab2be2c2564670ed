import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { INSTANT_PROVIDER, ProviderStatus, type InstantStatus } from "../../shared/api/providers";
import { config } from "../config";
import type { AppEnv } from "../env";
import { localeOf, type ApiLocale } from "../i18n/locale";
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

function status(providers: Listed[], capability: CapabilityName, locale: ApiLocale) {
  const list = providers.map(({ name, label, local, acceptsInitImage }) => ({
    name,
    label,
    local,
    ...(capability === "pose" ? { startsFromInstant: acceptsInitImage ?? false } : {}),
  }));
  const localOnly = list.length > 0 && list.every((p) => p.local);
  const labels = list.map((p) => p.label);
  const message =
    list.length === 0
      ? capability === "pose"
        ? instantOnlyMessage(locale)
        : notConfiguredMessage(capability, locale)
      : localOnly
        ? locale === "id"
          ? "Hanya penyedia uji lokal yang dikonfigurasi: gambarnya contoh buatan mesin ini, bukan hasil AI."
          : "Only the local test provider is configured: images are placeholders made on this machine, not AI results."
        : locale === "id"
          ? `Dibuat dengan ${labels.join(", lalu ")}.`
          : `Generating with ${labels.join(", then ")}.`;
  return { configured: list.length > 0, localOnly, message, providers: list, setup: setupHints(capability) };
}

const INSTANT_MESSAGES = {
  en: {
    beside: "Instant (no AI) poses reshape the avatar's own photo, free; pick it instead of AI in the studio.",
    only: "Generations run instant (no AI) poses: the avatar's own photo reshaped into each pose, free.",
  },
  id: {
    beside: "Pose instan (tanpa AI) membentuk ulang foto avatar sendiri, gratis; pilih itu sebagai ganti AI di studio.",
    only: "Pembuatan memakai pose instan (tanpa AI): foto avatar sendiri dibentuk ulang ke setiap pose, gratis.",
  },
} as const;

/** The built-in instant engine, beside the AI vendors: the default when there is none. */
function instantStatus(env: Env, aiConfigured: boolean, locale: ApiLocale): InstantStatus {
  const engine = builtInPoseProvider(env, INSTANT_PROVIDER)!;
  return {
    name: INSTANT_PROVIDER,
    label: engine.label,
    available: true,
    creditsPerPose: 0,
    isDefault: !aiConfigured,
    initStrength: config(env).generations.initStrength,
    message: INSTANT_MESSAGES[locale][aiConfigured ? "beside" : "only"],
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
    const locale = localeOf(c);
    const poses = status(configuredProviders(c.env), "pose", locale);
    return c.json(
      {
        ...poses,
        instant: instantStatus(c.env, poses.configured, locale),
        textToImage: status(configuredTextProviders(c.env), "textToImage", locale),
        inpainting: status(configuredInpaintingProviders(c.env), "inpainting", locale),
        vendors: await vendorReports(c.env, { live: c.req.valid("query").check === "true", locale }),
      },
      200,
    );
  },
);
