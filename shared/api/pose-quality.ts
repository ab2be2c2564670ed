// A result's pose score and the owner's verdict: the detection a browser posts, the rating, and
// the fields each pose carries in the generation views.
import { z } from "zod";
import { BODY_POINTS, FACE_POINTS, HAND_POINTS } from "../pose/model";

/** The largest canvas a posted detection may name (results are at most 1024 × 1536). */
export const MAX_DETECTION_SIDE = 4096;
/** How far a posted score may be from the server's own recomputation. */
export const SCORE_TOLERANCE = 0.01;

const Point = z.object({
  x: z.number().finite("coordinates must be finite numbers"),
  y: z.number().finite("coordinates must be finite numbers"),
  c: z.number().min(0, "confidence must be between 0 and 1").max(1, "confidence must be between 0 and 1"),
});
const slots = (n: number, what: string) => z.array(Point.nullable()).length(n, `${what} must have ${n} points`);

const Person = z.object({
  body: slots(BODY_POINTS, "body"),
  face: slots(FACE_POINTS, "face").nullable().default(null),
  leftHand: slots(HAND_POINTS, "leftHand").nullable().default(null),
  rightHand: slots(HAND_POINTS, "rightHand").nullable().default(null),
});

const side = z
  .number()
  .int("canvas sides must be whole pixels")
  .min(1, "canvas sides must be at least 1 px")
  .max(MAX_DETECTION_SIDE, `canvas sides must be at most ${MAX_DETECTION_SIDE} px`);

const Slots = z.array(z.object({ x: z.number(), y: z.number(), c: z.number() }).nullable());

/** A pose in our OpenPose model (pixels of its canvas), as the API returns it. */
export const PoseJson = z.object({
  canvasWidth: z.number(),
  canvasHeight: z.number(),
  people: z.array(
    z.object({ body: Slots, face: Slots.nullable(), leftHand: Slots.nullable(), rightHand: Slots.nullable() }),
  ),
});

/** One person's 18 body points found in the result, on a canvas the size of the image it was found in. */
export const PoseDetection = z
  .object({
    canvasWidth: side,
    canvasHeight: side,
    people: z.array(Person).length(1, "people must hold exactly one person"),
  })
  .superRefine((pose, ctx) => {
    const person = pose.people[0];
    if (!person) return;
    for (const [part, points] of Object.entries(person)) {
      points?.forEach((p, i) => {
        if (p && (p.x < 0 || p.y < 0 || p.x > pose.canvasWidth || p.y > pose.canvasHeight)) {
          ctx.addIssue({
            code: "custom",
            path: ["people", 0, part, i],
            message: `point ${i} of ${part} lies outside the ${pose.canvasWidth}×${pose.canvasHeight} canvas`,
          });
        }
      });
    }
  });

/** PUT …/poses/:poseId/quality: what the browser detected and the score it computed from it. */
export const PoseQualityBody = z
  .object({
    detection: PoseDetection,
    score: z.number().min(0, "score must be between 0 and 1").max(1, "score must be between 0 and 1"),
  })
  .strict();

/** PUT …/poses/:poseId/rating. */
export const PoseRatingBody = z
  .object({
    rating: z.number().int("rating must be a whole number").min(1, "rating must be 1–5").max(5, "rating must be 1–5"),
  })
  .strict();

/** What each pose of a generation view says about its score and rating. */
export const PoseVerdictFields = {
  /** OKS of the pose found in the result against the requested skeleton, 0–1; null until a detector scored it. */
  qualityScore: z.number().nullable().optional(),
  /** Who found that pose: the provider's own detector or the owner's browser. */
  qualitySource: z.enum(["provider", "browser"]).nullable().optional(),
  /** The score is below POSE_MIN_OKS: the studio offers "Try again". */
  drifted: z.boolean().optional(),
  /** The owner's stars, 1–5, or null. */
  rating: z.number().int().nullable().optional(),
  /** The skeleton the engine or provider was given (`?include=requestedPose` only). */
  requestedPose: PoseJson.nullable().optional(),
};

/** The answer of the quality and rating routes: the pose's verdict as stored. */
export const PoseVerdict = z.object({
  poseTemplateId: z.string(),
  qualityScore: z.number().nullable(),
  qualitySource: z.enum(["provider", "browser"]).nullable(),
  drifted: z.boolean(),
  rating: z.number().int().nullable(),
});
export type PoseVerdict = z.infer<typeof PoseVerdict>;
