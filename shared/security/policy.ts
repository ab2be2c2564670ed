// The browser security policy: one place for the pages' headers (written into the static
// build's _headers by web/vite-plugin-csp.ts) and the API's (worker/middleware/security-headers.ts).

/**
 * The pages' Content-Security-Policy. Everything comes from our own origin. Exceptions, each for
 * a reason: `'wasm-unsafe-eval'` compiles WebAssembly (MediaPipe's pose detector runs on the page);
 * the inline SvelteKit bootstrap is allowed by its hash only; inline styles (style attributes set
 * by Svelte and Chart.js) are allowed, inline scripts are not; images and video may be blob:/data:
 * URLs the app makes itself (previews, the webcam).
 */
export function pageContentSecurityPolicy(inlineScriptHashes: readonly string[]): string {
  const hashes = inlineScriptHashes.map((h) => `'sha256-${h}'`);
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(" "),
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "connect-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Where the build puts Web Workers' scripts: the background cut-out (web/src/lib/cutout), the
 * instant preview (web/src/lib/instant-preview) and the webcam's pose detector
 * (web/src/lib/pose/pose.worker.ts); the last two get the cut-out worker's policy below, though
 * the preview needs none of its exceptions.
 */
export const WORKER_SCRIPTS_PATH = "/_app/immutable/workers/*";

/**
 * The cut-out worker's own policy (a dedicated worker is governed by its script's headers):
 * `@imgly/background-removal` needs `'unsafe-eval'` (its ndarray dependency builds accessors with
 * `Function`) besides `'wasm-unsafe-eval'`, and onnxruntime-web starts its threads as blob: workers.
 * Confined to the worker: the pages themselves never allow eval.
 */
export const CUTOUT_WORKER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' data: blob:",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The API's policy: JSON and images load nothing; the reference page has inline styles only. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers every response carries, pages and API alike. */
export const COMMON_SECURITY_HEADERS = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  // The camera for pose capture, on our own origin only; nothing else.
  "Permissions-Policy":
    "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), midi=(), display-capture=()",
} as const;
