// Downloads one file of the background-removal data the way @imgly/background-removal 1.4.5 does
// (dist/index.mjs `loadAsBlob`): resources.json names its chunks by hash, fetched in parallel.

/** Reports bytes fetched so far of `total`, under @imgly's progress key `fetch:<resource>`. */
export type FetchProgress = (key: string, current: number, total: number) => void;

interface Entry {
  chunks: { hash: string; offsets: [number, number] }[];
  size: number;
  mime: string;
}

/** The resource `key` (e.g. "/models/small-512") under `publicPath`, as one Blob. */
export async function loadChunked(publicPath: string, key: string, progress?: FetchProgress): Promise<Blob> {
  const listing = await fetch(new URL("resources.json", publicPath));
  if (!listing.ok) throw new Error(`resources.json answered ${listing.status}`);
  const entry = ((await listing.json()) as Record<string, Entry>)[key];
  if (!entry) throw new Error(`resource ${key} is not served`);
  let fetched = 0;
  const parts = await Promise.all(
    entry.chunks.map(async ({ hash, offsets: [start, end] }) => {
      const response = await fetch(new URL(hash, publicPath));
      if (!response.ok) throw new Error(`${key}: a chunk answered ${response.status}`);
      const blob = await response.blob();
      if (blob.size !== end - start) throw new Error(`${key}: a chunk of ${end - start} bytes came as ${blob.size}`);
      progress?.(`fetch:${key}`, (fetched += blob.size), entry.size);
      return blob;
    }),
  );
  return new Blob(parts, { type: entry.mime });
}
