import type { GenerationState } from "../../shared/api/generations";
import { avatarForm, messiJpg } from "./images";
import type { TestUser } from "./users";

export const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export async function userId(user: TestUser): Promise<string> {
  return ((await (await user.fetch("/api/v1/account/me")).json()) as { id: string }).id;
}

export async function uploadAvatar(
  user: TestUser,
  fields: Record<string, string> = { name: "Model", gender: "female", ageRange: "25-34" },
) {
  const res = await user.fetch("/api/v1/avatars", { method: "POST", body: avatarForm(messiJpg(), "m.jpg", fields) });
  if (res.status !== 201) throw new Error(`avatar upload failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

export async function startGeneration(user: TestUser, body: Record<string, unknown>) {
  const res = await user.fetch("/api/v1/generations", json("POST", body));
  if (res.status !== 202) throw new Error(`generation failed to start: ${res.status} ${await res.text()}`);
  return (await res.json()) as GenerationState;
}

const FINAL = ["completed", "partial", "failed", "cancelled"];

/** Polls until the generation reaches a final state (or the timeout). */
export async function waitForFinal(user: TestUser, id: string, timeoutMs = 30_000): Promise<GenerationState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await (await user.fetch(`/api/v1/generations/${id}`)).json()) as GenerationState;
    if (FINAL.includes(state.status)) return state;
    if (Date.now() > deadline) throw new Error(`generation ${id} still ${state.status} (${state.progress} %)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first n built-in template ids. */
export const BUILT_INS = [
  "builtin-front-neutral",
  "builtin-hand-on-hip",
  "builtin-both-hands-hips",
  "builtin-three-quarter-turn",
  "builtin-contrapposto",
  "builtin-hair-touch",
  "builtin-chair-front",
  "builtin-chair-side",
  "builtin-seated-legs-crossed",
  "builtin-seated-lean-forward",
];
