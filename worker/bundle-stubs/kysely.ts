// Stands in for kysely in the Worker bundle (wrangler.toml [alias]). better-auth imports it for its
// Kysely adapter, which this app never uses: accounts live in D1 through the drizzle adapter, and
// better-auth only probes the database object (no kysely call) to tell the two apart. Dropping
// kysely keeps the Worker under its size budget; anything that would really run throws.
const notBundled = (name: string): never => {
  throw new Error(`kysely.${name} is not part of this Worker (accounts use the drizzle adapter).`);
};

export class Kysely {
  constructor() {
    notBundled("Kysely");
  }
}
export class SqliteDialect {}
export class MysqlDialect {}
export class PostgresDialect {}
export class MssqlDialect {}
export class SqliteAdapter {}
export class DefaultQueryCompiler {}
export class SqliteQueryCompiler extends DefaultQueryCompiler {}
export const CompiledQuery = { raw: () => notBundled("CompiledQuery") };
export const ColumnNode = { create: () => notBundled("ColumnNode") };
export const ReferenceNode = { create: () => notBundled("ReferenceNode") };
export const SelectQueryNode = { is: () => false };
export const TableNode = { create: () => notBundled("TableNode") };
export const sql = Object.assign(() => notBundled("sql"), {
  raw: () => notBundled("sql"),
  ref: () => notBundled("sql"),
  lit: () => notBundled("sql"),
  join: () => notBundled("sql"),
  id: () => notBundled("sql"),
  table: () => notBundled("sql"),
});
