// Reliability-test helpers on top of the Node API client (dev-tools/api-client.ts).
import { readFileSync } from "node:fs";
import { jsonBody, type Client, type GenerationView } from "../../../dev-tools/api-client";

/** A template of the user's own, from the A1111 OpenPose fixture. */
export async function createTemplate(user: Client, name: string, visibility: "public" | "private" = "private") {
  const keypoints = JSON.parse(readFileSync("tests/fixtures/openpose/a1111-controlnet.json", "utf8")) as unknown;
  return user.json<{ id: string }>(
    "/api/v1/templates",
    jsonBody("POST", { name, category: "custom", visibility, tags: ["reliability"], keypoints }),
  );
}

/** What is wrong with a snapshot's progress and counters (empty when it is exact). */
export function progressErrors(snapshots: GenerationView[]): string[] {
  const errors: string[] = [];
  let last = 0;
  for (const g of snapshots) {
    const count = (s: string) => g.poses.filter((p) => p.status === s).length;
    const finished = count("succeeded") + count("failed") + count("cancelled");
    if (g.poses.length !== g.totalPoses) errors.push(`${g.poses.length} poses listed of ${g.totalPoses}`);
    if (g.successfulPoses !== count("succeeded"))
      errors.push(`successfulPoses ${g.successfulPoses} ≠ ${count("succeeded")}`);
    if (g.failedPoses !== count("failed")) errors.push(`failedPoses ${g.failedPoses} ≠ ${count("failed")}`);
    if (g.progress !== Math.floor((100 * finished) / g.totalPoses))
      errors.push(`progress ${g.progress} for ${finished}`);
    if (g.progress < last) errors.push(`progress went back from ${last} to ${g.progress}`);
    last = g.progress;
  }
  return errors;
}
