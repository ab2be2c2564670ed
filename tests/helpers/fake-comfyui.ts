import { env } from "cloudflare:workers";
import type { ComfyFakeConfig, ComfyLogEntry } from "../../dev-tools/fake-provider/comfyui";

type Graph = Record<string, { class_type: string; inputs: Record<string, unknown> }>;

/** A fake ComfyUI server of its own (an instance of the fake provider's), its log and its uploads. */
export async function fakeComfy(config: Partial<ComfyFakeConfig> = {}) {
  const url = `${env.FAKE_PROVIDER_URL}/comfyui/${crypto.randomUUID()}`;
  const configure = (c: Partial<ComfyFakeConfig>) =>
    fetch(`${url}/__fake/config`, { method: "POST", body: JSON.stringify(c) }).then((r) => r.body?.cancel());
  await configure(config);
  const log = async () =>
    (await (await fetch(`${url}/__fake/log`)).json()) as {
      requests: ComfyLogEntry[];
      prompts: { prompt_id: string; client_id?: string; prompt: Graph }[];
    };
  const input = async (name: string) =>
    new Uint8Array(await (await fetch(`${url}/view?type=input&filename=${encodeURIComponent(name)}`)).arrayBuffer());
  return { url, configure, log, input };
}
