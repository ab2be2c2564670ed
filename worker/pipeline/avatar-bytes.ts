// The avatar's original image, read from R2 once per isolate for all the poses of a batch instead
// of once per pose. An avatar's image key holds one image for the avatar's whole life (written when
// the avatar is made, never again), so a kept copy cannot go stale; whether the avatar still exists
// is checked on its row, per pose, before this is asked. Kept briefly and only a few at a time,
// so the isolate's 128 MB stays in reach (an avatar is at most MAX_AVATAR_SIZE_MB).

/** How long a read image is kept after its read started. */
const KEEP_MS = 30_000;
/** At most this many images are kept (the oldest read goes first). */
const MAX_KEPT = 2;

const kept = new Map<string, { at: number; bytes: Promise<Uint8Array | null> }>();

/** Drops images kept past KEEP_MS, then the oldest beyond MAX_KEPT. */
function prune(now: number) {
  for (const [key, entry] of kept) if (now - entry.at > KEEP_MS) kept.delete(key);
  for (const key of kept.keys()) {
    if (kept.size <= MAX_KEPT) break;
    kept.delete(key);
  }
}

/**
 * The bytes of the avatar image at `key` (null when R2 has none), shared by every caller in this
 * isolate for a short while. A failed or empty read is not kept: the next pose reads again.
 */
export function avatarBytes(bucket: R2Bucket, key: string): Promise<Uint8Array | null> {
  const now = Date.now();
  prune(now);
  const hit = kept.get(key);
  if (hit) return hit.bytes;
  const bytes = bucket.get(key).then(async (object) => (object ? new Uint8Array(await object.arrayBuffer()) : null));
  kept.set(key, { at: now, bytes });
  const forget = () => {
    if (kept.get(key)?.bytes === bytes) kept.delete(key);
  };
  bytes.then((b) => b ?? forget(), forget);
  return bytes;
}

/** Tests: forgets every kept image. */
export const forgetAvatarBytes = () => kept.clear();
