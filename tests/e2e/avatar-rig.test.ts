import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { readOpenPose } from "../../shared/pose/openpose-json";
import { signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { joint, screenCentre } from "./helpers/pose-canvas";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

const NECK = "0:1";
const RIGHT_ELBOW = "0:3";

describe("the avatar's rig in the browser", () => {
  it("upload a cut-out photo: the pose is detected and drawn over it, a dragged joint is saved as the rig", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    await signUpIn(context, origin, "Rina");
    const { page, outside, errors } = await watchedPage(context);
    await page.goto(`${origin}/avatars`);
    await page.getByRole("heading", { name: "Your avatars" }).waitFor();

    // A PNG whose background is already removed is its own cut-out: the rig goes with the upload.
    await page.locator('input[type="file"]').setInputFiles({
      name: "astronaut.png",
      mimeType: "image/png",
      buffer: readFileSync("tests/fixtures/astronaut.cutout.png"),
    });
    const editor = page.getByTestId("rig-editor");
    await expect.poll(() => editor.getAttribute("data-phase"), { timeout: 60_000 }).toBe("ready");
    // MediaPipe's pose, drawn over the photo: the neck sits between the astronaut's shoulders.
    const neck = await joint(page, NECK);
    expect(neck.x).toBeGreaterThan(150);
    expect(neck.x).toBeLessThan(290);
    expect(neck.y).toBeGreaterThan(200);
    expect(neck.y).toBeLessThan(340);
    expect(await editor.locator("svg image").getAttribute("href")).toMatch(/^blob:/);
    expect(await editor.locator("svg g[pointer-events] > *").count()).toBeGreaterThan(10);

    // Drag the right elbow (scrolled into view first: the editor sits below the photo).
    await page.locator(`[data-joint="${RIGHT_ELBOW}"]`).scrollIntoViewIfNeeded();
    const before = await joint(page, RIGHT_ELBOW);
    const from = await screenCentre(page, RIGHT_ELBOW);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 30, from.y - 25, { steps: 6 });
    await page.mouse.up();
    const moved = await joint(page, RIGHT_ELBOW);
    expect(Math.hypot(moved.x - before.x, moved.y - before.y)).toBeGreaterThan(15);
    await screenshot(page, "avatar-rig-correct-desktop");

    await page.getByLabel("Name").fill("Astronaut");
    const [upload] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/api/v1/avatars") && r.request().method() === "POST"),
      page.getByRole("button", { name: "Upload avatar" }).click(),
    ]);
    expect(upload.status()).toBe(201);
    const avatar = (await upload.json()) as { id: string; rig: string };
    expect(avatar.rig).toBe("ready");
    const card = page.getByTestId("avatar-card");
    await expect.poll(() => card.textContent()).toContain("Astronaut");
    expect(await card.getByTestId("rig-missing").count()).toBe(0);

    const rig = await context.request.get(`${origin}/api/v1/avatars/${avatar.id}/rig`);
    expect(rig.status()).toBe(200);
    const saved = readOpenPose(((await rig.json()) as { pose: unknown }).pose).pose;
    // The photo is 512² (under the working size), so the rig's pixels are the photo's.
    expect([saved.canvasWidth, saved.canvasHeight]).toEqual([512, 512]);
    const elbow = saved.people[0]!.body[3]!;
    expect(elbow.x).toBeCloseTo(moved.x, 1);
    expect(elbow.y).toBeCloseTo(moved.y, 1);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an avatar without a rig is marked in the list and the studio, which offers to detect its pose", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    await signUpIn(context, origin, "Budi");
    await uploadAvatarIn(context, origin, "Messi");
    const { page, errors } = await watchedPage(context);
    await page.goto(`${origin}/avatars`);
    await page.getByTestId("avatar-card").getByTestId("rig-missing").waitFor();
    expect(await page.getByTestId("avatar-card").textContent()).toContain("No pose yet");

    await page.goto(`${origin}/studio`);
    await page.getByTestId("rig-missing").waitFor();
    await page.getByRole("button", { name: "Detect pose" }).click();
    const dialog = page.getByRole("dialog");
    await expect
      .poll(() => dialog.getByTestId("rig-editor").getAttribute("data-phase"), { timeout: 60_000 })
      .toBe("ready");
    // Messi's neck, found on the avatar's own photo (548×342).
    const neck = await joint(page, NECK);
    expect(neck.x).toBeGreaterThan(150);
    expect(neck.x).toBeLessThan(400);
    expect(await dialog.getByRole("button", { name: "Save pose" }).isEnabled()).toBe(true);
    await screenshot(page, "avatar-rig-studio-detect-desktop");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an avatar saved from text goes through the same detect-and-correct step", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    await signUpIn(context, origin, "Sari");
    const { page, errors } = await watchedPage(context);
    await page.goto(`${origin}/avatars`);
    await page.getByRole("tab", { name: "Generate from text" }).click();
    await page.getByLabel("Description").fill("Young woman in a batik dress, full body");
    await page.getByLabel("Pictures").selectOption("1");
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    const candidate = page.getByTestId("candidate");
    await candidate.waitFor({ timeout: 30_000 });
    await page.getByLabel("Name for the saved avatar").fill("Batik");
    await candidate.getByRole("button", { name: "Save" }).click();
    const panel = page.getByTestId("rig-panel");
    await panel.getByRole("heading", { name: "The pose of “Batik”" }).waitFor();
    // The test provider paints a skeleton, not a person: detection ends either way, never hangs.
    await expect
      .poll(() => panel.getByTestId("rig-editor").getAttribute("data-phase"), { timeout: 60_000 })
      .not.toBe("detecting");
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, "avatar-rig-text-desktop");
    await panel.getByRole("button", { name: "Close" }).click();
    expect(await page.getByTestId("rig-panel").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
