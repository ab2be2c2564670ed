// Before the first picture, what the A1111 server has installed: the checkpoint per quality (an
// unknown `override_settings.sd_model_checkpoint` is silently dropped and the loaded model used,
// A1111 modules/processing.py process_images) and the openpose ControlNet model
// (sd-webui-controlnet scripts/api.py L54-58). A missing one is a setup error in plain words,
// found once per isolate instead of on every pose.
import { ProviderError, errorForThrown } from "../provider";
import { a1111Failure } from "./errors";

const NAME = "a1111";

export interface A1111Models {
  /** The checkpoint's title as the server lists it, for override_settings. */
  checkpoint: string;
  /** The ControlNet model's key as the server lists it ("name [hash]"). */
  controlnet: string;
}

interface Wanted {
  checkpoint: string;
  controlnet: string;
  checkpointSetting: string;
  controlnetSetting: string;
}

const stem = (path: string) =>
  path
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]+$/, "");

/** Checked servers: a promise per base URL and models. A setup error is kept a minute (the user may fix it). */
const checked = new Map<string, { found: Promise<A1111Models>; until: number }>();
const SETUP_ERROR_KEPT_MS = 60_000;

async function getJson(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { headers, signal });
  } catch (err) {
    throw errorForThrown(NAME, err);
  }
  const body = await res.json().catch(() => null);
  if (res.status === 404 && url.endsWith("/controlnet/model_list"))
    throw new ProviderError(
      "not_configured",
      "The A1111 server has no ControlNet (GET /controlnet/model_list answered 404): install sd-webui-controlnet, or use Forge.",
      NAME,
      undefined,
      404,
    );
  if (!res.ok) throw a1111Failure(res.status, body, res.headers.get("retry-after"));
  return body;
}

async function check(baseUrl: string, headers: Record<string, string>, wanted: Wanted, signal: AbortSignal) {
  const models = (await getJson(`${baseUrl}/sdapi/v1/sd-models`, headers, signal)) as {
    title: string;
    model_name: string;
    filename: string;
  }[];
  const checkpoint = models.find((m) =>
    [m.title, m.model_name, stem(m.filename), m.filename.split(/[\\/]/).pop()].includes(wanted.checkpoint),
  );
  if (!checkpoint)
    throw new ProviderError(
      "not_configured",
      `The A1111 server has no checkpoint "${wanted.checkpoint}" (it has: ${models.map((m) => m.model_name).join(", ") || "none"}). Put it in models/Stable-diffusion or set ${wanted.checkpointSetting}.`,
      NAME,
    );
  const { model_list: list } = (await getJson(`${baseUrl}/controlnet/model_list`, headers, signal)) as {
    model_list: string[];
  };
  const want = wanted.controlnet.toLowerCase();
  const controlnet = list.find((m) => m === wanted.controlnet || m.split(" [")[0]!.toLowerCase() === want);
  if (!controlnet)
    throw new ProviderError(
      "not_configured",
      `The A1111 server has no ControlNet model "${wanted.controlnet}" (it has: ${list.join(", ") || "none"}). Put it in models/ControlNet or set ${wanted.controlnetSetting}.`,
      NAME,
    );
  return { checkpoint: checkpoint.title, controlnet };
}

/** The server's names for the wanted models, checked once per isolate; throws a ProviderError naming what is missing. */
export function a1111Models(
  baseUrl: string,
  headers: Record<string, string>,
  wanted: Wanted,
  signal: AbortSignal,
): Promise<A1111Models> {
  const key = `${baseUrl}\n${wanted.checkpoint}\n${wanted.controlnet}`;
  const known = checked.get(key);
  if (known && known.until > Date.now()) return known.found;
  const found = check(baseUrl, headers, wanted, signal);
  const entry = { found, until: Infinity };
  checked.set(key, entry);
  // A server that could not be reached is asked again next time; a setup answer is kept a minute.
  found.catch((err: unknown) => {
    if (err instanceof ProviderError && err.kind === "not_configured") entry.until = Date.now() + SETUP_ERROR_KEPT_MS;
    else checked.delete(key);
  });
  return found;
}
