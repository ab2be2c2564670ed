import { api } from "$lib/api/client";
import { errorMessage } from "$lib/api/error-message";

/** A list the API gives out a page at a time (`{items, nextCursor}`), newest first. */
export class PagedList<T> {
  items = $state<T[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  error = $state("");

  /** `path` includes its own query (e.g. filters and limit). */
  constructor(private path: () => string) {}

  /** The first page, or the next one after `cursor`. */
  async load(cursor?: string) {
    this.loading = true;
    this.error = "";
    const path = this.path();
    try {
      const sep = path.includes("?") ? "&" : "?";
      const page = await api.get<{ items: T[]; nextCursor: string | null }>(
        `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.loading = false;
    }
  }

  more = () => (this.nextCursor ? this.load(this.nextCursor) : undefined);
}
