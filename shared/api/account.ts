import { z } from "zod";

export const NewApiKey = z.object({ name: z.string().trim().min(1).max(60) }).strict();

export const ApiKey = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first characters, to recognise it by. */
  start: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

export const CreatedApiKey = ApiKey.extend({ key: z.string() });
