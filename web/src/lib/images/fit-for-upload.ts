// A photo larger than the server accepts is scaled down in the browser first, so a phone's
// 4000 px photo uploads instead of being refused (the server decodes at most MAX_UPLOAD_SIDE).
import { MAX_UPLOAD_SIDE } from "$shared/images/upload-size";

/**
 * The picture scaled to at most MAX_UPLOAD_SIDE px a side (EXIF orientation applied; PNG stays
 * PNG for its transparency, anything else becomes a JPEG), or the file itself when it fits or
 * the browser cannot read it (the server then says what is wrong).
 */
export async function fitForUpload(file: File): Promise<File> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return file;
  }
  const scale = MAX_UPLOAD_SIDE / Math.max(bitmap.width, bitmap.height);
  if (scale >= 1) {
    bitmap.close();
    return file;
  }
  const width = Math.round(bitmap.width * scale);
  const height = Math.round(bitmap.height * scale);
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const type = file.type === "image/png" ? "image/png" : "image/jpeg";
  const blob = await canvas.convertToBlob({ type, quality: 0.92 });
  const name = `${file.name.replace(/\.[^.]+$/, "")}.${type === "image/png" ? "png" : "jpg"}`;
  return new File([blob], name, { type });
}
