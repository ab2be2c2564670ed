/** A comma-separated tags field as the API's list (the API trims, lower-cases and checks each). */
export const parseTags = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
