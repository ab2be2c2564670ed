// The pipeline's side of PublishInput: an input image stored under its pose (so it is deleted with
// the generation, like the stage images) and handed to the vendor as a sealed, short-lived URL.
import { config } from "../config";
import type { PublishInput } from "../providers/publish-input";
import { r2Keys } from "../storage/r2-keys";
import { providerInputUrl } from "./input-url";

/** Publishes one pose's input images; without APP_ORIGIN it stores nothing and answers null. */
export function poseInputPublisher(env: Env, generationId: string, poseTemplateId: string): PublishInput {
  return async (name, bytes, contentType) => {
    if (!config(env).appOrigin) return null;
    const key = r2Keys.providerInput(generationId, poseTemplateId, name, contentType);
    await env.IMAGES.put(key, bytes, { httpMetadata: { contentType } });
    return providerInputUrl(env, key);
  };
}
