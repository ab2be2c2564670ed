import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

// Building drizzle with the schema walks every table's relations: once per env, not per query.
const clients = new WeakMap<Env, ReturnType<typeof build>>();
const build = (env: Env) => drizzle(env.DB, { schema });

/** The app's drizzle client on D1 (one per env object). */
export const db = (env: Env) => {
  let client = clients.get(env);
  if (!client) clients.set(env, (client = build(env)));
  return client;
};
export type Db = ReturnType<typeof db>;
