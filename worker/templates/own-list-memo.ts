// Each caller's own part of the template list (their rows for a query, and their stars), kept in this
// isolate for TEMPLATE_CACHE_SECONDS like the public pages, under the caller's id: one caller's
// entries are never another's. The caller's own template and star writes in this isolate drop them
// at once; a write through another isolate shows once the entry's age runs out, never later.
import { KeptPages } from "./kept-pages";

/**
 * Callers' entries kept at most (a caller with several queries has several). An entry holds views of
 * at most one page of the caller's own templates plus their starred ids.
 */
export const ownPages = new KeptPages(500);

const prefix = (userId: string) => `${userId}\n`;

/** The caller's entry for `key` while younger than `maxAgeSeconds`, else `load()`'s (kept). */
export const keptOwn = <T>(userId: string, key: string, maxAgeSeconds: number, load: () => PromiseLike<T>) =>
  ownPages.get(`${prefix(userId)}${key}`, maxAgeSeconds, load).then((p) => p.value);

/** Drops the caller's kept entries (they made, changed, forked, deleted, starred or unstarred a template). */
export function ownTemplatesChanged(userId: string): void {
  ownPages.drop(prefix(userId));
}
