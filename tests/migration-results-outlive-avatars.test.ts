// Migration 0006 rebuilds pose_generations (its avatar foreign key changes). On D1 foreign keys are
// enforced during migrations, so a careless rebuild's DROP TABLE cascades into generated_poses.
// This test migrates seeded data from 0005 on a D1 of its own and finds every row still there.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const db = env.MIGRATION_TEST_DB;
const BEFORE = 6; // 0000 … 0005

async function tableCounts(): Promise<Record<string, number>> {
  const tables = await db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name != 'd1_migrations'",
    )
    .all<{ name: string }>();
  const counts: Record<string, number> = {};
  for (const { name } of tables.results) {
    counts[name] = (await db.prepare(`select count(*) as n from "${name}"`).first<{ n: number }>())!.n;
  }
  return counts;
}

const now = Date.now();

async function seed() {
  const statements = [
    db
      .prepare(
        "insert into users (id, name, email, email_verified, role, created_at, updated_at) values (?, ?, ?, 0, 'user', ?, ?)",
      )
      .bind("u1", "Ana", "ana@example.com", now, now),
    db
      .prepare(
        "insert into accounts (id, account_id, provider_id, user_id, password, created_at, updated_at) values ('acc1', 'u1', 'credential', 'u1', 'x', ?, ?)",
      )
      .bind(now, now),
    ...["a1", "a2"].map((id, i) =>
      db
        .prepare(
          `insert into avatars (id, user_id, name, base_image_url, thumbnail_url, image_key, thumbnail_key, cutout_key,
             content_type, width, height, byte_size, sha256, created_at, updated_at)
           values (?, 'u1', ?, '/i', '/t', ?, ?, ?, 'image/jpeg', 512, 512, 100, 'abc', ?, ?)`,
        )
        .bind(
          id,
          `Avatar ${i + 1}`,
          `avatars/u1/${id}/original.jpg`,
          `avatars/u1/${id}/thumbnail.jpg`,
          `avatars/u1/${id}/cutout.png`,
          now,
          now,
        ),
    ),
    ...[
      ["g1", "a1"],
      ["g2", "a1"],
      ["g3", "a2"],
    ].map(([id, avatar]) =>
      db
        .prepare(
          `insert into pose_generations (id, user_id, avatar_id, total_poses, selected_pose_ids, quality, status,
             progress, successful_poses, failed_poses, created_at, updated_at, completed_at)
           values (?, 'u1', ?, 2, '["p1","p2"]', 'sd', 'completed', 100, 2, 0, ?, ?, ?)`,
        )
        .bind(id, avatar, now, now, now),
    ),
    ...["g1", "g2", "g3"].flatMap((g) =>
      ["p1", "p2"].map((p) =>
        db
          .prepare(
            `insert into generated_poses (id, user_id, generation_id, pose_template_id, prompt, output_key, success, attempts, created_at)
             values (?, 'u1', ?, ?, 'a pose', ?, 1, 1, ?)`,
          )
          .bind(`${g}-${p}`, g, p, `generations/${g}/${p}/final.jpg`, now),
      ),
    ),
    db
      .prepare(
        `insert into pose_metrics (id, user_id, generation_id, pose_template_id, quality, attempts, generation_time, success, created_at)
         values ('m1', 'u1', 'g1', 'p1', 'sd', 1, 1000, 1, ?)`,
      )
      .bind(now),
    db
      .prepare(
        `insert into credit_ledger (id, user_id, kind, amount, poses, generation_id, idempotency_key, created_at)
         values ('c1', 'u1', 'reserve', -2, 2, 'g1', 'reserve:g1', ?)`,
      )
      .bind(now),
    db
      .prepare(
        "insert into themes (id, user_id, name, clothing, props, scene, created_at) values ('t1', 'u1', 'Nurse', 'scrubs', '[]', 'hospital', ?)",
      )
      .bind(now),
    db
      .prepare(
        "insert into background_images (id, user_id, image_key, content_type, width, height, created_at) values ('b1', 'u1', 'backgrounds/u1/b1.jpg', 'image/jpeg', 512, 512, ?)",
      )
      .bind(now),
  ];
  await db.batch(statements);
}

describe("migration 0006 (results outlive avatars)", () => {
  it("keeps every row of seeded data, names each generation's avatar, and lets an avatar go without its generations", async () => {
    const migrations = env.TEST_MIGRATIONS;
    await applyD1Migrations(db, migrations.slice(0, BEFORE));
    await seed();
    const before = await tableCounts();
    expect(before).toMatchObject({ pose_generations: 3, generated_poses: 6, avatars: 2 });

    await applyD1Migrations(db, migrations);
    const after = await tableCounts();
    // Every table that existed keeps every row (new tables may appear).
    for (const [table, n] of Object.entries(before)) expect({ table, n: after[table] }).toEqual({ table, n });

    const names = await db
      .prepare("select id, avatar_id, avatar_name from pose_generations order by id")
      .all<{ id: string; avatar_id: string | null; avatar_name: string | null }>();
    expect(names.results).toEqual([
      { id: "g1", avatar_id: "a1", avatar_name: "Avatar 1" },
      { id: "g2", avatar_id: "a1", avatar_name: "Avatar 1" },
      { id: "g3", avatar_id: "a2", avatar_name: "Avatar 2" },
    ]);

    // The foreign key now lets go: the avatar's generations and their poses stay, unlinked.
    await db.prepare("delete from avatars where id = 'a1'").run();
    const kept = await db
      .prepare("select id, avatar_id, avatar_name from pose_generations where id in ('g1','g2') order by id")
      .all();
    expect(kept.results).toEqual([
      { id: "g1", avatar_id: null, avatar_name: "Avatar 1" },
      { id: "g2", avatar_id: null, avatar_name: "Avatar 1" },
    ]);
    expect((await db.prepare("select count(*) as n from generated_poses").first<{ n: number }>())!.n).toBe(6);
    // A generation still goes with its poses, and a user with everything.
    await db.prepare("delete from pose_generations where id = 'g3'").run();
    expect((await db.prepare("select count(*) as n from generated_poses").first<{ n: number }>())!.n).toBe(4);
    await db.prepare("delete from users where id = 'u1'").run();
    const empty = await tableCounts();
    for (const table of ["pose_generations", "generated_poses", "avatars", "credit_ledger", "themes"]) {
      expect({ table, n: empty[table] }).toEqual({ table, n: 0 });
    }
    // The schema passes SQLite's own check of every foreign key.
    expect((await db.prepare("pragma foreign_key_check").all()).results).toEqual([]);
  });
});
