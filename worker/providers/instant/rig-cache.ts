// Prepared rigs kept per isolate, so an avatar's mesh and factored matrices are built once for all
// its poses, not once per pose. Keyed by the rig's content — SHA-256 of its cut-out PNG and its
// pose — because a rig saved again keeps its R2 key: a changed rig is a new key, never a stale hit.
// Bounded (two rigs, and a byte budget) so the isolate's 128 MB stays in reach.

/** At most this many prepared rigs are kept (the latest used last). */
const MAX_RIGS = 2;
/** Nor more than this many bytes of them (a prepared rig at 1024 px tall is up to ~20 MB). */
const MAX_BYTES = 40 * 1024 * 1024;

/** The cache key of a rig: SHA-256 (hex) over the PNG bytes and the pose's JSON. */
export async function rigKey(png: Uint8Array, pose: unknown): Promise<string> {
  const text = new TextEncoder().encode(JSON.stringify(pose));
  const both = new Uint8Array(png.length + 1 + text.length);
  both.set(png);
  both.set(text, png.length + 1);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", both));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A small least-recently-used cache of prepared rigs, each with its size in bytes. */
export class PreparedRigCache<P> {
  private readonly entries = new Map<string, { value: P; bytes: number }>();

  constructor(
    private readonly maxRigs = MAX_RIGS,
    private readonly maxBytes = MAX_BYTES,
  ) {}

  /** The prepared rig under `key`, made by `prepare` (and kept) when it is not there. */
  get(key: string, prepare: () => P, sizeOf: (value: P) => number): P {
    const hit = this.entries.get(key);
    if (hit) {
      // Refresh its place: the latest used goes last, the oldest first out.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = prepare();
    const bytes = sizeOf(value);
    if (bytes > this.maxBytes) return value;
    this.entries.set(key, { value, bytes });
    let total = 0;
    for (const e of this.entries.values()) total += e.bytes;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxRigs && total <= this.maxBytes) break;
      this.entries.delete(k);
      total -= e.bytes;
    }
    return value;
  }

  /** Forgets every rig (e.g. when the engine is swapped). */
  clear() {
    this.entries.clear();
  }

  /** How many rigs are kept. */
  get size() {
    return this.entries.size;
  }
}
