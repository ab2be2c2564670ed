import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A photo as one second of 30 fps YUV4MPEG2 (Debian's ffmpeg), for Chromium's fake webcam, which
 * loops it. Returns the Chromium flags that make getUserMedia play it without a permission prompt.
 */
export function fakeCameraArgs(photo: string): string[] {
  const video = join(mkdtempSync(join(tmpdir(), "pose-camera-")), "camera.y4m");
  execFileSync("ffmpeg", [
    "-loglevel", "error", "-y", "-loop", "1", "-i", photo,
    "-t", "1", "-r", "30", "-pix_fmt", "yuv420p", video,
  ]); // prettier-ignore
  return [
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-video-capture=${video}`,
  ];
}
