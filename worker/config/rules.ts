// How one setting's raw value (a string from wrangler.toml [vars], .dev.vars or a secret) becomes
// a typed value. Each rule keeps the fallback the app has always applied to a bad value.
import { z } from "zod";

/** A string setting; unset, empty or not a string all mean "not set". */
export const text = () =>
  z
    .unknown()
    .optional()
    .transform((v) => (typeof v === "string" && v !== "" ? v : undefined));

/** A string setting with a default. */
export const textOr = (fallback: string) => text().transform((v) => v ?? fallback);

/** An optional base URL setting, its trailing slashes dropped. */
export const baseUrl = () => text().transform((v) => v?.replace(/\/+$/, ""));

/** A base URL setting with a default, its trailing slashes dropped. */
export const baseUrlOr = (fallback: string) => textOr(fallback).transform((v) => v.replace(/\/+$/, ""));

/** A numeric setting: `valid` decides which numbers count; unset or anything else is `fallback`. */
export const number = (fallback: number, valid: (n: number) => boolean) =>
  text().transform((v) => {
    const n = Number(v);
    return valid(n) ? n : fallback;
  });

/** Like `number`, for settings declared in wrangler.toml [vars], whatever type their value has. */
export const declaredNumber = (fallback: number, valid: (n: number) => boolean) =>
  z
    .unknown()
    .optional()
    .transform((v) => {
      const n = Number(v);
      return valid(n) ? n : fallback;
    });

/** Validity rules: which numbers a setting accepts (the rest take its default). */
export const nonNegative = (n: number) => Number.isFinite(n) && n >= 0;
export const positive = (n: number) => Number.isFinite(n) && n > 0;
export const positiveInteger = (n: number) => Number.isInteger(n) && n > 0;
export const nonNegativeInteger = (n: number) => Number.isInteger(n) && n >= 0;
