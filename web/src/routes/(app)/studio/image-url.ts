/** `url` with more query parameters (it may carry some already, e.g. a result's `?take=`). */
export function withQuery(url: string, params: Record<string, string>): string {
  const q = new URLSearchParams(params).toString();
  return q ? `${url}${url.includes("?") ? "&" : "?"}${q}` : url;
}

/** A result's image URL with one more query parameter. */
export const withParam = (url: string, name: string, value: string) => withQuery(url, { [name]: value });
