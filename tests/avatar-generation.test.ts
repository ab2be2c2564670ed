import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { AvatarGenerateResponse } from "../shared/api/avatar-generation";
import type { Avatar } from "../shared/api/avatars";
import { inspectImage } from "../shared/images/inspect-image";
import { buildAvatarPrompt } from "../shared/prompts/avatar-prompt";
import { AVATAR_SIZE, generateCandidates } from "../worker/avatars/generate-candidates";
import { purgeExpiredCandidates } from "../worker/avatars/purge-candidates";
import { ApiError } from "../worker/errors";
import { bytesToBase64 } from "../worker/providers/base64";
import { huggingface } from "../worker/providers/huggingface";
import { ProviderError } from "../worker/providers/provider";
import { providerFor } from "../worker/providers/registry";
import { workersAi } from "../worker/providers/workers-ai";
import type { AiBinding } from "../worker/providers/workers-ai/call";
import { fakeProvider } from "./helpers/fake-provider";
import { json, startGeneration, userId, waitForFinal } from "./helpers/generations";
import { messiJpg } from "./helpers/images";
import { call, signUp, type TestUser } from "./helpers/users";

const DESCRIPTION = "professional asian woman, business attire, shoulder-length hair";

async function generate(user: TestUser, body: Record<string, unknown>, requestId?: string, language?: string) {
  return user.fetch("/api/v1/avatars/generate", {
    ...json("POST", body),
    headers: {
      "content-type": "application/json",
      ...(requestId ? { "x-request-id": requestId } : {}),
      ...(language ? { "accept-language": language } : {}),
    },
  });
}

