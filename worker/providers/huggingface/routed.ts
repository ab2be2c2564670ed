// Calls through the Inference Providers router with HF_TOKEN alone. @huggingface/inference does
// what it does well: it reads the model's provider mapping from the Hub and builds the request
// (URL, auth, body) for that provider and task (makeRequestOptions, HFI lib/makeRequestOptions.js).
// We send it and follow the provider's flow ourselves, because the library's fal-ai and
// wavespeed helpers poll and download with the global fetch (HFI providers/fal-ai.js:104,119,238),
// outside our trace id, timeout and configured addresses, and its fal image-to-image helper
// overwrites `image_urls` with the one input it was given (fal-ai.js:215-225).
import { getProviderHelper, makeRequestOptions, type InferenceTask } from "@huggingface/inference";
import { ProviderError, type ProviderImage } from "../provider";
import { bodyOf, imageOf, routerError, type HuggingFaceCall } from "./call";
import { falQueueResult } from "./fal-queue";
import type { HuggingFaceSettings } from ".";

/**
 * Router providers whose flow we speak: fal-ai's queue (fal-queue.ts) and hf-inference's
 * synchronous answer (raw image bytes, HFI providers/hf-inference.js).
 */
export const ROUTED_PROVIDERS = ["fal-ai", "hf-inference"] as const;
export type RoutedProvider = (typeof ROUTED_PROVIDERS)[number];

/** The setting's provider when this capability speaks it; else a setup error naming the setting. */
export function routedProvider(value: string, supported: readonly RoutedProvider[], setting: string): RoutedProvider {
  const found = supported.find((p) => p === value);
  if (found) return found;
  throw new ProviderError(
    "not_configured",
    `Hugging Face: ${setting}=${value} is not a provider this capability speaks; set it to ${supported.join(" or ")}.`,
    "huggingface",
  );
}

type RoutedTask = Extract<InferenceTask, "image-to-image" | "image-segmentation" | "text-to-image">;

/** Bytes as a data URL; fal takes data URLs wherever it takes an image URL (the library sends them: HFI providers/fal-ai.js:216-224). */
export function dataUrl(bytes: Uint8Array, contentType: string): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${contentType};base64,${btoa(s)}`;
}

/**
 * One model on one router provider: the Hub's mapping resolved by the library (a model the
 * provider does not serve for this task is its "We have not been able to find inference provider
 * information…", not_configured), the request it builds sent through our fetch, and the
 * provider's flow followed to the answer's JSON or bytes.
 */
export async function routedCall(
  call: HuggingFaceCall,
  s: HuggingFaceSettings,
  route: { provider: RoutedProvider; task: RoutedTask; model: string; args: Record<string, unknown> },
): Promise<unknown> {
  return call.run(async (options) => {
    const helper = getProviderHelper(route.provider, route.task);
    const { url, info } = await makeRequestOptions(
      { accessToken: s.HF_TOKEN, provider: route.provider, model: route.model, ...route.args } as never,
      helper,
      { ...options, task: route.task },
    );
    const res = await options.fetch(url, info);
    if (!res.ok) throw routerError(res.status, await bodyOf(res), `HTTP ${res.status}`, res.headers.get("retry-after"));
    if (route.provider === "fal-ai") return falQueueResult(call, s.HF_ROUTER_URL, await res.json());
    return (res.headers.get("content-type") ?? "").startsWith("application/json")
      ? res.json()
      : new Uint8Array(await res.arrayBuffer());
  });
}

/**
 * An edit (image-to-image) through the router, its picture: the one edit flow spoken here is
 * fal-ai's, so another provider in the setting is a setup error naming it.
 */
export async function routedEdit(
  call: HuggingFaceCall,
  s: HuggingFaceSettings,
  edit: { model: string; provider: { value: string; setting: string }; args: Record<string, unknown> },
): Promise<ProviderImage> {
  const provider = routedProvider(edit.provider.value, ["fal-ai"], edit.provider.setting);
  const answer = await routedCall(call, s, { provider, task: "image-to-image", model: edit.model, args: edit.args });
  return routedImage(call, answer, edit.model);
}

/** An image answer: raw bytes (hf-inference), or fal's `{images: [{url}]}` / `{image: {url}}` fetched. */
export async function routedImage(call: HuggingFaceCall, answer: unknown, model: string): Promise<ProviderImage> {
  if (answer instanceof Uint8Array) return imageOf(answer, model);
  const a = answer as { images?: { url?: unknown }[]; image?: { url?: unknown } } | null;
  const url = a?.images?.[0]?.url ?? a?.image?.url;
  if (typeof url !== "string") return imageOf(new Uint8Array(), model);
  return imageOf(await download(call, url), model);
}

/** A result file: a data URL (fal's sync_mode answers) decoded here, anything else fetched. */
async function download(call: HuggingFaceCall, url: string): Promise<Uint8Array> {
  const data = /^data:[^;,]*;base64,(.*)$/s.exec(url);
  if (data) return Uint8Array.from(atob(data[1]!), (c) => c.charCodeAt(0));
  return call.run(async () => {
    const res = await call.fetch(url, { signal: call.signal });
    if (!res.ok) throw routerError(res.status, await bodyOf(res), `HTTP ${res.status}`, null);
    return new Uint8Array(await res.arrayBuffer());
  });
}
