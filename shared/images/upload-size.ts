/** Smallest side of an uploaded picture: below it a pose provider has too little to work with. */
export const MIN_UPLOAD_SIDE = 256;
/**
 * Largest side of an uploaded picture. Decoding takes 4 bytes a pixel in photon plus copies; at
 * 4096² the upload and background paths peaked at 150–320 MB, at 2048 every path stays under
 * the 96 MB budget (`npm run bench`, bench/memory-usage.ts). The web app resizes larger photos.
 */
export const MAX_UPLOAD_SIDE = 2048;
