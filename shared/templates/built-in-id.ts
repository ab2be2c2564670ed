// The built-in pose library in Bahasa Indonesia: each template's name, description and the words an
// Indonesian shop owner would search for it with, keyed by slug (see built-in.ts). A table, one
// template a line: slug | name | description | terms, comma-separated; "#" starts a comment line.

/** A built-in template's Indonesian name, description and search terms. */
export interface IndonesianTemplate {
  name: string;
  description: string;
  terms: string[];
}

const TABLE = `
# fashion-standing
front-neutral | Depan, tangan rileks | Berdiri tegak menghadap kamera ala katalog: seluruh pakaian terlihat. | berdiri, depan, katalog, seluruh badan
hand-on-hip | Tangan di pinggang | Satu tangan di pinggang, bertumpu pada satu kaki. | berdiri, pinggang, percaya diri, seluruh badan
both-hands-hips | Kedua tangan di pinggang | Berkacak pinggang dengan kedua tangan, kaki sedikit terbuka. | berdiri, pinggang, berkacak pinggang, seluruh badan
three-quarter-turn | Menyerong tiga perempat | Badan sedikit menyerong untuk menonjolkan siluet pakaian. | berdiri, menyerong, siluet
contrapposto | Bertumpu pada satu kaki | Lekuk S klasik: pinggul bergeser, bahu mengimbangi. | berdiri, santai, lekuk S
hair-touch | Tangan di rambut | Satu tangan terangkat ke rambut, tangan lainnya santai. | berdiri, rambut, kecantikan, editorial
# fashion-sitting
chair-front | Duduk, menghadap depan | Duduk tegak menghadap kamera, tangan di lutut. | duduk, kursi, depan
chair-side | Duduk, tampak samping | Duduk menyamping: memperlihatkan celana, rok, dan sepatu. | duduk, kursi, samping, profil
seated-legs-crossed | Duduk, kaki bersilang | Duduk dengan satu lutut di atas lutut lainnya. | duduk, kursi, silang kaki, anggun
seated-lean-forward | Duduk, condong ke depan | Duduk, siku di lutut, badan condong ke arah kamera. | duduk, kursi, condong
stool-one-foot-up | Di kursi tinggi, satu kaki naik | Duduk di kursi bar dengan satu kaki di pijakan. | duduk, kursi bar, bangku, kasual
# walking
walk-front | Berjalan ke arah kamera | Melangkah ke arah kamera, lengan berayun. | jalan, berjalan, melangkah, street style
walk-side | Berjalan, tampak samping | Melangkah dari samping: memperlihatkan jatuhnya gaun dan celana. | jalan, berjalan, samping, profil
walk-three-quarter | Berjalan, menyerong | Langkah alami ala street style, dari sudut menyerong. | jalan, berjalan, menyerong, street style
walk-bag | Berjalan membawa tas | Sedang melangkah, tas tergantung di satu tangan. | jalan, berjalan, tas
walk-look-back | Berjalan, menoleh ke belakang | Berjalan menjauh dengan menyerong, kepala menoleh ke kamera. | jalan, berjalan, menoleh, editorial
# skincare-application
cheek-touch | Ujung jari di pipi | Satu tangan di pipi, menonjolkan kulit. | skincare, perawatan kulit, pipi, wajah, kecantikan
both-hands-face | Kedua tangan membingkai wajah | Kedua tangan di pipi, gaya kulit segar. | skincare, wajah, pipi, glowing
apply-serum | Memakai serum | Botol pipet di satu tangan, tangan lainnya di wajah. | skincare, serum, botol, rutinitas, wajah
chin-rest | Tangan di bawah dagu | Tangan menopang dagu, lengan lainnya melintang. | skincare, dagu, berpikir, wajah
moisturiser-neck | Memakai pelembap di leher | Kepala sedikit mendongak, tangan di leher. | skincare, pelembap, leher
# product-holding
hold-chest | Produk setinggi dada | Kedua tangan memegang produk di depan dada. | produk, pegang, memegang, dada
show-side | Produk diulurkan ke samping | Satu lengan memamerkan produk di samping badan. | produk, memegang, pamer, samping
product-by-face | Produk di samping wajah | Produk diangkat di dekat wajah, seperti iklan kecantikan. | produk, wajah, kecantikan, iklan
bag-on-arm | Tas di lengan bawah | Tas tangan digantung di lengan yang ditekuk. | tas, tas tangan, aksesori
tote-shoulder | Tote bag di bahu | Satu tangan memegang tali tote bag di bahu. | tas, tote, bahu, kasual
present-both-hands | Menyodorkan dengan kedua tangan | Kedua tangan terbuka ke depan, menawarkan produk. | produk, menawarkan, menyodorkan
# hijab-modest-fashion
hijab-front-soft | Depan, tangan di dada | Menghadap kamera, satu tangan di dada: memperlihatkan jatuhnya hijab dan gamis. | hijab, gamis, muslimah, berdiri
hijab-adjust | Merapikan hijab | Satu tangan di sisi hijab, memperlihatkan lipatannya. | hijab, jilbab, kerudung, detail
hijab-three-quarter | Menyerong, tangan di dada | Badan sedikit menyerong, satu tangan di dada. | hijab, anggun, menyerong, berdiri
abaya-walk | Berjalan memakai abaya | Langkah pelan yang membuat abaya jatuh mengalir. | abaya, jalan, berjalan, muslimah
hijab-seated | Duduk, tangan di pangkuan | Duduk tegak, kedua tangan terlipat di pangkuan. | hijab, duduk, muslimah, pangkuan
khimar-display | Memperlihatkan panjang khimar | Lengan sedikit menjauh dari badan agar panjang khimar terlihat. | khimar, hijab, muslimah, berdiri
# professional
arms-crossed | Bersedekap | Kedua lengan terlipat di dada, sikap profesional yang percaya diri. | bisnis, kantor, percaya diri, berdiri
business-hands-front | Tangan bertaut di depan | Kedua tangan bertaut di pinggang: potret korporat. | bisnis, formal, kantor, berdiri
pocket-lean | Tangan di saku | Satu tangan di saku celana, bertumpu pada satu kaki. | bisnis, saku, semi formal, berdiri
presenting | Presentasi | Satu lengan menunjuk ke samping seperti sedang presentasi. | presentasi, guru, mengajar
clipboard | Memegang papan klip | Papan klip atau tablet didekap di dada. | dokter, papan klip, tablet, medis
# casual-lifestyle
wave | Melambaikan tangan | Melambai ramah ke arah kamera. | melambai, ramah, menyapa, halo
phone-selfie | Berswafoto | Ponsel diangkat sejauh lengan. | ponsel, hp, selfie, swafoto
coffee-cup | Memegang cangkir | Satu tangan memegang cangkir setinggi dada. | kafe, kopi, minum, cangkir
stretch-up | Meregangkan badan ke atas | Kedua lengan terangkat ke atas, meregang. | olahraga, aktif, peregangan
jump-joy | Melompat gembira | Lengan ke atas, lutut ditekuk saat melompat. | olahraga, gembira, lompat, senang
lean-wall | Bersandar di dinding | Bahu bersandar ke dinding, kaki bersilang di pergelangan. | street style, santai, bersandar, tembok, berdiri
`;

function parse(table: string): Record<string, IndonesianTemplate> {
  const rows: Record<string, IndonesianTemplate> = {};
  for (const line of table.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [slug, name, description, terms, ...rest] = line.split(" | ").map((cell) => cell.trim());
    if (!slug || !name || !description || !terms || rest.length) throw new Error(`bad template line: ${line}`);
    rows[slug] = { name, description, terms: terms.split(",").map((term) => term.trim()) };
  }
  return rows;
}

export const BUILT_IN_TEMPLATES_ID: Record<string, IndonesianTemplate> = parse(TABLE);
