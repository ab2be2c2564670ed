import { ApiError } from "../../errors";

/** Largest skeleton render, a side: drawing and encoding cost grows with the pixels (4096² took ~0.8 s). */
export const MAX_RENDER_SIDE = 2048;

/** A requested render size within MAX_RENDER_SIDE, or a 413 saying what is allowed. */
export function limitRenderSize(size: { width?: number; height?: number }) {
  const { width, height } = size;
  if ((width ?? 0) > MAX_RENDER_SIDE || (height ?? 0) > MAX_RENDER_SIDE) {
    throw new ApiError(
      413,
      "render_too_large",
      `A skeleton is rendered at most ${MAX_RENDER_SIDE}×${MAX_RENDER_SIDE} px; ${width ?? "default"}×${height ?? "default"} was asked for.`,
    );
  }
  return size;
}
