import { z } from "zod";
import { textField } from "./fields";
import { GENDERS } from "./avatars";
import { DIFFICULTIES, PRODUCT_PLACEMENTS, TEMPLATE_CATEGORIES } from "../templates/built-in";

export const TEMPLATE_CATEGORY_VALUES = [...TEMPLATE_CATEGORIES, "custom"] as const;
export const VISIBILITIES = ["public", "private"] as const;
export const TEMPLATE_NAME_MAX = 80;
export const TEMPLATE_TAGS_MAX = 12;

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N} _-]+$/u, "tags use letters, digits, spaces, '-' and '_'");

export const TemplateFields = z.object({
  name: textField(TEMPLATE_NAME_MAX),
  description: textField(500).nullable().optional(),
  category: z.enum(TEMPLATE_CATEGORY_VALUES).default("custom"),
  tags: z.array(tag).max(TEMPLATE_TAGS_MAX, `at most ${TEMPLATE_TAGS_MAX} tags`).default([]),
  difficulty: z.enum(DIFFICULTIES).default("medium"),
  gender: z.enum(GENDERS).default("any"),
  productPlacement: z.enum(PRODUCT_PLACEMENTS).default("none"),
  visibility: z.enum(VISIBILITIES).default("private"),
});

/** POST body: the fields plus the pose as OpenPose JSON (checked by shared/pose/openpose-json). */
export const NewTemplate = TemplateFields.extend({ keypoints: z.unknown() }).strict();

export const TemplatePatch = z
  .object({
    name: textField(TEMPLATE_NAME_MAX),
    description: textField(500).nullable(),
    category: z.enum(TEMPLATE_CATEGORY_VALUES),
    tags: z.array(tag).max(TEMPLATE_TAGS_MAX),
    difficulty: z.enum(DIFFICULTIES),
    gender: z.enum(GENDERS),
    productPlacement: z.enum(PRODUCT_PLACEMENTS),
    visibility: z.enum(VISIBILITIES),
    keypoints: z.unknown(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "send at least one field to change");

export const TemplateQuery = z.object({
  category: z.enum(TEMPLATE_CATEGORY_VALUES).optional(),
  tag: tag.optional(),
  gender: z.enum(GENDERS).optional(),
  difficulty: z.enum(DIFFICULTIES).optional(),
  q: z.string().trim().max(100).optional(),
  /** Only the caller's own templates. */
  mine: z.enum(["true", "false"]).optional(),
  /** Only the templates the caller starred (1 or true). */
  favourites: z.enum(["1", "0", "true", "false"]).optional(),
});

export const Template = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  tags: z.array(z.string()),
  difficulty: z.enum(DIFFICULTIES),
  gender: z.enum(GENDERS),
  productPlacement: z.string().nullable(),
  successRate: z.number().nullable(),
  /** Share of its scored results whose pose matches the skeleton (OKS ≥ POSE_MIN_OKS); null until one is scored. */
  fidelityRate: z.number().nullable(),
  visibility: z.enum(VISIBILITIES),
  isBuiltIn: z.boolean(),
  /** True when the caller owns it (and may edit it). */
  mine: z.boolean(),
  /** True when the caller starred it. */
  favourite: z.boolean(),
  forkedFromId: z.string().nullable(),
  canvasWidth: z.number().int(),
  canvasHeight: z.number().int(),
  previewUrl: z.string(),
  skeletonUrl: z.string(),
  openposeUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof Template>;

export const TemplateWithKeypoints = Template.extend({ keypoints: z.unknown() });

export const SkeletonSize = z.object({
  width: z.coerce.number().int().min(64).max(4096).optional(),
  height: z.coerce.number().int().min(64).max(4096).optional(),
});

/**
 * How to read an OpenPose file: `width`/`height` are its canvas when it names none (CMU OpenPose's
 * own output), `frame` picks one frame of a list (a ComfyUI batch).
 */
export const OpenPoseQuery = SkeletonSize.extend({
  frame: z.coerce.number().int().min(0).max(10_000).optional(),
});
export type OpenPoseQuery = z.infer<typeof OpenPoseQuery>;
