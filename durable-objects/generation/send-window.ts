// The send window: a generation keeps at most POSE_WINDOW messages waiting in the queue, sending
// the next poses, in order, as earlier ones are claimed or finish.
import type { PoseJob } from "../../worker/pipeline/pose-job";
import { sendWindow, type Run } from "./run";
import { readMeta } from "./storage";

type Queued = { template_id: string; round: number; take: number };

/**
 * Tops the queue up to the window: the next unsent poses, in order, get their messages. Called
 * whenever a pose is claimed or finishes, so a generation always has work waiting in the queue
 * but never all of it.
 */
export async function sendNext(run: Run) {
  const waiting = run.sql
    .exec<{ n: number }>("SELECT count(*) AS n FROM poses WHERE sent = 1 AND status = 'queued'")
    .one().n;
  const room = sendWindow(run) - waiting;
  if (room <= 0) return;
  const next = run.sql
    .exec<Queued>(
      "SELECT template_id, round, take FROM poses WHERE sent = 0 AND status = 'queued' ORDER BY position LIMIT ?",
      room,
    )
    .toArray();
  if (next.length === 0) return;
  for (const p of next) run.sql.exec("UPDATE poses SET sent = 1 WHERE template_id = ?", p.template_id);
  // Should sending fail, the poses count as sent and the stall watchdog sends them again.
  await enqueue(run, next);
}

/** Sends again the messages of poses sent but never claimed (the watchdog judged them lost). */
export async function resendLost(run: Run) {
  const lost = run.sql
    .exec<Queued>("SELECT template_id, round, take FROM poses WHERE status = 'queued' AND sent = 1")
    .toArray();
  if (lost.length > 0) await enqueue(run, lost);
}

async function enqueue(run: Run, poses: Queued[]) {
  const meta = readMeta(run)!;
  const messages = poses.map((p) => ({
    body: {
      type: "pose",
      generationId: meta.generationId,
      userId: meta.userId,
      poseTemplateId: p.template_id,
      round: p.round,
      ...(p.take ? { take: p.take } : {}),
    } satisfies PoseJob,
  }));
  for (let i = 0; i < messages.length; i += 100) await run.env.POSE_QUEUE.sendBatch(messages.slice(i, i + 100));
}
