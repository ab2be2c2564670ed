// The operator's alerts in each language the API speaks (GET /api/v1/metrics/operator by
// Accept-Language). Template names, provider names and models stay as they are.
import type { ApiLocale } from "../i18n/locale";

export interface AlertMessages {
  successRate: string;
  secondsPerPose: string;
  queueDepth: string;
  failedJobRate: string;
  template: (name: string) => string;
  provider: (provider: string, model: string) => string;
  fidelity: (what: string, percent: number) => string;
  rating: (what: string, stars: number) => string;
}

export const ALERT_MESSAGES: Record<ApiLocale, AlertMessages> = {
  en: {
    successRate: "Success rate is below 80 %.",
    secondsPerPose: "Poses take over 60 s.",
    queueDepth: "Over 100 poses are waiting.",
    failedJobRate: "Over 5 % of poses fail.",
    template: (name) => `Template ${name}`,
    provider: (provider, model) => `Provider ${provider} (${model || "no model"})`,
    fidelity: (what, percent) => `${what}: under ${percent} % of results match their pose.`,
    rating: (what, stars) => `${what}: rated under ${stars} stars on average.`,
  },
  id: {
    successRate: "Tingkat keberhasilan di bawah 80 %.",
    secondsPerPose: "Pembuatan pose memakan lebih dari 60 dtk.",
    queueDepth: "Lebih dari 100 pose sedang menunggu.",
    failedJobRate: "Lebih dari 5 % pose gagal.",
    template: (name) => `Template ${name}`,
    provider: (provider, model) => `Penyedia ${provider} (${model || "tanpa model"})`,
    fidelity: (what, percent) => `${what}: kurang dari ${percent} % hasil sesuai dengan posenya.`,
    rating: (what, stars) => `${what}: rata-rata rating di bawah ${stars} bintang.`,
  },
};
