// `npm run seed:templates`: rewrites the built-in template migration from the library code.
import { writeFileSync } from "node:fs";
import { templateSeedSql } from "./template-seed-sql";

const path = new URL("../migrations/0001_builtin_templates.sql", import.meta.url);
writeFileSync(path, templateSeedSql());
console.log(`wrote ${path.pathname}`);
