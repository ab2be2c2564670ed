// The providers of each capability, derived from the vendor list: the configured ones in the
// capability's *_PROVIDER_ORDER (default: the vendor list's order), each one its vendor's adapter
// with the vendor's name, label and cost; and the setup message when none is configured. Built-in
// vendors (the instant engine) are never in an AI chain: they are asked for by name.
import { config, vendorSettings } from "../config";
import type { InpaintingProvider } from "./inpainting";
import type { PoseImageProvider } from "./provider";
import type { SegmentationProvider } from "./segmentation";
import type { TextToImageProvider } from "./text-to-image";
import type { CapabilityName, Vendor } from "./vendor";
import { VENDORS } from "./vendors";

interface ProviderOf {
  pose: PoseImageProvider;
  inpainting: InpaintingProvider;
  segmentation: SegmentationProvider;
  textToImage: TextToImageProvider;
}

/** What each capability makes, for "No AI provider is configured, so … cannot be generated." */
const WHAT: Record<CapabilityName, string> = {
  pose: "poses",
  inpainting: "hijabs and outfits",
  segmentation: "person masks",
  textToImage: "avatars from text",
};

/** The AI vendors offering a capability, in the vendor list's order (built-in ones are not AI). */
export const vendorsFor = (capability: CapabilityName) =>
  VENDORS.filter((v) => !v.builtIn && v.capabilities[capability]);

/** One vendor's provider for a capability, or null when the vendor is not configured. */
export function providerFor<K extends CapabilityName>(
  vendor: Vendor<any>,
  capability: K,
  env: Env,
): ProviderOf[K] | null {
  const entry = vendor.capabilities[capability];
  if (!entry) return null;
  const adapter = entry.adapter(vendorSettings(env, vendor), { timeoutMs: config(env).providers.timeoutMs });
  if (!adapter) return null;
  const cost = entry.cost as number | Record<string, number>;
  const estimatedCost = (key?: string) => (typeof cost === "number" ? cost : cost[key!]!);
  const acceptsInitImage = entry.acceptsInitImage ?? false;
  return { ...adapter, name: vendor.name, label: vendor.label, estimatedCost, acceptsInitImage } as ProviderOf[K];
}

/** The configured providers of a capability, first choice first ("none" in the order: none). */
export function configured<K extends CapabilityName>(env: Env, capability: K): ProviderOf[K][] {
  const offering = vendorsFor(capability);
  const order = config(env).providers.order[capability] ?? offering.map((v) => v.name).join(",");
  return order
    .split(",")
    .map((name) => offering.find((v) => v.name === name.trim()))
    .filter((v) => v !== undefined)
    .map((v) => providerFor(v, capability, env))
    .filter((p) => p !== null);
}

/** The configured AI pose providers, first choice first (PROVIDER_ORDER); never the instant engine. */
export const configuredProviders = (env: Env) => configured(env, "pose");
/** The configured inpainting providers (INPAINTING_PROVIDER_ORDER). */
export const configuredInpaintingProviders = (env: Env) => configured(env, "inpainting");
/** The configured segmentation providers (SEGMENTATION_PROVIDER_ORDER). */
export const configuredSegmentationProviders = (env: Env) => configured(env, "segmentation");
/** The configured text-to-image providers (TEXT_PROVIDER_ORDER). */
export const configuredTextProviders = (env: Env) => configured(env, "textToImage");

/** The settings that set a capability up, one per vendor that has a hint: "HF_TOKEN". */
export const setupHints = (capability: CapabilityName) =>
  vendorsFor(capability).flatMap((v) => v.capabilities[capability]?.setup ?? []);

/** How to set a capability up, from its vendors' hints: "Set HF_TOKEN or A1111_URL". */
export function setupHint(capability: CapabilityName): string {
  const hints = setupHints(capability);
  return `Set ${hints.join(hints.length > 2 ? ", or " : " or ")}`;
}

// What each capability makes, in Bahasa Indonesia (for GET /api/v1/providers in id).
const WHAT_ID: Record<CapabilityName, string> = {
  pose: "pose",
  inpainting: "hijab dan busana",
  segmentation: "masker orang",
  textToImage: "avatar dari teks",
};

/** The message when no provider of a capability is configured (its settings named as they are). */
export function notConfiguredMessage(capability: CapabilityName, locale: "en" | "id" = "en"): string {
  if (locale === "id") {
    const hints = setupHints(capability).join(" atau ");
    return `Belum ada penyedia AI yang dikonfigurasi, jadi ${WHAT_ID[capability]} belum bisa dibuat. Isi ${hints}; lihat README.`;
  }
  return `No AI provider is configured, so ${WHAT[capability]} cannot be generated. ${setupHint(capability)}; see the README.`;
}

/** The built-in pose provider a generation may name (the instant engine), or null for any other name. */
export function builtInPoseProvider(env: Env, name: string | null): PoseImageProvider | null {
  const vendor = VENDORS.find((v) => v.builtIn && v.name === name);
  return vendor ? providerFor(vendor, "pose", env) : null;
}

/** The built-in pose engines (the instant engine), always available. */
export const builtInPoseVendors = () => VENDORS.filter((v) => v.builtIn && v.capabilities.pose);

/** Whether poses made by this provider cost credits: AI vendors' do, the built-in engine's do not. */
export const chargesCredits = (provider: string | null | undefined) =>
  !VENDORS.some((v) => v.builtIn && v.name === provider);

/** A provider's label for results ("Instant (no AI)", "Hugging Face"); the name itself when unknown. */
export const providerLabel = (name: string | null) =>
  name === null ? null : (VENDORS.find((v) => v.name === name)?.label ?? name);

/** The pose status message without an AI vendor: instant poses only, and how to add one. */
export function instantOnlyMessage(locale: "en" | "id" = "en"): string {
  if (locale === "id")
    return `Belum ada penyedia AI: hanya pose instan (tanpa AI) — untuk menambahkannya, isi ${setupHints("pose").join(" atau ")}; lihat README.`;
  return `No AI provider: instant (no AI) poses only — to add one: ${setupHint("pose")}; see the README.`;
}
