import { describe, expect, it } from "vitest";
import { call } from "./helpers/users";

describe("health and conventions", () => {
  it("answers health with the database checked", async () => {
    const res = await call("/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("echoes a well-formed request id", async () => {
    const res = await call("/api/v1/health", { headers: { "x-request-id": "trace-1234567" } });
    expect(res.headers.get("x-request-id")).toBe("trace-1234567");
  });

  it("answers unknown API routes with the JSON error envelope", async () => {
    const res = await call("/api/v1/nope");
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toBeTruthy();
  });

  it("publishes an OpenAPI document generated from the route schemas", async () => {
    const res = await call("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/avatars", "/api/v1/avatars/{id}", "/api/v1/avatars/{id}/thumbnail"]),
    );
    expect(doc.paths["/api/v1/avatars"]).toHaveProperty("post");
  });

  it("renders a readable reference page from that document", async () => {
    const res = await call("/api/v1/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("/api/v1/avatars/{id}/thumbnail");
    expect(html).toContain("Upload an avatar photo");
  });
});
