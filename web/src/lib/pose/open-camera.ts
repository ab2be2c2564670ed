// Opening the user's camera, with every way it can fail named so the page can say what to do.

export type CameraProblem = "unsupported" | "denied" | "absent" | "busy" | "other";

export class CameraError extends Error {
  constructor(
    readonly problem: CameraProblem,
    message: string = problem,
  ) {
    super(message);
  }
}

const PROBLEMS: Record<string, CameraProblem> = {
  NotAllowedError: "denied",
  SecurityError: "denied",
  PermissionDeniedError: "denied",
  NotFoundError: "absent",
  DevicesNotFoundError: "absent",
  OverconstrainedError: "absent",
  NotReadableError: "busy",
  TrackStartError: "busy",
  AbortError: "busy",
};

/** A front-facing camera stream; throws CameraError. */
export async function openCamera(): Promise<MediaStream> {
  // getUserMedia exists only in secure contexts (https or localhost).
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError("unsupported");
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: "user", width: { ideal: 1280 }, height: { ideal: 720 } },
    });
  } catch (err) {
    const name = (err as DOMException)?.name ?? "";
    throw new CameraError(PROBLEMS[name] ?? "other", (err as Error)?.message || name);
  }
}

export function stopCamera(stream: MediaStream | null | undefined) {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
