/** True for PNG bytes (its signature), e.g. a stage image left transparent; else JPEG here. */
export const isPng = (bytes: Uint8Array) => bytes[0] === 0x89 && bytes[1] === 0x50;
