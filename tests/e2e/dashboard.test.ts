import { describe, expect, inject, it } from "vitest";
import { queryLocal } from "../../scripts/local-env.mjs";
import { generateIn, signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "./helpers/browser";

const origin = inject("origin");
const fakeProviderUrl = inject("fakeProviderUrl");
const stateDir = inject("stateDir");
const browser = useChromium();

describe("dashboard", () => {
  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`charts my month (success, time, cost, weakest poses) and shows credits after a partial generation (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const { page, outside, errors } = await watchedPage(context);
      const uid = await signUpIn(context, origin, "Dewi");
      const avatar = await uploadAvatarIn(context, origin);
      // One of three poses is refused by the provider for good, so there is a failure to chart and refund.
      await fetch(`${fakeProviderUrl}/__fake/config`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          append: true,
          faults: [{ kind: "bad_request", trace: `${uid}/`, match: "pose: hand on hip" }],
        }),
      });
      await generateIn(
        context,
        origin,
        {
          avatarId: avatar.id,
          quality: "hd",
          poseTemplateIds: ["builtin-front-neutral", "builtin-hand-on-hip", "builtin-contrapposto"],
        },
        "partial",
      );

      await page.goto(`${origin}/dashboard`);
      await page.getByTestId("kpi-designs").waitFor();
      expect(await page.getByTestId("kpi-designs").textContent()).toBe("1");
      await expect.poll(() => page.locator("canvas").count()).toBe(5);
      // Every chart drew something: a share of its pixels is not transparent.
      const inked = () =>
        page.locator("canvas").evaluateAll((canvases) =>
          canvases.map((canvas) => {
            const c = canvas as HTMLCanvasElement;
            const { data } = c.getContext("2d")!.getImageData(0, 0, c.width, c.height);
            let drawn = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
            return drawn / (data.length / 4) > 0.002;
          }),
        );
      await expect.poll(inked).toEqual([true, true, true, true, true]);
      const text = await page.locator("main").textContent();
      expect(text).toContain("66.7 %");
      expect(text).toContain("Least reliable poses");
      expect(text).toContain("huggingface");
      // 200 welcome credits, 3 HD poses reserved at 3 each, the failed one refunded.
      expect(await page.getByTestId("credit-balance").textContent()).toBe("194");
      expect(await page.getByTestId("credits").textContent()).toContain("Today: 2 of 500 poses");
      await screenshot(page, `dashboard-${viewport}`);

      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }

  it("shows pose quality beside its targets and compares providers by pose score, fidelity and rating", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    const { page, outside, errors } = await watchedPage(context);
    const uid = await signUpIn(context, origin, "Sari");
    const avatar = await uploadAvatarIn(context, origin);
    await generateIn(
      context,
      origin,
      { avatarId: avatar.id, poseTemplateIds: ["builtin-front-neutral", "builtin-wave"] },
      "completed",
    );
    // Scores and ratings as the studio and a provider's detector would store them: one pose at
    // OKS 0.9 rated 5, the other drifted at 0.3 rated 2 (fidelity 50 %, mean rating 3.5).
    queryLocal(
      stateDir,
      `update generated_poses set quality_score = case pose_template_id when 'builtin-wave' then 0.3 else 0.9 end, quality_source = 'browser', rating = case pose_template_id when 'builtin-wave' then 2 else 5 end where user_id = '${uid}'`,
    );
    await page.goto(`${origin}/dashboard`);
    await page.getByTestId("kpi-fidelity").waitFor();
    expect(await page.getByTestId("kpi-fidelity").textContent()).toBe("50 %");
    const quality = await page.getByTestId("quality").textContent();
    expect(quality).toContain("0.60");
    expect(quality).toContain("3.5 ★");
    expect(quality).toContain("Target > 90 %");
    const table = await page.getByTestId("provider-comparison").textContent();
    expect(table).toContain("huggingface");
    expect(table).toContain("50 %");
    await screenshot(page, "dashboard-quality");
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  it("an operator sees everyone's figures with alerts and grants credits and a daily limit to a shop", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    const { page, outside, errors } = await watchedPage(context);
    const operatorId = await signUpIn(context, origin, "Operator");
    queryLocal(stateDir, `update users set role = 'admin' where id = '${operatorId}'`);
    const shop = await browser().newContext();
    await signUpIn(shop, origin, "Shop");
    const shopEmail = ((await (await shop.request.get(`${origin}/api/v1/account/me`)).json()) as { email: string })
      .email;

    await page.goto(`${origin}/dashboard`);
    await page.getByLabel("Everyone (operator)").check();
    await page.getByTestId("operator").waitFor();
    expect(await page.getByTestId("operator").textContent()).toContain("Poses waiting");
    const form = page.getByTestId("grant-credits");
    await form.getByLabel("Email").fill(shopEmail);
    await form.getByLabel("Credits (negative takes)").fill("250");
    await form.getByLabel("Daily pose limit (empty: unchanged)").fill("40");
    await form.getByLabel("Note").fill("Ramadan promotion");
    await form.getByRole("button", { name: "Grant" }).click();
    await expect
      .poll(() => form.getByRole("status").textContent())
      .toContain(`${shopEmail} now has 450 credits and may make 40 poses a day.`);
    await screenshot(page, "dashboard-operator");

    const credits = (await (await shop.request.get(`${origin}/api/v1/credits`)).json()) as {
      balance: number;
      dailyPoseLimit: number;
      recent: { kind: string; note: string | null }[];
    };
    expect(credits).toMatchObject({ balance: 450, dailyPoseLimit: 40 });
    expect(credits.recent[0]).toMatchObject({ kind: "grant", note: "Ramadan promotion" });

    await form.getByLabel("Email").fill("nobody@example.com");
    await form.getByRole("button", { name: "Grant" }).click();
    await expect
      .poll(() => form.getByRole("alert").textContent())
      .toContain("No account with the email nobody@example.com");
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await shop.close();
    await context.close();
  });
});
