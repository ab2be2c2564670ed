// The quality side of the metrics: pose scores, ratings, retries and exports, overall, per
// template and per provider/model. One query shape for all three: every round of the month
// (pose_metrics) gives success, time, cost and re-runs; the round that made a pose's stored result
// (its latest successful one, from the same provider) brings that result's score, rating and exports.
import type { Metrics, QualityFigures } from "../../shared/api/metrics";

type Row = Record<string, number | string | null>;
const num = (v: Row[string] | undefined) => (v === null || v === undefined ? null : Number(v));

const MADE_IT = `m.success = 1 and m.created_at = (select max(m2.created_at) from pose_metrics m2 where m2.generation_id = m.generation_id and m2.pose_template_id = m.pose_template_id and m2.success = 1)`;

/** Figures per group (`group` is a column list, or '' for all), scope ?1–?3 as collect-metrics.ts, POSE_MIN_OKS ?4. */
const qualityQuery = (select: string, group: string, order: string) =>
  `select ${select} count(*) n, sum(m.success) ok, avg(case when m.success = 1 then m.generation_time end) ms, coalesce(sum(m.estimated_cost_usd), 0) cost,
    1.0 * (count(*) - count(distinct m.generation_id || ':' || m.pose_template_id)) / count(*) retry,
    count(g.quality_score) scored, avg(g.quality_score) oks,
    avg(case when g.quality_score is null then null when g.quality_score >= ?4 then 1.0 else 0.0 end) fidelity,
    count(g.rating) rated, avg(g.rating) rating,
    avg(case when g.id is null then null when g.downloads + g.zip_exports > 0 then 1.0 else 0.0 end) exported
  from pose_metrics m
  left join pose_templates t on t.id = m.pose_template_id
  left join generated_poses g on g.generation_id = m.generation_id and g.pose_template_id = m.pose_template_id
    and g.success = 1 and g.provider is m.provider and ${MADE_IT}
  where m.created_at >= ?1 and m.created_at < ?2 and (?3 is null or m.user_id = ?3)
  ${group ? `group by ${group}` : ""} ${order}`;

function figures(r: Row): QualityFigures {
  return {
    scored: Number(r.scored ?? 0),
    meanOks: num(r.oks),
    fidelityRate: num(r.fidelity),
    rated: Number(r.rated ?? 0),
    meanRating: num(r.rating),
    retryRate: Number(r.n) ? num(r.retry) : null,
    exportRate: num(r.exported),
  };
}

/** Quality overall, per template and per provider/model for one month's scope. */
export async function collectQualityMetrics(
  env: Env,
  bind: readonly [number, number, string | null],
  minOks: number,
): Promise<Pick<Metrics, "quality" | "qualityByTemplate" | "providerComparison">> {
  const all = async (sql: string) =>
    (
      await env.DB.prepare(sql)
        .bind(...bind, minOks)
        .all<Row>()
    ).results;
  const [overall, templates, providers] = await Promise.all([
    all(qualityQuery("", "", "")),
    all(qualityQuery("m.pose_template_id id, t.name name,", "m.pose_template_id", "order by n desc limit 20")),
    all(
      qualityQuery(
        "coalesce(m.provider, 'none') provider, coalesce(m.model, '') model,",
        "m.provider, m.model",
        "order by n desc",
      ),
    ),
  ]);
  return {
    quality: figures(overall[0] ?? { n: 0 }),
    qualityByTemplate: templates.map((r) => ({
      templateId: String(r.id),
      name: r.name === null ? null : String(r.name),
      ...figures(r),
    })),
    providerComparison: providers.map((r) => {
      const attempts = Number(r.n);
      const succeeded = Number(r.ok ?? 0);
      return {
        provider: String(r.provider),
        model: String(r.model),
        attempts,
        succeeded,
        successRate: attempts ? succeeded / attempts : null,
        avgSeconds: r.ms === null ? null : Number(r.ms) / 1000,
        costUsd: Number(r.cost ?? 0),
        ...figures(r),
      };
    }),
  };
}
