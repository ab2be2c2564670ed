import { API_KEY_SCOPES, ApiKeyScope } from "../../shared/api/account";

/** better-auth api-key stores permissions as `{resource: actions[]}`; ours live under `api`. */
export const SCOPE_RESOURCE = "api";

/** The permissions object to store on a new key. */
export const permissionsFor = (scopes: readonly ApiKeyScope[]) => ({ [SCOPE_RESOURCE]: [...scopes] });

/**
 * A stored key's scopes. Keys made before scopes existed (no permissions) could do everything,
 * so they keep both; anything unknown is dropped.
 */
export function scopesOf(permissions: Record<string, string[]> | null | undefined): ApiKeyScope[] {
  if (!permissions) return [...API_KEY_SCOPES];
  const stored = permissions[SCOPE_RESOURCE] ?? [];
  return API_KEY_SCOPES.filter((s) => stored.includes(s));
}

/** Parses the JSON text of the `permissions` column. */
export function scopesOfColumn(column: string | null | undefined): ApiKeyScope[] {
  if (!column) return scopesOf(null);
  try {
    return scopesOf(JSON.parse(column) as Record<string, string[]>);
  } catch {
    return [];
  }
}

export { ApiKeyScope };
