// Sealed tokens for provider inputs: an R2 key and an expiry, encrypted and authenticated
// (AES-GCM) with a key derived from the app's secret, so a token is unguessable, cannot be
// altered, and tells a provider nothing about our storage (no user id, no key).
import { base64UrlToBytes, bytesToBase64Url } from "./base64url";

/** What a token grants: one R2 object until a time. */
export interface ProviderInput {
  key: string;
  /** Expiry, ms since the epoch. */
  expiresAt: number;
}

const IV_BYTES = 12;

/** The AES-GCM key for provider inputs, derived (HKDF) from the app secret under its own label. */
async function sealingKey(secret: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info: new TextEncoder().encode("provider-inputs v1") },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** A URL-safe token for one object until `expiresAt`. */
export async function sealProviderInput(secret: string, input: ProviderInput): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = new TextEncoder().encode(JSON.stringify({ k: input.key, e: input.expiresAt }));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await sealingKey(secret), plain));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return bytesToBase64Url(out);
}

/** The object a token grants, or null for a token that is malformed, altered or expired. */
export async function openProviderInput(
  secret: string,
  token: string,
  now = Date.now(),
): Promise<ProviderInput | null> {
  const bytes = base64UrlToBytes(token);
  if (!bytes || bytes.length <= IV_BYTES + 16) return null;
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: bytes.subarray(0, IV_BYTES) },
      await sealingKey(secret),
      bytes.subarray(IV_BYTES),
    );
  } catch {
    return null;
  }
  const { k, e } = JSON.parse(new TextDecoder().decode(plain)) as { k: string; e: number };
  return e > now ? { key: k, expiresAt: e } : null;
}
