// What the server words follows the UI's language: a failed pose's reason on its tile (live pushes
// carry the English reason with its code), and the ledger's notes on the dashboard when the
// language is switched there.
import { describe, expect, inject, it } from "vitest";
import { generateIn, signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { VIEWPORTS, chooseLanguage, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const fakeProviderUrl = inject("fakeProviderUrl");
const browser = useChromium();

/** The fake provider refuses this pose (its prompt names it) for the given user's calls. */
const refuse = (uid: string, match: string) =>
  fetch(`${fakeProviderUrl}/__fake/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ append: true, faults: [{ kind: "bad_request", trace: `${uid}/`, match }] }),
  });

describe("server words follow the language", () => {
  it("a failed pose says why in Bahasa Indonesia, and in English after switching", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    const { page, errors, outside } = await watchedPage(context);
    const uid = await signUpIn(context, origin, "Ratna");
    const avatar = await uploadAvatarIn(context, origin);
    await refuse(uid, "pose: hand on hip");
    const poses = ["builtin-front-neutral", "builtin-hand-on-hip"];
    const id = await generateIn(context, origin, { avatarId: avatar.id, poseTemplateIds: poses }, "partial");

    await page.goto(`${origin}/studio?g=${id}`);
    await chooseLanguage(page, "id");
    await page.goto(`${origin}/studio?g=${id}`);
    const reason = page.getByTestId("pose-failure");
    await expect.poll(() => reason.textContent(), { timeout: 15_000 }).toBe("· Hugging Face menolak permintaan ini.");
    // The tiles carry the poses' names, whichever of the run's read and its live view came first.
    const name = page.getByTestId("pose-result").nth(1).getByTestId("pose-name");
    const inId = (await (
      await page.request.get(`${origin}/api/v1/templates/builtin-hand-on-hip`, { headers: { "accept-language": "id" } })
    ).json()) as { name: string };
    await expect.poll(() => name.textContent(), { timeout: 15_000 }).toBe(inId.name);
    await screenshot(page, "pose-failure-id-desktop");

    await chooseLanguage(page, "en");
    await expect.poll(() => reason.textContent(), { timeout: 15_000 }).toMatch(/not valid/);
    await chooseLanguage(page, "id");
    await expect.poll(() => reason.textContent(), { timeout: 15_000 }).toBe("· Hugging Face menolak permintaan ini.");

    // The dashboard's ledger notes are read again in the language chosen there.
    await page.goto(`${origin}/dashboard`);
    const ledger = page.getByTestId("credits");
    await expect.poll(() => ledger.textContent(), { timeout: 15_000 }).toContain("Kredit sambutan");
    await chooseLanguage(page, "en");
    await expect.poll(() => ledger.textContent(), { timeout: 15_000 }).toContain("Welcome credits");
    expect(await ledger.textContent()).not.toContain("Kredit sambutan");

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  }, 120_000);
});
