// Error messages in Bahasa Indonesia, keyed by error code. The English text stays where the error
// is thrown; here each code has one or more Indonesian templates whose `{name}` placeholders come
// from the error's details and params. The first template whose placeholders are all known wins,
// and with none (an unlisted code, a missing value) the English message is kept.

const MESSAGES: Record<string, readonly string[]> = {
  invalid_request: [
    "Permintaan tidak valid: {reasons}.",
    "Permintaan tidak valid; periksa: {fields}.",
    "Nama lebih dari {max} karakter.",
    "Permintaan tidak valid.",
  ],
  invalid_cursor: ["Penanda halaman tidak valid; mulai lagi dari halaman pertama."],
  unauthenticated: ["Silakan masuk terlebih dahulu, atau kirim kunci API."],
  invalid_authorization: ["Gunakan 'Authorization: Bearer <kunci API>'."],
  invalid_api_key: ["Kunci API ini tidak berlaku."],
  forbidden: ["Hanya operator (peran admin) yang boleh melakukan ini."],
  insufficient_scope: ["Kunci API ini tidak punya izin '{required}'. Buat kunci yang memiliki izin itu."],
  session_required: [
    "Kunci API tidak bisa melakukan ini: masuk ke aplikasi untuk mengelola kunci, menghapus akun, atau bertindak sebagai operator.",
  ],
  cross_origin_request: [
    "Permintaan ini datang dari situs lain. Dari browser, perubahan hanya boleh lewat halaman aplikasi ini; program sebaiknya memakai kunci API.",
  ],
  not_found: ["{thing} tidak ditemukan.", "Rute API {path} tidak ada."],
  avatar_not_found: ["Avatar tidak ditemukan di antara avatar Anda."],
  template_not_found: ["Template pose tidak ditemukan: {missing}."],
  theme_not_found: ["Tema tidak ditemukan: gunakan dokter, pilot, koki, guru, atau salah satu tema Anda."],
  too_many_poses: ["Maksimal {limit} pose per pembuatan; Anda memilih {picked}."],
  unknown_provider: ['Penyedia "{name}" belum dikonfigurasi. Yang tersedia: {configured}.'],
  provider_not_configured: [
    "Belum ada penyedia AI yang dikonfigurasi untuk ini. Lihat README untuk cara menambahkannya.",
  ],
  no_text_provider: ["Belum ada penyedia teks-ke-gambar, jadi avatar belum bisa dibuat dari teks. Unggah foto saja."],
  provider_busy: ["Model gambar sedang sibuk atau bersiap. Coba lagi dalam sekitar {retryAfterSeconds} dtk."],
  fashion_unavailable: [
    "Gaya hijab dan busana memerlukan penyedia inpainting, dan belum ada yang dikonfigurasi. Aksesori tetap bisa dipakai tanpanya.",
  ],
  avatar_rig_missing: [
    "Pose instan membentuk ulang foto avatar Anda sendiri, tetapi pose avatar ini belum ada: buka avatarnya, deteksi posenya, lalu buat lagi.",
  ],
  insufficient_credits: [
    "Kredit tidak cukup: biayanya {cost}, saldo Anda {balance}. Kurangi permintaan, atau minta tambahan kredit.",
  ],
  daily_limit_reached: [
    "Batas harian tercapai: Anda boleh membuat {dailyPoseLimit} pose per hari, sudah memakai {posesToday} hari ini, dan meminta {requested}. Hitungan dimulai lagi pukul 00:00 UTC.",
  ],
  rate_limited: ["Terlalu banyak permintaan. Tunggu sebentar, lalu coba lagi."],
  payload_too_large: ["Isi permintaan lebih besar dari {limit}.", "Isi permintaan terlalu besar."],
  unsupported_media_type: ["Rute ini tidak menerima Content-Type tersebut; lihat /api/v1/docs."],
  file_too_large: ["Berkas lebih besar dari {maxMb} MB."],
  empty_file: ["Berkasnya kosong."],
  unsupported_image_type: ["Hanya gambar JPEG, PNG, dan WebP yang diterima."],
  corrupt_image: ["Gambar tidak dapat dibaca. Coba simpan ulang atau pilih berkas lain."],
  image_too_large: [
    "Gambar berukuran {width}×{height} px; maksimal {max} px per sisi. Perkecil ukurannya (aplikasi melakukannya untuk Anda), lalu unggah lagi.",
  ],
  image_too_small: ["Gambar berukuran {width}×{height} px; minimal {min} px per sisi."],
  internal_error: ["Terjadi kesalahan di sisi kami."],
  candidate_gone: ["Gambar kandidat ini sudah tidak tersedia. Buat kandidat baru."],
  provider_failed: ["Penyedia gambar gagal membuat gambar. Coba lagi sebentar lagi."],
  rig_missing: ["Pose avatar ini belum ada: deteksi posenya lalu simpan."],
  rig_cutout_missing: [
    "Pose avatar memerlukan potongan orang dari fotonya (PNG transparan); kirimkan bersama posenya.",
  ],
  cutout_not_transparent: ["Potongan gambar harus berupa PNG dengan latar transparan."],
  cutout_size_mismatch: ["Ukuran potongan gambar harus sama dengan ukuran fotonya."],
  invalid_pose: ["Pose (OpenPose JSON) tidak valid."],
  invalid_keypoints: ["Titik pose (keypoints) tidak valid."],
  pose_too_large: ["Berkas pose (OpenPose JSON) terlalu besar."],
  pose_several_people: ["Pose ini berisi lebih dari satu orang; kirim pose avatar itu saja."],
  pose_canvas_mismatch: ["Bidang pose tidak sesuai dengan bentuk fotonya."],
  render_too_large: ["Ukuran kerangka pose yang diminta terlalu besar."],
  score_mismatch: ["Skor yang dikirim tidak sesuai dengan hasil deteksinya ({expected})."],
  not_scorable: ["Hasil ini tidak punya kerangka pose acuan untuk dibandingkan."],
  not_drifted: ["Pose ini tidak ditandai melenceng: hanya hasil dengan skor di bawah ambang yang bisa dicoba lagi."],
  busy: ["Pose ini sedang dibuat ulang."],
  not_made: ["Pose ini belum punya gambar: ulangi pose yang gagal saja."],
  auto_used: ["Server sudah sekali mencoba ulang pose ini."],
  export_too_large: [
    "Gambar ini ({width}×{height} px) terlalu besar untuk diubah ukurannya; maksimal {max} px per sisi.",
  ],
  export_unreadable: ["Gambar ini tidak dapat dibaca, jadi ukurannya tidak bisa diubah."],
};

