// The one API client: same-origin calls with the session cookie, typed from the Worker's own
// routes (AppType), so a renamed or reshaped route fails `npm run typecheck`. Every failure
// becomes an ApiRequestError carrying the server's own code, message and details.
import { hc, type ClientResponse } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import type { ErrorResponse } from "$shared/api/errors";
import { i18n } from "$lib/i18n/i18n.svelte";
// Emitted by `tsc -p .` (the first step of `npm run typecheck`; see the root tsconfig.json).
import type { AppType } from "../../../.svelte-kit/api-types/worker/app";

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

// The API answers template names and error messages in the UI's language.
const language = () => ({ "accept-language": i18n.locale });

/** The API under /api, typed: `call(client.v1.avatars.$get({ query: { limit: "24" } }))`. */
export const client = hc<AppType>(location.origin, { init: { credentials: "same-origin" }, headers: language }).api;

/** The body of a call's successful (2xx) answers. */
export type Ok<R> =
  R extends ClientResponse<infer T, infer S, infer _F> ? (S extends SuccessStatusCode ? T : never) : never;

type Answer = { ok: boolean; status: number; json(): Promise<unknown> };

async function toError(res: Answer): Promise<ApiRequestError> {
  const body = (await res.json().catch(() => null)) as ErrorResponse | null;
  return new ApiRequestError(
    res.status,
    body?.error?.code ?? "http_error",
    body?.error?.message ?? `HTTP ${res.status}`,
    body?.error?.details,
  );
}

/**
 * Awaits one call of `client`: its success body, or an ApiRequestError with the server's code
 * (`network_error` when no answer came at all).
 */
export async function call<R extends Answer>(request: Promise<R>): Promise<Ok<R>> {
  let res: R;
  try {
    res = await request;
  } catch {
    throw new ApiRequestError(0, "network_error", "");
  }
  if (!res.ok) throw await toError(res);
  return (res.status === 204 ? undefined : await res.json()) as Ok<R>;
}

/** Awaits one call of `client` whose success is bytes (an image): its body as a Blob, or an ApiRequestError. */
export async function callBlob(request: Promise<Answer & { blob(): Promise<Blob> }>): Promise<Blob> {
  let res: Answer & { blob(): Promise<Blob> };
  try {
    res = await request;
  } catch {
    throw new ApiRequestError(0, "network_error", "");
  }
  if (!res.ok) throw await toError(res);
  return res.blob();
}

async function sendJson(method: string, url: string | URL, body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? language() : { ...language(), "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** better-auth's endpoints the app uses: AppType knows them only as one catch-all, `/api/auth/*`. */
export type AuthEndpoint = "sign-in/email" | "sign-up/email" | "sign-out" | "delete-user";

/** Posts JSON to a better-auth endpoint, at its path under the typed catch-all route. */
export function postAuth(endpoint: AuthEndpoint, body: object = {}): Promise<unknown> {
  const url = client.auth["*"].$url();
  url.pathname = url.pathname.replace(/\*$/, endpoint);
  return call(sendJson("POST", url, body));
}

function xhrUpload<T>(url: string | URL, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept-language", i18n.locale);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiRequestError(0, "network_error", ""));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { "content-type": "application/json" },
      });
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else toError(res).then(reject);
    };
    xhr.send(form);
  });
}

/**
 * Posts a multipart form to a typed route with upload progress (fetch cannot report upload
 * progress; XHR can): `upload(client.v1.avatars, form, onProgress)`.
 */
export function upload<R extends Answer>(
  route: { $url(): URL; $post(...args: never[]): Promise<R> },
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<Ok<R>> {
  return xhrUpload<Ok<R>>(route.$url(), form, onProgress);
}
