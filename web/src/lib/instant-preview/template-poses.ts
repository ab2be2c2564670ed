// The picked templates' poses for the previews, by the API, each fetched once per page.
import { readOpenPose } from "$shared/pose/openpose-json";
import type { Pose } from "$shared/pose/model";
import { call, client } from "$lib/api/client";

export interface TemplatePose {
  id: string;
  name: string;
  pose: Pose;
}

const loaded = new Map<string, Promise<TemplatePose>>();

/** A template's pose (its OpenPose keypoints read as the Worker reads them) and name. */
export function templatePose(id: string): Promise<TemplatePose> {
  const known = loaded.get(id);
  if (known) return known;
  const loading = call(client.v1.templates[":id"].$get({ param: { id: encodeURIComponent(id) } })).then((t) => ({
    id,
    name: t.name,
    pose: readOpenPose(t.keypoints).pose,
  }));
  loaded.set(id, loading);
  loading.catch(() => loaded.delete(id));
  return loading;
}