describe("text-to-avatar", () => {
  it("generates 2 candidates from the built prompt, saves one as an ai_generated avatar that a pose generation can use", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const body = { prompt: DESCRIPTION, gender: "female", ageRange: "25-34", style: "business", seed: 1234, count: 2 };
    const res = await generate(user, body);
    expect(res.status).toBe(200);
    const result = (await res.json()) as AvatarGenerateResponse;
    const expected = buildAvatarPrompt({ prompt: DESCRIPTION, gender: "female", ageRange: "25-34", style: "business" });
    expect(result.prompt).toBe(expected.prompt);
    expect(result.failed).toEqual([]);
    expect(result.candidates.map((c) => c.seed).sort()).toEqual([1234, 1235]);

    // The fake provider received exactly that prompt, size and the two seeds.
    const seen = await fakeProvider.requests(`${uid}/avatar/`);
    expect(seen).toHaveLength(2);
    for (const r of seen) {
      expect(r).toMatchObject({ path: "/hf/text", prompt: expected.prompt, negativePrompt: expected.negativePrompt });
      expect([r.width, r.height]).toEqual([AVATAR_SIZE.width, AVATAR_SIZE.height]);
    }
    expect(seen.map((r) => r.seed).sort()).toEqual([1234, 1235]);

    const [first, second] = result.candidates;
    const image = await user.fetch(first!.imageUrl);
    expect(image.status).toBe(200);
    const header = inspectImage(new Uint8Array(await image.arrayBuffer()));
    expect(header.ok && [header.displayWidth, header.displayHeight]).toEqual([768, 1152]);
    // Different seeds, different pictures.
    const other = new Uint8Array(await (await user.fetch(second!.imageUrl)).arrayBuffer());
    expect(other).not.toEqual(new Uint8Array(await (await user.fetch(first!.imageUrl)).arrayBuffer()));

    const stranger = await signUp();
    expect((await stranger.fetch(first!.imageUrl)).status).toBe(404);
    expect(
      (await stranger.fetch(`/api/v1/avatars/generate/${first!.id}/save`, json("POST", { name: "Mine now" }))).status,
    ).toBe(404);

    const saved = await user.fetch(`/api/v1/avatars/generate/${first!.id}/save`, json("POST", { name: "Dewi" }));
    expect(saved.status).toBe(201);
    const avatar = (await saved.json()) as Avatar;
    expect(avatar).toMatchObject({
      name: "Dewi",
      sourceType: "ai_generated",
      generationPrompt: expected.prompt,
      gender: "female",
      ageRange: "25-34",
      style: "business",
      width: 768,
      height: 1152,
    });
    // Used up: saving it again finds nothing; its sibling is still there.
    expect((await user.fetch(`/api/v1/avatars/generate/${first!.id}/save`, json("POST", { name: "x" }))).status).toBe(
      404,
    );
    expect((await user.fetch(second!.imageUrl)).status).toBe(200);
    const list = (await (await user.fetch("/api/v1/avatars")).json()) as { items: Avatar[] };
    expect(list.items.map((a) => [a.name, a.sourceType])).toEqual([["Dewi", "ai_generated"]]);
    expect((await user.fetch(avatar.thumbnailUrl)).status).toBe(200);

    const generation = await startGeneration(user, { avatarId: avatar.id, poseTemplateIds: ["builtin-hand-on-hip"] });
    expect(await waitForFinal(user, generation.id)).toMatchObject({ status: "completed", successfulPoses: 1 });

    const metrics = await env.DB.prepare(
      "select count(*) n, sum(success) ok, sum(estimated_cost_usd) cost from avatar_generation_metrics where user_id = ?",
    )
      .bind(uid)
      .first<{ n: number; ok: number; cost: number }>();
    expect(metrics).toMatchObject({ n: 2, ok: 2 });
    expect(metrics!.cost).toBeGreaterThan(0);
  });

  it("answers bad input with a 4xx JSON error and calls no provider", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const ok = { prompt: DESCRIPTION };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, prompt: "" }, "prompt"],
      [{ ...ok, prompt: "   " }, "prompt"],
      [{ ...ok, prompt: "x".repeat(2001) }, "prompt"],
      [{ ...ok, gender: "robot" }, "gender"],
      [{ ...ok, ageRange: "12-17" }, "ageRange"],
      [{ ...ok, style: "pirate" }, "style"],
      [{ ...ok, model: "dalle" }, "model"],
      [{ ...ok, count: 0 }, "count"],
      [{ ...ok, count: 5 }, "count"],
      [{ ...ok, count: 1.5 }, "count"],
      [{ ...ok, seed: -1 }, "seed"],
      [{ ...ok, extra: true }, "extra"],
      [{}, "prompt"],
    ];
    for (const [body, field] of cases) {
      const res = await generate(user, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const error = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe("invalid_request");
      expect(JSON.stringify(error), field).toContain(field);
    }
    const notJson = await user.fetch("/api/v1/avatars/generate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{prompt",
    });
    expect(notJson.status).toBe(400);
    const anonymous = await call("/api/v1/avatars/generate", json("POST", ok));
    expect(anonymous.status).toBe(401);
    expect(await fakeProvider.requests(`${uid}/avatar/`)).toEqual([]);
  });

  it("turns provider faults into clear 4xx messages, never a 5xx", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const body = { prompt: DESCRIPTION, count: 1 };
    const cases = [
      { fault: { kind: "loading", estimatedTime: 40 }, status: 429, code: "provider_busy", says: "warming up" },
      { fault: { kind: "rate_limit", retryAfter: 30 }, status: 429, code: "provider_busy", says: "busy" },
      { fault: { kind: "error500" }, status: 424, code: "provider_failed", says: "had an error" },
      { fault: { kind: "bad_request" }, status: 424, code: "provider_failed", says: "refused" },
      { fault: { kind: "non_image" }, status: 424, code: "provider_failed", says: "without a usable image" },
    ] as const;
    for (const [i, c] of cases.entries()) {
      const trace = `${uid}/avatar/fault-case-${i}/`;
      await fakeProvider.faults([{ ...c.fault, trace }]);
      const res = await generate(user, body, `fault-case-${i}`);
      expect(res.status, c.fault.kind).toBe(c.status);
      const error = ((await res.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe(c.code);
      expect(error.message).toContain(c.says);
      if (c.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(30);
      await fakeProvider.clear(trace);
    }
    // A transient fault is retried away; a candidate that keeps failing comes back in `failed`.
    await fakeProvider.faults([{ kind: "hang", trace: `${uid}/avatar/transient/`, times: 1 }]);
    const recovered = await generate(user, body, "transient");
    expect(recovered.status).toBe(200);
    await fakeProvider.faults([{ kind: "error500", trace: `${uid}/avatar/partial-case/1.` }]);
    const partial = await generate(user, { ...body, count: 2, seed: 7 }, "partial-case");
    expect(partial.status).toBe(200);
    const result = (await partial.json()) as AvatarGenerateResponse;
    expect(result.candidates.map((c) => c.seed)).toEqual([7]);
    expect(result.failed).toEqual([{ seed: 8, message: "Internal Server Error" }]);
    // In Bahasa Indonesia the failed candidate says why in a sentence of its own.
    await fakeProvider.faults([{ kind: "error500", trace: `${uid}/avatar/partial-id/1.` }]);
    const inId = await generate(user, { ...body, count: 2, seed: 7 }, "partial-id", "id");
    expect(((await inId.json()) as AvatarGenerateResponse).failed).toEqual([
      { seed: 8, message: "Server Hugging Face mengalami galat, jadi gambarnya belum dibuat. Coba lagi nanti." },
    ]);
  });

  it("says plainly when no text-to-image provider is configured", async () => {
    const user = await signUp();
    const uid = await userId(user);
    const bare = { ...env, HF_TOKEN: undefined } as unknown as Env;
    const failure = await generateCandidates(
      bare,
      uid,
      { prompt: "x", gender: "any", count: 1, model: "flux" },
      "r1",
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 424, code: "no_text_provider" });
    const status = (await (await user.fetch("/api/v1/providers")).json()) as { textToImage: { localOnly: boolean } };
    expect(status.textToImage.localOnly).toBe(true);
  });

  it("purges unsaved candidates once they expire", async () => {
    const user = await signUp();
    const result = (await (await generate(user, { prompt: DESCRIPTION, count: 1 })).json()) as AvatarGenerateResponse;
    const id = result.candidates[0]!.id;
    const key = (await env.DB.prepare("select image_key from avatar_candidates where id = ?").bind(id).first<{
      image_key: string;
    }>())!.image_key;
    expect(await purgeExpiredCandidates(env)).toBe(0);
    await env.DB.prepare("update avatar_candidates set expires_at = ? where id = ?")
      .bind(Date.now() - 1, id)
      .run();
    // Expired is gone for the user at once, and the hourly purge removes it for good.
    expect((await user.fetch(result.candidates[0]!.imageUrl)).status).toBe(404);
    expect(await purgeExpiredCandidates(env)).toBeGreaterThanOrEqual(1);
    expect(await env.IMAGES.head(key)).toBeNull();
    expect(await env.DB.prepare("select id from avatar_candidates where id = ?").bind(id).first()).toBeNull();
  });
});

