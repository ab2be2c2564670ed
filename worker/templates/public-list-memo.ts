// Pages of the public template list, kept in this isolate for TEMPLATE_CACHE_SECONDS: the library
// is read on every visit and changes rarely, and a page costs a D1 read and the JSON of 48 rows.
// Any template write in this isolate drops them all at once; a write through another isolate (a
// new public template, a success or fidelity rate) shows here once the page's age runs out.

interface Page<T> {
  value: Promise<T>;
  /** Epoch ms the page was read from D1 (its age in the Age header) and until it is served. */
  readAt: number;
  until: number;
}

/** Pages kept at most (distinct filters and cursors); the oldest goes first beyond this. */
const MAX_PAGES = 200;
const pages = new Map<string, Page<unknown>>();
/** Drops every kept page (a template was created, changed or deleted, or its rates moved). */
export function templatesChanged(): void {
  // A read in flight is dropped with the rest: its requests get it, later ones read again.
  pages.clear();
}

/**
 * The page kept under `key` while younger than `maxAgeSeconds`, else `load()`'s (kept, and shared by
 * the requests that ask meanwhile). Returns it with the epoch ms it was read.
 */
export async function keptPage<T>(
  key: string,
  maxAgeSeconds: number,
  load: () => PromiseLike<T>,
): Promise<{ value: T; readAt: number }> {
  if (maxAgeSeconds <= 0) return { value: await load(), readAt: Date.now() };
  const now = Date.now();
  const kept = pages.get(key) as Page<T> | undefined;
  if (kept && kept.until > now) return { value: await kept.value, readAt: kept.readAt };
  // Promise.resolve: a drizzle query is a thenable that runs again on every then; this runs it once.
  const page: Page<T> = { value: Promise.resolve(load()), readAt: now, until: now + maxAgeSeconds * 1000 };
  if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
  pages.set(key, page);
  try {
    return { value: await page.value, readAt: page.readAt };
  } catch (err) {
    if (pages.get(key) === page) pages.delete(key);
    throw err;
  }
}
