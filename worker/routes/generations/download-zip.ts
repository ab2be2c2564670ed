import { Zip, ZipPassThrough } from "fflate";
import type { ZipEntry } from "../../generations/generation-images";

/**
 * Streams a ZIP of the given entries (stored, not recompressed: they are JPEGs and PNGs already).
 * One entry is read per pull, so the reader's pace sets how much is in memory: a framed entry is
 * decoded, framed and encoded only when the ZIP reaches it, never all of them at once.
 */
export function zipStream(entries: ZipEntry[]): ReadableStream<Uint8Array> {
  let zip: Zip;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull() {
      while (next < entries.length) {
        const entry = entries[next++]!;
        const body = await entry.open();
        if (!body) continue;
        const file = new ZipPassThrough(entry.name);
        zip.add(file);
        if (body instanceof Uint8Array) file.push(body, true);
        else {
          const reader = body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            file.push(value);
          }
          file.push(new Uint8Array(0), true);
        }
        return;
      }
      zip.end();
    },
  });
}
