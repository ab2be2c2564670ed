// The hostile corpus: requests meant to break us, across every kind of route. Each must get a
// 4xx with our JSON error (or, where noted, be accepted as harmless data), never a 5xx.
import { readFileSync } from "node:fs";
import {
  jpegClaimingHugeSize,
  pngBomb,
  pngClaimingHugeSize,
  svgWithScript,
  truncatedJpeg,
} from "./helpers/hostile-images";

export interface HostileCase {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: () => BodyInit;
  /** Anything but a 4xx is wrong, unless the input is harmless data we store or search as text. */
  accept?: "4xx" | "2xx-or-4xx";
}

/** Ids of the caller's own things, for routes that need one. */
export interface Ids {
  avatarId: string;
  templateId: string;
  generationId: string;
}

const file =
  (bytes: Uint8Array, type: string, name = "upload", fields: Record<string, string> = {}) =>
  () => {
    const form = new FormData();
    form.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
    for (const [k, v] of Object.entries({ name: "Hostile", ...fields })) form.set(k, v);
    return form;
  };
const json = (value: unknown) => () => (typeof value === "string" ? value : JSON.stringify(value));
const JSON_HEADERS = { "content-type": "application/json" };
const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const openpose = () =>
  JSON.parse(readFileSync("tests/fixtures/openpose/a1111-controlnet.json", "utf8")) as Record<string, unknown>;

