// Every result checked in the studio: the instant engine's results are scored by MediaPipe in the
// browser (the studio detects the pose in each picture and posts it), the server's stored scores
// are what the tiles show, stars are saved, and a drifted pose is tried again in one click.
import { describe, expect, inject, it } from "vitest";
import type { GenerationState } from "../../shared/api/generations";
import type { Pose } from "../../shared/pose/model";
import { poseScore } from "../../shared/pose/pose-score";
import { generateIn, signUpIn } from "./helpers/accounts";
import { screenshot, useChromium, watchedPage } from "./helpers/browser";
import { uploadRiggedAvatar } from "./helpers/rigged-avatar";

const origin = inject("origin");
const browser = useChromium();
const POSES = ["builtin-front-neutral", "builtin-hand-on-hip", "builtin-arms-crossed"];

describe("pose scores in the studio", () => {
  it("scores instant results with MediaPipe, stores and shows them, saves stars, and tries a drifted pose again", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const { page, outside, errors } = await watchedPage(context);
    await signUpIn(context, origin, "Scorer");
    const avatar = await uploadRiggedAvatar(context, origin, "Scored");
    const id = await generateIn(context, origin, { avatarId: avatar.id, poseTemplateIds: POSES, provider: "instant" });
    const view = async (): Promise<GenerationState> =>
      (await (
        await context.request.get(`${origin}/api/v1/generations/${id}?include=requestedPose`)
      ).json()) as GenerationState;
    // Nobody scored them yet: no detector runs on the server.
    expect((await view()).poses.map((p) => p.qualityScore)).toEqual([null, null, null]);

    await page.goto(`${origin}/studio?g=${id}`);
    const tiles = page.getByTestId("pose-result");
    await expect.poll(() => tiles.getByTestId("pose-match").count(), { timeout: 90_000 }).toBe(POSES.length);

    const stored = await view();
    for (const [i, pose] of stored.poses.entries()) {
      expect(pose.qualitySource, pose.poseTemplateId).toBe("browser");
      expect(pose.qualityScore, pose.poseTemplateId).toBeGreaterThan(0);
      // The tile shows the server's stored score.
      const shown = await tiles.nth(i).getByTestId("pose-match").textContent();
      expect(shown).toBe(`Pose match ${Math.round(pose.qualityScore! * 100)} %`);
      expect(pose.drifted).toBe(pose.qualityScore! < 0.5);
    }

    // Stars: keyboard focus and Enter.
    await tiles.nth(1).getByRole("button", { name: "4 of 5 stars" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await view()).poses[1]!.rating, { timeout: 10_000 }).toBe(4);
    expect(await tiles.nth(1).getByRole("button", { name: "4 of 5 stars" }).getAttribute("aria-pressed")).toBe("true");

    // A drifted result: a flipped detection, posted with the score it truly gives.
    const first = stored.poses[0]!;
    const requested = first.requestedPose as Pose;
    const detection: Pose = {
      ...requested,
      people: [
        {
          ...requested.people[0]!,
          body: requested.people[0]!.body.map((k) => k && { ...k, x: requested.canvasWidth - k.x }),
        },
      ],
    };
    const put = await context.request.put(`${origin}/api/v1/generations/${id}/poses/${first.poseTemplateId}/quality`, {
      headers: { origin },
      data: { detection, score: poseScore(requested, detection) },
    });
    expect(put.status()).toBe(200);
    await page.reload();
    const drifted = tiles.nth(0);
    await expect.poll(() => drifted.getByTestId("pose-drifted").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => tiles.getByTestId("pose-match").count(), { timeout: 30_000 }).toBe(POSES.length);
    await screenshot(page, "pose-score-tiles-desktop");

    // Try again: a new round; the studio scores its new image too.
    await drifted.getByTestId("try-again").click();
    await expect.poll(async () => (await view()).poses[0]!.imageUrl ?? "", { timeout: 60_000 }).toContain("?take=");
    await expect.poll(async () => (await view()).poses[0]!.qualitySource ?? "", { timeout: 90_000 }).toBe("browser");
    const again = (await view()).poses[0]!;
    expect(again.qualityScore).toBeGreaterThan(0);
    await expect
      .poll(() => drifted.getByTestId("pose-match").textContent(), { timeout: 30_000 })
      .toBe(`Pose match ${Math.round(again.qualityScore! * 100)} %`);

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});
