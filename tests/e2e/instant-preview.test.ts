// The instant preview in the browser: an avatar uploaded with its rig (messi5's cut-out and pose)
// shows, before Generate, the person in each picked pose in the studio, and in the editor the pose
// being dragged, redrawn while the joint moves. A rig the engine refuses says why instead.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { queryLocal } from "../../scripts/local-env.mjs";
import { signUpIn, uploadRiggedAvatar } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";
import { screenCentre } from "./helpers/pose-canvas";

const origin = inject("origin");
const stateDir = inject("stateDir");
const browser = useChromium();
const RIGHT_WRIST = "0:4";

interface Pixels {
  /** Opaque pixels (alpha ≥ 200) of the canvas, by index. */
  opaque: number[];
  /** Share of the opaque pixels whose colour (16 levels a channel, ±1) the cut-out's person has. */
  personColours: number;
  /** Distinct colours (16 levels a channel) among the opaque pixels: a photo's texture, not flat paint. */
  colours: number;
}

/** What a preview canvas shows, judged against the avatar's own cut-out (its rig image). */
async function pixelsOf(canvas: Locator, avatarId: string): Promise<Pixels> {
  return canvas.evaluate(async (el, rigUrl) => {
    const bin = (d: Uint8ClampedArray, i: number) => ((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4);
    const source = await createImageBitmap(await (await fetch(rigUrl)).blob());
    const off = new OffscreenCanvas(source.width, source.height).getContext("2d")!;
    off.drawImage(source, 0, 0);
    const src = off.getImageData(0, 0, source.width, source.height).data;
    const known = new Set<number>();
    for (let i = 0; i < src.length; i += 4) if (src[i + 3]! >= 128) known.add(bin(src, i));
    const near = (b: number) => {
      const [r, g, bl] = [b >> 8, (b >> 4) & 15, b & 15];
      for (let dr = -1; dr <= 1; dr++)
        for (let dg = -1; dg <= 1; dg++)
          for (let db = -1; db <= 1; db++) if (known.has(((r + dr) << 8) | ((g + dg) << 4) | (bl + db))) return true;
      return false;
    };
    const c = el as HTMLCanvasElement;
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    const opaque: number[] = [];
    const seen = new Set<number>();
    let matching = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 200) continue;
      opaque.push(i / 4);
      seen.add(bin(data, i));
      if (near(bin(data, i))) matching++;
    }
    return { opaque, personColours: matching / Math.max(opaque.length, 1), colours: seen.size };
  }, `/api/v1/avatars/${avatarId}/rig/image`);
}

