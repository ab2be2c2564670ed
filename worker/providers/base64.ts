/** Bytes as base64, in chunks (spreading a large array into fromCharCode would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** base64 (optionally a data: URL) as bytes; throws on malformed input. */
export function base64ToBytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text.trim().replace(/^data:image\/\w+;base64,/, "")), (c) => c.charCodeAt(0));
}
