// The README's picture of the instant engine: for each test photo, its cut-out and six built-in
// poses drawn by the engine exactly as the Worker draws them (the instant vendor's one door to
// shared/instant/, then the pose stage's studio backdrop), side by side in one JPEG.
// Run: `npm run build:web` once (MediaPipe finds the astronaut's pose), then `npm run contact-sheet`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { PhotonImage, SamplingFilter, resize } from "@cf-wasm/photon";
import { openPoseDetector } from "../dev-tools/browser/pose-detector";
import { OUTPUT_SIZE } from "../shared/api/generations";
import { sceneBackdrop } from "../shared/background/backdrops";
import { compositeSubject } from "../shared/background/composite-subject";
import type { AvatarRig } from "../shared/instant/contract";
import { mediapipeToOpenPose, type Landmark } from "../shared/pose/mediapipe";
import type { Rgba } from "../shared/raster/rgba";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { buildFigure } from "../shared/templates/figure";
import { alphaOf } from "../worker/pipeline/instant-pose";
import { decodeRgba } from "../worker/images/rgba";
import { drawInstant } from "../worker/providers/instant/draw";

const OUT = new URL("../docs/images/instant-poses.jpg", import.meta.url);
/** The home page's examples: the first photo and three of its poses, one JPEG each. */
const HOME_EXAMPLES = new URL("../web/static/examples/", import.meta.url);
const HOME_POSES = ["front-neutral", "wave", "chair-front"];
const POSES = ["front-neutral", "both-hands-hips", "walk-front", "wave", "stretch-up", "chair-front"];
const SIZE = OUTPUT_SIZE.sd;
/** Each tile is the output picture at 3/8 scale; a small gap between tiles. */
const TILE = { width: 192, height: 288 };
const GAP = 6;
const QUALITY = 80;

const fixture = (name: string) => readFileSync(new URL(`../tests/fixtures/${name}`, import.meta.url));

/** A picture (person with alpha) over the pose stage's studio backdrop, as the studio shows it. */
const onStudio = (picture: Rgba) =>
  compositeSubject(picture, alphaOf(picture), sceneBackdrop(picture.width, picture.height, "studio"), {
    colourMatch: 0,
  });

/** The cut-out letterboxed into a transparent picture of the output's size, so every tile matches. */
function letterboxed(cutout: Rgba): Rgba {
  const s = Math.min(SIZE.width / cutout.width, SIZE.height / cutout.height);
  const [w, h] = [Math.round(cutout.width * s), Math.round(cutout.height * s)];
  const scaled = scale(cutout, w, h);
  const out = new Uint8Array(SIZE.width * SIZE.height * 4);
  const [x0, y0] = [Math.floor((SIZE.width - w) / 2), Math.floor((SIZE.height - h) / 2)];
  for (let y = 0; y < h; y++)
    out.set(scaled.data.subarray(y * w * 4, (y + 1) * w * 4), ((y0 + y) * SIZE.width + x0) * 4);
  return { width: SIZE.width, height: SIZE.height, data: out };
}

/** Lanczos resampling through photon (the image library the Worker uses). */
function scale(image: Rgba, width: number, height: number): Rgba {
  const photon = new PhotonImage(Uint8Array.from(image.data), image.width, image.height);
  const resized = resize(photon, width, height, SamplingFilter.Lanczos3);
  photon.free();
  const data = resized.get_raw_pixels();
  resized.free();
  return { width, height, data };
}

/** The two test photos' rigs: messi5's stored MediaPipe landmarks, the astronaut's found now. */
async function rigs(): Promise<(AvatarRig & { png: Uint8Array })[]> {
  const messi = JSON.parse(fixture("messi5.landmarks.json").toString("utf8"));
  const detector = await openPoseDetector("full");
  try {
    const astronaut = await detector.detect(new Uint8Array(fixture("astronaut.png")));
    if (!astronaut) throw new Error("MediaPipe found no person on astronaut.png");
    return [
      {
        png: new Uint8Array(fixture("messi5.cutout.png")),
        cutout: decodeRgba(new Uint8Array(fixture("messi5.cutout.png"))),
        pose: mediapipeToOpenPose(messi.landmarks as Landmark[], messi.imageWidth, messi.imageHeight),
      },
      {
        png: new Uint8Array(fixture("astronaut.cutout.png")),
        cutout: decodeRgba(new Uint8Array(fixture("astronaut.cutout.png"))),
        pose: astronaut,
      },
    ];
  } finally {
    await detector.close();
  }
}

/** Rows of tiles (the cut-out, then each pose) on a white sheet. */
function sheet(rows: Rgba[][]): Rgba {
  const columns = Math.max(...rows.map((r) => r.length));
  const width = columns * TILE.width + (columns + 1) * GAP;
  const height = rows.length * TILE.height + (rows.length + 1) * GAP;
  const data = new Uint8Array(width * height * 4).fill(255);
  rows.forEach((row, r) =>
    row.forEach((tile, c) => {
      const [x0, y0] = [GAP + c * (TILE.width + GAP), GAP + r * (TILE.height + GAP)];
      for (let y = 0; y < tile.height; y++)
        data.set(tile.data.subarray(y * tile.width * 4, (y + 1) * tile.width * 4), ((y0 + y) * width + x0) * 4);
    }),
  );
  return { width, height, data };
}

const templates = POSES.map((slug) => {
  const template = BUILT_IN_TEMPLATES.find((t) => t.slug === slug);
  if (!template) throw new Error(`no built-in template "${slug}"`);
  return buildFigure(template.figure, SIZE.width, SIZE.height);
});
const rows: Rgba[][] = [];
for (const rig of await rigs()) {
  const stored = { png: rig.png, pose: rig.pose, decode: decodeRgba };
  const poses: Rgba[] = [];
  for (const target of templates) poses.push(onStudio((await drawInstant(stored, target, SIZE)).image));
  rows.push([onStudio(letterboxed(rig.cutout)), ...poses]);
}
const homeTiles: [string, Rgba][] = [
  ["messi5-photo", rows[0]![0]!],
  ...HOME_POSES.map((slug): [string, Rgba] => [`messi5-${slug}`, rows[0]![1 + POSES.indexOf(slug)]!]),
];
mkdirSync(HOME_EXAMPLES, { recursive: true });
for (const [name, tile] of homeTiles) {
  const small = scale(tile, TILE.width, TILE.height);
  const image = new PhotonImage(Uint8Array.from(small.data), small.width, small.height);
  writeFileSync(new URL(`${name}.jpg`, HOME_EXAMPLES), image.get_bytes_jpeg(QUALITY));
  image.free();
}
const picture = sheet(rows.map((row) => row.map((tile) => scale(tile, TILE.width, TILE.height))));
const photon = new PhotonImage(Uint8Array.from(picture.data), picture.width, picture.height);
const jpeg = photon.get_bytes_jpeg(QUALITY);
photon.free();
mkdirSync(new URL(".", OUT), { recursive: true });
writeFileSync(OUT, jpeg);
console.log(`wrote ${OUT.pathname}: ${picture.width}×${picture.height}, ${Math.round(jpeg.length / 1024)} KB`);
