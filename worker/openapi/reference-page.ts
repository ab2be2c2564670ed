// A readable API reference rendered from the OpenAPI document itself, so it can never drift
// from what the routes validate. Plain HTML: no script, nothing loaded from elsewhere.

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  format?: string;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: Schema[];
};
type Operation = {
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string }>;
};
type Document = { info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

function describe(s: Schema | undefined): string {
  if (!s) return "";
  if (s.anyOf) return s.anyOf.map(describe).join(" or ");
  if (s.enum) return s.enum.map((v) => `<code>${esc(v)}</code>`).join(" | ");
  const type = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  const bits = [s.format === "binary" ? "file" : type];
  if (s.type === "array" && s.items) bits[0] = `array of ${describe(s.items)}`;
  if (s.minLength !== undefined || s.maxLength !== undefined)
    bits.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} chars`);
  if (s.minimum !== undefined || s.maximum !== undefined) bits.push(`${s.minimum ?? "−∞"}–${s.maximum ?? "∞"}`);
  if (s.description) bits.push(esc(s.description));
  return bits.join(", ");
}

function fields(s: Schema | undefined): string {
  if (!s?.properties) return "";
  const rows = Object.entries(s.properties).map(
    ([name, f]) =>
      `<tr><td><code>${esc(name)}</code>${s.required?.includes(name) ? " *" : ""}</td><td>${describe(f)}</td></tr>`,
  );
  return `<table>${rows.join("")}</table>`;
}

function operation(method: string, path: string, op: Operation): string {
  const params = (op.parameters ?? []).map(
    (p) =>
      `<tr><td><code>${esc(p.name)}</code>${p.required ? " *" : ""}</td><td>${esc(p.in)}</td><td>${describe(p.schema)}</td></tr>`,
  );
  const body = Object.entries(op.requestBody?.content ?? {})
    .map(([type, c]) => `<h4>Body <code>${esc(type)}</code></h4>${fields(c.schema)}`)
    .join("");
  const responses = Object.entries(op.responses ?? {})
    .map(([code, r]) => `<li><b>${esc(code)}</b> ${esc(r.description ?? "")}</li>`)
    .join("");
  return `<section><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary ?? "")}</p>${params.length ? `<h4>Parameters</h4><table>${params.join("")}</table>` : ""}${body}
<h4>Responses</h4><ul>${responses}</ul></section>`;
}

/** The whole reference page for an OpenAPI 3.1 document. */
export function renderReferencePage(doc: Document): string {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => operation(method, path, op)),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} — API reference</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1d1d27}
section{border-top:1px solid #ddd;padding:.5rem 0}h3{margin:.6rem 0 .2rem}h4{margin:.6rem 0 .2rem;font-size:.9rem;color:#555}
table{border-collapse:collapse;font-size:.9rem}td{border:1px solid #e3e3e8;padding:.2rem .5rem;vertical-align:top}
.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.get{background:#2f7d4f}.post{background:#2d5fb3}.patch{background:#a0632a}.delete{background:#b23a3a}.put{background:#6a3ab2}
</style></head><body><h1>${esc(doc.info.title)} <small>v${esc(doc.info.version)}</small></h1>
<p>Errors are always JSON: <code>{"error": {"code", "message"}}</code>. Authenticate with the session cookie
(sign in at <code>POST /api/auth/sign-in/email</code>) or <code>Authorization: Bearer &lt;API key&gt;</code>.
Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>${ops.join("")}</body></html>`;
}
