import { describe, expect, inject, it } from "vitest";
import { generateIn, signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";
import { imagePixels } from "./helpers/pixels";

const origin = inject("origin");
const browser = useChromium();
// Seated, side view: the head is close to the top edge, where the pilot cap was cut off.
const POSE = "builtin-chair-side";

describe("theme props inside the picture", () => {
  it("the pilot cap on a head near the top edge is drawn whole, below the edge", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    const { page, outside, errors } = await watchedPage(context);
    await signUpIn(context, origin, "Kapten");
    const avatar = await uploadAvatarIn(context, origin, "Pilot model");
    const id = await generateIn(context, origin, {
      avatarId: avatar.id,
      poseTemplateIds: [POSE],
      professionTheme: "pilot",
    });

    await page.goto(`${origin}/studio?g=${id}`);
    await page.getByTestId("generation-status").waitFor();
    const image = `/api/v1/generations/${id}/poses/${POSE}/image`;
    const [before, after] = [await imagePixels(page, `${image}?stage=background`), await imagePixels(page, image)];
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    // What the theme drew: pixels changed by more than JPEG's re-encoding could.
    let drawn = 0;
    let atTop = 0;
    for (let i = 0; i < after.data.length; i += 4) {
      const d = Math.max(...[0, 1, 2].map((c) => Math.abs(after.data[i + c]! - before.data[i + c]!)));
      if (d < 60) continue;
      drawn++;
      if (i / 4 < after.width * 3) atTop++;
    }
    // The cap is drawn (a few thousand pixels at 512 × 768) and none of it touches the top edge.
    expect(drawn).toBeGreaterThan(1500);
    expect(atTop).toBe(0);
    await page.getByTestId("pose-result").locator("button.image").click();
    await screenshot(page, "theme-pilot-cap-inside");
    expect([...outside, ...errors]).toEqual([]);
    await context.close();
  }, 150_000);
});
