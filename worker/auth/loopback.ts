/**
 * True for hosts that only this machine can reach: 127.0.0.0/8, localhost (and its subdomains)
 * and ::1. `hostname` is a URL's hostname (IPv6 in brackets, as URL gives it).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "[::1]" || host === "::1") return true;
  return /^127(?:\.\d{1,3}){3}$/.test(host);
}
