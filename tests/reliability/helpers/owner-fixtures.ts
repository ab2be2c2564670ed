// One user's full set of private things (avatar, template, background, theme, API key, avatar
// candidate, generation), each named with a marker a leak would show.
import { readFileSync } from "node:fs";
import { generate, jsonBody, uploadAvatar, type Client } from "../../../dev-tools/api-client";
import { mediapipeToOpenPose, type Landmark } from "../../../shared/pose/mediapipe";
import { writeOpenPose } from "../../../shared/pose/openpose-json";
import { r2Keys } from "../../../worker/storage/r2-keys";
import { sealProviderInput } from "../../../worker/provider-inputs/token";
import { localTestVars } from "../../e2e/setup/local-server";
import { createTemplate } from "./client";

export interface OwnerFixtures {
  marker: string;
  avatarId: string;
  templateId: string;
  backgroundId: string;
  themeId: string;
  apiKeyId: string;
  candidateId: string;
  generationId: string;
  /**
   * Provider-input tokens for the owner's rig image: `granted` as the pipeline seals it with the
   * server's secret, `forged` sealed with another secret (what anyone else can make).
   */
  providerInput: { granted: string; forged: string };
}

/** Tokens for one of the owner's stored images, sealed as the local server's pipeline would. */
async function providerInputTokens(key: string) {
  const grant = { key, expiresAt: Date.now() + 60 * 60_000 };
  return {
    granted: await sealProviderInput(localTestVars("").BETTER_AUTH_SECRET, grant),
    forged: await sealProviderInput("a secret that is not the server's, 32+ characters", grant),
  };
}

export async function ownerFixtures(owner: Client): Promise<OwnerFixtures> {
  const marker = `OWNERSECRET${crypto.randomUUID().slice(0, 8)}`;
  const avatar = await uploadAvatar(owner, `${marker} avatar`);
  // Its rig too (the messi5 photo's own cut-out and pose), so the rig routes have something to guard.
  const messi = JSON.parse(readFileSync("tests/fixtures/messi5.landmarks.json", "utf8")) as {
    landmarks: Landmark[];
    imageWidth: number;
    imageHeight: number;
  };
  const person = mediapipeToOpenPose(messi.landmarks, messi.imageWidth, messi.imageHeight);
  const rig = new FormData();
  rig.set(
    "pose",
    JSON.stringify(writeOpenPose({ canvasWidth: messi.imageWidth, canvasHeight: messi.imageHeight, people: [person] })),
  );
  rig.set(
    "cutout",
    new Blob([new Uint8Array(readFileSync("tests/fixtures/messi5.cutout.png"))], { type: "image/png" }),
    "cutout.png",
  );
  await owner.json(`/api/v1/avatars/${avatar.id}/rig`, { method: "PUT", body: rig });
  const template = await createTemplate(owner, `${marker} template`);
  const form = new FormData();
  form.set(
    "file",
    new Blob([new Uint8Array(readFileSync("tests/fixtures/astronaut.png"))], { type: "image/png" }),
    "astronaut.png",
  );
  const background = await owner.json<{ id: string }>("/api/v1/backgrounds", { method: "POST", body: form });
  const theme = await owner.json<{ id: string }>(
    "/api/v1/themes",
    jsonBody("POST", { name: `${marker} theme`, clothing: "a lab coat", props: [], scene: "hospital" }),
  );
  const key = await owner.json<{ id: string }>("/api/v1/account/api-keys", jsonBody("POST", { name: `${marker} key` }));
  const candidates = await owner.json<{ candidates: { id: string }[] }>(
    "/api/v1/avatars/generate",
    jsonBody("POST", { prompt: `${marker} a shop model`, count: 1 }),
  );
  const generation = await generate(owner, { avatarId: avatar.id, poseTemplateIds: [template.id], prompt: marker });
  // The owner's star on their private template: no one else may see or remove it.
  await owner.json(`/api/v1/templates/${template.id}/favourite`, { method: "PUT" });
  return {
    marker,
    avatarId: avatar.id,
    templateId: template.id,
    backgroundId: background.id,
    themeId: theme.id,
    apiKeyId: key.id,
    candidateId: candidates.candidates[0]!.id,
    generationId: generation.id,
    providerInput: await providerInputTokens(r2Keys.avatarRig(owner.id, avatar.id)),
  };
}
