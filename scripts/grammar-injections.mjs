// Injection grammars:
// - text.log.sip-injection: SIP messages, capture framing lines and status codes inside log
//   files (VS Code's built-in Log language, scope text.log);
// - markdown.sip.codeblock: ```sip (and ```kamailio, ```opensips, ```asterisk) fenced blocks
//   in Markdown, embedded with their own grammar.
import { block, cap, gate, grammar, include, opt, statusCode } from './grammar-lib.mjs';
import { FRAMING_INLINE_LOOKAHEAD, FRAMING_LINE_START_LOOKAHEAD, HEADER_NAME, requestLineParts, statusLineParts } from './grammar-sip.mjs';

const r = String.raw;
const code = () => statusCode('sip', { outOfRange: true });
const kw = (text) => cap('keyword.other.log-event.sip', text);
/** one log event (the gate that leads to it is scoped meta.log-event.sip) */
const ev = (parts) => parts;

/** a message goes on while lines look like headers, folded header lines, blank lines (ngrep
 *  shows them as ".") or SDP: the body after the blank line stays part of the message */
const MESSAGE_CONTINUES = [r`^`, `(?=\\.?$|[ \\t]*${HEADER_NAME}[ \\t]*:(?!//)|[ \\t]+[^ \\t]|[a-z]=)`];

/** What the log events begin with (see the gate in #log-events). */
const LOG_EVENTS_LOOKAHEAD = [
  r`(?i:got[ \t]+sip)[ \t]+(?:[A-Za-z]+[ \t]+)?(?i:response)[ \t]+[0-9]`,
  r`(?:T_code|new_code)=[0-9]`,
  r`reply[ \t]+code[ \t]+[0-9]`,
  r`code=[0-9]+;reason=`,
  r`checked[ \t]+status[ \t]+is[ \t]+<[0-9]`,
  r`picked[ \t]+branch[ \t]+[0-9]+[ \t]*,[ \t]*code[ \t]+[0-9]`,
  r`entering[ \t]+state[ \t]+\[[A-Za-z_]+\]\[[0-9]`,
  r`Overriding[ \t]+SIP[ \t]+cause[ \t]+[0-9]`,
  r`respond\([0-9]`,
  r`chan_pjsip_incoming_response:`,
  r`Status-Code:[ \t]*[0-9]`,
  r`Session[ \t]+Initiation[ \t]+Protocol[ \t]+\([0-9]`,
].join('|');

