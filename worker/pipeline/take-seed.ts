// The seed a pose's providers get: the generation's own, and for a try-again take a new one,
// derived from the take so every delivery of that take asks for the same picture.
import type { PoseJob } from "./pose-job";

/** FNV-1a, 32 bits: a stable number from a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The seed field of a provider request: absent (the provider picks) only for a first take without a seed. */
export function takeSeed(seed: number | null, job: PoseJob): { seed?: number } {
  if (!job.take) return seed !== null ? { seed } : {};
  return { seed: fnv1a(`${seed ?? ""}:${job.generationId}:${job.poseTemplateId}:${job.take}`) };
}
