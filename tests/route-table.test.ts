import { describe, expect, it } from "vitest";
import { app } from "../worker/app";

// The authorization matrix (npm run test:reliability) walks the OpenAPI document, so every API
// route must be in it, except the few listed here that the matrix adds or that serve the docs.
const OUTSIDE_OPENAPI = ["GET /api/v1/generations/{id}/live", "GET /api/v1/openapi.json", "GET /api/v1/docs"];

describe("route table", () => {
  it("every /api/v1 route is in the OpenAPI document (so the authorization matrix covers it)", () => {
    const documented = new Set<string>();
    const doc = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "t", version: "1" } });
    for (const [path, ops] of Object.entries(doc.paths ?? {}))
      for (const method of Object.keys(ops as object)) documented.add(`${method.toUpperCase()} ${path}`);
    const served = new Set(
      app.routes
        // Wildcard entries are middleware (body limits), not routes.
        .filter((r) => r.path.startsWith("/api/v1/") && r.method !== "ALL" && !r.path.endsWith("*"))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    expect(served.size).toBeGreaterThanOrEqual(40);
    const missing = [...served].filter((r) => !documented.has(r) && !OUTSIDE_OPENAPI.includes(r));
    expect(missing).toEqual([]);
  });
});
