import { ApiError } from "../errors";
import { config } from "../config";
import { isLoopbackHost } from "./loopback";

/**
 * The one origin the app trusts for a request: APP_ORIGIN when set, whatever the Host says.
 * Without it only loopback hosts are served (local runs on any port), each as its own origin;
 * any other Host is refused so that a forged Host never becomes a trusted origin.
 */
export function trustedOrigin(env: Env, requestUrl: string): string {
  const configured = config(env).appOrigin;
  if (configured) return new URL(configured).origin;
  const url = new URL(requestUrl);
  if (isLoopbackHost(url.hostname)) return url.origin;
  throw new ApiError(
    421,
    "app_origin_required",
    "This server does not know its public origin: set APP_ORIGIN (e.g. https://pose.example.com). " +
      "Without it only loopback hosts (127.0.0.1, localhost, [::1]) are served.",
  );
}
