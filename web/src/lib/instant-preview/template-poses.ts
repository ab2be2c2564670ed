// The picked templates' poses for the previews, by the API, each fetched once per page and language
// (a built-in pose's name is in the language asked for).
import { readOpenPose } from "$shared/pose/openpose-json";
import type { Pose } from "$shared/pose/model";
import { call, client } from "$lib/api/client";
import { i18n } from "$lib/i18n/i18n.svelte";

export interface TemplatePose {
  id: string;
  /** The language its name is in. */
  locale: string;
  name: string;
  pose: Pose;
}

const loaded = new Map<string, Promise<TemplatePose>>();

/** A template's pose (its OpenPose keypoints read as the Worker reads them) and its name in the UI's language. */
export function templatePose(id: string): Promise<TemplatePose> {
  const locale = i18n.locale;
  const key = `${locale}:${id}`;
  const known = loaded.get(key);
  if (known) return known;
  const loading = call(client.v1.templates[":id"].$get({ param: { id: encodeURIComponent(id) } })).then((t) => ({
    id,
    locale,
    name: t.name,
    pose: readOpenPose(t.keypoints).pose,
  }));
  loaded.set(key, loading);
  loading.catch(() => loaded.delete(key));
  return loading;
}
