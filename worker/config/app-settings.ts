// The app's own settings (origin, sign-in limits, uploads, credits, generations), each with the
// fallback it has always had: some refuse 0, some accept it, some only take whole numbers.
import { z } from "zod";
import { DAILY_POSE_LIMIT, WELCOME_CREDITS } from "../../shared/api/credits";
import { INIT_STRENGTH } from "../../shared/api/generations";
import { declaredNumber, nonNegative, nonNegativeInteger, number, positive, positiveInteger, text } from "./rules";

/** Sign-in and sign-up attempts allowed per client IP per minute (AUTH_ATTEMPTS_PER_MINUTE overrides). */
export const AUTH_ATTEMPTS_PER_MINUTE = 10;
/** Failed sign-ins allowed per account (email) within the window (AUTH_FAILURES_PER_ACCOUNT overrides). */
export const AUTH_FAILURES_PER_ACCOUNT = 5;

/** Seconds a verified session cookie or API key is trusted in an isolate before it is looked up again (AUTH_CACHE_SECONDS overrides; 0 turns it off). */
export const AUTH_CACHE_SECONDS = 30;
/** Seconds the public template list may be served from memory or a cache (TEMPLATE_CACHE_SECONDS overrides; 0 turns it off). */
export const TEMPLATE_CACHE_SECONDS = 30;

/** The OKS below which a result counts as "pose drifted" (POSE_MIN_OKS overrides). */
export const POSE_MIN_OKS = 0.5;

/** The app's settings from the Worker's env, shaped by concern. */
export const appSettings = z
  .object({
    APP_ORIGIN: text(),
    // Taken as given (not checked), as better-auth's rate limit always has.
    AUTH_ATTEMPTS_PER_MINUTE: text().transform((v) => Number(v ?? AUTH_ATTEMPTS_PER_MINUTE)),
    AUTH_FAILURES_PER_ACCOUNT: number(AUTH_FAILURES_PER_ACCOUNT, positiveInteger),
    AUTH_CACHE_SECONDS: number(AUTH_CACHE_SECONDS, nonNegative),
    TEMPLATE_CACHE_SECONDS: number(TEMPLATE_CACHE_SECONDS, nonNegative),
    MAX_AVATAR_SIZE_MB: declaredNumber(10, positive),
    MAX_POSES_PER_GENERATION: declaredNumber(100, positiveInteger),
    // Unset or empty is the default; 0 grants none.
    WELCOME_CREDITS: z
      .unknown()
      .optional()
      .transform((v) => {
        const n = Number(v || WELCOME_CREDITS);
        return nonNegativeInteger(n) ? n : WELCOME_CREDITS;
      }),
    DAILY_POSE_LIMIT: number(DAILY_POSE_LIMIT, nonNegativeInteger),
    POSE_CONCURRENCY: number(5, positiveInteger),
    POSE_LEASE_MS: declaredNumber(10 * 60_000, positive),
    POSE_STALL_MS: declaredNumber(5 * 60_000, positive),
    POSE_WINDOW: declaredNumber(20, positive),
    POSE_MAX_PROVIDER_CALLS: declaredNumber(20, positive),
    // A score in [0, 1]; out of range or not a number: the default.
    POSE_MIN_OKS: number(POSE_MIN_OKS, (n) => Number.isFinite(n) && n >= 0 && n <= 1),
    POSE_AUTO_RETRY: text().transform((v) => v === "1" || v === "true"),
    // Out of range or not a number: the default.
    INSTANT_INIT_STRENGTH: number(
      INIT_STRENGTH.default,
      (n) => Number.isFinite(n) && n >= INIT_STRENGTH.min && n <= INIT_STRENGTH.max,
    ),
  })
  .transform((s) => ({
    /** The one trusted public origin; unset serves loopback hosts only. */
    appOrigin: s.APP_ORIGIN,
    auth: {
      attemptsPerMinute: s.AUTH_ATTEMPTS_PER_MINUTE,
      failuresPerAccount: s.AUTH_FAILURES_PER_ACCOUNT,
      /** How long a verified session or API key is trusted without a lookup (a revoked one lives this long at most). */
      cacheMs: s.AUTH_CACHE_SECONDS * 1000,
    },
    templates: {
      /** The public template list's max age (Cache-Control) and how long an isolate keeps it. */
      cacheSeconds: s.TEMPLATE_CACHE_SECONDS,
    },
    uploads: { maxAvatarSizeMb: s.MAX_AVATAR_SIZE_MB },
    credits: { welcomeCredits: s.WELCOME_CREDITS, dailyPoseLimit: s.DAILY_POSE_LIMIT },
    generations: {
      maxPoses: s.MAX_POSES_PER_GENERATION,
      /** Poses one queue consumer invocation runs at once. */
      poseConcurrency: s.POSE_CONCURRENCY,
      /** The Generation object's lease, stall watchdog, send window and paid calls per pose. */
      leaseMs: s.POSE_LEASE_MS,
      stallMs: s.POSE_STALL_MS,
      window: s.POSE_WINDOW,
      maxProviderCalls: s.POSE_MAX_PROVIDER_CALLS,
      /** How much an AI vendor may change the instant picture, when a generation does not say. */
      initStrength: s.INSTANT_INIT_STRENGTH,
    },
    quality: {
      /** A result whose pose scores below this OKS is "pose drifted". */
      minOks: s.POSE_MIN_OKS,
      /** Start one new round by itself for a pose a provider's detector found drifted. */
      autoRetry: s.POSE_AUTO_RETRY,
    },
  }));
