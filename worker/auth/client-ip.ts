import { isLoopbackHost } from "./loopback";

/** The header better-auth reads the client IP from (advanced.ipAddress.ipAddressHeaders). */
export const CLIENT_IP_HEADER = "cf-connecting-ip";

/**
 * The client IP as the platform tells it, never as the client claims it. On Cloudflare the edge
 * sets CF-Connecting-IP and overwrites any value a client sent. A local run (`wrangler dev`,
 * reached on a loopback host) passes a client's own CF-Connecting-IP through unchanged, so there
 * every caller is the one local client "127.0.0.1". Non-loopback hosts are only served with
 * APP_ORIGIN set (a deployment), where the header is the platform's.
 */
export function platformClientIp(request: Request): string | null {
  if (isLoopbackHost(new URL(request.url).hostname)) return "127.0.0.1";
  return request.headers.get(CLIENT_IP_HEADER);
}

/** A copy of `request` whose client IP header carries only the platform's value. */
export function withPlatformClientIp(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_IP_HEADER);
  const ip = platformClientIp(request);
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  return new Request(request, { headers });
}
