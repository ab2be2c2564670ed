// What a user owns: every D1 row that names them and every R2 object under their rows' keys.
import { env } from "cloudflare:workers";

/** Rows naming the user, per table (tables with a user_id or reference_id column, and users itself). */
export async function rowsOf(uid: string): Promise<Record<string, number>> {
  const tables = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name != 'd1_migrations'",
  ).all<{ name: string }>();
  const counts: Record<string, number> = {};
  for (const { name } of tables.results) {
    const columns = await env.DB.prepare(`pragma table_info("${name}")`).all<{ name: string }>();
    const owner: string[] = columns.results.map((c) => c.name).filter((c) => c === "user_id" || c === "reference_id");
    if (name === "users") owner.push("id");
    for (const column of owner) {
      const n = await env.DB.prepare(`select count(*) as n from "${name}" where "${column}" = ?`)
        .bind(uid)
        .first<{ n: number }>();
      counts[`${name}.${column}`] = n!.n;
    }
  }
  return counts;
}

/** Every R2 key under the given prefixes. */
export async function keysUnder(prefixes: string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const prefix of prefixes) {
    let cursor: string | undefined;
    do {
      const page = await env.IMAGES.list({ prefix, cursor });
      keys.push(...page.objects.map((o) => o.key));
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  return keys.sort();
}
