// Short-lived URLs on our own origin for providers that fetch their inputs by URL (never a public
// bucket): GET {APP_ORIGIN}/api/v1/provider-inputs/{sealed token}.
import { config } from "../config";
import { sealProviderInput } from "./token";

/** How long a provider may fetch an input: long enough for a queued job, short enough to be useless later. */
export const PROVIDER_INPUT_TTL_MS = 15 * 60_000;

/** A URL a provider can fetch `key` from for the next minutes, or null without a public origin. */
export async function providerInputUrl(env: Env, key: string, now = Date.now()): Promise<string | null> {
  const origin = config(env).appOrigin;
  if (!origin) return null;
  const token = await sealProviderInput(env.BETTER_AUTH_SECRET, { key, expiresAt: now + PROVIDER_INPUT_TTL_MS });
  return `${origin.replace(/\/+$/, "")}/api/v1/provider-inputs/${token}`;
}
