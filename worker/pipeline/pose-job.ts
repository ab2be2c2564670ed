/** The queue message for one pose of a generation. `round` grows each time failed poses are retried. */
export interface PoseJob {
  type: "pose";
  generationId: string;
  userId: string;
  poseTemplateId: string;
  round: number;
  /** A new take of a made pose (its round number when it began): new images under their own keys, a new seed. */
  take?: number;
}

export function isPoseJob(body: unknown): body is PoseJob {
  const b = body as Partial<PoseJob> | null;
  return (
    !!b &&
    b.type === "pose" &&
    typeof b.generationId === "string" &&
    typeof b.userId === "string" &&
    typeof b.poseTemplateId === "string" &&
    typeof b.round === "number" &&
    (b.take === undefined || typeof b.take === "number")
  );
}