// What notFound() names, in Indonesian.
const THINGS: Record<string, string> = {
  "API key": "Kunci API",
  Avatar: "Avatar",
  Background: "Latar",
  Candidate: "Kandidat avatar",
  Generation: "Proses pembuatan",
  Image: "Gambar",
  "Pose image": "Gambar pose",
  "Pose result": "Hasil pose",
  "Provider input": "Masukan penyedia",
  Template: "Template pose",
  Theme: "Tema",
};

const fill = (template: string, values: Record<string, unknown>): string | null => {
  let complete = true;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || typeof value === "object") complete = false;
    return String(value);
  });
  return complete ? text : null;
};

/** What the catalogue's templates may name, beyond the error's own params and details. */
function derivedValues(details: unknown, params: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (Array.isArray(details)) {
    const fields = details.map((i: { path?: unknown }) => i?.path).filter((p) => typeof p === "string" && p);
    if (fields.length) values.fields = [...new Set(fields)].slice(0, 5).join(", ");
  } else if (details && typeof details === "object") {
    Object.assign(values, details);
    const missing = (details as { missing?: unknown }).missing;
    if (Array.isArray(missing)) values.missing = missing.slice(0, 5).join(", ");
  }
  if (typeof params.what === "string" && THINGS[params.what]) values.thing = THINGS[params.what];
  return values;
}

/** The Indonesian message for an error, or null when the catalogue cannot say it (keep the English). */
export function indonesianMessage(code: string, details: unknown, params: Record<string, unknown> = {}): string | null {
  const templates = MESSAGES[code];
  if (!templates) return null;
  const values = { ...params, ...derivedValues(details, params) };
  for (const template of templates) {
    const text = fill(template, values);
    if (text !== null) return text;
  }
  return null;
}
