// The operator's quality flags: templates and providers whose results drift from their skeletons
// (fidelity rate) or whose owners rate them low (mean rating), below the plan's alert levels.
// A handful of results says little, so a group is judged from MIN_SAMPLE scored or rated results on.
import { THRESHOLDS, type Metrics, type OperatorMetrics, type QualityFigures } from "../../shared/api/metrics";

/** Scored (or rated) results a template or provider needs before it is flagged. */
export const MIN_SAMPLE = 3;

type Alert = OperatorMetrics["alerts"][number];

function check(figures: QualityFigures, metric: string, what: string): Alert[] {
  const alerts: Alert[] = [];
  const { fidelityRate, meanRating } = THRESHOLDS;
  if (figures.scored >= MIN_SAMPLE && figures.fidelityRate !== null && figures.fidelityRate < fidelityRate.alert)
    alerts.push({
      metric: `fidelityRate:${metric}`,
      value: figures.fidelityRate,
      limit: fidelityRate.alert,
      message: `${what}: under ${fidelityRate.alert * 100} % of results match their pose.`,
    });
  if (figures.rated >= MIN_SAMPLE && figures.meanRating !== null && figures.meanRating < meanRating.alert)
    alerts.push({
      metric: `meanRating:${metric}`,
      value: figures.meanRating,
      limit: meanRating.alert,
      message: `${what}: rated under ${meanRating.alert} stars on average.`,
    });
  return alerts;
}

/** Each template and provider/model below the fidelity or rating alert level. */
export function qualityAlerts(metrics: Metrics): Alert[] {
  return [
    ...metrics.qualityByTemplate.flatMap((t) =>
      check(t, `template:${t.templateId}`, `Template ${t.name ?? t.templateId}`),
    ),
    ...metrics.providerComparison.flatMap((p) =>
      check(p, `provider:${p.provider}/${p.model}`, `Provider ${p.provider} (${p.model || "no model"})`),
    ),
  ];
}
