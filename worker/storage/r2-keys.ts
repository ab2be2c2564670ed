// Every R2 key is built here, from ids the server made; never from user input.

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

export const r2Keys = {
  avatarOriginal: (userId: string, avatarId: string, contentType: string) =>
    `avatars/${userId}/${avatarId}/original.${EXTENSIONS[contentType] ?? "bin"}`,
  avatarThumbnail: (userId: string, avatarId: string) => `avatars/${userId}/${avatarId}/thumbnail.jpg`,
  templatePreview: (templateId: string) => `templates/${templateId}/preview.png`,
};
