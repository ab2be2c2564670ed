// Pages of the public template list, kept in this isolate for TEMPLATE_CACHE_SECONDS: the library
// is read on every visit and changes rarely, and a page costs a D1 read and the JSON of 48 rows.
// Any template write in this isolate drops them all at once; a write through another isolate (a
// new public template, a success or fidelity rate) shows here once the page's age runs out.
import { KeptPages } from "./kept-pages";
import { ownPages } from "./own-list-memo";

/** Pages kept at most (distinct filters and cursors); the oldest goes first beyond this. */
const publicPages = new KeptPages(200);

/** Drops every kept page, public and each caller's own (a template was created, changed or deleted, or its rates moved). */
export function templatesChanged(): void {
  publicPages.drop();
  ownPages.drop();
}

/**
 * The public page kept under `key` while younger than `maxAgeSeconds`, else `load()`'s (kept, and
 * shared by the requests that ask meanwhile). Returns it with the epoch ms it was read.
 */
export const keptPage = <T>(key: string, maxAgeSeconds: number, load: () => PromiseLike<T>) =>
  publicPages.get(key, maxAgeSeconds, load);
