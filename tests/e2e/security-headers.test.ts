import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { generateIn, signUpIn, uploadAvatarIn } from "./helpers/accounts";
import { VIEWPORTS, useChromium } from "./helpers/browser";
import { fakeCameraArgs } from "../../dev-tools/browser/fake-camera";

const origin = inject("origin");
// The fake camera plays a real photo, so the capture page tracks a person.
const browser = useChromium(fakeCameraArgs("tests/fixtures/messi5.jpg"));

const PAGES = ["/", "/sign-in", "/sign-up", "/avatars", "/poses", "/capture", "/editor", "/studio", "/dashboard"];

/** The CSP's directives by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/**
 * Records CSP violations: `securitypolicyviolation` events in every document (collected before
 * each navigation) and console messages about the Content Security Policy (workers included).
 */
async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const page = await context.newPage();
  const reports: string[] = [];
  page.on("console", (m) => {
    if (/content.security.policy/i.test(m.text())) reports.push(`console: ${m.text()}`);
  });
  const collect = async (p: Page = page) =>
    reports.push(...(await p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
  return { page, reports, collect };
}

describe("security headers", () => {
  it("every page sends a self-only CSP with frame-ancestors 'none', Referrer-Policy and Permissions-Policy; the API refuses framing too", async () => {
    for (const path of PAGES) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get("content-security-policy");
      expect(csp, `${path} Content-Security-Policy`).toBeTruthy();
      const d = directives(csp!);
      expect(d.get("default-src"), path).toEqual(["'self'"]);
      expect(d.get("frame-ancestors"), path).toEqual(["'none'"]);
      expect(d.get("object-src"), path).toEqual(["'none'"]);
      expect(d.get("base-uri"), path).toEqual(["'self'"]);
      // Scripts: ours and hashes of the inline bootstrap only; no 'unsafe-inline' or 'unsafe-eval'.
      const scripts = d.get("script-src") ?? [];
      expect(scripts, path).toContain("'self'");
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).not.toContain("'unsafe-eval'");
      for (const values of d.values())
        for (const v of values) expect(v, `${path}: ${csp}`).not.toMatch(/^https?:|^\*$/);
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      const permissions = res.headers.get("permissions-policy") ?? "";
      expect(permissions, path).toContain("camera=(self)");
      expect(permissions, path).toContain("microphone=()");
      expect(permissions, path).toContain("geolocation=()");
    }
    const api = await fetch(`${origin}/api/v1/health`);
    expect(api.headers.get("x-frame-options")).toBe("DENY");
    expect(directives(api.headers.get("content-security-policy") ?? "").get("frame-ancestors")).toEqual(["'none'"]);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("no CSP violation on any page: webcam capture, background removal, charts, editor", async () => {
    const context = await browser().newContext({ viewport: VIEWPORTS.desktop });
    const { page, reports, collect } = await watchCsp(context);

    const first = await page.goto(`${origin}/sign-in`);
    expect(first?.headers()["content-security-policy"], "the CSP is in force").toBeTruthy();
    await page.getByRole("heading", { name: "Welcome back" }).waitFor();
    await collect();

    await signUpIn(context, origin, "Ayu");
    // A finished generation, so the dashboard has charts to draw.
    const avatar = await uploadAvatarIn(context, origin);
    const id = await generateIn(context, origin, { avatarId: avatar.id, poseTemplateIds: ["builtin-front-neutral"] });

    for (const path of PAGES.filter((p) => !p.startsWith("/sign"))) {
      await page.goto(`${origin}${path}`);
      await page.waitForLoadState("networkidle");
      await collect();
    }

    // Studio with the generation: the live WebSocket and result images.
    await page.goto(`${origin}/studio?g=${id}`);
    await page.waitForLoadState("networkidle");
    await collect();

    // Dashboard charts (Chart.js canvases).
    await page.goto(`${origin}/dashboard`);
    await expect.poll(() => page.locator("canvas").count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await collect();

    // Editor: a built-in pose with its live preview.
    await page.goto(`${origin}/editor?id=builtin-front-neutral`);
    await page.waitForLoadState("networkidle");
    await collect();

    // Webcam capture: MediaPipe's wasm and model, tracking the fake camera.
    await page.goto(`${origin}/capture`);
    await page.getByRole("button", { name: "Start camera" }).click();
    await expect.poll(() => page.getByTestId("webcam-status").textContent(), { timeout: 60_000 }).toContain("Tracking");
    await collect();

    // Background removal: onnxruntime-web in a Web Worker.
    await page.goto(`${origin}/avatars`);
    await page.locator('input[type="file"]').setInputFiles("tests/fixtures/astronaut.png");
    await page.getByRole("button", { name: "Remove background" }).click();
    const failed = page.getByRole("alert");
    await page.getByText("Background removed.").or(failed).first().waitFor({ timeout: 180_000 });
    expect(await failed.allTextContents()).toEqual([]);
    await collect();

    expect(reports).toEqual([]);
    await context.close();
  }, 400_000);
});
