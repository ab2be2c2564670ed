import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addTfliteMetadata, imageModelMetadata, readMetadataNames } from "./tflite-metadata";

describe("TFLite metadata writer", () => {
  const original = new Uint8Array(env.FIXTURE_POSE_LANDMARK_TFLITE);
  const metadata = imageModelMetadata("pose_landmarks_detector", 0, 255);
  const patched = addTfliteMetadata(original, metadata);

  it("writes a ModelMetadata flatbuffer with the M001 identifier", () => {
    expect(new TextDecoder().decode(metadata.subarray(4, 8))).toBe("M001");
  });

  it("keeps the original model byte for byte, 16-aligned, after a new root", () => {
    const shift = patched.length - original.length;
    expect(shift % 16).toBe(0);
    expect(patched.subarray(shift)).toEqual(original);
    expect(new TextDecoder().decode(patched.subarray(4, 8))).toBe("TFL3");
  });

  it("adds one buffer holding the metadata and names it TFLITE_METADATA", () => {
    const before = readMetadataNames(original);
    const after = readMetadataNames(patched);
    expect(after.buffers).toBe(before.buffers + 1);
    expect(after.names).toEqual([...before.names, "TFLITE_METADATA"]);
    expect(after.bufferData(after.buffers - 1)).toEqual(metadata);
    // The original buffers are still reachable through the new root.
    for (let i = 0; i < before.buffers; i += 37) expect(after.bufferData(i)).toEqual(before.bufferData(i));
  });

  it("leaves a model that already has metadata alone", () => {
    expect(addTfliteMetadata(patched, metadata)).toBe(patched);
  });

  it("refuses a file that is not a TFLite model", () => {
    expect(() => addTfliteMetadata(new Uint8Array(64), metadata)).toThrow(/TFLite/);
  });
});
