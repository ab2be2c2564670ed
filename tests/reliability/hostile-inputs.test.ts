// The hostile corpus against the running server: 0 5xx, clear 4xx JSON errors, the server still
// healthy afterwards; names with markup are shown as text in the UI (checked in Chromium).
import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { VIEWPORTS, screenshot, useChromium, watchedPage } from "../e2e/helpers/browser";
import { generate, signUp, uploadAvatar } from "../../dev-tools/api-client";
import { createTemplate } from "./helpers/client";
import { hostileCorpus } from "./hostile-corpus";

const origin = inject("origin");
const browser = useChromium();

describe("hostile inputs", () => {
  it("a corpus of ≥ 40 hostile requests across the routes: 0 5xx, each refused with a clear 4xx", async () => {
    const user = await signUp(origin, "Hostile");
    const avatar = await uploadAvatar(user);
    const template = await createTemplate(user, "Mine");
    const generation = await generate(user, { avatarId: avatar.id, poseTemplateIds: [template.id] });
    const corpus = hostileCorpus({ avatarId: avatar.id, templateId: template.id, generationId: generation.id });
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(
      new Set(corpus.map((c) => c.path.split("?")[0]!.split("/").slice(0, 4).join("/"))).size,
    ).toBeGreaterThanOrEqual(8);

    const problems: string[] = [];
    const statuses: string[] = [];
    for (const c of corpus) {
      const res = await user.fetch(c.path, { method: c.method, headers: c.headers, body: c.body?.() });
      const text = await res.text();
      statuses.push(`${res.status} ${c.name}`);
      const ok = res.status >= 400 && res.status < 500;
      const accepted = c.accept === "2xx-or-4xx" && res.status >= 200 && res.status < 300;
      if (!ok && !accepted) problems.push(`${c.name}: ${res.status} ${text.slice(0, 200)}`);
      if (ok) {
        const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
        if (!body.error?.code || !body.error.message)
          problems.push(`${c.name}: a ${res.status} without our error JSON`);
      }
    }
    console.log(`hostile corpus: ${corpus.length} cases, ${problems.length} problems\n  ${statuses.join("\n  ")}`);
    expect(problems).toEqual([]);
    // Nothing crashed and nothing was lost: the server answers, the user's things are intact.
    expect((await fetch(`${origin}/api/v1/health`)).status).toBe(200);
    const mine = await user.json<{ name: string }>(`/api/v1/avatars/${avatar.id}`);
    expect(mine.name).toBe("Model");
    expect((await user.fetch(`/api/v1/generations/${generation.id}/download.zip`)).status).toBe(200);
    const users = await signUp(origin, "After");
    expect(users.id).toBeTruthy();
  });

  for (const [viewport, size] of Object.entries(VIEWPORTS)) {
    it(`names with markup are shown as text, never run, on every page that lists them (${viewport})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const { page, outside, errors } = await watchedPage(context);
      const email = `markup-${viewport}-${crypto.randomUUID().slice(0, 8)}@example.com`;
      const signedUp = await context.request.post(`${origin}/api/auth/sign-up/email`, {
        headers: { origin },
        data: { email, password: "correct horse battery", name: `<img src=x onerror="window.__pwned='user'">` },
      });
      expect(signedUp.status()).toBe(200);
      const names = {
        avatar: `<img src=x onerror="window.__pwned='avatar'">`,
        template: `<script>window.__pwned='template'</script>`,
        theme: `<svg onload="window.__pwned='theme'"></svg>`,
      };
      const form = {
        file: {
          name: "m.jpg",
          mimeType: "image/jpeg",
          buffer: Buffer.from(readFileSync("tests/fixtures/messi5.jpg")),
        },
        name: names.avatar,
        gender: "female",
      };
      expect(
        (await context.request.post(`${origin}/api/v1/avatars`, { headers: { origin }, multipart: form })).status(),
      ).toBe(201);
      const keypoints = JSON.parse(readFileSync("tests/fixtures/openpose/a1111-controlnet.json", "utf8"));
      const created = await context.request.post(`${origin}/api/v1/templates`, {
        headers: { origin },
        data: { name: names.template, category: "custom", visibility: "private", keypoints },
      });
      expect(created.status()).toBe(201);
      const templateId = ((await created.json()) as { id: string }).id;
      expect(
        (
          await context.request.post(`${origin}/api/v1/themes`, {
            headers: { origin },
            data: { name: names.theme, clothing: "a coat", props: [], scene: "hospital" },
          })
        ).status(),
      ).toBe(201);

      const checks: [string, string][] = [
        ["/avatars", names.avatar],
        ["/poses", names.template],
        [`/editor?id=${templateId}`, names.template],
        ["/studio", names.avatar],
        ["/studio", names.theme],
      ];
      for (const [path, name] of checks) {
        await page.goto(`${origin}${path}`);
        await page.waitForLoadState("networkidle");
        const shown = await page.evaluate(
          (n) =>
            document.body.innerText.includes(n) ||
            Array.from(document.querySelectorAll("input")).some((i) => i.value === n),
          name,
        );
        expect(shown, `${path} shows ${name} as text`).toBe(true);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null)).toBeNull();
        // No element came from the markup.
        expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
      }
      await page.goto(`${origin}/avatars`);
      await page.waitForLoadState("networkidle");
      await screenshot(page, `markup-inert-${viewport}`);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      await context.close();
    });
  }
});
