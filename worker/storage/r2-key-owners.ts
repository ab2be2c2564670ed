// The inverse of r2-keys.ts: from a key, the row it belongs to. The orphan sweep uses it to remove
// only objects whose owning row is gone. Keep each pattern next to its builder's shape.

/** The tables whose rows own R2 objects. */
export type OwnerTable = "avatars" | "background_images" | "avatar_candidates" | "pose_templates" | "pose_generations";

export interface KeyOwner {
  table: OwnerTable;
  id: string;
}

const SEGMENT = "[^/]+";
const EXT = "[a-z]+";

const PATTERNS: [RegExp, OwnerTable][] = [
  // avatarOriginal, avatarThumbnail, avatarCutout, avatarRig: avatars/{userId}/{avatarId}/…
  [
    new RegExp(`^avatars/${SEGMENT}/(${SEGMENT})/(?:original\\.${EXT}|thumbnail\\.jpg|cutout\\.png|rig\\.png)$`),
    "avatars",
  ],
  // backgroundImage: backgrounds/{userId}/{backgroundId}.{ext}
  [new RegExp(`^backgrounds/${SEGMENT}/([^/.]+)\\.${EXT}$`), "background_images"],
  // avatarCandidate: avatar-candidates/{userId}/{candidateId}.{ext}
  [new RegExp(`^avatar-candidates/${SEGMENT}/([^/.]+)\\.${EXT}$`), "avatar_candidates"],
  // templatePreview: templates/{templateId}/preview.png
  [new RegExp(`^templates/(${SEGMENT})/preview\\.png$`), "pose_templates"],
  // generationImage, generationPng: generations/{generationId}/{poseTemplateId}/{stage}.jpg|png
  [new RegExp(`^generations/(${SEGMENT})/${SEGMENT}/${SEGMENT}\\.(?:jpg|png)$`), "pose_generations"],
];

/** Key prefixes of every kind that a row owns (scenes/ is shared and owned by none). */
export const OWNED_PREFIXES = ["avatars/", "backgrounds/", "avatar-candidates/", "templates/", "generations/"];

/** The row that owns an R2 key, or null for shared objects (scene paintings) and unknown keys. */
export function ownerOfKey(key: string): KeyOwner | null {
  for (const [pattern, table] of PATTERNS) {
    const match = pattern.exec(key);
    if (match) return { table, id: match[1]! };
  }
  return null;
}
