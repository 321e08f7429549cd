import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { computeHover, markdownToPlainText, resolveSettings, rightToLeftPersian } from '../../server/src/service';
import { codeSpan, markdownText } from '../../server/src/service/features/markdownText';
import { analyzed, positionOf } from '../support/documents';

/**
 * Text from the user's file in hovers is shown as text: with HTML on (VS Code renders hovers with
 * supportHtml, for the right-aligned Persian) nothing in a trace or a script can add a tag, an
 * image, a link or emphasis. Rendered here as a CommonMark renderer with raw HTML allowed would.
 */

const renderer = new MarkdownIt({ html: true, linkify: true });

/** What a hostile file puts where hovers quote it. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click here](https://evil.example/steal)',
  '![x](https://evil.example/pixel.png)',
  '**bold** _under_ `tick` ~~gone~~ &lt;b&gt; https://evil.example/auto',
  '</div><div align="left">',
];

/** The HTML a hover becomes: no element but those the explanation itself makes, and the hostile text as text. */
function assertShownAsText(markdown: string, hostile: string): void {
  const html = renderer.render(markdown);
  assert.doesNotMatch(html, /<(img|script|del|s|em>under)\b/i, html);
  assert.doesNotMatch(html, /<a (?!href="https:\/\/www\.rfc-editor\.org\/)/, 'no link but the RFC\'s');
  assert.doesNotMatch(html, /<div align="left"/, html);
  const text = renderer.render(markdownText(hostile)).replace(/<\/?p>\n?/g, '');
  assert.ok(html.includes(text), `${hostile} is not shown as itself:\n${html}`);
  const unescaped = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  assert.equal(unescaped, hostile, 'the text, character for character');
}

test('a reason phrase of a trace is shown as text in every language, HTML on or off', () => {
  for (const hostile of HOSTILE) {
    const trace = `SIP/2.0 486 ${hostile}\r\nVia: SIP/2.0/UDP 10.0.0.1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;
    const document = analyzed(trace, 'sip');
    for (const language of ['en', 'fa', 'both'] as const) {
      const hover = computeHover(document, positionOf(trace, '486', 1), resolveSettings({ language }));
      assert.ok(hover, `${language}: ${hostile}`);
      assertShownAsText(rightToLeftPersian(hover.markdown, language), hostile);
      assert.ok(markdownToPlainText(hover.markdown).includes(hostile), `plain text shows it as written: ${markdownToPlainText(hover.markdown)}`);
    }
  }
});

test('a phrase, a define\'s value and a status pattern of a Kamailio script are shown as text', () => {
  for (const hostile of HOSTILE) {
    const quoted = hostile.replace(/"/g, '\\"');
    const script = `#!define BUSY 486\nroute {\n  sl_send_reply(BUSY, "${quoted}");\n  t_reply("486", "${quoted}");\n  if (t_check_status("4\`86|${hostile.replace(/[|"]/g, '')}")) exit;\n}\n`;
    const document = analyzed(script, 'kamailio');
    const phraseHover = computeHover(document, positionOf(script, '"486"', 1), resolveSettings({ language: 'both' }));
    assert.ok(phraseHover, hostile);
    assertShownAsText(rightToLeftPersian(phraseHover.markdown, 'both'), quoted);
    const pattern = computeHover(document, positionOf(script, 't_check_status("', 17), resolveSettings({ language: 'fa' }));
    assert.ok(pattern, hostile);
    const html = renderer.render(rightToLeftPersian(pattern.markdown, 'fa'));
    assert.doesNotMatch(html, /<(img|script)\b|<a /i, html);
    assert.match(html, /<code>4`86\|/, 'the pattern as code, its backtick too');
  }
});

test('a code span holds any text; escaped text reads back as written', () => {
  for (const text of ['a`b', '`x`', 'plain', ' spaced ', '``double``']) {
    const html = renderer.renderInline(codeSpan(text));
    assert.equal(html.replace(/^<code>|<\/code>$/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), text, codeSpan(text));
  }
  for (const hostile of HOSTILE) assert.equal(markdownToPlainText(markdownText(hostile)), hostile);
});

test('for a client that renders HTML, the Persian of a hover is right-aligned and right to left; the English is left alone', () => {
  const trace = 'SIP/2.0 486 Busy Here\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n';
  const document = analyzed(trace, 'sip');
  const at = positionOf(trace, '486', 1);
  const fa = rightToLeftPersian(computeHover(document, at, resolveSettings({ language: 'fa' }))!.markdown, 'fa');
  assert.match(fa, /^<div align="right">\n\n\u2067\*\*۴۸۶ Busy Here\*\*/);
  assert.match(fa, /\n\n<\/div>$/);
  const html = renderer.render(fa);
  assert.match(html, /^<div align="right">\n<p>\u2067<strong>۴۸۶ Busy Here<\/strong>/, 'the Markdown inside is still Markdown');
  for (const paragraph of html.match(/<p>[^]*?<\/p>/g) ?? []) assert.ok(paragraph.startsWith('<p>\u2067'), paragraph);
  const english = computeHover(document, at, resolveSettings({ language: 'en' }))!.markdown;
  assert.equal(rightToLeftPersian(english, 'en'), english);
  const both = rightToLeftPersian(computeHover(document, at, resolveSettings({ language: 'both' }))!.markdown, 'both');
  const [en, persian] = both.split('\n\n---\n\n');
  assert.equal(en, english);
  assert.match(persian, /^<div align="right">/);
});
