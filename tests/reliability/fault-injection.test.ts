// 50 poses while the provider fails about 30 % of calls with transient errors (cold-start 503,
// 429, 500, a non-image body): nothing is lost or made twice, and progress is exact throughout.
import { unzipSync } from "fflate";
import { describe, expect, inject, it } from "vitest";
import type { RecordedRequest } from "../../dev-tools/fake-provider/server";
import { generate, jsonBody, signUp, templateIds, uploadAvatar } from "../../dev-tools/api-client";
import { progressErrors } from "./helpers/client";

const origin = inject("origin");
const fakeProviderUrl = inject("fakeProviderUrl");
const POSES = 50;

describe("fault injection", () => {
  it(`${POSES} poses with ~30 % transient provider faults: 0 lost, 0 duplicated, ≥ 99 % succeed, exact progress`, async () => {
    const user = await signUp(origin, "Faults");
    const avatar = await uploadAvatar(user);
    const ids = await templateIds(user, POSES);
    const faults = [
      { kind: "loading", estimatedTime: 0.05, probability: 0.08, trace: user.id },
      { kind: "rate_limit", retryAfter: 0, probability: 0.08, trace: user.id },
      { kind: "error500", probability: 0.1, trace: user.id },
      { kind: "non_image", probability: 0.04, trace: user.id },
    ];
    await fetch(`${fakeProviderUrl}/__fake/config`, jsonBody("POST", { append: true, faults }));

    const started = await generate(user, { avatarId: avatar.id, poseTemplateIds: ids });
    const { final, snapshots } = started;
    const requests = (await (
      await fetch(`${fakeProviderUrl}/__fake/requests?trace=${user.id}`)
    ).json()) as RecordedRequest[];
    const faulted = requests.filter((r) => r.fault).length;
    console.log(
      `fault injection: ${POSES} poses, ${requests.length} provider calls, ${faulted} faulted (${Math.round((100 * faulted) / requests.length)} %), ${final.successfulPoses} succeeded, ${snapshots.length} snapshots`,
    );

    // The faults really happened, at about the rate asked for.
    expect(faulted / requests.length).toBeGreaterThan(0.15);
    expect(progressErrors(snapshots)).toEqual([]);
    expect(final.progress).toBe(100);
    // 0 lost: every pose is accounted for, once.
    expect(final.poses.map((p) => p.poseTemplateId).sort()).toEqual([...ids].sort());
    expect(final.successfulPoses).toBeGreaterThanOrEqual(Math.ceil(POSES * 0.99));
    // 0 duplicated: each pose's image was made by exactly one successful provider call.
    const okCalls = new Map<string, number>();
    for (const r of requests.filter((r) => !r.fault)) {
      // trace: user/generation/pose/round.attempt
      const pose = r.trace.split("/")[2]!;
      okCalls.set(pose, (okCalls.get(pose) ?? 0) + 1);
    }
    expect([...okCalls.values()].filter((n) => n > 1)).toEqual([]);
    // The ZIP holds each successful pose once.
    expect(okCalls.size).toBe(final.successfulPoses);
    // The ZIP holds each successful pose once.
    const zip = await user.fetch(`/api/v1/generations/${started.id}/download.zip`);
    const entries = Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())));
    expect(entries).toHaveLength(final.successfulPoses);
    expect(new Set(entries.map((e) => e.replace(/^\d+-/, ""))).size).toBe(entries.length);
  });
});
