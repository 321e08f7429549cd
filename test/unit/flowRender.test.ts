import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallFlow, CallSummary } from '../../common/callFlow';
import { rendered } from '../support/ladders';
import { assertNothingExecutable, parseHtml, parseSvg } from '../support/markup';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  'javascript:alert(3)',
  '"><svg onload=alert(4)>',
  ']]><!--',
  '&amp; &#x3c;',
  '\u001b[31mred\u001b[0m\u0007',
  'x'.repeat(10_000),
];

const flow: CallFlow = {
  participants: [
    { address: '10.0.0.1:5060', inferred: false },
    { address: '[2001:db8::1]:5061', inferred: false },
    { address: HOSTILE[1], inferred: true },
  ],
  messages: [
    { line: 0, endLine: 12, from: 0, to: 1, label: 'INVITE', method: 'INVITE', time: 1700000000, callId: 'a@b', sdp: true },
    { line: 13, endLine: 20, from: 1, to: 0, label: '100 Trying', status: 100, method: 'INVITE', time: 1700000000.012, callId: 'a@b' },
    { line: 21, endLine: 30, from: 1, to: 0, label: `486 ${HOSTILE[0]}`, status: 486, method: 'INVITE', time: 1700000001.5, callId: 'a@b' },
    { line: 31, endLine: 40, from: 1, to: 0, label: `486 ${HOSTILE[0]}`, status: 486, method: 'INVITE', time: 1700000002, callId: 'a@b', retransmission: true },
    { line: 41, endLine: 50, from: 0, to: 2, label: HOSTILE.join(' '), method: 'OPTIONS', callId: HOSTILE[3] },
    { line: 51, endLine: 60, from: 2, to: 2, label: '200 OK', status: 200, method: 'OPTIONS', callId: HOSTILE[3] },
  ],
};

const calls: CallSummary[] = [
  { callId: 'a@b', start: 1700000000, from: '1001', to: '2002', method: 'INVITE', state: 'busy', status: 486, phrase: HOSTILE[0], messages: 4, duration: 2, line: 0 },
  { callId: HOSTILE[3], from: HOSTILE[2], to: HOSTILE[4], method: 'OPTIONS', state: 'completed', status: 200, phrase: 'OK', messages: 2, line: 41 },
];

test('the text ladder: a column per endpoint, an arrow per message, times, marks and line notes', () => {
  const text = rendered('text', flow);
  const lines = text.split('\n');
  assert.match(lines[0], /^\(\?\) a host read from the message headers/);
  assert.match(lines[2], /^time \(s\) +10\.0\.0\.1:5060 +\[2001:db8::1\]:5061 +<img src=x onerror=alert\(2\)> \(\?\)$/);
  assert.ok(lines.some((l) => /^0\.000000 +\| +INVITE \(SDP\) +\|/.test(l)), text);
  assert.ok(lines.some((l) => /^ +\|-+>\| +\| +line 1  Call-ID a@b$/.test(l)), text);
  assert.ok(lines.some((l) => /^ +\|<-+\| +\| +line 14  Call-ID a@b$/.test(l)), text);
  assert.ok(lines.some((l) => /^ +\|<=+\| +\| +line 32  486 <script>alert\(1\)<\/script> \(retransmission\)  Call-ID a@b$/.test(l)), 'a retransmission is drawn with a double shaft');
  assert.ok(lines.some((l) => /^1\.500000 /.test(l)));
  assert.equal(lines.filter((l) => /\|[-=]+>\||\|<[-=]+\||--\./.test(l)).length, 6, 'an arrow per message');
  assert.ok(lines.some((l) => /--\.  line 52/.test(l)) && lines.some((l) => /<-'$/.test(l)), 'a message to itself loops');
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(text), 'no control character reaches the terminal');
  assert.ok(lines.every((l) => l.length < 400), 'a 10,000-character label is cut, in the arrow and in its note');
});

test('the text ladder without times has no time column', () => {
  const text = rendered('text', { participants: flow.participants.slice(0, 2), messages: [{ line: 4, endLine: 9, from: 0, to: 1, label: 'BYE' }] });
  assert.match(text.split('\n')[0], /^ +10\.0\.0\.1:5060/);
  assert.match(text, /\n +\| +BYE +\|\n +\|-+>\|  line 5\n$/);
  assert.equal(rendered('text', { participants: [], messages: [] }), 'no SIP messages\n');
});

test('the SVG is well-formed, holds nothing executable or external, and shows hostile text as text', () => {
  const svg = rendered('svg', flow, [], `trace ${HOSTILE[0]}`);
  const { elements, text } = parseSvg(svg);
  assertNothingExecutable(elements);
  assert.equal(elements[0].name, 'svg');
  assert.equal(elements.filter((e) => e.name === 'line' && e.attributes['marker-end']).length, 5);
  assert.equal(elements.filter((e) => e.name === 'path' && e.attributes['marker-end']).length, 1, 'the message to itself');
  assert.ok(text.includes('<script>alert(1)</script>'), 'the title keeps the hostile text, as text');
  assert.ok(text.includes('486 <script>'), 'a hostile phrase is shown as text');
  assert.ok(text.includes('INVITE (SDP)') && text.includes('(retransmission)'));
  assert.ok(!text.includes('\u001b'), 'no control characters in XML');
  const colours = elements.filter((e) => e.name === 'line' && e.attributes['marker-end']).map((e) => e.attributes.stroke);
  assert.deepEqual(colours.slice(0, 3), ['#24292f', '#1f6feb', '#cf222e'], 'coloured by response class');
});

test('the HTML page parses without errors, holds no script, and locks everything down with its CSP', () => {
  const html = rendered('html', flow, calls, `trace ${HOSTILE[0]}`);
  const { elements, text, errors } = parseHtml(html);
  assert.deepEqual(errors, []);
  assertNothingExecutable(elements);
  const csp = elements.find((e) => e.name === 'meta' && e.attributes['http-equiv'] === 'Content-Security-Policy');
  assert.match(csp?.attributes.content ?? '', /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'$/);
  assert.equal(elements.filter((e) => e.name === 'tr').length, 3, 'a header row and a row per call');
  assert.ok(text.includes('<img src=x onerror=alert(2)>'), 'hostile From shown as text');
  assert.ok(text.includes('486 <script>alert(1)</script>'));
  assert.equal(elements.filter((e) => e.name === 'svg').length, 1);
});

test('the JSON ladder, written message by message, is JSON.stringify of the whole flow', () => {
  for (const whole of [flow, { participants: [], messages: [] }, { participants: flow.participants.slice(0, 1), messages: flow.messages.slice(5) }]) {
    assert.equal(rendered('json', whole), JSON.stringify(whole, null, 2));
  }
});
