import { z } from "zod";

/** A trimmed, non-empty line of text of at most `max` characters, without control characters. */
export const textField = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");