describe("Workers AI text-to-image adapter (AI binding)", () => {
  const jpeg = messiJpg();
  const b64 = bytesToBase64(jpeg);
  const request = { prompt: "p", negativePrompt: "n", width: 768, height: 1152, seed: 3, model: "flux" as const };
  const withBinding = (run: AiBinding["run"], extra: Record<string, string> = {}) =>
    providerFor(workersAi, "textToImage", { ...env, AI: { run }, ...extra } as unknown as Env)!;

  it("sends FLUX schnell its inputs and reads the base64 image", async () => {
    const calls: [string, Record<string, unknown>][] = [];
    const provider = withBinding(async (model, inputs) => {
      calls.push([model, inputs]);
      return { image: b64 };
    });
    const image = await provider.textToImage(request);
    // Its published schema takes prompt and steps only (additionalProperties false): no seed.
    expect(calls).toEqual([["@cf/black-forest-labs/flux-1-schnell", { prompt: "p", steps: 4 }]]);
    expect(image).toMatchObject({ contentType: "image/jpeg", model: "@cf/black-forest-labs/flux-1-schnell" });
    expect(image.bytes).toEqual(jpeg);
  });

  it("maps the binding's failures to provider error kinds", async () => {
    const kinds: [AiBinding["run"], string][] = [
      [() => Promise.reject(new Error("3040: Capacity temporarily exceeded, please try again.")), "rate_limited"],
      [() => Promise.reject(new Error("5007: No such model @cf/x or task")), "rejected"],
      [
        () => Promise.reject(new Error("3036: You have used up your daily free allocation of 10,000 neurons.")),
        "not_configured",
      ],
      [() => Promise.reject(new Error("3043: Internal server error")), "rate_limited"],
      [() => Promise.reject(new Error("something broke")), "server"],
      [() => Promise.resolve({}), "bad_response"],
      [() => Promise.resolve({ image: btoa("not an image") }), "bad_response"],
      [() => new Promise(() => {}), "timeout"],
    ];
    for (const [run, kind] of kinds) {
      const failure = await withBinding(run, { PROVIDER_TIMEOUT_MS: "50" })
        .textToImage(request)
        .catch((e: unknown) => e);
      expect(failure, kind).toBeInstanceOf(ProviderError);
      expect((failure as ProviderError).kind).toBe(kind);
    }
  });

  it("is the fallback when Hugging Face keeps failing: one chain, one retry mechanism", async () => {
    const user = await signUp();
    const uid = await userId(user);
    await fakeProvider.faults([{ kind: "error500", trace: `${uid}/avatar/fallback/` }]);
    const both = { ...env, AI: { run: async () => ({ image: b64 }) } } as unknown as Env;
    const result = await generateCandidates(
      both,
      uid,
      { prompt: "x", gender: "any", count: 1, model: "flux" },
      "fallback",
    );
    expect(result.candidates[0]).toMatchObject({
      provider: "workers-ai",
      model: "@cf/black-forest-labs/flux-1-schnell",
    });
    expect((await fakeProvider.requests(`${uid}/avatar/fallback/`)).length).toBe(6);
  });
});

describe("identity reference in pose generation", () => {
  it("Hugging Face sends the avatar as reference_image unless HF_IDENTITY_REFERENCE=false", async () => {
    const req = {
      controlImage: new Uint8Array(0),
      avatarImage: messiJpg(),
      avatarContentType: "image/jpeg",
      prompt: "p",
      negativePrompt: "n",
      width: 512,
      height: 768,
      quality: "sd" as const,
    };
    const trace = `identity-${crypto.randomUUID()}`;
    await providerFor(huggingface, "pose", env)!.generatePose({ ...req, traceId: `${trace}/on` });
    await providerFor(huggingface, "pose", { ...env, HF_IDENTITY_REFERENCE: "false" } as unknown as Env)!.generatePose({
      ...req,
      traceId: `${trace}/off`,
    });
    const [on, off] = [await fakeProvider.requests(`${trace}/on`), await fakeProvider.requests(`${trace}/off`)];
    expect(on[0]!.avatarImage).not.toBeNull();
    expect(off[0]!.avatarImage).toBeNull();
  });
});
