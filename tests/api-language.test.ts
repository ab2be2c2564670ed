import { describe, expect, it } from "vitest";
import { BUILT_IN_TEMPLATES } from "../shared/templates/built-in";
import { BUILT_IN_TEMPLATES_ID } from "../shared/templates/built-in-id";
import { builtInTemplateId } from "../shared/templates/built-in-rows";
import { json, uploadAvatar, waitForFinal } from "./helpers/generations";
import { avatarForm, pngClaiming } from "./helpers/images";
import { call, signUp } from "./helpers/users";

type Page = { items: { id: string; name: string; description: string | null }[]; nextCursor: string | null };
type ErrorBody = { error: { code: string; message: string } };
const ID = { "accept-language": "id-ID,id;q=0.9,en;q=0.8" };

async function error(res: Promise<Response>, status: number, code: string): Promise<string> {
  const r = await res;
  const body = (await r.json()) as ErrorBody;
  expect(r.status, JSON.stringify(body)).toBe(status);
  expect(body.error.code).toBe(code);
  return body.error.message;
}

// Seated by their English text, judged apart from the Indonesian words under test.
const sitting = BUILT_IN_TEMPLATES.filter((t) => /\b(seated|stool)\b/i.test(`${t.name} ${t.description}`))
  .map((t) => builtInTemplateId(t.slug))
  .sort();

