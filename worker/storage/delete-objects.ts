// Removing R2 objects in bulk: R2 deletes at most 1000 keys per call and lists 1000 per page.
const R2_BATCH = 1000;

/** Deletes the given keys (missing ones are fine), 1000 per call. */
export async function deleteKeys(bucket: R2Bucket, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += R2_BATCH) await bucket.delete(keys.slice(i, i + R2_BATCH));
}

/** Deletes every object whose key starts with prefix; returns how many went. */
export async function deletePrefix(bucket: R2Bucket, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, cursor, limit: R2_BATCH });
    await deleteKeys(
      bucket,
      page.objects.map((o) => o.key),
    );
    deleted += page.objects.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return deleted;
}
