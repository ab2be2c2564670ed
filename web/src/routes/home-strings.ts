/** English. The home page a visitor sees before signing in, and the header's phone menu. */
export const en = {
  "home.examplesTitle": "One photo, every pose",
  "home.examplesCaption":
    "Made by the built-in instant engine, without AI: the photo's own pixels reshaped into each pose. AI providers, when added, repaint it photo-real.",
  "home.examplePhoto": "The uploaded photo",
  "home.examplePose": "Pose: {name}",
  "home.pose.front-neutral": "standing, front",
  "home.pose.wave": "waving",
  "home.pose.chair-front": "seated",
  "home.stepsTitle": "How it works",
  "home.step1Title": "Your avatar",
  "home.step1": "Upload a photo of your model, or describe one in words. The background is cut out in your browser.",
  "home.step2Title": "Your poses",
  "home.step2": "Pick from {count} ready poses, capture a new one with your webcam, or move a skeleton by hand.",
  "home.step3Title": "Your photos",
  "home.step3":
    "Get your avatar in every pose, with hijab styles, accessories, a new background or a profession theme — sized for Shopee, Tokopedia and Instagram.",
  "nav.menu": "Open the menu",
} as const;

/** Bahasa Indonesia. */
export const id = {
  "home.examplesTitle": "Satu foto, semua pose",
  "home.examplesCaption":
    "Dibuat oleh mesin instan bawaan, tanpa AI: piksel foto itu sendiri dibentuk ulang ke setiap pose. Bila penyedia AI ditambahkan, hasilnya dilukis ulang serealistis foto.",
  "home.examplePhoto": "Foto yang diunggah",
  "home.examplePose": "Pose: {name}",
  "home.pose.front-neutral": "berdiri, menghadap depan",
  "home.pose.wave": "melambai",
  "home.pose.chair-front": "duduk",
  "home.stepsTitle": "Cara kerjanya",
  "home.step1Title": "Avatar Anda",
  "home.step1":
    "Unggah foto model Anda, atau gambarkan dengan kata-kata. Latar belakang dipotong langsung di browser Anda.",
  "home.step2Title": "Pose Anda",
  "home.step2": "Pilih dari {count} pose siap pakai, rekam pose baru dengan webcam, atau geser kerangka dengan tangan.",
  "home.step3Title": "Foto Anda",
  "home.step3":
    "Dapatkan avatar Anda di setiap pose, dengan gaya hijab, aksesori, latar baru, atau tema profesi — dengan ukuran untuk Shopee, Tokopedia, dan Instagram.",
  "nav.menu": "Buka menu",
} satisfies Record<keyof typeof en, string>;