/** one form per log line kind; each form is a rule of its own (see formRule) */
const LOG_EVENTS = [
        // Asterisk chan_sip "Got SIP response 503 ...", Kamailio uac "got sip response 408 while registering"
        ev([kw(r`(?i:got[ \t]+sip)`), opt(r`[ \t]+`, cap('entity.name.function.method.sip', '[A-Za-z]+')), r`[ \t]+`, kw('(?i:response)'), r`[ \t]+`, code(), r`(?![0-9])`]),
        // Kamailio/OpenSIPS tm: T_code=183, new_code=500
        ev([kw('T_code|new_code'), cap('punctuation.separator.key-value.sip', '='), code(), r`(?![0-9])`]),
        // Kamailio acc: reply code 500
        ev([kw(r`reply[ \t]+code`), r`[ \t]+`, code(), r`(?![0-9])`]),
        // Kamailio acc record: ...;code=500;reason=...
        ev([kw('code'), cap('punctuation.separator.key-value.sip', '='), code(), r`(?=;reason=)`]),
        // OpenSIPS tm: checked status is <500>
        ev([kw(r`checked[ \t]+status[ \t]+is`), r`[ \t]+`, cap('punctuation.definition.code.begin.sip', '<'), code(), cap('punctuation.definition.code.end.sip', '>')]),
        // OpenSIPS tm: picked branch 0, code 500 (prio=700)
        ev([kw(r`picked[ \t]+branch`), r`[ \t]+`, cap('constant.numeric.integer.sip', '[0-9]+'), r`[ \t]*,[ \t]*`, kw('code'), r`[ \t]+`, code(), r`(?![0-9])`]),
        // FreeSWITCH sofia: Channel ... entering state [ready][200]
        ev([
          kw(r`entering[ \t]+state`),
          r`[ \t]+`,
          cap('punctuation.definition.state.begin.sip', r`\[`),
          cap('constant.language.state.sip', '[A-Za-z_]+'),
          cap('punctuation.definition.state.end.sip', r`\]`),
          cap('punctuation.definition.code.begin.sip', r`\[`),
          code(),
          cap('punctuation.definition.code.end.sip', r`\]`),
        ]),
        // FreeSWITCH mod_sofia: Overriding SIP cause 480 with 200 from the other leg
        ev([kw(r`Overriding[ \t]+SIP[ \t]+cause`), r`[ \t]+`, code(), r`[ \t]+`, kw('with'), r`[ \t]+`, code(), r`(?![0-9])`]),
        // FreeSWITCH dialplan trace: Action respond(407)
        ev([kw('respond'), cap('punctuation.section.arguments.begin.sip', r`\(`), code(), r`(?![0-9])`]),
        // Asterisk chan_pjsip debug: chan_pjsip_incoming_response: PJSIP/x-00000005: Status: 100
        ev([
          kw('chan_pjsip_incoming_response'),
          cap('punctuation.separator.sip', ':'),
          r`[ \t]+[^ \t:]+:[ \t]+`,
          kw('Status'),
          cap('punctuation.separator.key-value.sip', ':'),
          r`[ \t]*`,
          code(),
          r`(?![0-9])`,
        ]),
        // Wireshark text export: Status-Code: 401 / Session Initiation Protocol (401)
        ev([kw('Status-Code'), cap('punctuation.separator.key-value.sip', ':'), r`[ \t]*`, code(), r`(?![0-9])`]),
        ev([kw(r`Session[ \t]+Initiation[ \t]+Protocol`), r`[ \t]+`, cap('punctuation.definition.code.begin.sip', r`\(`), code(), cap('punctuation.definition.code.end.sip', r`\)`)]),
];

const logRepository = {
  'message-request': block({
    comment: 'a SIP request printed in a log: from its request line, as long as lines look like headers, folded lines or SDP',
    name: 'meta.message.sip',
    begin: [cap('meta.request-line.sip', ...requestLineParts('source.sip'))],
    while: MESSAGE_CONTINUES,
    patterns: [include('source.sip')],
  }),
  'message-response': block({
    comment: 'a SIP response printed in a log (the status line may follow junk, as in tcpdump -A)',
    name: 'meta.message.sip',
    begin: [cap('meta.status-line.sip', ...statusLineParts())],
    while: MESSAGE_CONTINUES,
    patterns: [include('source.sip')],
  }),
  'log-events': gate({
    comment: 'log lines of Asterisk, Kamailio, OpenSIPS, FreeSWITCH and Wireshark exports that name a status code',
    name: 'meta.log-event.sip',
    prefix: r`\b`,
    lookahead: LOG_EVENTS_LOOKAHEAD,
    forms: LOG_EVENTS,
  }),
};

/**
 * Words of which every thing of ours on a log line holds one: start lines ("SIP/"), framing ("<---",
 * "bytes"), the log events' keywords. A line without any of them (and without line-start framing)
 * is left to the Log grammar alone.
 */
const TRIGGER_WORDS = ['SIP/', 'Status-Code', 'Session', '<---', 'bytes', 'reply', 'got', 'GOT', 'entering', 'code', 'checked', 'chan_pjsip', 'respond(', 'picked', 'Overriding'];
/**
 * The same words, each found at a character that is rare in ordinary log text (so that the check
 * below stops at few characters): key -> where that character is not part of a trigger word (read
 * after the character). Each key tests only its own words.
 */
