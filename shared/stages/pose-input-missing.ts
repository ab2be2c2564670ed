/**
 * A pose's input is gone (its generation, avatar or template, a deleted theme or background
 * picture, a missing stage image): running it again cannot help, so the pose fails at once with
 * this message instead of being retried. `code` names it for other languages (pose-failure.ts).
 */
export class PoseInputMissing extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
