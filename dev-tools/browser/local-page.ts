// A page served from 127.0.0.1 only, run in headless Chromium until it sets a global: how the
// reference scripts use the app's own browser code (cut-outs, pose detection) from Node.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { launchChromium, requestsOutside } from "./chromium";

/** What the server answers for a path; null (or a throw, e.g. a missing file) is a 404. */
export type Serve = (path: string) => { body: string | Uint8Array; type: string } | null;

/** Opens "/" of a server answering with `serve`, waits for `window[global]` and returns it. */
export async function resultOfLocalPage<T>(serve: Serve, global: string, timeoutMs: number): Promise<T> {
  const server = createServer((req, res) => {
    try {
      const answer = serve(new URL(req.url ?? "/", "http://x").pathname);
      if (!answer) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": answer.type }).end(answer.body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    const outside = requestsOutside(tab, origin);
    await tab.goto(origin);
    await tab.waitForFunction((name) => (globalThis as Record<string, unknown>)[name], global, { timeout: timeoutMs });
    const result = (await tab.evaluate((name) => (globalThis as Record<string, unknown>)[name], global)) as T;
    if (outside.length) throw new Error(`the page reached outside 127.0.0.1: ${outside.join(", ")}`);
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}
