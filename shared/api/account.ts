import { z } from "zod";

/** What a key may do: `read` for GET/HEAD (and the live WebSocket), `generate` for every change. */
export const API_KEY_SCOPES = ["read", "generate"] as const;
export const ApiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const NewApiKey = z
  .object({
    name: z.string().trim().min(1).max(60),
    /** Defaults to read only; each scope at most once. */
    scopes: z
      .array(ApiKeyScope)
      .min(1)
      .max(API_KEY_SCOPES.length)
      .refine((s) => new Set(s).size === s.length, "Each scope at most once.")
      .default(["read"]),
  })
  .strict();

export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first characters, to recognise it by. */
  start: z.string(),
  scopes: z.array(ApiKeyScope),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

export const CreatedApiKey = ApiKey.extend({ key: z.string() });