export function hostileCorpus(ids: Ids): HostileCase[] {
  const upload = (name: string, body: () => BodyInit, path = "/api/v1/avatars"): HostileCase => ({
    name,
    method: "POST",
    path,
    body,
  });
  const post = (name: string, path: string, body: () => BodyInit, accept?: HostileCase["accept"]): HostileCase => ({
    name,
    method: "POST",
    path,
    headers: JSON_HEADERS,
    body,
    accept,
  });
  const get = (name: string, path: string, accept?: HostileCase["accept"]): HostileCase => ({
    name,
    method: "GET",
    path,
    accept,
  });
  const gen = (extra: Record<string, unknown>) => ({
    avatarId: ids.avatarId,
    poseTemplateIds: [ids.templateId],
    ...extra,
  });
  return [
    // Uploads: not images, lies about size, bombs, markup.
    upload(
      "avatar: a text file sent as image/jpeg",
      file(new TextEncoder().encode("hello, not a photo"), "image/jpeg", "a.jpg"),
    ),
    upload("avatar: an empty file", file(new Uint8Array(), "image/jpeg", "a.jpg")),
    upload("avatar: a truncated JPEG", file(truncatedJpeg(), "image/jpeg", "a.jpg")),
    upload("avatar: PNG claiming 50000 × 50000", file(pngClaimingHugeSize(), "image/png", "a.png")),
    upload("avatar: PNG decompression bomb (144 MB decoded)", file(pngBomb(), "image/png", "a.png")),
    upload("avatar: JPEG claiming 60000 × 60000", file(jpegClaimingHugeSize(), "image/jpeg", "a.jpg")),
    upload("avatar: SVG with script", file(svgWithScript(), "image/svg+xml", "a.svg")),
    upload(
      "avatar: 12 MB upload (over the 10 MB limit)",
      file(new Uint8Array(12 * 1024 * 1024), "image/jpeg", "a.jpg"),
    ),
    upload(
      "avatar: a 10 000 character name",
      file(truncatedJpeg(), "image/jpeg", "a.jpg", { name: "x".repeat(10_000) }),
    ),
    upload(
      "avatar: a name with a NUL byte",
      file(readFileSync("tests/fixtures/messi5.jpg"), "image/jpeg", "a.jpg", { name: "a\u0000b" }),
    ),
    upload("avatar: no file field", () => {
      const form = new FormData();
      form.set("name", "no file");
      return form;
    }),
    {
      name: "avatar: multipart without a boundary",
      method: "POST",
      path: "/api/v1/avatars",
      headers: { "content-type": "multipart/form-data" },
      body: () => "--x\r\n\r\n",
    },
    {
      name: "avatar: JSON to the upload route",
      method: "POST",
      path: "/api/v1/avatars",
      headers: JSON_HEADERS,
      body: json({ file: "data:image/png;base64,AAAA" }),
    },
    upload(
      "background: a text file",
      file(new TextEncoder().encode("not an image"), "image/png", "b.png"),
      "/api/v1/backgrounds",
    ),
    upload("background: PNG decompression bomb", file(pngBomb(), "image/png", "b.png"), "/api/v1/backgrounds"),
    upload(
      "background: PNG claiming 50000 × 50000",
      file(pngClaimingHugeSize(), "image/png", "b.png"),
      "/api/v1/backgrounds",
    ),
    // JSON: size, nesting, non-numbers, wrong types.
    post("generation: 3 MB of JSON", "/api/v1/generations", json({ ...gen({}), prompt: "x".repeat(3 * 1024 * 1024) })),
    post("generation: 100 000 levels of nesting", "/api/v1/generations", json(deep(100_000))),
    post("generation: not JSON at all", "/api/v1/generations", json("{avatarId: nope")),
    post("generation: NaN (not valid JSON)", "/api/v1/generations", json(`{"avatarId": NaN, "poseTemplateIds": []}`)),
    post(
      "generation: seed 1e999 (Infinity)",
      "/api/v1/generations",
      json(`{"avatarId": "${ids.avatarId}", "poseTemplateIds": ["${ids.templateId}"], "seed": 1e999}`),
    ),
    post("generation: seed -1", "/api/v1/generations", json(gen({ seed: -1 }))),
    post(
      "generation: 10 000 poses",
      "/api/v1/generations",
      json(gen({ poseTemplateIds: Array.from({ length: 10_000 }, (_, i) => `t${i}`) })),
    ),
    post(
      "generation: path traversal as a pose id",
      "/api/v1/generations",
      json(gen({ poseTemplateIds: ["../../../etc/passwd"] })),
    ),
    post("generation: SQL as an avatar id", "/api/v1/generations", json(gen({ avatarId: "' OR '1'='1" }))),
    post("generation: quality as an object", "/api/v1/generations", json(gen({ quality: { $ne: null } }))),
    post(
      "generation: __proto__ pollution",
      "/api/v1/generations",
      json(
        `{"__proto__": {"admin": true}, "avatarId": "${ids.avatarId}", "poseTemplateIds": ["${ids.templateId}"], "quality": "uhd"}`,
      ),
    ),
    {
      name: "generation: JSON sent as text/plain",
      method: "POST",
      path: "/api/v1/generations",
      headers: { "content-type": "text/plain" },
      body: json(gen({})),
    },
    {
      name: "generation: JSON with no content type",
      method: "POST",
      path: "/api/v1/generations",
      body: () => new Blob([JSON.stringify(gen({}))]),
    },
    post(
      "template: a million people",
      "/api/v1/templates",
      json({
        name: "crowd",
        category: "custom",
        keypoints: { ...openpose(), people: Array.from({ length: 200_000 }, () => ({ pose_keypoints_2d: [1, 1, 1] })) },
      }),
    ),
    post(
      "template: keypoints that are strings",
      "/api/v1/templates",
      json({
        name: "bad",
        category: "custom",
        keypoints: { people: [{ pose_keypoints_2d: ["NaN", "Infinity", "x"] }] },
      }),
    ),
    post(
      "template: keypoints nested 5000 deep",
      "/api/v1/templates",
      json(`{"name": "deep", "category": "custom", "keypoints": ${deep(5000)}}`),
    ),
    post(
      "template: SQL in the name is stored as text",
      "/api/v1/templates",
      json({ name: "'; DROP TABLE users; --", category: "custom", keypoints: openpose() }),
      "2xx-or-4xx",
    ),
    post(
      "template: script in the name is stored as text",
      "/api/v1/templates",
      json({ name: "<script>alert(1)</script>", category: "custom", keypoints: openpose() }),
      "2xx-or-4xx",
    ),
    {
      name: "avatar rename: NUL byte",
      method: "PATCH",
      path: `/api/v1/avatars/${ids.avatarId}`,
      headers: JSON_HEADERS,
      body: json({ name: "a\u0000b" }),
    },
    {
      name: "avatar rename: unknown field",
      method: "PATCH",
      path: `/api/v1/avatars/${ids.avatarId}`,
      headers: JSON_HEADERS,
      body: json({ userId: "someone-else" }),
    },
    post("skeleton: width 1e9", "/api/v1/skeleton?width=1000000000&height=768", json({ keypoints: openpose() })),
    post(
      "skeleton: keypoints that are NaN strings",
      "/api/v1/skeleton",
      json({ keypoints: { people: [{ pose_keypoints_2d: ["NaN", 0, 1] }] } }),
    ),
    post(
      "theme: an unknown prop",
      "/api/v1/themes",
      json({ name: "x", clothing: "y", props: ["rm -rf /"], scene: "hospital" }),
    ),
    post(
      "avatar from text: a 100 000 character prompt",
      "/api/v1/avatars/generate",
      json({ prompt: "x".repeat(100_000) }),
    ),
    post(
      "credits: a grant of 1e309 by a non-operator",
      "/api/v1/credits/grants",
      json(`{"email": "a@b.co", "amount": 1e309}`),
    ),
    // Query strings and ids.
    get("templates: SQL in the search", `/api/v1/templates?q=${encodeURIComponent("' OR 1=1 --")}`, "2xx-or-4xx"),
    get("templates: limit -1", "/api/v1/templates?limit=-1"),
    get("templates: limit 1e9", "/api/v1/templates?limit=1000000000"),
    get("templates: a garbage cursor", "/api/v1/templates?cursor=%7B%22%24gt%22%3A1%7D"),
    get("avatars: path traversal in the id", "/api/v1/avatars/..%2F..%2F..%2Fetc%2Fpasswd"),
    get("templates: a NUL byte as the id", "/api/v1/templates/%00"),
    get("generations: script as the id", `/api/v1/generations/${encodeURIComponent("<script>alert(1)</script>")}`),
    get("generations: a 10 000 character id", `/api/v1/generations/${"a".repeat(10_000)}`),
    get("skeleton.png: width NaN", `/api/v1/templates/${ids.templateId}/skeleton.png?width=NaN`),
    get("metrics: path traversal as the month", "/api/v1/metrics?month=..%2F..%2Fetc"),
    get("pose image: traversal as the pose id", `/api/v1/generations/${ids.generationId}/poses/..%2F..%2Fsecret/image`),
    get(
      "pose image: traversal as the stage",
      `/api/v1/generations/${ids.generationId}/poses/${ids.templateId}/image?stage=..%2F..%2F`,
    ),
    get("an unknown route with traversal", "/api/v1/..%2F..%2Fetc%2Fpasswd"),
    {
      name: "an API key of 10 000 characters",
      method: "GET",
      path: "/api/v1/avatars",
      headers: { authorization: `Bearer ${"k".repeat(10_000)}` },
    },
    {
      name: "a malformed Authorization header",
      method: "GET",
      path: "/api/v1/avatars",
      headers: { authorization: "Basic Og==" },
    },
  ];
}
