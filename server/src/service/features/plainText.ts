/** Escaped ASCII punctuation stands in the private-use area while the Markdown is taken apart. */
const ESCAPED_BASE = 0xe000;

/** The Markdown of explanations as plain text, for terminals and editors' message boxes. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    // Escaped characters (text from the user's file: markdownText.ts) are text, not Markdown.
    .replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => String.fromCharCode(ESCAPED_BASE + c.charCodeAt(0)))
    .replace(/\[([^[\]]*)\]\(([^()]*)\)/g, '$1 <$2>')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/\n---\n/g, `\n${'-'.repeat(40)}\n`)
    .replace(/[\ue021-\ue07e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPED_BASE));
}
