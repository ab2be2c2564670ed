import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, inject, it } from "vitest";
import { generateIn, signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { SCREENSHOT_DIR, VIEWPORTS, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const fakeProviderUrl = inject("fakeProviderUrl");
const browser = useChromium();

const THREE = ["builtin-front-neutral", "builtin-hand-on-hip", "builtin-contrapposto"];
/** The prompt of builtin-hand-on-hip: the faults below hit this pose only. */
const HAND_ON_HIP = "pose: hand on hip";

type Fault = { kind: string; trace: string; match?: string; times?: number; estimatedTime?: number };
const fake = (body: Record<string, unknown>) =>
  fetch(`${fakeProviderUrl}/__fake/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const addFaults = (faults: Fault[]) => fake({ append: true, faults });

afterEach(async () => {
  await fake({ latencyMs: 0 });
});

/** Picks poses for the studio (the library keeps them in this tab's session storage). */
async function pickPoses(context: BrowserContext, ids: string[]) {
  await context.addInitScript((picked) => sessionStorage.setItem("selected-poses", JSON.stringify(picked)), ids);
}

const statusOf = (page: Page) => page.getByTestId("generation-status").textContent();
/** The bar's value: a native progress element's, or a drawn bar's aria-valuenow. */
const barOf = (page: Page) =>
  page
    .getByRole("progressbar")
    .evaluate((bar) => bar.getAttribute("aria-valuenow") ?? String((bar as HTMLProgressElement).value));
const apiState = async (context: BrowserContext, id: string) =>
  (await (await context.request.get(`${origin}/api/v1/generations/${id}`)).json()) as {
    status: string;
    successfulPoses: number;
    poses: { status: string }[];
  };
const balance = async (context: BrowserContext) =>
  ((await (await context.request.get(`${origin}/api/v1/credits`)).json()) as { balance: number }).balance;

/** A signed-in shop owner with one avatar, in a page whose errors and outside requests are recorded. */
async function shopOwner(name: string, viewport: { width: number; height: number } = VIEWPORTS.desktop) {
  const context = await browser().newContext({ viewport });
  const watched = await watchedPage(context);
  const uid = await signUpIn(context, origin, name);
  const avatar = await uploadAvatarIn(context, origin);
  return { context, ...watched, uid, avatar };
}

/** The page met no error and asked no other host; the browser context closes. */
async function endClean({ context, errors, outside }: Awaited<ReturnType<typeof shopOwner>>) {
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
  await context.close();
}

/** Starts a generation through the API without waiting for it; its id. */
async function startIn(context: BrowserContext, data: Record<string, unknown>) {
  const started = await context.request.post(`${origin}/api/v1/generations`, { headers: { origin }, data });
  expect(started.status()).toBe(202);
  return ((await started.json()) as { id: string }).id;
}

/** Whether the element lies wholly within the window (not scrolled away). */
const inView = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  });

describe("studio progress", () => {
  it("retry of failed poses follows the run live to Completed and refreshes the balance", async () => {
    const owner = await shopOwner("Sari");
    const { context, page, uid, avatar } = owner;
    // The provider refuses one pose once: the run ends partial, and its retry succeeds.
    await addFaults([{ kind: "bad_request", trace: `${uid}/`, match: HAND_ON_HIP, times: 1 }]);
    const id = await generateIn(context, origin, { avatarId: avatar.id, poseTemplateIds: THREE }, "partial");
    await pickPoses(context, ["builtin-wave"]);

    await page.goto(`${origin}/studio?g=${id}`);
    await expect.poll(() => statusOf(page), { timeout: 15_000 }).toBe("Partly done");
    const before = await balance(context);
    await expect.poll(() => page.getByTestId("credit-cost").textContent()).toContain(`you have ${before}`);

    await page.getByRole("button", { name: "Retry failed poses" }).click();
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe("Completed");
    expect(await page.getByTestId("generation-progress").textContent()).toContain("3 of 3 poses");
    expect(await barOf(page)).toBe("100");
    // The retried pose was reserved and spent: the studio shows the ledger's balance, one less.
    const after = await balance(context);
    expect(after).toBe(before - 1);
    await expect.poll(() => page.getByTestId("credit-cost").textContent()).toContain(`you have ${after}`);

    await endClean(owner);
  });

  it("cancel shows what was made and what was cancelled, and the cancelled poses can be resumed", async () => {
    const owner = await shopOwner("Tari");
    const { context, page, uid, avatar } = owner;
    // One pose meets a model that is still loading for a minute: it waits in the queue while the others finish.
    await addFaults([{ kind: "loading", trace: `${uid}/`, match: HAND_ON_HIP, estimatedTime: 60 }]);
    const id = await startIn(context, { avatarId: avatar.id, poseTemplateIds: THREE });
    await page.goto(`${origin}/studio?g=${id}`);
    await expect.poll(async () => (await apiState(context, id)).successfulPoses, { timeout: 30_000 }).toBe(2);

    await page.getByRole("button", { name: "Cancel", exact: true }).click();
    // The cancel settles the refunds before it answers: a second or more on a busy machine.
    await expect.poll(() => statusOf(page), { timeout: 10_000 }).toBe("Cancelled");
    const progress = page.getByTestId("generation-progress");
    await expect.poll(() => progress.textContent()).toContain("2 of 3 finished");
    expect(await progress.textContent()).toContain("1 cancelled");
    expect(await progress.textContent()).not.toContain("100");
    expect(await barOf(page)).toBe("66");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/studio-progress-cancelled.png` });
    // The cancelled pose was refunded; resuming reserves it again.
    const creditsBefore = await balance(context);

    // The model is ready now: resuming runs the cancelled pose again, reserved by the ledger.
    await fake({ clearTrace: `${uid}/` });
    await page.getByRole("button", { name: "Resume cancelled poses" }).click();
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe("Completed");
    expect((await apiState(context, id)).poses.map((p) => p.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(await balance(context)).toBe(creditsBefore - 1);

    await endClean(owner);
  });

  it("shows each pose's stage and moves the bar stage by stage", async () => {
    const owner = await shopOwner("Wulan");
    const { context, page, avatar } = owner;
    // Every provider call (pose, person mask, theme's inpainting) takes a while: the stages can be watched.
    await fake({ latencyMs: 1500 });
    const id = await startIn(context, {
      avatarId: avatar.id,
      poseTemplateIds: ["builtin-front-neutral"],
      backgroundSettings: { mode: "scene", scene: "office" },
      professionTheme: "doctor",
    });
    await page.goto(`${origin}/studio?g=${id}`);

    const bars = new Set<string>();
    const stages = new Set<string>();
    const deadline = Date.now() + 45_000;
    while (Date.now() < deadline && (await statusOf(page).catch(() => "")) !== "Completed") {
      const bar = await barOf(page).catch(() => null);
      if (bar) bars.add(bar);
      const stage = page.getByTestId("pose-stage");
      const text = (await stage.count())
        ? await stage
            .first()
            .textContent()
            .catch(() => null)
        : null;
      if (text && !stages.has(text)) {
        stages.add(text);
        await page.screenshot({ path: `${SCREENSHOT_DIR}/studio-progress-stage-${stages.size}.png` });
      }
      await page.waitForTimeout(100);
    }
    expect(await statusOf(page)).toBe("Completed");
    // One pose of three stages: the bar stood at a third or two on the way, not only at 0 and 100.
    expect(
      [...bars].some((b) => Number(b) > 0 && Number(b) < 100),
      `bar values ${[...bars]}`,
    ).toBe(true);
    expect(
      [...stages].some((s) => s.includes("Background") || s.includes("Theme")),
      `stages ${[...stages]}`,
    ).toBe(true);

    await endClean(owner);
  });

  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`brings the progress into view after Generate (${viewport})`, async () => {
      const owner = await shopOwner("Nia", size);
      const { context, page } = owner;
      await fake({ latencyMs: 800 });
      await pickPoses(context, THREE);
      await page.goto(`${origin}/studio`);
      const generate = page.getByRole("button", { name: "Generate 3 poses" });
      // As a user who filled the form top to bottom: its last field at the foot of the window (the
      // Generate button itself stays in reach in a sticky bar, wherever the page is scrolled).
      await page.locator('input[maxlength="1000"]').evaluate((field) => field.scrollIntoView({ block: "end" }));
      await generate.click();
      // Scrolled smoothly: the status and the counts are watched until both are in the window.
      const shown = async () =>
        (await inView(page, "generation-status")) && (await inView(page, "generation-progress"));
      await expect.poll(shown, { timeout: 10_000 }).toBe(true);
      // It settles at the top of the window, where the eye goes next, not at its foot.
      const headTop = () => page.getByTestId("run-progress").evaluate((el) => el.getBoundingClientRect().top);
      await expect.poll(headTop, { timeout: 5_000 }).toBeGreaterThanOrEqual(0);
      await expect.poll(headTop, { timeout: 5_000 }).toBeLessThan(size.height / 3);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/studio-progress-${viewport}.png` });
      await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe("Completed");

      await endClean(owner);
    });
  }
});
