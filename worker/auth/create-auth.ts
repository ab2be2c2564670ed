import { apiKey } from "@better-auth/api-key";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { drizzle } from "drizzle-orm/d1";
import { purgeUserData } from "../account/purge-user-data";
import { grantWelcome } from "../credits/ledger";
import * as schema from "../db/schema";
import { config } from "../config";
import { CLIENT_IP_HEADER } from "./client-ip";

/**
 * better-auth on D1: email + password accounts (scrypt hashing), cookie sessions for the
 * browser, API keys for programmatic clients. Built per request because D1 is a binding;
 * `origin` is the one trusted origin (see trustedOrigin).
 */
export function createAuth(env: Env, origin: string) {
  const attempts = config(env).auth.attemptsPerMinute;
  return betterAuth({
    appName: "Avatar & Pose Generator",
    baseURL: origin,
    basePath: "/api/auth",
    secret: env.BETTER_AUTH_SECRET,
    // Cookie-authenticated POSTs must come from our own origin (better-auth checks Origin).
    trustedOrigins: [origin],
    database: drizzleAdapter(drizzle(env.DB, { schema }), { provider: "sqlite", schema }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    databaseHooks: { user: { create: { after: (u) => grantWelcome(env, u.id) } } },
    user: {
      additionalFields: { role: { type: "string", defaultValue: "user", input: false } },
      // POST /api/auth/delete-user: with the password, or within a day of signing in (freshAge).
      // Every row and R2 object of the user goes first; better-auth then removes the user.
      deleteUser: { enabled: true, beforeDelete: (u) => purgeUserData(env, u.id) },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/*": { window: 60, max: attempts },
        "/sign-up/*": { window: 60, max: attempts },
      },
    },
    advanced: {
      // routes/auth.ts puts only the platform's client IP here (see client-ip.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
      useSecureCookies: origin.startsWith("https://"),
    },
    telemetry: { enabled: false },
    plugins: [
      apiKey({
        defaultPrefix: "apg_",
        // Our own per-route limits apply; the plugin's default (10 requests a day) would not do.
        rateLimit: { enabled: false },
        enableMetadata: false,
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
