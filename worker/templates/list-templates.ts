// The library list: everyone's public templates plus the caller's own, newest first. The public
// part comes from this isolate's kept pages (public-list-memo.ts), as views; the caller's own rows
// and stars from their own kept entry (own-list-memo.ts, one D1 round trip when it is not kept),
// dropped at once by their own writes here, so a page is never another's.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Template, TemplateQuery } from "../../shared/api/templates";
import type { z } from "zod";
import { config } from "../config";
import { db } from "../db/client";
import { newestFirst } from "../db/pagination";
import { poseFavourites, poseTemplates, type PoseTemplate } from "../db/schema";
import { ApiError } from "../errors";
import type { ApiLocale } from "../i18n/locale";
import { starredBy } from "./favourites";
import { keptOwn, ownTemplatesChanged } from "./own-list-memo";
import { keptPage } from "./public-list-memo";
import { textSearch } from "./text-search";
import { toTemplate, viewTemplates } from "./to-template";

export type ListQuery = z.infer<typeof TemplateQuery> & { limit: number; cursor?: string };

/** A page of the list, and how long any copy of it may be kept (the route's Cache-Control). */
export interface ListedPage {
  items: Template[];
  nextCursor: string | null;
  /** Shared caches may keep it `maxAge` seconds from `readAt` (anonymous pages); null: not at all. */
  shared: { maxAge: number; readAt: number } | null;
}

const t = poseTemplates;
const isPublic = and(eq(t.visibility, "public"), eq(t.isActive, true));
/** A row of the list: its view, and what the page is cut and merged by. */
interface Listed {
  id: string;
  userId: string | null;
  createdAt: Date;
  view: Template;
}
const listed = (row: PoseTemplate, view: Template): Listed => ({
  id: row.id,
  userId: row.userId,
  createdAt: row.createdAt,
  view,
});

/** Newest first, as the page cursor counts: createdAt, then id, both descending. */
const newer = (a: Listed, b: Listed) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The filters of `query` (and the page's cursor) as one where-clause. */
function filters(query: ListQuery, locale: ApiLocale, cursor: SQL | undefined) {
  return and(
    query.category ? eq(t.category, query.category) : undefined,
    query.difficulty ? eq(t.difficulty, query.difficulty) : undefined,
    query.gender ? or(eq(t.gender, query.gender), eq(t.gender, "any")) : undefined,
    query.tag ? sql`exists (select 1 from json_each(${t.tags}) where value = ${query.tag})` : undefined,
    textSearch(query.q, locale),
    cursor,
  );
}

/**
 * The page of templates `userId` (null: anonymous) may see for `query`, names in `locale`. `mine`
 * and `favourites` need a caller (401 otherwise) and are read fresh; so is the caller's own part
 * when `fresh` (the request said `Cache-Control: no-cache`).
 */
export async function listTemplates(
  env: Env,
  userId: string | null,
  query: ListQuery,
  locale: ApiLocale,
  fresh = false,
): Promise<ListedPage> {
  const onlyStarred = query.favourites === "1" || query.favourites === "true";
  if (query.mine === "true" && !userId)
    throw new ApiError(401, "unauthenticated", "Sign in to list your own templates.");
  if (onlyStarred && !userId) throw new ApiError(401, "unauthenticated", "Sign in to list your favourite poses.");
  const pg = newestFirst(t, query);
  const where = filters(query, locale, pg.where);
  const read = (visible: SQL | undefined, extra?: SQL) =>
    db(env)
      .select()
      .from(t)
      .where(and(visible, where, extra))
      .orderBy(...pg.orderBy)
      .limit(pg.take);

  if (query.mine === "true" || onlyStarred) {
    const visible = query.mine === "true" ? eq(t.userId, userId!) : or(isPublic, eq(t.userId, userId!));
    const page = pg.page(await read(visible, onlyStarred ? starredBy(env, userId!) : undefined));
    return { items: await viewTemplates(env, page.items, userId, locale), nextCursor: page.nextCursor, shared: null };
  }

  const maxAge = config(env).templates.cacheSeconds;
  const key = `${locale} ${JSON.stringify(query)}`;
  // The public rows of the page as views (as an anonymous caller sees them), with the keys they sort by.
  const kept = await keptPage(`view ${key}`, maxAge, async () =>
    (await read(isPublic)).map((r) => listed(r, toTemplate(r, null, locale))),
  );
  if (!userId) {
    const page = pg.page(kept.value);
    return {
      items: page.items.map((e) => e.view),
      nextCursor: page.nextCursor,
      shared: { maxAge, readAt: kept.readAt },
    };
  }

  // The caller's own rows (any visibility) and stars, kept under their id (own-list-memo.ts); the
  // public rows less the caller's (their own read is the current one). Both are cut at the same
  // cursor and size, so the newest `take` of the two together are the page SQL would give.
  // A caller who asks for no stored copy (e.g. right after a write through another isolate) gets
  // their own rows and stars from D1; the public part keeps its stated max age.
  if (fresh) ownTemplatesChanged(userId);
  const own = await keptOwn(userId, key, maxAge, async () => {
    const [rows, stars] = await db(env).batch([
      read(eq(t.userId, userId)),
      db(env).select({ id: poseFavourites.templateId }).from(poseFavourites).where(eq(poseFavourites.userId, userId)),
    ]);
    return {
      rows: rows.map((r) => listed(r, toTemplate(r, userId, locale))),
      starred: new Set(stars.map((s) => s.id)),
    };
  });
  const rows = [...own.rows, ...kept.value.filter((e) => e.userId !== userId)].sort(newer).slice(0, pg.take);
  const page = pg.page(rows);
  return {
    items: page.items.map((e) => (own.starred.has(e.id) ? { ...e.view, favourite: true } : e.view)),
    nextCursor: page.nextCursor,
    shared: null,
  };
}
