// Export counts: `?download=1` on the image route counts a download of that pose (a plain view
// does not), a ZIP counts one export for each result it carried; another user's request counts
// nothing (404).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { startGeneration, uploadAvatar, waitForFinal } from "./helpers/generations";
import { signUp } from "./helpers/users";

const counts = async (generationId: string) => {
  const { results } = await env.DB.prepare(
    "SELECT pose_template_id AS pose, downloads, zip_exports AS zips FROM generated_poses WHERE generation_id = ? ORDER BY pose_template_id",
  )
    .bind(generationId)
    .all<{ pose: string; downloads: number; zips: number }>();
  return results;
};

describe("export counts", () => {
  it("counts single downloads apart from views, and one ZIP export per result in the ZIP", async () => {
    const owner = await signUp();
    const other = await signUp();
    const avatar = await uploadAvatar(owner);
    const poses = ["builtin-wave", "builtin-front-neutral"];
    const started = await startGeneration(owner, { avatarId: avatar.id, poseTemplateIds: poses });
    const done = await waitForFinal(owner, started.id);
    expect(done.poses.every((p) => p.status === "succeeded")).toBe(true);
    const base = `/api/v1/generations/${started.id}`;

    const drain = (res: Response) => res.arrayBuffer().then(() => res.status);
    expect(await drain(await owner.fetch(`${base}/poses/builtin-wave/image`))).toBe(200);
    expect(await drain(await owner.fetch(`${base}/poses/builtin-wave/image?download=1`))).toBe(200);
    expect(await drain(await owner.fetch(`${base}/poses/builtin-wave/image?download=1`))).toBe(200);
    expect(await drain(await other.fetch(`${base}/poses/builtin-wave/image?download=1`))).toBe(404);
    expect(await counts(started.id)).toEqual([
      { pose: "builtin-front-neutral", downloads: 0, zips: 0 },
      { pose: "builtin-wave", downloads: 2, zips: 0 },
    ]);

    expect(await drain(await owner.fetch(`${base}/download.zip`))).toBe(200);
    expect(await drain(await other.fetch(`${base}/download.zip`))).toBe(404);
    expect(await counts(started.id)).toEqual([
      { pose: "builtin-front-neutral", downloads: 0, zips: 1 },
      { pose: "builtin-wave", downloads: 2, zips: 1 },
    ]);
  });
});
