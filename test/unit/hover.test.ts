import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeHover, resolveSettings, warmUpHover, warmUpHoverOn } from '../../server/src/service';
import { corpusText } from '../support/corpus';
import { analyzed, positionOf } from '../support/documents';

const en = resolveSettings({ hover: { language: 'en' } });
const fa = resolveSettings({ hover: { language: 'fa' } });
const both = resolveSettings({ hover: { language: 'both' } });
const PERSIAN = /[\u0600-\u06FF]/;

function hoverAt(text: string, needle: string, offset: number, settings = en, languageId = 'sip') {
  return computeHover(analyzed(text, languageId), positionOf(text, needle, offset), settings);
}

const BUSY = 'SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP 10.0.0.1:5060\r\nCSeq: 102 INVITE\r\nContent-Length: 0\r\n\r\n';

test('hover on a status code: title with class, explanation, RFC link, Q.850 mapping', () => {
  const hover = hoverAt(BUSY, '486', 1);
  assert.ok(hover);
  assert.deepEqual([hover.line, hover.span], [0, { start: 8, end: 11 }]);
  const md = hover.markdown;
  assert.match(md, /^\*\*486 Busy Here\*\* · 4xx /);
  assert.match(md, /\[RFC 3261 §21\.4\.24\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc3261#section-21\.4\.24\)/);
  assert.match(md, /Q\.850.*17/);
  assert.doesNotMatch(md, PERSIAN);
});

test('hover language follows the setting: fa only, or both with English first', () => {
  const persian = hoverAt(BUSY, '486', 0, fa)!.markdown;
  assert.match(persian, PERSIAN);
  assert.doesNotMatch(persian, /In practice/);
  const bilingual = hoverAt(BUSY, '486', 0, both)!.markdown;
  const [english, farsi] = bilingual.split('\n\n---\n\n');
  assert.match(english, /In practice/);
  assert.match(farsi, PERSIAN);
});

test('the editor display language decides when the setting is auto', () => {
  assert.equal(resolveSettings({ hover: { language: 'auto' } }, 'fa').hover.language, 'fa');
  assert.equal(resolveSettings({}, 'fa-IR').hover.language, 'fa');
  assert.equal(resolveSettings({}, 'de').hover.language, 'en');
  assert.equal(resolveSettings(undefined).hover.language, 'en');
});

test('no hover on numbers that are not codes: CSeq, ports, Content-Length, SDP payload types', () => {
  const text = `${BUSY}v=0\r\nm=audio 10040 RTP/AVP 0 8 101\r\n`;
  for (const [needle, offset] of [['102 INVITE', 1], ['5060', 1], ['Length: 0', 8], ['101', 1]] as const) {
    assert.equal(hoverAt(text, needle, offset), undefined, needle);
  }
});

test('the CSeq method changes the explanation: 481 to a BYE, 200 to a CANCEL', () => {
  const bye = hoverAt('SIP/2.0 481 Call/Transaction Does Not Exist\nCSeq: 2 BYE\n', '481', 0)!.markdown;
  assert.match(bye, /\*\*In answer to BYE:\*\*/);
  const cancel = hoverAt('SIP/2.0 200 OK\nCSeq: 1 CANCEL\n', '200', 0)!.markdown;
  assert.match(cancel, /\*\*In answer to CANCEL:\*\*/);
  const invite = hoverAt('SIP/2.0 200 OK\nCSeq: 1 INVITE\n', '200', 0)!.markdown;
  assert.doesNotMatch(invite, /In answer to CANCEL/);
});

test('a status line in a message/sipfrag body is explained as the progress of the referred request', () => {
  const trace = corpusText('sip-traces', 'rfc3515.txt');
  const sipfrag = trace.indexOf('SIP/2.0', trace.indexOf('Content-Type: message/sipfrag'));
  const line = trace.slice(0, sipfrag).split('\n').length - 1;
  const character = sipfrag - trace.lastIndexOf('\n', sipfrag) - 1 + 8;
  const hover = computeHover(analyzed(trace), { line, character }, en)!;
  assert.match(hover.markdown, /message\/sipfrag/);
  const plain = hoverAt(BUSY, '486', 0)!.markdown;
  assert.doesNotMatch(plain, /sipfrag/);
});

test('a Reason header: SIP cause is a status code, Q.850 cause is explained as Q.850', () => {
  const text = 'BYE sip:a@b SIP/2.0\nReason: SIP ;cause=486 ;text="Busy Here", Q.850;cause=17\n';
  assert.match(hoverAt(text, '486', 0)!.markdown, /\*\*486 Busy Here\*\*[\s\S]*Reason header/);
  const q850 = hoverAt(text, '=17', 1)!.markdown;
  assert.match(q850, /Q\.850 cause 17/);
  assert.match(q850, /not a SIP status code/);
  assert.match(q850, /486 Busy Here/);
});

test('a Warning warn-code is explained as a warn-code, never as a status code', () => {
  const md = hoverAt('SIP/2.0 488 Not Acceptable Here\nWarning: 302 proxy "Incompatible transport"\n', '302', 0)!.markdown;
  assert.match(md, /Warning code 302/);
  assert.doesNotMatch(md, /Moved Temporarily/);
});

test('unknown and impossible codes say so', () => {
  const unknown = hoverAt('SIP/2.0 499 Whatever\n', '499', 0)!.markdown;
  assert.match(unknown, /not in the IANA registry/);
  assert.match(unknown, /400/);
  const impossible = hoverAt('SIP/2.0 4294967301 better not break the receiver\n', '4294967301', 0)!.markdown;
  assert.match(impossible, /cannot be a SIP status code/);
});

test('a phrase that belongs to another code is pointed out in the hover', () => {
  assert.match(hoverAt('SIP/2.0 404 Busy Here\n', '404', 0)!.markdown, /standard phrase of 486/);
});

test('the warm-up at the server\'s start runs the hover\'s code for real: the 486 of its call explained, as a trace and as a log, with the request it answers', () => {
  const hovers = warmUpHover(resolveSettings({}));
  assert.equal(hovers.length, 2);
  for (const hover of hovers) {
    assert.match(hover.markdown, /^\*\*486 Busy Here\*\*/);
    assert.match(hover.markdown, /Answers the INVITE at line 2, 0\.5 s later/);
  }
});

test('the hover\'s code run on a big document before its diagnostics changes no answer: its last status lines are explained as in a document it never ran on', () => {
  const trace = Array.from({ length: 6 }, () => corpusText('sip-traces', 'rfc3665.txt')).join('\n');
  const warmed = analyzed(trace);
  warmUpHoverOn(warmed, en);
  const fresh = analyzed(trace);
  const statusLines = fresh.occurrences.filter((o) => o.context === 'status-line').slice(-4);
  assert.equal(statusLines.length, 4);
  for (const { line, span } of statusLines) {
    const hover = computeHover(warmed, { line, character: span.start }, en);
    assert.ok(hover);
    assert.deepEqual(hover, computeHover(fresh, { line, character: span.start }, en));
  }
});
