// What an A1111 / Forge failure means. Its API answers every exception as
// {error, detail, body, errors} with the text in `errors` and `detail` often "" (A1111
// modules/api/api.py api_middleware.handle_exception; Forge L167-181), so a 500 is not by itself
// transient: a ControlNet model that does not fit the checkpoint, or one that is not installed,
// fails every time and is a setup error the user must hear in the server's own words.
import { ProviderError, errorForStatus } from "../provider";

const NAME = "a1111";

/** Setup errors raised while drawing (sd-webui-controlnet scripts/controlnet.py L445-461, L826-827; A1111 api.py init_script_args). */
const SETUP_ERRORS = [
  /is not compatible with sd model/,
  /^model not found/,
  /You have not selected any ControlNet Model/,
  /^file not found/,
  /always on script \S+ not found/,
];

/** The server's message from its error body, whatever shape it came in. */
export function a1111Message(body: unknown, status: number): string {
  const b = (body ?? {}) as { errors?: unknown; detail?: unknown; error?: unknown };
  for (const text of [b.errors, b.detail, b.error]) if (typeof text === "string" && text !== "") return text;
  // FastAPI's request validation answers {detail: [{loc, msg, type}]}.
  if (Array.isArray(b.detail))
    return b.detail.map((d: { loc?: unknown[]; msg?: string }) => `${(d.loc ?? []).join(".")}: ${d.msg}`).join("; ");
  return `HTTP ${status}`;
}

/** The ProviderError for a failed A1111 answer. */
export function a1111Failure(status: number, body: unknown, retryAfter: string | null): ProviderError {
  const message = a1111Message(body, status);
  if (status === 401)
    return new ProviderError(
      "not_configured",
      `A1111 refused the credentials: set A1111_AUTH=user:password (${message})`,
      NAME,
      undefined,
      status,
    );
  if (SETUP_ERRORS.some((re) => re.test(message)))
    return new ProviderError("not_configured", `A1111: ${message}`, NAME, undefined, status);
  return errorForStatus(
    NAME,
    status,
    `A1111: ${message}`,
    retryAfter ? Number(retryAfter) * 1000 || undefined : undefined,
  );
}
