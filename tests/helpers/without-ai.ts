// The Worker as a fresh clone runs it: no AI vendor for poses, inpainting or segmentation, so
// generations run on the built-in instant engine.
import type { TestUser } from "./users";
import { withEnv } from "./with-env";

const noAi = withEnv({ HF_TOKEN: "" });

/** `user`'s request to the Worker with no AI vendor configured. */
export function asUserWithoutAi(user: TestUser, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("origin", "http://127.0.0.1:8787");
  headers.set("cookie", user.cookie);
  headers.set("cf-connecting-ip", user.ip);
  return noAi(`http://127.0.0.1:8787${path}`, { ...init, headers });
}
