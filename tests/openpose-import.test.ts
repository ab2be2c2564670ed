// The importer's routes take files as the tools write them: CMU OpenPose 1.3 with the canvas from
// ?width=&height=, ComfyUI batches with ?frame=, detector output with points past the canvas.
import { describe, expect, it } from "vitest";
import { pngSize } from "./helpers/png";
import { call, signUp } from "./helpers/users";

const fixtures = import.meta.glob("./fixtures/openpose/tools/*.json", { eager: true, import: "default" });
const fixture = (name: string) => fixtures[`./fixtures/openpose/tools/${name}`];
const post = (path: string, body: unknown, init: { cookie?: string } = {}) =>
  call(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ...init });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("OpenPose import routes", () => {
  it("renders CMU OpenPose 1.3 on the canvas given by ?width=&height=, and names the size when it is missing", async () => {
    const res = await post("/api/v1/skeleton?width=512&height=768", fixture("cmu-1.3-body25.json"));
    expect(res.status).toBe(200);
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 512, height: 768 });
    const refused = await post("/api/v1/skeleton", fixture("cmu-1.3-body25.json"));
    expect(refused.status).toBe(400);
    const error = await errorOf(refused);
    expect(error.code).toBe("invalid_keypoints");
    expect(error.message).toContain("canvas_width");
  });

  it("asks which frame of a ComfyUI batch and renders the one chosen", async () => {
    const refused = await post("/api/v1/skeleton", fixture("comfyui-batch.json"));
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).message).toContain("?frame=");
    const res = await post("/api/v1/skeleton?frame=1", fixture("comfyui-batch.json"));
    expect(res.status).toBe(200);
  });

  it("makes a template of a detector's crop with its ankles below the canvas, keeping them there", async () => {
    const user = await signUp();
    const res = await post(
      "/api/v1/templates",
      { name: "Crop", category: "custom", visibility: "private", keypoints: fixture("a1111-dwpose-crop.json") },
      { cookie: user.cookie },
    );
    expect(res.status).toBe(201);
    const template = (await res.json()) as { keypoints: { people: { pose_keypoints_2d: number[] }[] } };
    const ankleY = template.keypoints.people[0]!.pose_keypoints_2d[10 * 3 + 1]!;
    expect(ankleY).toBeGreaterThan(512);
  });

  it("makes a template of one frame of a batch, chosen with ?frame=", async () => {
    const user = await signUp();
    const body = { name: "Frame", category: "custom", visibility: "private", keypoints: fixture("comfyui-batch.json") };
    const refused = await post("/api/v1/templates", body, { cookie: user.cookie });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).message).toContain("2 frames");
    expect((await post("/api/v1/templates?frame=0", body, { cookie: user.cookie })).status).toBe(201);
  });
});

describe("OpenPose export", () => {
  it("writes the openpose editor's document by default, and each tool's flavour on ?flavour=", async () => {
    const user = await signUp();
    const created = await post(
      "/api/v1/templates?width=512&height=768",
      { name: "CMU", category: "custom", visibility: "private", keypoints: fixture("cmu-1.3-coco.json") },
      { cookie: user.cookie },
    );
    expect(created.status).toBe(201);
    const { openposeUrl } = (await created.json()) as { openposeUrl: string };
    const editor = (await (await user.fetch(openposeUrl)).json()) as {
      animals: unknown[];
      people: { pose_keypoints_2d: number[] }[];
    };
    const body = editor.people[0]!.pose_keypoints_2d;
    expect(editor.animals).toEqual([]);
    expect(body.slice(0, 3)).toEqual([256.412, 118.237, 1]);
    expect(body.slice(17 * 3)).toEqual([0, 0, 0]);
    const native = (await (await user.fetch(`${openposeUrl}?flavour=native`)).json()) as typeof editor;
    expect(native.people[0]!.pose_keypoints_2d[2]).toBe(0.912345);
    const comfy = (await (await user.fetch(`${openposeUrl}?flavour=comfyui`)).json()) as unknown[];
    expect(comfy).toHaveLength(1);
    expect((await user.fetch(`${openposeUrl}?flavour=photoshop`)).status).toBe(400);
  });
});
