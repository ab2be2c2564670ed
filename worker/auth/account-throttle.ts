import { config } from "../config";

/** The window: each failure extends it, a success clears it. */
export const ACCOUNT_THROTTLE_WINDOW_MS = 15 * 60 * 1000;

async function throttleKey(email: string) {
  // Hashed so the rate-limit table holds no email addresses.
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(email.trim().toLowerCase()));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `sign-in-failures:${hex}`;
}

/**
 * Seconds until this account may try to sign in again, or 0 when it may now. Counts failures
 * for any email, existing or not, so the answer tells nothing about accounts.
 */
export async function accountRetryAfter(env: Env, email: string, now = Date.now()): Promise<number> {
  const row = await env.DB.prepare("select count, last_request from rate_limits where key = ?")
    .bind(await throttleKey(email))
    .first<{ count: number; last_request: number }>();
  if (!row || row.count < config(env).auth.failuresPerAccount) return 0;
  const waitMs = row.last_request + ACCOUNT_THROTTLE_WINDOW_MS - now;
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/** Records a sign-in's outcome for its email: a failure counts (in one statement), a success clears. */
export async function recordSignIn(env: Env, email: string, succeeded: boolean, now = Date.now()) {
  const key = await throttleKey(email);
  if (succeeded) {
    await env.DB.prepare("delete from rate_limits where key = ?").bind(key).run();
    return;
  }
  await env.DB.prepare(
    `insert into rate_limits (id, key, count, last_request) values (?1, ?2, 1, ?3)
     on conflict(key) do update set
       count = case when ?3 - last_request < ?4 then count + 1 else 1 end,
       last_request = ?3`,
  )
    .bind(crypto.randomUUID(), key, now, ACCOUNT_THROTTLE_WINDOW_MS)
    .run();
}