/** The share of pixels opaque in one picture and not in the other, over those opaque in either. */
function maskDifference(a: number[], b: number[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  const either = new Set([...a, ...b]).size;
  return ([...sa].filter((i) => !sb.has(i)).length + [...sb].filter((i) => !sa.has(i)).length) / Math.max(either, 1);
}

/** The person's own pixels, a figure's worth of them (the canvas is 256×384). */
function expectPerson(p: Pixels) {
  expect(p.opaque.length).toBeGreaterThan(3000);
  expect(p.personColours).toBeGreaterThan(0.95);
  expect(p.colours).toBeGreaterThan(40);
}

/** A new user (in a context of its own) with the rigged avatar, and a watched page. */
async function riggedUser(viewport: { width: number; height: number }, name: string) {
  const context = await browser().newContext({ viewport });
  await signUpIn(context, origin, name);
  const avatar = await uploadRiggedAvatar(context, origin, name);
  return { context, avatar, ...(await watchedPage(context)) };
}

const drawnCount = async (canvas: Locator) => Number(await canvas.getAttribute("data-drawn"));

/** Picks built-in poses by name in the library (others' public poses may come first) and goes on to the studio. */
async function pickPoses(page: Page, names: string[]) {
  await page.goto(`${origin}/poses`);
  const cards = page.getByTestId("pose-card");
  await cards.first().waitFor();
  for (const name of names) await cards.filter({ hasText: name }).first().click();
  await page.getByRole("button", { name: `Generate with ${names.length} poses` }).click();
  await page.waitForURL(`${origin}/studio`);
}

describe("the instant preview", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`shows the avatar in each picked pose in the studio, and live in the editor while a wrist is dragged (${viewport})`, async () => {
      const { context, avatar, page, outside, errors } = await riggedUser(size, "Putri");

      await pickPoses(page, ["Front, arms relaxed", "Stretching up"]);
      const previews = page.getByTestId("pose-previews");
      await previews.getByRole("heading", { name: "Preview — instant (no AI)" }).waitFor();
      const canvases = previews.getByTestId("instant-preview");
      await expect.poll(() => canvases.count(), { timeout: 30_000 }).toBe(2);
      for (let i = 0; i < 2; i++) await expect.poll(() => drawnCount(canvases.nth(i)), { timeout: 60_000 }).toBe(1);
      const [first, second] = [await pixelsOf(canvases.nth(0), avatar.id), await pixelsOf(canvases.nth(1), avatar.id)];
      expectPerson(first);
      expectPerson(second);
      // Two poses, two different silhouettes.
      expect(maskDifference(first.opaque, second.opaque)).toBeGreaterThan(0.1);
      await canvases.nth(1).scrollIntoViewIfNeeded();
      await screenshot(page, `instant-preview-studio-${viewport}`);

      // The editor previews the pose on the first avatar with a rig, and follows a dragged wrist.
      await page.goto(`${origin}/editor`);
      const card = page.getByTestId("avatar-pose-preview");
      await expect.poll(() => card.getByLabel("Show on avatar").inputValue(), { timeout: 30_000 }).toBe(avatar.id);
      const canvas = card.getByTestId("instant-preview");
      await expect.poll(() => drawnCount(canvas), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
      const before = await pixelsOf(canvas, avatar.id);
      expectPerson(before);
      const drawsBefore = await drawnCount(canvas);

      await page.locator(`[data-joint="${RIGHT_WRIST}"]`).scrollIntoViewIfNeeded();
      const from = await screenCentre(page, RIGHT_WRIST);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      for (let step = 1; step <= 6; step++) await page.mouse.move(from.x - 8 * step, from.y - 20 * step);
      // Redrawn while the button is still down: the preview follows the drag, not only its end.
      await expect.poll(() => drawnCount(canvas), { timeout: 30_000 }).toBeGreaterThan(drawsBefore);
      await page.mouse.move(from.x - 50, from.y - 130);
      await page.mouse.up();
      // The last position is drawn once the draws in flight are done.
      await expect
        .poll(async () => maskDifference(before.opaque, (await pixelsOf(canvas, avatar.id)).opaque), {
          timeout: 30_000,
        })
        .toBeGreaterThan(0.03);
      expectPerson(await pixelsOf(canvas, avatar.id));
      await card.scrollIntoViewIfNeeded();
      await screenshot(page, `instant-preview-editor-${viewport}`);

      // None: no preview.
      await card.getByLabel("Show on avatar").selectOption("");
      await expect.poll(() => card.getByTestId("instant-preview").count()).toBe(0);
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("a rig the engine refuses shows the engine's reason instead of a preview", async () => {
    const { context, avatar, page, errors } = await riggedUser(VIEWPORTS.desktop, "Wulan");
    // The torso moved into the empty corner of the picture: the pose no longer lies on the person.
    const corner = Array.from({ length: 18 }, (_, i) => ({ x: 4 + (i % 4) * 4, y: 4 + Math.floor(i / 4) * 4, c: 1 }));
    const rigPose = {
      canvasWidth: 548,
      canvasHeight: 342,
      people: [{ body: corner, face: null, leftHand: null, rightHand: null }],
    };
    queryLocal(stateDir, `update avatars set rig_pose = '${JSON.stringify(rigPose)}' where id = '${avatar.id}'`);
    await pickPoses(page, ["Hand on hip"]);
    const refused = page.getByTestId("pose-previews").getByTestId("preview-refused");
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toContain("The instant engine cannot use this avatar's pose:");
    expect(await refused.textContent()).toMatch(/pose|person/);
    expect(await page.getByTestId("pose-previews").getByTestId("instant-preview").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
