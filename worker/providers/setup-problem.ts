// A vendor's setup problem (a setting, a node, a model file missing) in each language the API
// speaks: GET /api/v1/providers says it in the caller's (Accept-Language). Commands, settings and
// file names stay as they are in both.
import type { ApiLocale } from "../i18n/locale";

export type SetupProblem = Record<ApiLocale, string>;

/** Several problems said as one, in each language. */
export const joinProblems = (problems: SetupProblem[]): SetupProblem => ({
  en: problems.map((p) => p.en).join(" "),
  id: problems.map((p) => p.id).join(" "),
});
