// Cuts a photo out with the app's own in-browser background removal (@imgly/background-removal,
// small model, onnxruntime wasm from web/static as `npm run build:web` copies them) in headless
// Chromium, everything served from 127.0.0.1, and writes the RGBA PNG as a fixture.
// Usage: npx tsx tests/reference/cut-out.ts tests/fixtures/messi5.jpg tests/fixtures/messi5.cutout.png
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const root = new URL("../..", import.meta.url).pathname;

/** The page's script: the same call and options as web/src/lib/cutout/cutout.worker.ts. */
const ENTRY = `import { removeBackground } from "@imgly/background-removal";
const photo = await (await fetch("/photo")).blob();
const blob = await removeBackground(photo, {
  publicPath: location.origin + "/background-removal/",
  model: "small",
  output: { format: "image/png", quality: 1 },
});
const bytes = new Uint8Array(await blob.arrayBuffer());
let text = "";
for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
window.__cutout = btoa(text);`;

export async function cutOutInChromium(imagePath: string): Promise<Uint8Array> {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: "js" },
    bundle: true,
    format: "esm",
    write: false,
    platform: "browser",
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]!.contents;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x").pathname;
    try {
      if (url === "/") return res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
      if (url === "/cut.js") return res.writeHead(200, { "content-type": "text/javascript" }).end(script);
      const file = url === "/photo" ? join(root, imagePath) : join(root, "web/static", url);
      const body = readFileSync(file);
      const type = extname(file) === ".wasm" ? "application/wasm" : "application/octet-stream";
      res.writeHead(200, { "content-type": type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const tab = await browser.newPage();
    const outside: string[] = [];
    tab.on("request", (r) => {
      const u = r.url();
      if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) outside.push(u);
    });
    await tab.goto(origin);
    await tab.waitForFunction(() => (globalThis as unknown as { __cutout?: string }).__cutout, null, {
      timeout: 180_000,
    });
    const base64 = await tab.evaluate(() => (globalThis as unknown as { __cutout: string }).__cutout);
    if (outside.length) throw new Error(`the page reached outside 127.0.0.1: ${outside.join(", ")}`);
    return new Uint8Array(Buffer.from(base64, "base64"));
  } finally {
    await browser.close();
    server.close();
  }
}

const PAGE = `<!doctype html><script type="module" src="/cut.js"></script>`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const [imagePath = "tests/fixtures/messi5.jpg", outPath = "tests/fixtures/messi5.cutout.png"] = process.argv.slice(2);
  const png = await cutOutInChromium(imagePath);
  writeFileSync(outPath, png);
  console.log(`${outPath}: ${png.length} bytes`);
}
