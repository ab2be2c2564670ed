// What a downloaded result is called: `<avatar>-<pose name>.<ext>`, safe on every file system and
// in a Content-Disposition header (ASCII letters, digits and dashes only).

/**
 * A name reduced to lower-case ASCII words joined by dashes ("Siti's Hijab — Look 2" →
 * "siti-s-hijab-look-2"); accents are dropped, not the letters ("Café" → "cafe"). `fallback`
 * when nothing is left (a name in a script without Latin letters).
 */
export function slug(name: string, fallback: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s || fallback;
}

/** A result's file name: `<avatar>-<pose name>.<ext>`, or `<avatar>-<pose name>-4x5.<ext>` in an aspect ratio. */
export function resultFileName(
  avatarName: string | null,
  poseName: string,
  ext: "png" | "jpg",
  aspect?: `${number}:${number}`,
): string {
  const ratio = aspect ? `-${aspect.replace(":", "x")}` : "";
  return `${slug(avatarName ?? "", "avatar")}-${slug(poseName, "pose")}${ratio}.${ext}`;
}

/** The file names made unique in their order: a repeated name gets `-2`, `-3` before its extension. */
export function uniqueFileNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${stem}-${n}${ext}`;
    taken.add(candidate);
    return candidate;
  });
}
