// Aggregates the metric rows the pipeline writes (pose_metrics, avatar_generation_metrics,
// pose_generations) for one month: one user's, or everyone's for operators.
import { MINUTES_SAVED_PER_POSE, THRESHOLDS, type Metrics, type OperatorMetrics } from "../../shared/api/metrics";
import { config } from "../config";
import { qualityAlerts } from "./quality-alerts";
import { collectQualityMetrics } from "./quality-metrics";
import type { ApiLocale } from "../i18n/locale";
import { ALERT_MESSAGES } from "./alert-messages";

const rate = (attempts: number, succeeded: number) => ({
  attempts,
  succeeded,
  successRate: attempts ? succeeded / attempts : null,
});

export function monthRange(month?: string): { month: string; from: number; to: number } {
  const now = new Date();
  const [y, m] = month ? month.split("-").map(Number) : [now.getUTCFullYear(), now.getUTCMonth() + 1];
  const from = Date.UTC(y!, m! - 1, 1);
  const to = Date.UTC(y!, m!, 1);
  return { month: `${y}-${String(m).padStart(2, "0")}`, from, to };
}

type Row = Record<string, number | string | null>;

const seconds = (ms: Row[string] | undefined) => (ms === null || ms === undefined ? null : Number(ms) / 1000);

const templateFigures = (q: Row) => ({
  templateId: String(q.id),
  name: q.name === null ? null : String(q.name),
  ...rate(Number(q.n), Number(q.ok ?? 0)),
  avgSeconds: seconds(q.ms),
});

/** Per template in the month, in the given order, top 20. */
const templateQuery = (orderBy: string) =>
  `select m.pose_template_id id, t.name name, count(*) n, sum(m.success) ok, avg(case when m.success = 1 then m.generation_time end) ms from pose_metrics m left join pose_templates t on t.id = m.pose_template_id where m.created_at >= ?1 and m.created_at < ?2 and (?3 is null or m.user_id = ?3) group by m.pose_template_id order by ${orderBy} limit 20`;

export async function collectMetrics(env: Env, userId: string | null, month?: string): Promise<Metrics> {
  const range = monthRange(month);
  // One filter for every query: the month, and the user unless it is the operator's view.
  const scope = `created_at >= ?1 and created_at < ?2 and (?3 is null or user_id = ?3)`;
  const bind = [range.from, range.to, userId] as const;
  const all = async (sql: string) =>
    (
      await env.DB.prepare(sql)
        .bind(...bind)
        .all<Row>()
    ).results;
  const [quality, generations, poses, byQuality, byProvider, templates, slowest, daily, text] = await Promise.all([
    collectQualityMetrics(env, bind, config(env).quality.minOks),
    all(`select count(*) n from pose_generations where ${scope}`),
    all(
      `select count(*) n, sum(success) ok, avg(case when success = 1 then generation_time end) ms, coalesce(sum(provider_calls), 0) calls, count(distinct case when error_class = 'call_limit' then generation_id || ':' || pose_template_id end) capped from pose_metrics where ${scope}`,
    ),
    all(
      `select quality, count(*) n, sum(success) ok, avg(case when success = 1 then generation_time end) ms from pose_metrics where ${scope} group by quality`,
    ),
    all(
      `select coalesce(provider, 'none') provider, count(*) n, sum(success) ok, sum(estimated_cost_usd) cost from pose_metrics where ${scope} group by provider`,
    ),
    all(templateQuery("(1.0 * sum(m.success) / count(*)) asc, count(*) desc")),
    all(templateQuery("ms is null, ms desc")),
    all(
      `select strftime('%Y-%m-%d', created_at / 1000, 'unixepoch') day, count(*) n, sum(success) ok, avg(case when success = 1 then generation_time end) ms from pose_metrics where ${scope} group by day order by day`,
    ),
    all(
      `select count(*) n, sum(success) ok, sum(estimated_cost_usd) cost from avatar_generation_metrics where ${scope}`,
    ),
  ]);
  const p = poses[0]!;
  const succeeded = Number(p.ok ?? 0);
  const t = text[0]!;
  return {
    month: range.month,
    design: {
      timesCreated: Number(generations[0]!.n),
      posesGenerated: succeeded,
      avgCreationTimeMs: p.ms === null ? null : Math.round(Number(p.ms)),
      totalTimeSavedMinutes: succeeded * MINUTES_SAVED_PER_POSE,
    },
    poses: {
      ...rate(Number(p.n), succeeded),
      avgSeconds: seconds(p.ms),
      providerCalls: Number(p.calls ?? 0),
      cappedPoses: Number(p.capped ?? 0),
    },
    byQuality: byQuality.map((q) => ({
      quality: String(q.quality),
      ...rate(Number(q.n), Number(q.ok ?? 0)),
      avgSeconds: seconds(q.ms),
    })),
    byProvider: byProvider.map((q) => {
      const r = rate(Number(q.n), Number(q.ok ?? 0));
      return {
        provider: String(q.provider),
        ...r,
        costUsd: Number(q.cost ?? 0),
        errorRate: r.successRate === null ? null : 1 - r.successRate,
      };
    }),
    daily: daily.map((q) => ({
      day: String(q.day),
      ...rate(Number(q.n), Number(q.ok ?? 0)),
      avgSeconds: seconds(q.ms),
    })),
    templates: templates.map(templateFigures),
    slowestTemplates: slowest.map(templateFigures),
    textToAvatar: { ...rate(Number(t.n), Number(t.ok ?? 0)), costUsd: Number(t.cost ?? 0) },
    ...quality,
  };
}

/** Everyone's metrics plus the queue's state, with the plan's thresholds checked (alerts in `locale`). */
export async function collectOperatorMetrics(
  env: Env,
  month?: string,
  locale: ApiLocale = "en",
): Promise<OperatorMetrics> {
  const say = ALERT_MESSAGES[locale];
  const metrics = await collectMetrics(env, null, month);
  const open = await env.DB.prepare(
    `select coalesce(sum(total_poses - successful_poses - failed_poses), 0) depth from pose_generations where status in ('queued', 'running')`,
  ).first<{ depth: number }>();
  const queueDepth = Number(open?.depth ?? 0);
  const failedJobRate = metrics.poses.successRate === null ? null : 1 - metrics.poses.successRate;
  const alerts: OperatorMetrics["alerts"] = [];
  const flag = (metric: string, value: number | null, limit: number, above: boolean, message: string) => {
    if (value !== null && (above ? value > limit : value < limit)) alerts.push({ metric, value, limit, message });
  };
  flag("successRate", metrics.poses.successRate, THRESHOLDS.successRate.alert, false, say.successRate);
  flag("secondsPerPose", metrics.poses.avgSeconds, THRESHOLDS.secondsPerPose.alert, true, say.secondsPerPose);
  flag("queueDepth", queueDepth, THRESHOLDS.queueDepth.alert, true, say.queueDepth);
  flag("failedJobRate", failedJobRate, THRESHOLDS.failedJobRate.alert, true, say.failedJobRate);
  alerts.push(...qualityAlerts(metrics, say));
  return { ...metrics, queueDepth, failedJobRate, alerts };
}
