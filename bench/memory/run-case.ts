// One memory case in a fresh process (`tsx bench/memory/run-case.ts <case> <side>`): loads the
// code and photon, warms photon on a small picture, then measures the case's peak
// (measure.ts) and prints it as JSON. Uploads run the production functions; each pipeline
// stage runs the same photon calls and pure compositing code as its stage file, at HD.
import { PhotonImage } from "@cf-wasm/photon";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT_SIZE } from "../../shared/api/generations";
import { colourBackdrop } from "../../shared/background/backdrops";
import { compositeSubject } from "../../shared/background/composite-subject";
import { alphaMask, fitCutout, refineMask } from "../../shared/background/person-mask";
import { ACCESSORY_ASSETS, placeAccessories, type AccessoryAsset, type Placement } from "../../shared/fashion/anchors";
import { drawPlacement } from "../../shared/fashion/composite";
import type { Rgba } from "../../shared/raster/rgba";
import { inspectImage, type ImageHeader } from "../../shared/images/inspect-image";
import { letterboxPose } from "../../shared/pose/transform";
import { BUILT_IN_TEMPLATES } from "../../shared/templates/built-in";
import { buildFigure } from "../../shared/templates/figure";
import { placeProps } from "../../shared/themes/props";
import { buildRig } from "../../worker/avatars/build-rig";
import { prepareAvatarImage } from "../../worker/images/avatar-images";
import { prepareBackground } from "../../worker/images/prepare-background";
import { coverResize, decodeRgba, encodeJpeg } from "../../worker/images/rgba";
import { toJpeg } from "../../worker/images/to-jpeg";
import { INPUT_DIR } from "./inputs";
import { instantPose } from "../../worker/providers/instant/pose";
import { peakBytes, peakBytesAsync } from "./measure";
import { exportFrame } from "./export-frame";

const [name, sideArg] = process.argv.slice(2);
const side = Number(sideArg);
const read = (file: string) => new Uint8Array(readFileSync(join(INPUT_DIR, file)));
const header = (bytes: Uint8Array) => inspectImage(bytes) as ImageHeader;
const HD = OUTPUT_SIZE.hd;
const pose = letterboxPose(buildFigure(BUILT_IN_TEMPLATES[0]!.figure), HD.width, HD.height);
/** A standing figure on the upload-sized cut-out, for the rig case. */
const uploadPose = () => letterboxPose(buildFigure(BUILT_IN_TEMPLATES[0]!.figure), side, side).people[0]!;

/** The accessory drawings as the per-isolate cache holds them (loaded before the measurement). */
function loadAssets(): Map<AccessoryAsset, Rgba> {
  const assets = new Map<AccessoryAsset, Rgba>();
  for (const asset of ACCESSORY_ASSETS) {
    assets.set(asset, decodeRgba(new Uint8Array(readFileSync(`web/build/fashion/accessories/${asset}.png`))));
  }
  return assets;
}

function drawPlacements(bytes: Uint8Array, placements: Placement[], assets: Map<AccessoryAsset, Rgba>) {
  const target = decodeRgba(bytes);
  for (const placement of placements) drawPlacement(target, assets.get(placement.asset as AccessoryAsset)!, placement);
  return encodeJpeg(target);
}

/** The segmentation provider's mask PNG as a Mask (person-mask.ts: maskFromPng). */
function maskFromPng(bytes: Uint8Array) {
  const image = decodeRgba(bytes);
  const data = new Uint8Array(image.width * image.height);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i * 4]!;
  return { width: image.width, height: image.height, data };
}

const cases: Record<string, () => () => void | Promise<void>> = {
  "avatar-jpeg": () => () => void prepareAvatarImage(...withHeader(`photo-${side}.jpg`)),
  "avatar-webp": () => () => void prepareAvatarImage(...withHeader(`photo-${side}.webp`)),
  "avatar-png": () => () => void prepareAvatarImage(...withHeader(`photo-${side}.png`)),
  "avatar-jpeg-exif5": () => () => void prepareAvatarImage(...withHeader(`photo-${side}.exif5.jpg`)),
  // An upload with a pose: the rig is made from the cut-out, then the photo is stored (routes/avatars.ts).
  "avatar-png-with-rig": () => {
    const person = uploadPose();
    return () => {
      buildRig(...withHeader(`photo-${side}.cutout.png`), person);
      prepareAvatarImage(...withHeader(`photo-${side}.png`));
    };
  },
  "background-upload": () => () => void prepareBackground(...withHeader(`photo-${side}.jpg`)),
  "stage-pose": () => () => void toJpeg(read("hd.png"), "bench", HD),
  "stage-fashion": () => {
    const assets = loadAssets();
    return () =>
      void drawPlacements(read("hd.jpg"), placeAccessories(pose, ["jewelry", "bag", "watch", "sunglasses"]), assets);
  },
  "stage-background-picture": () => () => {
    const subject = decodeRgba(read("hd.jpg"));
    const mask = refineMask(maskFromPng(read("hd.mask.png")), pose);
    const backdrop = coverResize(read(`photo-${side}.jpg`), HD.width, HD.height);
    encodeJpeg(compositeSubject(subject, mask, backdrop, { pose, colourMatch: 0.3 }));
  },
  "stage-background-cutout": () => () => {
    const subject = decodeRgba(read("hd.jpg"));
    const mask = refineMask(fitCutout(alphaMask(decodeRgba(read(`photo-${side}.cutout.png`))), pose), pose);
    encodeJpeg(
      compositeSubject(subject, mask, colourBackdrop(HD.width, HD.height, "#e8e4dc"), { pose, colourMatch: 0.3 }),
    );
  },
  // The instant provider at HD on a rig at the engine's largest working size (a cache miss: the
  // rig PNG decoded, the mesh and factors prepared, the pose drawn and encoded as PNG).
  "stage-instant": () => {
    const rig = buildRig(...withHeader(`photo-${side}.cutout.png`), uploadPose());
    const provider = instantPose();
    return async () => {
      await provider.generatePose({
        controlImage: new Uint8Array(0),
        prompt: "",
        width: HD.width,
        height: HD.height,
        instant: { rigPng: rig.png, rigPose: rig.pose, target: pose },
      } as Parameters<typeof provider.generatePose>[0]);
    };
  },
  // A result framed for a marketplace at HD, the largest canvas (1:1 padded, 1536²): the JPEG with
  // its person from instant.png, and a cut-out PNG (its own alpha), as worker/exports/frame-result.ts.
  "export-hd-pad-jpeg": () => () => void exportFrame(read("hd.jpg"), read("hd.cutout.png")),
  "export-hd-pad-cutout": () => () => void exportFrame(read("hd.cutout.png"), null),
  "stage-theme": () => {
    const assets = loadAssets();
    return () => void drawPlacements(read("hd.jpg"), placeProps(pose, ["stethoscope", "chef-hat", "book"]), assets);
  },
};

function withHeader(file: string): [Uint8Array, ImageHeader] {
  const bytes = read(file);
  return [bytes, header(bytes)];
}

const make = cases[name!];
if (!make) throw new Error(`unknown case ${name}; one of ${Object.keys(cases).join(", ")}`);
// Warm photon (instantiate the wasm module) so its start-up is not counted.
const warm = new PhotonImage(new Uint8Array(64 * 64 * 4), 64, 64);
warm.get_bytes_jpeg(80);
warm.free();
const run = make();
const measured =
  run.constructor.name === "AsyncFunction" ? await peakBytesAsync(run as () => Promise<void>) : peakBytes(run);
console.log(JSON.stringify({ name, side, peakBytes: measured }));
