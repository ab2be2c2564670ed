// The avatar's own pose as a RetargetedPose: the whole cut-out fitted (contain, centred) into the
// output size. Drawing it reproduces the cut-out; tests, the bench and the browser preview use it.
import { BODY, BODY_POINTS } from "../pose/model";
import type { AvatarRig, OutputSize, RetargetedPose } from "./contract";

/** The cut-out's pixels → output pixels: uniform scale k, then offset (dx, dy). */
export function identityPlacement(rig: AvatarRig, size: OutputSize) {
  const k = Math.min(size.width / rig.cutout.width, size.height / rig.cutout.height);
  return { k, dx: (size.width - rig.cutout.width * k) / 2, dy: (size.height - rig.cutout.height * k) / 2 };
}

/**
 * The avatar's joints scaled into the output: a joint the avatar lacks sits on the neck and is
 * marked not given. The near side is the side of the only visible ear (else eye); no arm crosses.
 */
export function identityTarget(rig: AvatarRig, size: OutputSize): RetargetedPose {
  const { k, dx, dy } = identityPlacement(rig, size);
  const body = rig.pose.body;
  const seen = (i: number) => !!body[i] && body[i].c > 0;
  const neck = seen(BODY.neck) ? body[BODY.neck]! : { x: rig.cutout.width / 2, y: rig.cutout.height / 3 };
  const joints = Array.from({ length: BODY_POINTS }, (_, i) => {
    const p = seen(i) ? body[i]! : neck;
    return { x: p.x * k + dx, y: p.y * k + dy };
  });
  const only = (left: number, right: number) => (seen(left) !== seen(right) ? seen(left) : null);
  return {
    joints,
    given: Array.from({ length: BODY_POINTS }, (_, i) => seen(i)),
    head: { angle: 0, scale: k },
    leftIsNear: only(BODY.leftEar, BODY.rightEar) ?? only(BODY.leftEye, BODY.rightEye) ?? false,
    armInFront: { left: false, right: false },
  };
}
