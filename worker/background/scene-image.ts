// A scene's backdrop: painted once per scene and size by a text-to-image provider and kept in R2
// for every later generation (the plan's cost advice); drawn procedurally when no provider is
// configured or it cannot paint one now.
import { sceneBackdrop, type AnyScene } from "../../shared/background/backdrops";
import type { Rgba } from "../../shared/raster/rgba";
import { SCENE_NEGATIVE, scenePrompt } from "../../shared/prompts/scene-prompt";
import { coverResize } from "../images/rgba";
import { toJpeg } from "../images/to-jpeg";
import { callProviders } from "../providers/call-providers";
import { RetriesExhausted, RetryLater } from "../providers/retry";
import { configuredTextProviders } from "../providers/registry";
import { outsideTurn } from "../runtime/cpu-turns";
import { r2Keys } from "../storage/r2-keys";

/** A fixed seed: the same scene looks the same in every generation. */
const SCENE_SEED = 20261124;

/** Paintings under way in this isolate: poses of one generation wait for the same one. */
const painting = new Map<string, Promise<Uint8Array | null>>();

export async function sceneImage(env: Env, scene: AnyScene, width: number, height: number): Promise<Rgba> {
  const key = r2Keys.scene(scene, width, height);
  const cached = await env.IMAGES.get(key);
  if (cached) return coverResize(new Uint8Array(await cached.arrayBuffer()), width, height);
  if (configuredTextProviders(env).length === 0) return sceneBackdrop(width, height, scene);
  let paint = painting.get(key);
  if (!paint) {
    paint = paintScene(env, scene, width, height).finally(() => painting.delete(key));
    painting.set(key, paint);
  }
  // Another pose's painting may need a turn to finish: wait for it without holding ours.
  const painted = await outsideTurn(() => paint);
  return painted ? coverResize(painted, width, height) : sceneBackdrop(width, height, scene);
}

/** The provider's painting of a scene, stored in R2; null when it cannot paint one now. */
async function paintScene(env: Env, scene: AnyScene, width: number, height: number): Promise<Uint8Array | null> {
  const providers = configuredTextProviders(env);
  try {
    const { value } = await callProviders(
      env,
      providers,
      async (p, n) => {
        const image = await p.textToImage({
          prompt: scenePrompt(scene),
          negativePrompt: SCENE_NEGATIVE,
          width,
          height,
          seed: SCENE_SEED,
          model: "flux",
          traceId: `scene/${scene}/${width}x${height}.${n}`,
        });
        return toJpeg(image.bytes, p.name, { width, height });
      },
      { policy: { maxInlineWaitMs: 5_000 } },
    );
    await env.IMAGES.put(r2Keys.scene(scene, width, height), value, { httpMetadata: { contentType: "image/jpeg" } });
    return value;
  } catch (err) {
    // The pose should not wait or fail for a backdrop: draw one now, paint it another time.
    if (err instanceof RetriesExhausted || err instanceof RetryLater) return null;
    throw err;
  }
}
