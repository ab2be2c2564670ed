// Why a pose failed, as a code and its values, so each reader says it in its own language: the API
// by Accept-Language, the studio from live pushes (a WebSocket carries no language). The English
// message is stored beside it (it may quote the vendor's own words) and is what English readers get.

/** A pose failure's code and the values its sentence names. */
export interface PoseFailure {
  code: string;
  params?: Record<string, string | number>;
}

// The vendor's label fills {provider}; the English message keeps the vendor's details. Said of
// any picture asked of a vendor (a pose, an avatar candidate).
const PROVIDER = {
  provider_loading: "Model {provider} masih bersiap dan belum menjawab setelah beberapa kali dicoba. Coba lagi nanti.",
  provider_rate_limited: "{provider} membatasi jumlah permintaan, jadi gambarnya belum dibuat. Coba lagi nanti.",
  provider_server: "Server {provider} mengalami galat, jadi gambarnya belum dibuat. Coba lagi nanti.",
  provider_timeout: "{provider} tidak menjawab tepat waktu.",
  provider_bad_response: "{provider} menjawab tanpa gambar yang bisa dipakai.",
  provider_rejected: "{provider} menolak permintaan ini.",
  provider_not_configured: "{provider} belum disiapkan dengan benar; lihat laporan penyedia di studio.",
} as const;

// The instant engine's reasons a rig cannot be used (RigProblem codes and the rig file's own checks).
const RIG = {
  rig_torso_missing: "Pose avatar perlu leher dan kedua bahu. Buka avatarnya dan perbaiki posenya.",
  rig_mask_empty: "Potongan avatar tidak berisi orang. Buka avatarnya dan buat potongannya lagi.",
  rig_mask_full:
    "Potongan avatar menutupi seluruh gambar, jadi latarnya belum terhapus. Buka avatarnya dan buat potongannya lagi.",
  rig_mask_pose_apart: "Pose avatar tidak berada di atas orang pada potongannya. Buka avatarnya dan perbaiki posenya.",
  rig_too_small:
    "Orang pada potongan avatar terlalu kecil atau terlalu tipis untuk diberi pose. Gunakan foto yang lebih dekat.",
  rig_unusable: "Rig avatar tidak bisa dipakai. Buka avatarnya dan deteksi posenya lagi.",
} as const;

// Inputs gone before the pose ran (PoseInputMissing), and the run's own limits.
const RUN = {
  generation_gone: "Proses pembuatan ini sudah tidak ada.",
  avatar_deleted: "Avatarnya sudah dihapus.",
  template_deleted: "Template pose ini sudah dihapus.",
  avatar_image_missing: "Gambar avatar tidak ditemukan.",
  avatar_rig_missing: "Pose instan memerlukan pose avatar: buka avatarnya, deteksi posenya, lalu buat lagi.",
  stage_image_missing: "Gambar tahap sebelumnya tidak ditemukan.",
  theme_deleted: "Temanya sudah dihapus.",
  background_unusable: "Gambar latar tidak bisa dipakai.",
  call_limit: "Dihentikan: pose ini mencapai batas {cap} panggilan penyedia dari semua percobaannya.",
  internal: "Galat internal menghentikan pose ini. Coba lagi.",
  dead_letter: "Dihentikan setelah pengirimannya berulang kali gagal. Coba lagi.",
  timed_out: "Waktu habis: tidak ada hasil setelah {tries} percobaan. Coba lagi.",
} as const;

/** Each failure code's sentence in Bahasa Indonesia. */
export const POSE_FAILURES_ID: Record<string, string> = { ...PROVIDER, ...RIG, ...RUN };

/** The failure codes of a vendor error, by its kind (`ProviderErrorKind`). */
export const providerFailureCode = (kind: string) => `provider_${kind}`;

const fill = (template: string, params: Record<string, string | number>): string | null => {
  let complete = true;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) complete = false;
    return String(params[name]);
  });
  return complete ? text : null;
};

/**
 * A failed pose's reason in `locale`: the stored English message for English (or when the code is
 * unknown or a value is missing), the code's sentence for Bahasa Indonesia.
 */
export function poseFailureText(
  error: string | null,
  failure: { code?: string | null; params?: Record<string, string | number> | null } | null | undefined,
  locale: "en" | "id",
): string | null {
  if (locale === "en" || !failure?.code) return error;
  const template = POSE_FAILURES_ID[failure.code];
  return (template && fill(template, failure.params ?? {})) ?? error;
}