const NOT_A_TRIGGER_AT = {
  c: 'c(?!ode|hecked|han_pjsip)',
  g: 'g(?![oO][tT])(?<!entering)',
  y: 'y(?!(?<=by)tes)(?<!reply)',
  k: 'k(?!(?<=pick)ed)',
  S: 'S(?!IP/|tatus-Code|ession)',
  '<': '<(?!---)',
  G: 'G(?![oO][tT])',
  '(': '\\((?<!respond\\()',
  O: 'O(?!verriding)',
};
const keyClass = Object.keys(NOT_A_TRIGGER_AT).map((k) => (k === '(' ? '\\(' : k)).join('');
const NOT_KEY = `[^${keyClass}\\n]*`;
/** No trigger word anywhere on the line: runs of other characters, and key characters that are part of no trigger word (one pass). */
const NO_TRIGGER = `(?=${NOT_KEY}(?:(?:${Object.values(NOT_A_TRIGGER_AT).join('|')})${NOT_KEY})*$)`;

/** The top-level alternatives of a regex source. */
function alternatives(src) {
  const out = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  return [...out, src.slice(from)];
}
// Checked at build time: every gate of ours that can fire on a log line names a trigger word, and
// the check finds every trigger word (in JavaScript, which reads this subset of Oniguruma alike).
for (const alternative of [...alternatives(FRAMING_INLINE_LOOKAHEAD), ...alternatives(LOG_EVENTS_LOOKAHEAD)]) {
  const plain = alternative.replace(/\(\?i:([^)]*)\)/g, '$1').replace(/\\/g, '').toLowerCase();
  if (!TRIGGER_WORDS.some((word) => plain.includes(word.toLowerCase()))) throw new Error(`no trigger word for ${alternative}`);
}
for (const word of TRIGGER_WORDS) {
  if (new RegExp(`^${NO_TRIGGER}`).test(`a ${word} b`)) throw new Error(`the trigger check misses ${word}`);
}
if (!new RegExp(`^${NO_TRIGGER}`).test('[2026-11-03 10:00:00] DEBUG worker: finished the job in 56 ms, queue length 7')) throw new Error('the trigger check takes every line');
{
  // and agrees with the words themselves on lines glued from their pieces (a fixed pseudo-random
  // sequence): a trigger word is in the line ("got" in any case) exactly when the check says so
  const pieces = [...new Set(TRIGGER_WORDS.flatMap((w) => [w, ...[1, 2, 3].flatMap((n) => [w.slice(0, n), w.slice(n), w.slice(0, -n), w.slice(-n)])]))].filter(Boolean);
  pieces.push(' ', 'x', 'Got', 'gOT');
  const hasTrigger = (line) => /got/i.test(line) || TRIGGER_WORDS.some((w) => line.includes(w));
  const check = new RegExp(`^${NO_TRIGGER}`);
  let seed = 1;
  for (let n = 0; n < 5000; n++) {
    let line = '';
    for (let k = 0; k < 6; k++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      line += pieces[seed % pieces.length];
    }
    if (check.test(line) === hasTrigger(line)) throw new Error(`the trigger check is wrong on ${JSON.stringify(line)}`);
  }
}

const PLAIN_LINE = `^(?!${FRAMING_LINE_START_LOOKAHEAD})${NO_TRIGGER}`;
logRepository['plain-line'] = block({
  comment:
    'log lines with nothing of ours on them: the Log grammar alone. The block goes on over the following lines as long as they have nothing of ours either, so that the injection (searched at every step of the Log grammar outside our blocks) is out of the way, and costs one check a line',
  name: 'meta.line.plain.log',
  begin: [PLAIN_LINE, '(?=.)'],
  while: [PLAIN_LINE],
  patterns: [include('text.log')],
});
logRepository['sip-line'] = block({
  comment: 'a log line that can hold SIP: our patterns before the Log grammar\'s, as an injection with priority (L:) would have them',
  name: 'meta.line.sip.log',
  begin: [r`^(?=.)`],
  end: ['$'],
  patterns: [include('#message-request'), include('#message-response'), include('source.sip#framing'), include('source.sip#framing-inline'), include('#log-events'), include('text.log')],
});

