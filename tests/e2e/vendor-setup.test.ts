// The studio lists the AI vendors set up on the server with what each can do (here the local
// stack's fake Hugging Face), from GET /api/v1/providers?check=true.
import { describe, expect, inject, it } from "vitest";
import { signUpIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

describe("vendor setup in the studio", () => {
  it("shows each configured vendor with what it can do", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    await signUpIn(context, origin, "Vendors");
    const { page, errors } = await watchedPage(context);
    await page.goto(`${origin}/studio`);
    const setup = page.getByTestId("vendor-setup");
    await setup.locator("summary").click();
    const hf = page.getByTestId("vendor-huggingface");
    await expect.poll(() => hf.textContent()).toContain("poses SD");
    const text = (await hf.textContent()) ?? "";
    expect(text).toContain("poses HD");
    expect(text).not.toContain("To fix:");
    await screenshot(page, "studio-vendor-setup-desktop");
    expect(errors).toEqual([]);
    await context.close();
  });
});
