// The operator's quality flags: templates and providers whose results drift from their skeletons
// (fidelity rate) or whose owners rate them low (mean rating), below the plan's alert levels.
// A handful of results says little, so a group is judged from MIN_SAMPLE scored or rated results on.
import { THRESHOLDS, type Metrics, type OperatorMetrics, type QualityFigures } from "../../shared/api/metrics";
import { ALERT_MESSAGES, type AlertMessages } from "./alert-messages";

/** Scored (or rated) results a template or provider needs before it is flagged. */
export const MIN_SAMPLE = 3;

type Alert = OperatorMetrics["alerts"][number];

function check(figures: QualityFigures, metric: string, what: string, say: AlertMessages): Alert[] {
  const alerts: Alert[] = [];
  const { fidelityRate, meanRating } = THRESHOLDS;
  if (figures.scored >= MIN_SAMPLE && figures.fidelityRate !== null && figures.fidelityRate < fidelityRate.alert)
    alerts.push({
      metric: `fidelityRate:${metric}`,
      value: figures.fidelityRate,
      limit: fidelityRate.alert,
      message: say.fidelity(what, fidelityRate.alert * 100),
    });
  if (figures.rated >= MIN_SAMPLE && figures.meanRating !== null && figures.meanRating < meanRating.alert)
    alerts.push({
      metric: `meanRating:${metric}`,
      value: figures.meanRating,
      limit: meanRating.alert,
      message: say.rating(what, meanRating.alert),
    });
  return alerts;
}

/** Each template and provider/model below the fidelity or rating alert level. */
export function qualityAlerts(metrics: Metrics, say: AlertMessages = ALERT_MESSAGES.en): Alert[] {
  return [
    ...metrics.qualityByTemplate.flatMap((t) =>
      check(t, `template:${t.templateId}`, say.template(t.name ?? t.templateId), say),
    ),
    ...metrics.providerComparison.flatMap((p) =>
      check(p, `provider:${p.provider}/${p.model}`, say.provider(p.provider, p.model), say),
    ),
  ];
}
