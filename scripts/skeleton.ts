// `npm run skeleton -- in.json out.png [width height]`: renders OpenPose JSON to the ControlNet
// skeleton PNG with the same code as POST /api/v1/skeleton.
import { readFileSync, writeFileSync } from "node:fs";
import { readOpenPose } from "../shared/pose/openpose-json";
import { renderSkeletonPng } from "../shared/skeleton/render-png";

const [input, output, width, height] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: npm run skeleton -- in.json out.png [width height]");
  process.exit(2);
}
try {
  const { pose } = readOpenPose(JSON.parse(readFileSync(input, "utf8")));
  const size = width && height ? { width: Number(width), height: Number(height) } : {};
  const png = renderSkeletonPng(pose, size);
  writeFileSync(output, png);
  console.log(`${output}: ${size.width ?? pose.canvasWidth}×${size.height ?? pose.canvasHeight}, ${png.length} bytes`);
} catch (err) {
  console.error(`${input}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
