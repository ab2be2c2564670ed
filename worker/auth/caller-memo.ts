// Who a session cookie or API key belongs to, trusted for a short while (AUTH_CACHE_SECONDS) in
// this isolate. A session lookup costs D1 round trips and an API key's verification a read and two
// writes, on every request; this keeps that to once per credential per isolate per while.
// Signing out, revoking and deleting in this isolate forget the user at once; a credential revoked
// through another isolate is still trusted here until its entry's age runs out, never longer.
import type { Caller } from "../env";

interface Entry {
  caller: Caller;
  /** Epoch ms after which the credential must be looked up again. */
  until: number;
}

/** Credentials kept per env; the oldest goes first beyond this (memory stays bounded). */
const MAX_ENTRIES = 5_000;
const memos = new WeakMap<Env, Map<string, Entry>>();

/** The caller this credential was verified as, while its entry is young enough; else null. */
export function recalledCaller(env: Env, credential: string): Caller | null {
  const memo = memos.get(env);
  const entry = memo?.get(credential);
  if (!entry) return null;
  if (entry.until > Date.now()) return entry.caller;
  memo!.delete(credential);
  return null;
}

/**
 * Trusts `credential` as `caller` for `ageMs` (0: not at all), never past `expiresAt` (the
 * session's or key's own end).
 */
export function rememberCaller(
  env: Env,
  credential: string,
  caller: Caller,
  ageMs: number,
  expiresAt?: Date | null,
): void {
  if (ageMs <= 0) return;
  let memo = memos.get(env);
  if (!memo) memos.set(env, (memo = new Map()));
  if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  const until = Math.min(Date.now() + ageMs, expiresAt?.getTime() ?? Infinity);
  memo.set(credential, { caller, until });
}

/** Forgets every credential of this user (signed out, a session or key revoked, the account deleted). */
export function forgetUser(env: Env, userId: string): void {
  const memo = memos.get(env);
  if (!memo) return;
  for (const [credential, entry] of memo) if (entry.caller.userId === userId) memo.delete(credential);
}
