/**
 * The longest run of Persian letters and spaces in a text of the data (at least 10 characters):
 * what a hover must carry character for character when the texts travel as UTF-8, and what a
 * client that decoded them otherwise (Latin-1, escapes shown as such) would not show.
 */
export function persianRunOf(text: string): string {
  const runs = text.match(/[\u0600-\u06FF\u200C ]+/g) ?? [];
  const longest = runs.map((r) => r.trim()).sort((a, b) => b.length - a.length)[0] ?? '';
  if (longest.length < 10) throw new Error(`no run of Persian text in ${text}`);
  return longest;
}
