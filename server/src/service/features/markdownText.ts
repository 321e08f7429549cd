/**
 * Text taken from the user's file (a phrase, a header value, a define's value, a pattern) put into
 * the Markdown of hovers as that text and nothing else: no emphasis, link, image, autolink or HTML
 * it could smuggle in, whether the client renders HTML or not.
 */

/** What can start a Markdown construct or an HTML tag or entity inside a line (CommonMark and GFM inlines). */
const ACTIVE = /[\\`*_[\]<>&~|:@!]/g;

/** `text` as literal Markdown prose: every character that could start a construct backslash-escaped. */
export function markdownText(text: string): string {
  return text.replace(ACTIVE, (c) => `\\${c}`);
}

/** `text` as a Markdown code span, whatever backticks it holds (the fence is longer than any run of them in it). */
export function codeSpan(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const padded = longest > 0 || text.startsWith(' ') || text.endsWith(' ') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}
