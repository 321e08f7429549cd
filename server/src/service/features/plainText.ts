/** The Markdown of explanations as plain text, for terminals and editors' message boxes. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/\[([^[\]]*)\]\(([^()]*)\)/g, '$1 <$2>')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/\n---\n/g, `\n${'-'.repeat(40)}\n`);
}
