// Every R2 key is built here, from ids the server made; never from user input.

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

/** A try-again take's images sit beside the first ones: `{stage}-take{n}`. */
const takeSuffix = (take: number) => (take ? `-take${take}` : "");

export const r2Keys = {
  avatarOriginal: (userId: string, avatarId: string, contentType: string) =>
    `avatars/${userId}/${avatarId}/original.${EXTENSIONS[contentType] ?? "bin"}`,
  avatarThumbnail: (userId: string, avatarId: string) => `avatars/${userId}/${avatarId}/thumbnail.jpg`,
  avatarCutout: (userId: string, avatarId: string) => `avatars/${userId}/${avatarId}/cutout.png`,
  /** The avatar's rig image: the person cut-out at the instant engine's working size (RGBA PNG). */
  avatarRig: (userId: string, avatarId: string) => `avatars/${userId}/${avatarId}/rig.png`,
  backgroundImage: (userId: string, backgroundId: string, contentType: string) =>
    `backgrounds/${userId}/${backgroundId}.${EXTENSIONS[contentType] ?? "bin"}`,
  /** An unsaved text-to-avatar candidate (purged when it expires). */
  avatarCandidate: (userId: string, candidateId: string, contentType: string) =>
    `avatar-candidates/${userId}/${candidateId}.${EXTENSIONS[contentType] ?? "bin"}`,
  /** A scene backdrop painted by a provider, shared by every generation of that size. */
  scene: (scene: string, width: number, height: number) => `scenes/${scene}-${width}x${height}.jpg`,
  templatePreview: (templateId: string) => `templates/${templateId}/preview.png`,
  /** One stage's image of one pose: base (pose), later fashion, background, final; a new take's beside them. */
  generationImage: (generationId: string, poseTemplateId: string, stage: string, take = 0) =>
    `generations/${generationId}/${poseTemplateId}/${stage}${takeSuffix(take)}.jpg`,
  /** A stage image with transparency (background removed): PNG. */
  generationPng: (generationId: string, poseTemplateId: string, stage: string, take = 0) =>
    `generations/${generationId}/${poseTemplateId}/${stage}${takeSuffix(take)}.png`,
  /** The take a stage image key belongs to (0 for a pose's first images). */
  takeOf: (key: string) => Number(/-take(\d+)\.(?:jpg|png)$/.exec(key)?.[1] ?? 0),
  /** An image a vendor fetches by URL for one pose (its skeleton, starting picture, mask): deleted with the generation. */
  providerInput: (generationId: string, poseTemplateId: string, name: string, contentType: string) =>
    `generations/${generationId}/${poseTemplateId}/input-${name}.${contentType === "image/png" ? "png" : "jpg"}`,
};
