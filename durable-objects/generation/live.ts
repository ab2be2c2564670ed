// Live progress: viewers connect a WebSocket (hibernatable, held by the runtime) and get the
// state at once, then every change.
import type { GenerationState } from "../../shared/api/generations";
import type { Run } from "./run";
import { readState } from "./state";

/** Accepts a viewer's WebSocket and sends it the current state. */
export function acceptViewer(run: Run, request: Request): Response {
  if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
    return new Response("expected a WebSocket", { status: 426 });
  const pair = new WebSocketPair();
  run.ctx.acceptWebSocket(pair[1]);
  pair[1].send(JSON.stringify({ type: "state", state: readState(run) }));
  return new Response(null, { status: 101, webSocket: pair[0] });
}

/** Pushes the state to every viewer. */
export function broadcast(run: Run, state: GenerationState) {
  const message = JSON.stringify({ type: "state", state });
  for (const ws of run.ctx.getWebSockets()) {
    try {
      ws.send(message);
    } catch {
      // a viewer that went away; the runtime closes it
    }
  }
}
