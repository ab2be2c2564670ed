/** A result's image URL with one more query parameter (the URL may carry `?take=` already). */
export const withParam = (url: string, name: string, value: string) =>
  `${url}${url.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(value)}`;
