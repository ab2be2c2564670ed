// The instant pose engine (shared/instant/, the Worker's own code) off the page's main thread:
// each avatar's rig is checked and prepared once, then every pose is one retarget + draw, so
// dragging a joint never waits for the mesh to be built.
import { RigProblem } from "$shared/instant/contract";
import { drawInstantPose } from "$shared/instant/draw-pose";
import { prepareRig, type PreparedRig } from "$shared/instant/prepare-rig";
import { retargetPose } from "$shared/instant/retarget";
import { checkRig } from "$shared/instant/rig-check";
import type { PosePerson } from "$shared/pose/model";
import { decodeImage } from "./decode-png";
import type { PreviewReply, PreviewRequest } from "./messages";

/** Prepared rigs kept (a texture of 16 bytes a pixel each): the avatar on screen and the one before it. */
const KEEP = 2;

interface Ready {
  prepared: PreparedRig;
  pose: PosePerson;
}

/** Every rig's inputs, by key (small): an evicted rig is prepared again when a pose asks for it. */
const sources = new Map<string, { png: Blob; pose: PosePerson }>();
const rigs = new Map<string, Promise<Ready>>();
const reply = (message: PreviewReply, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

async function prepare(png: Blob, pose: PosePerson): Promise<Ready> {
  const rig = { cutout: await decodeImage(png), pose };
  checkRig(rig);
  return { prepared: prepareRig(rig), pose };
}

/** The prepared rig of `key`, most recently used last (prepared again after an eviction). */
function rigOf(key: string): Promise<Ready> {
  const source = sources.get(key);
  if (!source) return Promise.reject(new Error("this avatar's rig was not sent"));
  const ready = rigs.get(key) ?? prepare(source.png, source.pose);
  rigs.delete(key);
  rigs.set(key, ready);
  for (const old of rigs.keys()) if (rigs.size > KEEP) rigs.delete(old);
  // A refused rig is answered by its "rig" reply; draws that wait on it fail on their own.
  ready.catch(() => {});
  return ready;
}

self.onmessage = async ({ data }: MessageEvent<PreviewRequest>) => {
  if (data.type === "rig") {
    const started = performance.now();
    sources.set(data.key, { png: data.png, pose: data.pose });
    try {
      await rigOf(data.key);
      reply({ type: "rig", key: data.key, ok: true, ms: performance.now() - started });
    } catch (err) {
      const code = err instanceof RigProblem ? err.code : null;
      reply({ type: "rig", key: data.key, ok: false, code, message: String((err as Error)?.message ?? err) });
    }
    return;
  }
  try {
    const { prepared, pose } = await rigOf(data.key);
    const started = performance.now();
    const picture = drawInstantPose(prepared, retargetPose(pose, data.target, data.size), data.size);
    const ms = performance.now() - started;
    const pixels = new Uint8ClampedArray(picture.image.data.buffer as ArrayBuffer);
    reply({ type: "drawn", id: data.id, width: data.size.width, height: data.size.height, pixels, ms }, [
      pixels.buffer,
    ]);
  } catch (err) {
    reply({ type: "failed", id: data.id, message: String((err as Error)?.message ?? err) });
  }
};
