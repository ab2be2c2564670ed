// The notes the ledger writes itself ("Welcome credits", "3 HD poses", "2 poses not generated", …)
// in Bahasa Indonesia. They are stored in English; an operator's own note on a grant is not one of
// these and stays as written.

const NOTES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Welcome credits$/, () => "Kredit sambutan"],
  [/^(\d+) (SD|HD) poses?$/, (m) => `${m[1]} pose ${m[2]}`],
  [/^(\d+) poses? not generated$/, (m) => `${m[1]} pose tidak dibuat`],
  [/^(\d+) avatar candidates?$/, (m) => `${m[1]} kandidat avatar`],
  [/^(\d+) candidates? not made$/, (m) => `${m[1]} kandidat tidak dibuat`],
];

/** A ledger note in Bahasa Indonesia when the ledger wrote it, else as written. */
export function indonesianNote(note: string): string {
  for (const [pattern, say] of NOTES) {
    const m = note.match(pattern);
    if (m) return say(m);
  }
  return note;
}
