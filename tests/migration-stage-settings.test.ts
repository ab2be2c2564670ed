// Migration 0008 adds pose_generations.stage_settings (every stage's settings by stage name) and
// copies the per-stage columns of existing rows into it: a generation made before still runs its
// fashion, background and theme stages the same way.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const db = env.MIGRATION_TEST_DB;
const BEFORE = 8; // 0000 … 0007
const now = Date.now();

describe("migration 0008 (stage settings by stage name)", () => {
  it("copies each row's fashion, background and theme into stage_settings and keeps the old columns", async () => {
    const migrations = env.TEST_MIGRATIONS;
    await applyD1Migrations(db, migrations.slice(0, BEFORE));
    await db.batch([
      db
        .prepare(
          "insert into users (id, name, email, email_verified, role, created_at, updated_at) values ('u1', 'Ana', 'ana@example.com', 0, 'user', ?, ?)",
        )
        .bind(now, now),
      ...[
        ["g1", '{"accessories":["watch"],"outfit":"none"}', '{"mode":"scene","scene":"office"}', "doctor"],
        ["g2", null, null, null],
      ].map(([id, fashion, background, theme]) =>
        db
          .prepare(
            `insert into pose_generations (id, user_id, total_poses, selected_pose_ids, quality, fashion_settings,
               background_settings, profession_theme, status, progress, successful_poses, failed_poses, created_at, updated_at)
             values (?, 'u1', 1, '["p1"]', 'sd', ?, ?, ?, 'completed', 100, 1, 0, ?, ?)`,
          )
          .bind(id, fashion, background, theme, now, now),
      ),
    ]);

    // Through 0008 only: 0009 then drops the old columns, which this checks 0008 still kept.
    await applyD1Migrations(db, migrations.slice(0, BEFORE + 1));
    const rows = await db
      .prepare("select id, stage_settings, profession_theme from pose_generations order by id")
      .all<{ id: string; stage_settings: string; profession_theme: string | null }>();
    expect(rows.results.map((r) => ({ ...r, stage_settings: JSON.parse(r.stage_settings) }))).toEqual([
      {
        id: "g1",
        stage_settings: {
          fashion: { accessories: ["watch"], outfit: "none" },
          background: { mode: "scene", scene: "office" },
          theme: "doctor",
        },
        profession_theme: "doctor",
      },
      { id: "g2", stage_settings: { fashion: null, background: null, theme: null }, profession_theme: null },
    ]);
  });
});
