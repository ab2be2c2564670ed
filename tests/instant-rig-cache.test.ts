// The instant provider prepares an avatar's rig once for all its poses (a per-isolate cache keyed
// by the rig's content): the same rig is prepared once, a rig saved again under the same R2 key
// with other pixels or another pose is prepared anew (never served stale), at most two rigs are
// kept, and a rig that fails to prepare is not kept.
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutputSize } from "../shared/instant/contract";
import type { Pose, PosePerson } from "../shared/pose/model";
import { decodeRgba, encodePng } from "../worker/images/rgba";
import { drawInstant, useInstantEngine } from "../worker/providers/instant/draw";
import { PreparedRigCache, rigKey } from "../worker/providers/instant/rig-cache";
import { ASTRONAUT_POSE } from "./helpers/astronaut-pose";
import { testInstantEngine } from "./helpers/test-instant-engine";

const { engine, calls } = testInstantEngine();
beforeAll(() => useInstantEngine(engine));
afterAll(() => useInstantEngine(null));

const SIZE: OutputSize = { width: 256, height: 384 };
const PNG = new Uint8Array(env.FIXTURE_ASTRONAUT_CUTOUT_PNG);
const target: Pose = { canvasWidth: 512, canvasHeight: 512, people: [ASTRONAUT_POSE] };

/** The fixture with a block of its opaque pixels cleared: the same size, other content. */
function editedPng(): Uint8Array {
  const image = decodeRgba(PNG);
  for (let y = 300; y < 512; y++) for (let x = 0; x < 256; x++) image.data[(y * image.width + x) * 4 + 3] = 0;
  return encodePng(image);
}

const rig = (png: Uint8Array, pose: PosePerson = ASTRONAUT_POSE) => {
  let decoded = 0;
  return {
    rig: {
      png,
      pose,
      decode: (bytes: Uint8Array) => {
        decoded++;
        return decodeRgba(bytes);
      },
    },
    decoded: () => decoded,
  };
};

describe("the instant provider's prepared-rig cache", () => {
  it("prepares (and decodes) a rig once for many poses", async () => {
    const before = calls.prepare;
    const r = rig(PNG);
    for (let i = 0; i < 3; i++) await drawInstant(r.rig, target, SIZE);
    expect(calls.prepare - before).toBe(1);
    expect(r.decoded()).toBe(1);
  });

  it("prepares a changed rig anew: other pixels under the same key, or another pose", async () => {
    const first = await drawInstant(rig(PNG).rig, target, SIZE);
    const before = calls.prepare;
    const edited = await drawInstant(rig(editedPng()).rig, target, SIZE);
    expect(calls.prepare - before).toBe(1);
    expect(edited.mask.data).not.toEqual(first.mask.data);
    const moved: PosePerson = { ...ASTRONAUT_POSE, body: ASTRONAUT_POSE.body.map((p) => p && { ...p, x: p.x + 5 }) };
    await drawInstant(rig(PNG, moved).rig, target, SIZE);
    expect(calls.prepare - before).toBe(2);
  });

  it("keys by content: same bytes and pose give the same key, one changed byte another", async () => {
    const copy = PNG.slice();
    expect(await rigKey(copy, ASTRONAUT_POSE)).toBe(await rigKey(PNG, ASTRONAUT_POSE));
    copy[copy.length - 20] = copy[copy.length - 20]! ^ 1;
    expect(await rigKey(copy, ASTRONAUT_POSE)).not.toBe(await rigKey(PNG, ASTRONAUT_POSE));
  });

  it("keeps at most two rigs, the least recently used goes first, and never keeps a failure", () => {
    const cache = new PreparedRigCache<string>(2, 1000);
    let made = 0;
    const get = (key: string) =>
      cache.get(
        key,
        () => (made++, key),
        () => 10,
      );
    get("a");
    get("b");
    get("a");
    get("c"); // evicts b, the least recently used
    expect(cache.size).toBe(2);
    get("a");
    expect(made).toBe(3);
    get("b");
    expect(made).toBe(4);
    expect(() =>
      cache.get(
        "bad",
        () => {
          throw new Error("unusable rig");
        },
        () => 10,
      ),
    ).toThrow("unusable rig");
    expect(cache.size).toBe(2);
    // A rig larger than the byte budget is drawn but not kept.
    cache.get(
      "huge",
      () => "huge",
      () => 5000,
    );
    expect(cache.size).toBe(2);
    get("huge"); // prepared again: it was not kept
    expect(made).toBe(5);
  });
});
