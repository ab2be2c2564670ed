import { env } from "cloudflare:workers";
import type { FaultRule, RecordedRequest } from "../../dev-tools/fake-provider/server";

/** Talks to the FAKE provider's control API. Faults are scoped by trace prefix (a user id). */
export const fakeProvider = {
  async faults(faults: FaultRule[], latencyMs?: number) {
    await fetch(`${env.FAKE_PROVIDER_URL}/__fake/config`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ faults, append: true, ...(latencyMs !== undefined ? { latencyMs } : {}) }),
    });
  },
  async clear(trace: string) {
    await fetch(`${env.FAKE_PROVIDER_URL}/__fake/config`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clearTrace: trace }),
    });
  },
  async requests(trace = ""): Promise<RecordedRequest[]> {
    const res = await fetch(`${env.FAKE_PROVIDER_URL}/__fake/requests?trace=${encodeURIComponent(trace)}`);
    return (await res.json()) as RecordedRequest[];
  },
};
