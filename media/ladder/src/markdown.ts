/**
 * The little Markdown of an explanation (sipSense/explain): paragraphs, rules, **strong**, *emphasis*,
 * `code` and [links](…), turned into runs of plain text that the webview inserts as text nodes.
 * Links keep their text only: the webview loads and opens nothing.
 */

export type Run = { text: string; style?: 'strong' | 'em' | 'code' };
export type Block = { kind: 'rule' } | { kind: 'paragraph'; runs: Run[] };

const INLINE = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|`([^`]+)`|\[([^\]]*)\]\([^)]*\)/g;

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index) });
    if (match[1] !== undefined) runs.push({ text: match[1], style: 'strong' });
    else if (match[2] !== undefined) runs.push({ text: match[2], style: 'em' });
    else if (match[3] !== undefined) runs.push({ text: match[3], style: 'code' });
    else runs.push({ text: match[4] });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const part of markdown.split(/\n\s*\n/)) {
    const text = part.trim();
    if (!text) continue;
    if (/^(-{3,}|\*{3,})$/.test(text)) blocks.push({ kind: 'rule' });
    else blocks.push({ kind: 'paragraph', runs: runsOf(text.replace(/^#+\s+/, '').replace(/\s*\n\s*/g, ' ')) });
  }
  return blocks;
}
