import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";

const origin = inject("origin");
const out = mkdtempSync(join(tmpdir(), "skeleton-cli-"));

const cases: [string, string[]][] = [
  ["tests/fixtures/openpose/a1111-controlnet.json", []],
  ["tests/fixtures/openpose/openpose-editor.json", []],
  ["tests/fixtures/openpose/comfyui-pose-keypoint.json", []],
  ["tests/fixtures/skeleton/case0003.json", []],
  ["tests/fixtures/openpose/openpose-editor.json", ["1024", "1536"]],
];

describe("npm run skeleton and POST /api/v1/skeleton", () => {
  for (const [input, size] of cases) {
    it(`write the same bytes for ${input.split("/").pop()}${size.length ? ` at ${size.join("×")}` : ""}`, async () => {
      const file = join(out, `${input.split("/").pop()}-${size.join("x")}.png`);
      execFileSync("npm", ["run", "-s", "skeleton", "--", input, file, ...size], { stdio: "pipe" });
      const cli = new Uint8Array(readFileSync(file));
      const query = size.length ? `?width=${size[0]}&height=${size[1]}` : "";
      const res = await fetch(`${origin}/api/v1/skeleton${query}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: readFileSync(input),
      });
      expect(res.status).toBe(200);
      const api = new Uint8Array(await res.arrayBuffer());
      expect(api.length).toBeGreaterThan(100);
      expect(Buffer.from(api).equals(Buffer.from(cli))).toBe(true);
    });
  }

  it("the CLI explains bad input and exits non-zero", () => {
    expect(() =>
      execFileSync("npm", ["run", "-s", "skeleton", "--", "package.json", join(out, "x.png")], { stdio: "pipe" }),
    ).toThrow(/package\.json/);
  });
});
