import { z } from "zod";
import { textField } from "./fields";

export const GENDERS = ["female", "male", "any"] as const;
export const AGE_RANGES = ["18-24", "25-34", "35-44", "45-54", "55+"] as const;
export const AVATAR_NAME_MAX = 80;
export const AVATAR_STYLE_MAX = 60;

export const AvatarMetadata = z.object({
  name: textField(AVATAR_NAME_MAX),
  gender: z.enum(GENDERS).optional(),
  ageRange: z.enum(AGE_RANGES).optional(),
  style: textField(AVATAR_STYLE_MAX).optional(),
});

export const AvatarPatch = AvatarMetadata.partial()
  .extend({
    gender: z.enum(GENDERS).nullable().optional(),
    ageRange: z.enum(AGE_RANGES).nullable().optional(),
    style: textField(AVATAR_STYLE_MAX).nullable().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "send at least one field to change");

export const Avatar = z.object({
  id: z.string(),
  name: z.string(),
  baseImageUrl: z.string(),
  thumbnailUrl: z.string(),
  contentType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  byteSize: z.number().int(),
  gender: z.enum(GENDERS).nullable(),
  ageRange: z.enum(AGE_RANGES).nullable(),
  style: z.string().nullable(),
  sourceType: z.enum(["upload", "ai_generated"]),
  generationPrompt: z.string().nullable(),
  usageCount: z.number().int(),
  /** Generations made with this avatar: they and their images stay when the avatar is deleted. */
  generationCount: z.number().int(),
  /** Whether the avatar has its rig (cut-out at the engine's working size + the person's own pose). */
  rig: z.enum(["ready", "missing"]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Avatar = z.infer<typeof Avatar>;

/** DELETE /api/v1/avatars/:id answers how many generations keep their images. */
export const DeletedAvatar = z.object({ deleted: z.literal(true), generationsKept: z.number().int() });
export type DeletedAvatar = z.infer<typeof DeletedAvatar>;

/** GET /api/v1/avatars/:id/rig: the person's own pose and the rig image it is placed on. */
export const AvatarRig = z.object({
  /** OpenPose JSON (one person, 18 body points, pixel coordinates, missing points 0,0,0) on the rig image's canvas. */
  pose: z.unknown(),
  /** The person cut-out at the engine's working size (RGBA PNG, owner only). */
  imageUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type AvatarRig = z.infer<typeof AvatarRig>;
