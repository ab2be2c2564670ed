// What the FAKE ComfyUI "generates" — a test tool: a PNG drawn from what the graph loads, so
// tests can see which inputs reached it. txt2img: the EmptyLatentImage's size in a colour from the
// positive prompt and seed, the ControlNet's skeleton drawn over it; img2img: the starting picture
// tinted that colour under the skeleton; inpainting: the picture with the mask's region (red
// channel, as LoadImageMask channel "red" reads it, nodes.py:1706-1741) painted that colour.
import { createHash } from "node:crypto";
import { PhotonImage } from "@cf-wasm/photon";

export type Graph = Record<string, { class_type?: string; inputs?: Record<string, unknown> }>;
interface Picture {
  width: number;
  height: number;
  rgba: Uint8Array;
}

function decode(bytes: Uint8Array | undefined): Picture | null {
  if (!bytes) return null;
  const photo = PhotonImage.new_from_byteslice(bytes);
  try {
    return { width: photo.get_width(), height: photo.get_height(), rgba: photo.get_raw_pixels() };
  } finally {
    photo.free();
  }
}

/** The PNG the graph's SaveImage gets; `input` reads an uploaded file by name. */
export function renderPrompt(prompt: Graph, input: (name: string) => Uint8Array | undefined): Uint8Array {
  const node = (link: unknown) => prompt[String((link as [string, number])[0])];
  const ofClass = (c: string) => Object.values(prompt).find((n) => n.class_type === c);
  const loaded = (link: unknown) => decode(input(String(node(link)?.inputs?.image)));
  const sampler = ofClass("KSampler")?.inputs ?? {};
  // The positive text: follow KSampler.positive back through conditioning nodes to CLIPTextEncode.
  let positive = node(sampler.positive);
  while (positive && positive.class_type !== "CLIPTextEncode") positive = node(positive.inputs?.positive);
  const hash = createHash("sha256")
    .update(`${String(positive?.inputs?.text)}#${String(sampler.seed)}`)
    .digest();
  const colour = [40 + (hash[0]! % 180), 40 + (hash[1]! % 180), 40 + (hash[2]! % 180)];

  const inpaint = ofClass("InpaintModelConditioning")?.inputs;
  const init = ofClass("VAEEncode")?.inputs;
  const latent = ofClass("EmptyLatentImage")?.inputs;
  const base = inpaint ? loaded(inpaint.pixels) : init ? loaded(init.pixels) : null;
  const width = base?.width ?? Number(latent?.width ?? 512);
  const height = base?.height ?? Number(latent?.height ?? 512);
  const out = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++)
      out[i * 4 + c] = base
        ? inpaint
          ? base.rgba[i * 4 + c]!
          : (base.rgba[i * 4 + c]! + colour[c]!) >> 1
        : colour[c]!;
    out[i * 4 + 3] = 255;
  }
  if (inpaint) {
    const mask = loaded(inpaint.mask);
    if (mask) paintMask(out, width, height, mask, colour);
  }
  const control = ofClass("ControlNetApplyAdvanced")?.inputs;
  const skeleton = control ? loaded(control.image) : null;
  if (skeleton) drawOver(out, width, height, skeleton);
  const png = new PhotonImage(out, width, height);
  try {
    return png.get_bytes();
  } finally {
    png.free();
  }
}

/** Blends the colour in by the mask's red channel, the mask scaled to the picture (nearest). */
function paintMask(out: Uint8Array, width: number, height: number, mask: Picture, colour: number[]) {
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const m =
        mask.rgba[(Math.floor((y * mask.height) / height) * mask.width + Math.floor((x * mask.width) / width)) * 4]! /
        255;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out[o + c] = Math.round(colour[c]! * m + out[o + c]! * (1 - m));
    }
}

/** The skeleton's lit pixels over the picture, scaled to it (nearest). */
function drawOver(out: Uint8Array, width: number, height: number, skeleton: Picture) {
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const s =
        (Math.floor((y * skeleton.height) / height) * skeleton.width + Math.floor((x * skeleton.width) / width)) * 4;
      if ((skeleton.rgba[s]! | skeleton.rgba[s + 1]! | skeleton.rgba[s + 2]!) === 0) continue;
      out.set(skeleton.rgba.subarray(s, s + 3), (y * width + x) * 4);
    }
}
