import { FINAL_GENERATION_STATUSES, type GenerationState } from "$shared/api/generations";
import { call, client } from "./client";

const FINAL = new Set<string>(FINAL_GENERATION_STATUSES);

/**
 * Follows a generation live over its WebSocket, falling back to polling when the socket cannot
 * open or drops. Calls `onState` with every change; returns a function that stops watching.
 */
export function watchGeneration(id: string, onState: (state: GenerationState) => void): () => void {
  let stopped = false;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const poll = async () => {
    if (stopped) return;
    try {
      const state = await call(client.v1.generations[":id"].$get({ param: { id }, query: {} }));
      onState(state);
      if (FINAL.has(state.status)) return;
    } catch {
      // keep trying; the page shows the last state it had
    }
    timer = setTimeout(poll, 1500);
  };

  try {
    // The live socket is no typed route (an upgrade): it hangs off the generation's typed URL.
    const url = client.v1.generations[":id"].$url({ param: { id } });
    url.pathname += "/live";
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(url);
    let finished = false;
    socket.onmessage = (event) => {
      const state = (JSON.parse(String(event.data)) as { state: GenerationState }).state;
      onState(state);
      if (FINAL.has(state.status)) {
        finished = true;
        socket?.close();
      }
    };
    socket.onclose = () => {
      if (!finished && !stopped) poll();
    };
  } catch {
    poll();
  }

  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
