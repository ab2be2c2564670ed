import { describe, expect, inject, it } from "vitest";
import { generateIn, signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const browser = useChromium();

describe("deleting in the app", () => {
  it("the avatar dialog says how many generations keep their images; the studio shows 'avatar deleted' and deletes a generation", async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const { page, outside, errors: pageErrors } = await watchedPage(context);
    await signUpIn(context, origin, "Dewi");
    const avatar = await uploadAvatarIn(context, origin, "Dewi photo");
    const id = await generateIn(context, origin, { avatarId: avatar.id, poseTemplateIds: ["builtin-hand-on-hip"] });

    await page.goto(`${origin}/avatars`);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await page.getByRole("button", { name: "Delete" }).first().click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain("The 1 generation(s) made with it keep their images");
    await page.getByText("its 1 generation(s) keep their images").waitFor();
    await screenshot(page, "avatar-deleted-kept");

    await page.goto(`${origin}/studio?g=${id}`);
    await expect.poll(() => page.getByTestId("generation-avatar").textContent()).toBe("avatar deleted");
    await expect.poll(() => page.locator(".history").textContent()).toContain("avatar deleted");
    await expect.poll(() => page.getByTestId("pose-result").locator("img").count()).toBe(1);
    await screenshot(page, "studio-avatar-deleted");

    await page.getByTestId("delete-generation").click();
    await expect.poll(() => dialogs.length).toBe(2);
    expect(dialogs[1]).toContain("Delete this generation and its 1 image(s)?");
    await page.getByText("No generations yet.").waitFor();
    expect((await context.request.get(`${origin}/api/v1/generations/${id}`)).status()).toBe(404);
    await screenshot(page, "studio-generation-deleted");

    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
  it("a user deletes their account from the dashboard with their password; a wrong one is refused and changes nothing", async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const { page, outside, errors: pageErrors } = await watchedPage(context);
    await signUpIn(context, origin, "Sari");
    await uploadAvatarIn(context, origin, "Sari photo");

    await page.goto(`${origin}/dashboard`);
    const panel = page.getByTestId("delete-account");
    await panel.getByRole("button", { name: "Delete my account…" }).click();
    await panel.getByLabel("Your password, to confirm").fill("not my password");
    await panel.getByRole("button", { name: "Delete everything" }).click();
    await panel.getByRole("alert").waitFor();
    expect((await context.request.get(`${origin}/api/v1/avatars`)).status()).toBe(200);
    await screenshot(page, "delete-account-wrong-password");

    await panel.getByLabel("Your password, to confirm").fill("correct horse battery");
    await panel.getByRole("button", { name: "Delete everything" }).click();
    await page.getByTestId("account-deleted").waitFor();
    await screenshot(page, "delete-account-done");
    // The session is gone with the account, and the account cannot sign in again.
    expect((await context.request.get(`${origin}/api/v1/avatars`)).status()).toBe(401);

    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});
