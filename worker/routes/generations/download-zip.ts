import { Zip, ZipPassThrough } from "fflate";

/** Streams a ZIP of the given R2 objects (stored, not recompressed: they are JPEGs already). */
export function zipStream(bucket: R2Bucket, entries: { name: string; key: string }[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      try {
        for (const entry of entries) {
          const object = await bucket.get(entry.key);
          if (!object) continue;
          const file = new ZipPassThrough(entry.name);
          zip.add(file);
          const reader = object.body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            file.push(value);
          }
          file.push(new Uint8Array(0), true);
        }
        zip.end();
      } catch (err) {
        controller.error(err);
      }
    },
  });
}
