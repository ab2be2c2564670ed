import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { mediapipeToOpenPose, type Landmark } from "../../shared/pose/mediapipe";
import { readOpenPose } from "../../shared/pose/openpose-json";
import { VIEWPORTS, screenshot, useChromium, watchOutsideRequests } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();
const fixture = JSON.parse(readFileSync("tests/fixtures/messi5.landmarks.json", "utf8")) as {
  imageWidth: number;
  imageHeight: number;
  landmarks: Landmark[];
};

describe("pose from a photo", () => {
  it("finds the 18 points in the browser, within 5 % of the fixture, and saves them as a template", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    const page = await context.newPage();
    const outside = watchOutsideRequests(page);
    const signUp = await context.request.post(`${origin}/api/auth/sign-up/email`, {
      headers: { origin },
      data: { email: `capture-${Date.now()}@example.com`, password: "correct horse battery", name: "Nia" },
    });
    expect(signUp.status()).toBe(200);

    await page.goto(`${origin}/capture`);
    await page.getByRole("heading", { name: "Pose from a photo" }).waitFor();
    await page.locator('input[type="file"]').setInputFiles("tests/fixtures/messi5.jpg");
    await expect
      .poll(() => page.getByTestId("capture-status").textContent(), { timeout: 45_000 })
      .toContain("Found 18 of 18");
    await page.getByTestId("overlay").waitFor();
    await screenshot(page, "capture-desktop");

    await page.getByLabel("Template name").fill("Messi strike");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/api/v1/templates") && r.method() === "POST"),
      page.getByRole("button", { name: "Save as template" }).click(),
    ]);
    await page.getByText("Saved “Messi strike”").waitFor();
    const saved = readOpenPose((request.postDataJSON() as { keypoints: unknown }).keypoints).pose;
    const expected = mediapipeToOpenPose(fixture.landmarks, fixture.imageWidth, fixture.imageHeight);
    const tolerance = 0.05 * Math.max(fixture.imageWidth, fixture.imageHeight);
    saved.people[0]!.body.forEach((p, i) => {
      const q = expected.body[i]!;
      expect(p, `point ${i}`).not.toBeNull();
      expect(Math.hypot(p!.x - q.x, p!.y - q.y), `point ${i}`).toBeLessThan(tolerance);
    });

    const mine = (await (await context.request.get(`${origin}/api/v1/templates?mine=true`)).json()) as {
      items: { name: string }[];
    };
    expect(mine.items.map((t) => t.name)).toEqual(["Messi strike"]);
    expect(outside).toEqual([]);
    await context.close();
  });
});
