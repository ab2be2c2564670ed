import { errorMessage } from "$lib/api/error-message";

/** One page of a list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list the API gives out a page at a time (`{items, nextCursor}`), newest first. */
export class PagedList<T> {
  items = $state<T[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  error = $state("");

  /** `fetchPage` asks the API for the page after `cursor` (the first without), with its own filters. */
  constructor(private fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {}

  /** The first page, or the next one after `cursor`. */
  async load(cursor?: string) {
    this.loading = true;
    this.error = "";
    try {
      const page = await this.fetchPage(cursor);
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
