// Pages of the template list kept in this isolate for a while, each read once however many requests
// ask for it meanwhile. The public pages and each caller's own rows are kept in one of these each.

interface Page<T> {
  value: Promise<T>;
  /** Epoch ms the page was read from D1 (its age in the Age header). */
  readAt: number;
  /** Epoch ms after which it is read again. */
  until: number;
}

/** A bounded map of kept pages: the oldest goes first beyond `maxPages` (memory stays bounded). */
export class KeptPages {
  private readonly pages = new Map<string, Page<unknown>>();

  constructor(private readonly maxPages: number) {}

  /**
   * The page kept under `key` while younger than `maxAgeSeconds`, else `load()`'s (kept, and shared
   * by the requests that ask meanwhile). Returns it with the epoch ms it was read.
   */
  async get<T>(key: string, maxAgeSeconds: number, load: () => PromiseLike<T>): Promise<{ value: T; readAt: number }> {
    if (maxAgeSeconds <= 0) return { value: await load(), readAt: Date.now() };
    const now = Date.now();
    const kept = this.pages.get(key) as Page<T> | undefined;
    if (kept && kept.until > now) return { value: await kept.value, readAt: kept.readAt };
    // Promise.resolve: a drizzle query is a thenable that runs again on every then; this runs it once.
    const page: Page<T> = { value: Promise.resolve(load()), readAt: now, until: now + maxAgeSeconds * 1000 };
    if (this.pages.size >= this.maxPages) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, page);
    try {
      return { value: await page.value, readAt: page.readAt };
    } catch (err) {
      if (this.pages.get(key) === page) this.pages.delete(key);
      throw err;
    }
  }

  /** Drops the pages whose key starts with `prefix` (all of them when it is empty). */
  drop(prefix = ""): void {
    // A read in flight is dropped with the rest: its requests get it, later ones read again.
    if (!prefix) return this.pages.clear();
    for (const key of this.pages.keys()) if (key.startsWith(prefix)) this.pages.delete(key);
  }
}
