// Reading and grabbing the joints of the editor's PoseCanvas (the template editor, the avatar's rig).
import type { Page } from "playwright-core";

/** Where joint `ref` ("person:joint") sits, in canvas pixels, as the editor holds it. */
export async function joint(page: Page, ref: string) {
  const handle = page.locator(`[data-joint="${ref}"]`);
  return { x: Number(await handle.getAttribute("data-x")), y: Number(await handle.getAttribute("data-y")) };
}

/** The joint's dot centre on screen, for mouse drags. */
export async function screenCentre(page: Page, ref: string) {
  const box = (await page.locator(`[data-joint="${ref}"] .dot`).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