describe("the API speaks the caller's language (Accept-Language: en, id)", () => {
  it("names the built-in templates in Bahasa Indonesia for id, in English otherwise", async () => {
    const wave = builtInTemplateId("wave");
    const inId = await call(`/api/v1/templates/${wave}`, { headers: ID });
    expect(inId.headers.get("vary")).toMatch(/accept-language/i);
    const t = (await inId.json()) as Page["items"][number];
    expect(t.name).toBe(BUILT_IN_TEMPLATES_ID.wave!.name);
    expect(t.description).toBe(BUILT_IN_TEMPLATES_ID.wave!.description);
    for (const headers of [{}, { "accept-language": "fr-FR, en;q=0.5" }] as Record<string, string>[]) {
      const en = (await (await call(`/api/v1/templates/${wave}`, { headers })).json()) as Page["items"][number];
      expect(en.name).toBe("Waving hello");
    }
    const page = (await (await call("/api/v1/templates?limit=100", { headers: ID })).json()) as Page;
    const builtIns = page.items.filter((i) => i.id.startsWith("builtin-"));
    expect(builtIns.length).toBe(BUILT_IN_TEMPLATES.length);
    for (const b of builtIns) expect(b.name).toBe(BUILT_IN_TEMPLATES_ID[b.id.slice("builtin-".length)]!.name);
    const user = await signUp();
    const fork = await user.fetch(`/api/v1/templates/${wave}/fork`, { method: "POST", headers: ID });
    expect(((await fork.json()) as Page["items"][number]).name).toBe(`${BUILT_IN_TEMPLATES_ID.wave!.name} (salinan)`);
  });

  it('finds the sitting poses, and only those, for "duduk" in id; English search is unchanged', async () => {
    const found = (await (await call("/api/v1/templates?limit=100&q=duduk", { headers: ID })).json()) as Page;
    expect(sitting.length).toBeGreaterThanOrEqual(5);
    expect(found.items.map((i) => i.id).sort()).toEqual(sitting);
    const inEnglish = (await (await call("/api/v1/templates?limit=100&q=duduk")).json()) as Page;
    expect(inEnglish.items).toEqual([]);
    const seated = (await (await call("/api/v1/templates?limit=100&q=seated")).json()) as Page;
    expect(seated.items.length).toBeGreaterThan(0);
    expect(seated.items.every((i) => /seated/i.test(`${i.name} ${i.description}`))).toBe(true);
  });

  it("answers 400, 401, 404 and 413 in Bahasa Indonesia for id, in the same English as before without", async () => {
    expect(await error(call("/api/v1/templates?mine=true"), 401, "unauthenticated")).toBe(
      "Sign in to list your own templates.",
    );
    expect(await error(call("/api/v1/templates?mine=true", { headers: ID }), 401, "unauthenticated")).toMatch(
      /^Silakan masuk/,
    );
    expect(await error(call("/api/v1/templates/builtin-nope"), 404, "not_found")).toBe("Template not found.");
    expect(await error(call("/api/v1/templates/builtin-nope", { headers: ID }), 404, "not_found")).toBe(
      "Template pose tidak ditemukan.",
    );
    expect(await error(call("/api/v1/nope", { headers: ID }), 404, "not_found")).toBe(
      "Rute API /api/v1/nope tidak ada.",
    );
    expect(await error(call("/api/v1/templates?limit=abc"), 400, "invalid_request")).toMatch(/^limit: /);
    expect(await error(call("/api/v1/templates?limit=abc", { headers: ID }), 400, "invalid_request")).toBe(
      "Permintaan tidak valid; periksa: limit.",
    );
    const user = await signUp();
    const big = { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(1_100_000) };
    expect(await error(user.fetch("/api/v1/templates", big), 413, "payload_too_large")).toBe(
      "The request body is larger than 1 MB.",
    );
    expect(
      await error(
        user.fetch("/api/v1/templates", { ...big, headers: { ...big.headers, ...ID } }),
        413,
        "payload_too_large",
      ),
    ).toBe("Isi permintaan lebih besar dari 1 MB.");
  });

  it("refuses uploads and generations in Bahasa Indonesia for id", async () => {
    const user = await signUp();
    const post = (path: string, body: FormData | string, headers: Record<string, string> = {}) =>
      user.fetch(path, { method: "POST", body, headers });
    const notImage = () => avatarForm("hello, this is not an image at all", "photo.jpg", { name: "x" });
    expect(await error(post("/api/v1/avatars", notImage()), 415, "unsupported_image_type")).toMatch(/^Only JPEG/);
    expect(await error(post("/api/v1/avatars", notImage(), ID), 415, "unsupported_image_type")).toBe(
      "Hanya gambar JPEG, PNG, dan WebP yang diterima.",
    );
    const tiny = avatarForm(pngClaiming(10, 12), "tiny.png", { name: "x" });
    expect(await error(post("/api/v1/avatars", tiny, ID), 422, "image_too_small")).toMatch(
      /^Gambar berukuran 10×12 px; minimal \d+ px per sisi\.$/,
    );
    const generation = (n: number) =>
      JSON.stringify({ avatarId: "nope", poseTemplateIds: Array.from({ length: n }, (_, i) => `t${i}`) });
    const json = { "content-type": "application/json" };
    expect(await error(post("/api/v1/generations", generation(101), json), 400, "too_many_poses")).toMatch(
      /^At most \d+ poses per generation; you picked 101\.$/,
    );
    expect(
      await error(post("/api/v1/generations", generation(101), { ...json, ...ID }), 400, "too_many_poses"),
    ).toMatch(/^Maksimal \d+ pose per pembuatan; Anda memilih 101\.$/);
    expect(await error(post("/api/v1/generations", generation(1), { ...json, ...ID }), 404, "avatar_not_found")).toBe(
      "Avatar tidak ditemukan di antara avatar Anda.",
    );
  });

  it("records a generation's pose names in the caller's language, so its results and files carry them", async () => {
    const user = await signUp();
    const avatar = await uploadAvatar(user);
    const body = {
      avatarId: avatar.id,
      poseTemplateIds: [builtInTemplateId("wave"), builtInTemplateId("chair-front")],
    };
    const start = (headers: Record<string, string>) =>
      user.fetch("/api/v1/generations", {
        ...json("POST", body),
        headers: { "content-type": "application/json", ...headers },
      });
    const inId = (await (await start(ID)).json()) as { id: string; poseNames?: Record<string, string> };
    expect(inId.poseNames).toEqual({
      [builtInTemplateId("wave")]: BUILT_IN_TEMPLATES_ID.wave!.name,
      [builtInTemplateId("chair-front")]: BUILT_IN_TEMPLATES_ID["chair-front"]!.name,
    });
    const inEnglish = (await (await start({})).json()) as { id: string; poseNames?: Record<string, string> };
    expect(inEnglish.poseNames?.[builtInTemplateId("wave")]).toBe("Waving hello");
    await waitForFinal(user, inId.id);
    await waitForFinal(user, inEnglish.id);
  });

  it("says why a request is invalid in Bahasa Indonesia, zod's own checks and our schemas' words", async () => {
    const user = await signUp();
    const template = (body: unknown, headers: Record<string, string> = {}) =>
      user.fetch("/api/v1/templates", {
        ...json("POST", body),
        headers: { "content-type": "application/json", ...headers },
      });
    const tooLong = { name: "n".repeat(81), category: "custom", visibility: "private", tags: [], keypoints: {} };
    expect(await error(template(tooLong), 400, "invalid_request")).toBe("name: must be at most 80 characters");
    expect(await error(template(tooLong, ID), 400, "invalid_request")).toBe(
      "Permintaan tidak valid: name: maksimal 80 karakter.",
    );
    const badCategory = { ...tooLong, name: "Mine", category: "nope" };
    expect(await error(template(badCategory, ID), 400, "invalid_request")).toMatch(
      /^Permintaan tidak valid: category: Pilihan tidak valid: diharapkan salah satu dari "/,
    );
  });

  it("reads the ledger's own notes and a generation's built-in pose names in the caller's language", async () => {
    const user = await signUp();
    type Credits = { recent: { kind: string; note: string | null }[] };
    const notes = async (headers: Record<string, string>) =>
      ((await (await user.fetch("/api/v1/credits", { headers })).json()) as Credits).recent.map((e) => e.note);
    expect(await notes({})).toContain("Welcome credits");
    expect(await notes(ID)).toContain("Kredit sambutan");

    const avatar = await uploadAvatar(user);
    const wave = builtInTemplateId("wave");
    const started = (await (
      await user.fetch("/api/v1/generations", json("POST", { avatarId: avatar.id, poseTemplateIds: [wave] }))
    ).json()) as { id: string };
    await waitForFinal(user, started.id);
    const namesIn = async (headers: Record<string, string>) =>
      (
        (await (await user.fetch(`/api/v1/generations/${started.id}`, { headers })).json()) as {
          poseNames: Record<string, string>;
        }
      ).poseNames[wave];
    expect(await namesIn({})).toBe("Waving hello");
    expect(await namesIn(ID)).toBe(BUILT_IN_TEMPLATES_ID.wave!.name);
    expect(await notes(ID)).toContain("1 pose SD");
  });
});