logRepository['log-lines'] = block({
  comment:
    'the whole text from the start of its first line, without a scope, so that a line that no line block of ours goes on over starts here and not in the Log grammar: at the top level, vscode-textmate searches the Log grammar\'s 30 regexes at the start of such a line before it tries the injection, a search that ran up to the line\'s first Log token (the whole of a line of prose) and whose result the injection always overrode. The begin takes the first line only (\\A) and only once: after it, at the same place, \\G is allowed and (?!\\G) fails, so the injection (whose selector matches here) does not begin this block again. It never ends',
  begin: [r`\A(?!\G)`],
  end: ['(?!)'],
  patterns: [include('#plain-line'), include('#sip-line')],
});

export const logInjectionGrammar = grammar({
  name: 'SIP in log files',
  scopeName: 'text.log.sip-injection',
  comment:
    'Injected into text.log (VS Code Log language). An injection is searched at every step of the grammar it is injected into, so it decides once, at the start of each line, whether the line can hold SIP; the rest of the line is then tokenized inside a block that the selector leaves alone. The selector is evaluated at every step of the Log grammar, so it is one test: no scope under meta.line, which both line blocks are (the SDP line scopes of our SIP grammar are too, and never outside a line block); every other block of ours (messages, framing, log events) lies inside a line that can hold SIP, and is left alone with it, so that a block never re-enters itself. The injection is only injected into text.log, so the selector need not name it. The two line blocks begin inside #log-lines, which holds the whole text from its first line on, so that the Log grammar\'s top level is never searched at the start of a line.',
  injectionSelector: 'L:-meta.line',
  patterns: [include('#log-lines')],
  repository: logRepository,
});

/** Fenced code blocks handled by the Markdown injection: language id -> info strings. */
export const FENCES = {
  sip: ['sip', 'sipmsg'],
  kamailio: ['kamailio', 'kamailio-cfg'],
  opensips: ['opensips', 'opensips-cfg'],
  asterisk: ['asterisk', 'asterisk-dialplan'],
};

const NOT_A_FENCE = r`^(?![ ]{0,3}[\x60~]{3,}[ \t]*$)`;

function fence(lang, infos) {
  return block({
    name: 'markup.fenced_code.block.markdown',
    begin: [
      r`^`,
      cap(null, '[ ]{0,3}'),
      cap('punctuation.definition.markdown', r`\x60{3,}|~{3,}`),
      r`[ \t]*`,
      cap('fenced_code.block.language.markdown', `(?i:${infos.map((i) => i.replace(/-/g, '\\-')).join('|')})`),
      r`(?=[ \t{]|$)`,
      cap('fenced_code.block.language.attributes.markdown', r`[^\x60]*`),
      '$',
    ],
    end: [r`^[ ]{0,3}`, cap('punctuation.definition.markdown', r`\2`), r`[\x60~]*[ \t]*$`],
    patterns: [
      block({
        contentName: `meta.embedded.block.${lang}`,
        begin: [NOT_A_FENCE],
        while: [NOT_A_FENCE],
        patterns: [include(`source.${lang}`)],
      }),
    ],
  });
}

export const markdownInjectionGrammar = grammar({
  name: 'SIP, Kamailio, OpenSIPS and Asterisk code blocks in Markdown',
  scopeName: 'markdown.sip.codeblock',
  injectionSelector: 'L:text.html.markdown -markup.fenced_code.block.markdown',
  patterns: Object.keys(FENCES).map((lang) => include(`#fenced-${lang}`)),
  repository: Object.fromEntries(Object.entries(FENCES).map(([lang, infos]) => [`fenced-${lang}`, fence(lang, infos)])),
});
