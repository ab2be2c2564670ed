// A background picture as it is stored: decoded once at upload (so a picture that does not
// decode is refused, not found out by every pose that uses it), upright, without metadata.
import type { ImageHeader } from "../../shared/images/inspect-image";
import { stripMetadata } from "../../shared/images/metadata/strip-metadata";
import { decodeUpright } from "./decode-upright";

export interface PreparedBackground {
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
}

/** Checks that the upload decodes, turns it upright (re-encoded only when EXIF rotated it) and drops its metadata. */
export function prepareBackground(bytes: Uint8Array, header: ImageHeader): PreparedBackground {
  const image = decodeUpright(bytes, header);
  try {
    const upright = header.orientation === 1;
    return {
      bytes: upright ? stripMetadata(bytes, header.format) : image.get_bytes_jpeg(92),
      contentType: upright ? header.contentType : "image/jpeg",
      width: image.get_width(),
      height: image.get_height(),
    };
  } finally {
    image.free();
  }
}
