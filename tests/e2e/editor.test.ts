import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { joint, screenCentre } from "./helpers/pose-canvas";
import { VIEWPORTS, screenshot, useChromium, watchOutsideRequests } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

async function signedIn(context: BrowserContext, who: string) {
  await signUpIn(context, origin, who);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  return { page, outside: watchOutsideRequests(page), errors };
}

async function exportJson(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export JSON" }).click(),
  ]);
  return readFileSync((await download.path())!, "utf8");
}

const RIGHT_WRIST = "0:4";
const LEFT_WRIST = "0:7";

describe("template editor", () => {
  it("drags, undoes, redoes, mirrors, exports and re-imports identically, publishes; another user forks but cannot edit", async () => {
    const owner = await browser().newContext({ viewport: VIEWPORTS.desktop, acceptDownloads: true });
    const a = await signedIn(owner, "editor-owner");
    const name = `Editor wave ${Date.now()}`;

    await a.page.goto(`${origin}/editor`);
    await a.page.getByRole("heading", { name: "New pose" }).waitFor();
    await a.page.getByLabel("Template name").fill(name);
    await a.page.getByRole("button", { name: "Save as my template" }).click();
    await a.page.waitForURL(/\/editor\?id=/);
    const id = new URL(a.page.url()).searchParams.get("id")!;

    // Drag the right wrist up and out with the mouse.
    const before = await joint(a.page, RIGHT_WRIST);
    const from = await screenCentre(a.page, RIGHT_WRIST);
    await a.page.mouse.move(from.x, from.y);
    await a.page.mouse.down();
    await a.page.mouse.move(from.x - 40, from.y - 120, { steps: 8 });
    await a.page.mouse.up();
    const dragged = await joint(a.page, RIGHT_WRIST);
    expect(dragged.y).toBeLessThan(before.y - 100);
    expect(await a.page.getByTestId("selected-joint").textContent()).toBe("Right wrist");

    await a.page.keyboard.press("Control+z");
    expect(await joint(a.page, RIGHT_WRIST)).toEqual(before);
    await a.page.keyboard.press("Control+Shift+Z");
    expect(await joint(a.page, RIGHT_WRIST)).toEqual(dragged);

    // Arrow keys nudge the selected joint by one pixel (ten with Shift).
    await a.page.getByTestId("pose-canvas").focus();
    await a.page.keyboard.press("Shift+ArrowRight");
    expect((await joint(a.page, RIGHT_WRIST)).x).toBeCloseTo(dragged.x + 10, 2);
    await a.page.keyboard.press("Control+z");

    const leftBefore = await joint(a.page, LEFT_WRIST);
    await a.page.getByRole("button", { name: "Mirror" }).click();
    const width = 512;
    expect((await joint(a.page, LEFT_WRIST)).x).toBeCloseTo(width - dragged.x, 2);
    expect((await joint(a.page, RIGHT_WRIST)).x).toBeCloseTo(width - leftBefore.x, 2);

    const exported = await exportJson(a.page);
    const doc = JSON.parse(exported) as { canvas_width: number; people: { pose_keypoints_2d: number[] }[] };
    expect(doc.canvas_width).toBe(512);
    expect(doc.people[0]!.pose_keypoints_2d.slice(7 * 3, 7 * 3 + 2)).toEqual([width - dragged.x, dragged.y]);

    // Something else in between, then drop the exported file back on the canvas.
    await a.page.getByRole("button", { name: "Rotate 15° right" }).click();
    expect(await exportJson(a.page)).not.toBe(exported);
    await a.page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], "pose.json", { type: "application/json" }));
      const target = document.querySelector('[aria-label="Pose canvas"]')!.closest("section")!;
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, exported);
    await a.page.getByText("Imported pose.json").waitFor();
    expect(await exportJson(a.page)).toBe(exported);

    // A file that is not a pose is refused with a reason, and the pose stays.
    await a.page.getByTestId("import-json").setInputFiles({
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"people": "nobody"}'),
    });
    await a.page.getByRole("alert").getByText("not an OpenPose pose").waitFor();
    expect(await exportJson(a.page)).toBe(exported);

    await a.page.getByRole("button", { name: "Save changes" }).click();
    await a.page.getByText("Saved.").waitFor();
    await a.page.getByRole("button", { name: "Publish to the library" }).click();
    await expect.poll(() => a.page.getByTestId("visibility").textContent()).toContain("Public");
    const stored = await (await owner.request.get(`${origin}/api/v1/templates/${id}/openpose.json`)).json();
    expect(stored).toEqual(JSON.parse(exported));
    await screenshot(a.page, "editor-desktop");
    await a.page.getByRole("link", { name: "Use in the studio" }).click();
    await a.page.waitForURL(`${origin}/studio`);
    await a.page.locator(`img[src="/api/v1/templates/${id}/preview.png"]`).waitFor();

    // Another user, on a phone: sees it in the library, opens it read-only, forks it, edits the copy by touch.
    const other = await browser().newContext({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
    const b = await signedIn(other, "editor-other");
    await b.page.goto(`${origin}/poses`);
    await b.page.getByLabel("Search poses").fill(name);
    await expect.poll(() => b.page.getByTestId("pose-card").count()).toBe(1);
    // The card's Edit makes a copy of another user's pose; its read-only view is the editor's own page.
    await b.page.goto(`${origin}/editor?id=${encodeURIComponent(id)}`);
    await b.page.getByText("This pose belongs to someone else").waitFor();
    expect(await b.page.getByRole("toolbar").count()).toBe(0);
    expect(await b.page.getByRole("button", { name: "Save changes" }).count()).toBe(0);
    await screenshot(b.page, "editor-readonly-phone");
    const refused = await other.request.patch(`${origin}/api/v1/templates/${id}`, {
      headers: { origin },
      data: { name: "Taken over" },
    });
    expect(refused.status()).toBe(403);

    await b.page.getByRole("button", { name: "Fork to edit" }).click();
    await b.page.getByRole("heading", { name: `${name} (copy)` }).waitFor();
    const forkId = new URL(b.page.url()).searchParams.get("id")!;
    expect(forkId).not.toBe(id);
    const touchBefore = await joint(b.page, RIGHT_WRIST);
    const at = await screenCentre(b.page, RIGHT_WRIST);
    const cdp = await other.newCDPSession(b.page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
    await touch("touchStart", at.x, at.y);
    for (let i = 1; i <= 6; i++) await touch("touchMove", at.x, at.y + i * 8);
    await touch("touchEnd", at.x, at.y + 48);
    expect((await joint(b.page, RIGHT_WRIST)).y).toBeGreaterThan(touchBefore.y + 30);
    await b.page.getByRole("button", { name: "Save changes" }).click();
    await b.page.getByText("Saved.").waitFor();
    await screenshot(b.page, "editor-phone");

    const original = await (await owner.request.get(`${origin}/api/v1/templates/${id}/openpose.json`)).json();
    expect(original).toEqual(JSON.parse(exported));
    expect([...a.outside, ...b.outside]).toEqual([]);
    expect([...a.errors, ...b.errors]).toEqual([]);
    await owner.close();
    await other.close();
  });
  it("opens the tools' files: asks which pose of a ComfyUI batch and the size of a CMU OpenPose file; exports for each tool", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop, acceptDownloads: true });
    const a = await signedIn(context, "editor-files");
    await a.page.goto(`${origin}/editor`);
    await a.page.getByRole("heading", { name: "New pose" }).waitFor();
    const nose = async () => JSON.parse(await exportJson(a.page)).people[0].pose_keypoints_2d.slice(0, 2) as number[];

    // A batch of two frames: both shown as skeletons, the second one picked.
    await a.page.getByTestId("import-json").setInputFiles("tests/fixtures/openpose/tools/comfyui-batch.json");
    await a.page.getByText("holds 2 poses").waitFor();
    expect(await a.page.getByTestId("frame").count()).toBe(2);
    expect(
      await a.page.getByTestId("frame").first().locator("svg line, svg path, svg ellipse").count(),
    ).toBeGreaterThan(5);
    await screenshot(a.page, "editor-import-batch");
    await a.page.getByRole("button", { name: "Pose 2" }).click();
    await a.page.getByText("Imported comfyui-batch.json").waitFor();
    expect(await a.page.getByTestId("pose-file-choice").count()).toBe(0);
    const [x, y] = await nose();
    expect(Math.abs(x! - 296.412)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(y! - 118.237)).toBeLessThanOrEqual(0.5);

    // CMU OpenPose names no canvas: the size is asked, with a suggestion that holds every joint.
    await a.page.getByTestId("import-json").setInputFiles("tests/fixtures/openpose/tools/cmu-1.3-body25.json");
    await a.page.getByText("does not say how big its picture was").waitFor();
    const suggested = Number(await a.page.getByLabel("Height (px)").inputValue());
    expect(suggested).toBeGreaterThan(641);
    await screenshot(a.page, "editor-import-size");
    await a.page.getByLabel("Width (px)").fill("512");
    await a.page.getByLabel("Height (px)").fill("768");
    await a.page.getByRole("button", { name: "Open", exact: true }).click();
    await a.page.getByText("Imported cmu-1.3-body25.json").waitFor();
    const editor = JSON.parse(await exportJson(a.page));
    expect([editor.canvas_width, editor.canvas_height]).toEqual([512, 768]);
    // BODY_25's RHip (index 9) is the 18-point RHip (index 8), visible at confidence 1.0.
    expect(editor.people[0].pose_keypoints_2d.slice(8 * 3, 8 * 3 + 3).map((v: number) => Math.round(v))).toEqual([
      228, 379, 1,
    ]);

    // The same pose for each tool, in that tool's own shape.
    await a.page.getByTestId("export-flavour").selectOption("comfyui");
    const comfy = JSON.parse(await exportJson(a.page));
    expect(Array.isArray(comfy) && comfy.length === 1 && !("animals" in comfy[0])).toBe(true);
    await a.page.getByTestId("export-flavour").selectOption("a1111");
    const a1111 = JSON.parse(await exportJson(a.page));
    expect(a1111.animals).toEqual([]);
    expect(a1111.people[0].face_keypoints_2d).toBeNull();
    await a.page.getByTestId("export-flavour").selectOption("native");
    const native = JSON.parse(await exportJson(a.page));
    expect(native.people[0].pose_keypoints_2d[8 * 3 + 2]).toBe(0.702231);
    expect([...a.outside, ...a.errors]).toEqual([]);
    await context.close();
  });
});
