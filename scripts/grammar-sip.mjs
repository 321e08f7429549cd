// source.sip: SIP messages and traces (RFC 3261 start lines and headers, SDP bodies, and the
// framing lines that capture tools put around messages).
//
// The grammar is line based on purpose: a trace may start in the middle of a message, headers
// fold onto indented continuation lines, captures glue junk in front of a status line. Every
// line is recognised on its own; only quoted strings and <...> URIs nest (and never run past
// the end of the line).
import { alt, block, cap, gate, grammar, include, match, opt, statusCode, uncaptured, words } from './grammar-lib.mjs';

const r = String.raw;
const L = 'sip';

/** One RFC 3261 token character (alphanum - . ! % * _ + ` ' ~). */
export const TCHAR = r`[A-Za-z0-9.!%*_+\x60'~-]`;
export const TOKEN = `${TCHAR}+`;
/** A header name: a token that starts with a letter (so that "16:35:39 ..." is not a header). */
export const HEADER_NAME = `[A-Za-z]${TCHAR}*`;
/** Not the scheme of a URI that starts a folded line (sip:..., tel:...): where a header name may start. */
const NOT_A_URI_SCHEME = r`(?!(?i:sips?|tel|urn|mailto|https?|wss?)[ \t]*:)`;
/** Nothing of a token, a URI or a path right before: where a protocol name may start. */
const NOT_AFTER_WORD = r`(?<![A-Za-z0-9/._-])`;

const hostPort = (lang = L) => [
  cap(`string.unquoted.host.${lang}`, alt(r`\[[0-9A-Fa-f:.]+\]`, r`[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*`)),
  opt(cap(`punctuation.separator.port.${lang}`, ':'), cap(`constant.numeric.port.${lang}`, '[0-9]+')),
];

/** Nothing of a URI's scheme right before: where a URI may start. */
const URI_AT = r`(?<![A-Za-z0-9+.-])`;

/** A sip: or sips: URI up to its host and port, from its scheme (#uri, and the begin of #angle-uri). */
const sipUriParts = () => [
  cap('keyword.other.uri-scheme.sip', '(?i:sips?)'),
  cap('punctuation.separator.uri-scheme.sip', ':'),
  opt(
    cap('variable.other.user.sip', r`[^@ \t;?<>":,]+`),
    opt(cap('punctuation.separator.password.sip', ':'), cap('variable.other.password.sip', r`[^@ \t;?<>"]*`)),
    cap('punctuation.separator.user.sip', '@'),
  ),
  ...hostPort(),
];

/** A `;name=value` parameter (#parameters), `parameterName` what its name may be. */
const parameterParts = (parameterName = TOKEN) => [
  cap('punctuation.separator.parameter.sip', ';'),
  r`[ \t]*`,
  cap('entity.other.attribute-name.parameter.sip', parameterName),
  opt(r`[ \t]*`, cap('punctuation.separator.key-value.sip', '='), r`[ \t]*`, opt(cap('string.unquoted.parameter-value.sip', r`[^;,?&<>" \t]+`))),
];
/** #parameters' match, for a begin that takes the parameter right after what it takes (a scan less). */
const parameter = () => cap('meta.parameter.sip', parameterParts());

/**
 * `<sip:...>` with at most one parameter in it (not cause=, which #uri-parameters scopes as a status
 * code), as #angle-uri scopes it: its begin's URI and, right after, its parameter and its end. Each
 * part of a sip: URI matches in one way only, so that a URI that this takes whole is the one the
 * begin of #angle-uri takes.
 */
const wholeAngleUri = () =>
  cap('meta.uri.angle-bracketed.sip', [
    cap('punctuation.definition.uri.begin.sip', '<'),
    cap('meta.uri.sip', sipUriParts()),
    opt(cap('meta.parameter.sip', parameterParts(`(?!(?i:cause)=)${TOKEN}`))),
    cap('punctuation.definition.uri.end.sip', '>'),
  ]);

/**
 * Where a header rule starts: at the start of a line of #header-lines, whose begin and while leave
 * the anchor (\G) there. Oniguruma tries a regex that starts with \G at that one position only;
 * one that starts with ^ at every position of the line.
 */
const HEADER_AT = r`\G[ \t]*`;

/** `\G[ \t]*(Name|n)[ \t]*(:)`, names case-insensitive. */
const headerStart = (names) => [
  HEADER_AT,
  cap('keyword.other.header.sip', `(?i:${words(names)})`),
  r`[ \t]*`,
  cap('punctuation.separator.key-value.sip', ':'),
];

/** The names of the headers behind the gate of #headers (rare in traces). */
const RARE_HEADERS = ['Max-Forwards', 'Expires', 'Min-Expires', 'Session-Expires', 'x', 'Min-SE', 'Retry-After', 'Max-Breadth', 'Timestamp', 'Content-Type', 'c', 'Accept', 'RAck', 'RSeq', 'Reason', 'Warning', 'Allow', 'Authorization', 'Proxy-Authorization', 'WWW-Authenticate', 'Proxy-Authenticate', 'Authentication-Info', 'Status-Code'];

/**
 * A header whose value is tokenized by `patterns` until the end of the line; `first`, what one of
 * them takes where the value starts, is taken by the begin there (a scan less).
 */
const header = (key, names, patterns, comment, first) =>
  block({ comment, name: `meta.header.${key}.sip`, begin: [...headerStart(names), first ? opt(first) : ''], end: ['$'], patterns });

/** Via's sent-by: `SIP/2.0/UDP host:port`. */
const sentByParts = () => [
  cap('keyword.other.protocol.sip', '(?i:SIP)'),
  r`[ \t]*`,
  cap('punctuation.separator.version.sip', '/'),
  r`[ \t]*`,
  cap('constant.numeric.version.sip', r`[0-9]+\.[0-9]+`),
  r`[ \t]*`,
  cap('punctuation.separator.transport.sip', '/'),
  r`[ \t]*`,
  cap('constant.language.transport.sip', '[A-Za-z]+'),
  opt(r`[ \t]+`, ...hostPort()),
];

/** A number in a header of plain numbers (#header-numeric). */
const plainNumber = () => [r`\b`, cap('constant.numeric.integer.sip', r`[0-9]+(?:\.[0-9]+)?`), r`\b`];

/** A media type, `type/subtype` (#header-content-type). */
const mediaType = () => [r`(?<![A-Za-z0-9.!%*_+\x60'~-])`, cap('support.type.media-type.sip', `${TOKEN}/${TOKEN}`)];

/** The display name of an address header's value, before its <URI>. */
const displayName = () => [r`[ \t]*`, cap('string.unquoted.display-name.sip', `${TOKEN}(?:[ \\t]+${TOKEN})*`), r`(?=[ \t]*<)`];

/** The SIP-version of a start line. */
const sipVersion = (versionPart) => [
  cap('keyword.other.protocol.sip', 'SIP'),
  cap('punctuation.separator.version.sip', '/'),
  versionPart,
];

export const statusLineParts = () => [
  NOT_AFTER_WORD,
  ...sipVersion(cap('constant.numeric.version.sip', r`2\.0`)),
  r`[ \t]+`,
  statusCode(L, { outOfRange: true }),
  r`(?=[ \t.]|$)`,
  opt(r`[ \t]+`, cap('string.unquoted.reason-phrase.sip', '.+')),
];

/**
 * @param {string} repo where #uri and friends live: '' in this grammar, 'source.sip' elsewhere
 * @param {boolean} [wholeSipUri] a Request-URI that is one sip: URI and nothing more captured with the
 *   scopes that #uri gives it, where the capture's patterns would tokenize it again (a string and two
 *   scans less). Only for a request line that is a rule of its own: vscode-textmate tokenizes a
 *   capture's patterns under the rule's name but not under the captures around it.
 */
export const requestLineParts = (repo = '', wholeSipUri = false) => {
  const uri = cap({ name: 'meta.request-uri.sip', patterns: [include(`${repo}#uri`), include(`${repo}#uri-parameters`), include(`${repo}#uri-headers`)] }, r`[^ \t]+`);
  return [
    r`^[ \t]*`,
    cap('entity.name.function.method.sip', TOKEN),
    r`[ \t]+`,
    wholeSipUri ? alt([URI_AT, cap('meta.request-uri.sip', cap('meta.uri.sip', sipUriParts())), r`(?=[ \t])`], uri) : uri,
    r`[ \t]+`,
    ...sipVersion(alt(cap('constant.numeric.version.sip', r`2\.0`), cap('invalid.illegal.version.sip', r`[0-9]+\.[0-9]+`))),
    r`[ \t]*\.?$`,
  ];
};

/** `2015/08/20 17:34:01.843371 ` in ngrep and sngrep framing lines. */
const CAPTURE_DATE_TIME = [
  cap('constant.other.date.sip', '[0-9]{4}/[0-9]{2}/[0-9]{2}'),
  r`[ \t]+`,
  cap('constant.other.time.sip', r`[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?`),
  r`[ \t]+`,
];

/** `1.2.3.4:5060 -> 5.6.7.8:5060` in ngrep and sngrep framing lines. */
const CAPTURE_ADDRESSES = [
  cap({ patterns: [include('#framing-address')] }, r`[^ \t]+`),
  r`[ \t]+`,
  cap('punctuation.separator.direction.sip', '->'),
  r`[ \t]+`,
  cap({ patterns: [include('#framing-address')] }, r`[^ \t]+`),
];

/**
 * One value of a Reason header, `PROTOCOL;cause=N;text="..."`, up to the next value; `cause` is
 * what the cause number is scoped as.
 */
const reasonValue = (key, protocol, afterProtocol, cause) =>
  block({
    name: `meta.reason-value.${key}.sip`,
    begin: [r`(?<=[:,])[ \t]*`, cap('keyword.other.protocol.sip', protocol), afterProtocol],
    end: [r`(?=,)|$`],
    patterns: [
      match([
        cap('punctuation.separator.parameter.sip', ';'),
        r`[ \t]*`,
        cap('entity.other.attribute-name.parameter.sip', '(?i:cause)'),
        r`[ \t]*`,
        cap('punctuation.separator.key-value.sip', '='),
        r`[ \t]*`,
        cause,
      ]),
      include('#parameters'),
      include('#quoted-string'),
    ],
  });

/** What the line-start framing forms begin with (see the gate in #framing). */
export const FRAMING_LINE_START_LOOKAHEAD = [
  r`<-{4,}>[ \t]*$`,
  r`-{20,}[ \t]*$`,
  r`[UTIP][ \t]+(?:[^ \t]+[ \t]+){1,3}->[ \t]`,
  r`[0-9]{4}/[0-9]{2}/[0-9]{2}[ \t]+[^ \t]+[ \t]+[^ \t]+[ \t]+->[ \t]`,
  r`[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+[ \t]+IP6?[ \t]+[^ \t]+[ \t]+>[ \t]`,
].join('|');
/** What the in-line framing forms begin with (see the gate in #framing-inline). */
const FRAMING_INLINE_STARTS = [
  r`(?:RX|TX)[ \t]+[0-9]+[ \t]+bytes[ \t]+(?:Request|Response)[ \t]+msg[ \t]`,
  r`(?:recv|send)[ \t]+[0-9]+[ \t]+bytes[ \t]+(?:from|to)[ \t]`,
  r`received[ \t]+\[[0-9]+\][ \t]+new bytes`,
  r`size:[ \t]*\[[0-9]+\][ \t]*bytes`,
];
export const FRAMING_INLINE_LOOKAHEAD = FRAMING_INLINE_STARTS.join('|');
/** Where a line-start framing line starts (the gate in #framing, checked at its first character first). */
const FRAMING_LINE_START = `(?=[<UTIP0-9-])(?:${FRAMING_LINE_START_LOOKAHEAD})`;
/** Where a header line starts (see #header-lines). */
const HEADER_LINE_START = `[ \\t]*${NOT_A_URI_SCHEME}${HEADER_NAME}[ \\t]*:(?!//)`;
/** Where an SDP line starts (see #sdp-lines). */
const SDP_LINE_START = r`[ \t]*[a-z]=`;

/** What every pattern of #text-lines needs somewhere on the line (the lines without any are plain, see PLAIN_LINE). */
const TEXT_LINE_NEEDS = { characters: '<:;', words: ['SIP/', 'bytes'] };
for (const start of FRAMING_INLINE_STARTS) {
  if (!TEXT_LINE_NEEDS.words.some((word) => start.includes(word))) throw new Error(`in-line framing without a word of TEXT_LINE_NEEDS: ${start}`);
}
/** A run of characters of a line with nothing #text-lines looks for: none of its characters, and a
 *  first letter of one of its words only where that word does not follow. Written as runs of the
 *  other characters between such letters, so that Oniguruma takes a run in one tight loop and never
 *  backtracks into it (linear, and a line that holds one of them is rejected at once). */
const TEXT_LINE_FREE_RUN = (() => {
  const firsts = [...new Set(TEXT_LINE_NEEDS.words.map((w) => w[0]))];
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const keyed = firsts.map((f) => `${escape(f)}(?!${TEXT_LINE_NEEDS.words.filter((w) => w[0] === f).map((w) => escape(w.slice(1))).join('|')})`);
  const others = `[^${TEXT_LINE_NEEDS.characters}${firsts.map(escape).join('')}\\n]*`;
  return `${others}(?:(?:${keyed.join('|')})${others})*`;
})();
/**
 * A line that no rule takes anything from: blank, or plain text (nothing #text-lines looks for),
 * and neither line-start framing nor an SDP field, which come before it. From where the line
 * starts, through its end.
 */
const PLAIN_LINE = `(?!${FRAMING_LINE_START})(?!${SDP_LINE_START})${TEXT_LINE_FREE_RUN}\\n`;

/** A line with the word that every in-line framing form of #framing-bytes holds (checked from its start), and one without. */
const ANY_BYTES = r`[^\n]*bytes`;
const NO_BYTES = `(?!${ANY_BYTES})`;
for (const start of FRAMING_INLINE_STARTS) if (!start.includes('bytes')) throw new Error(`in-line framing without "bytes": ${start}`);

/** Where a line is taken by a rule of the top level other than #text-lines (tried before it): framing, an SDP field, a header, a request line. */
const TEXT_LINES_END = [FRAMING_LINE_START, SDP_LINE_START, HEADER_LINE_START, uncaptured(requestLineParts())].join('|');

/** framing lines that start at the beginning of the line */
const LINE_START_FORMS = [
          // chan_sip end-of-message marker
          [cap('punctuation.separator.framing.sip', '<-{4,}>'), r`[ \t]*$`],
          // FreeSWITCH siptrace separator (72 dashes)
          [cap('punctuation.separator.framing.sip', '-{20,}'), r`[ \t]*$`],
          // ngrep / sipgrep: U 2015/08/20 17:34:01.843371 1.2.3.4:5060 -> 5.6.7.8:5060
          cap('meta.framing.ngrep.sip', [
            cap('keyword.other.protocol-letter.ngrep.sip', '[UTIP]'),
            r`[ \t]+`,
            opt(CAPTURE_DATE_TIME),
            CAPTURE_ADDRESSES,
          ]),
          // sngrep "save as .txt": 2015/08/20 17:34:01.843371 1.2.3.4:5060 -> 5.6.7.8:5060
          cap('meta.framing.sngrep.sip', [CAPTURE_DATE_TIME, CAPTURE_ADDRESSES]),
          // tcpdump -A: 09:17:59.864749 IP host.5363 > host.49658: UDP, length 576
          cap('meta.framing.tcpdump.sip', [
            cap('constant.other.time.sip', r`[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+`),
            r`[ \t]+`,
            cap('keyword.other.protocol.sip', 'IP6?'),
            r`[ \t]+`,
            cap('string.unquoted.host.sip', r`[^ \t]+`),
            r`[ \t]+`,
            cap('punctuation.separator.direction.sip', '>'),
            r`[ \t]+`,
            cap('string.unquoted.host.sip', r`[^ \t]+`),
            cap('punctuation.separator.sip', ':'),
            cap(
              {
                patterns: [
                  match([r`\b`, cap('keyword.other.unit.sip', 'length'), r`[ \t]+`, cap('constant.numeric.byte-count.sip', '[0-9]+')]),
                  match([r`\b`, cap('constant.language.transport.sip', 'UDP|TCP|SCTP'), r`\b`]),
                ],
              },
              '.*',
            ),
          ]),
];

/** framing phrases found anywhere in a line, each starting with a keyword */
const INLINE_FORMS = [
          // pjsip: RX 500 bytes Response msg 401/REGISTER/cseq=15116 (the code, not the byte count)
          cap('meta.framing.pjsip.sip', [
            cap('keyword.other.direction.sip', 'RX|TX'),
            r`[ \t]+`,
            cap('constant.numeric.byte-count.sip', '[0-9]+'),
            r`[ \t]+`,
            cap('keyword.other.unit.sip', 'bytes'),
            r`[ \t]+`,
            alt(
              [cap('keyword.other.message-kind.sip', 'Request'), r`[ \t]+`, cap('keyword.other.message-kind.sip', 'msg'), r`[ \t]+`, cap('entity.name.function.method.sip', r`[A-Za-z0-9_-]+`)],
              [
                cap('keyword.other.message-kind.sip', 'Response'),
                r`[ \t]+`,
                cap('keyword.other.message-kind.sip', 'msg'),
                r`[ \t]+`,
                statusCode(L),
                cap('punctuation.separator.sip', '/'),
                cap('entity.name.function.method.sip', r`[A-Za-z0-9_-]+`),
              ],
            ),
            cap('punctuation.separator.sip', '/'),
            cap('entity.other.attribute-name.sip', 'cseq'),
            cap('punctuation.separator.key-value.sip', '='),
            cap('constant.numeric.cseq.sip', '[0-9]+'),
          ]),
          // FreeSWITCH sofia siptrace: send 603 bytes to udp/[1.2.3.4]:5060 at 16:49:33.907405: (603 = bytes)
          cap('meta.framing.freeswitch.sip', [
            cap('keyword.other.direction.sip', 'recv|send'),
            r`[ \t]+`,
            cap('constant.numeric.byte-count.sip', '[0-9]+'),
            r`[ \t]+`,
            cap('keyword.other.unit.sip', 'bytes'),
            r`[ \t]+`,
            cap('keyword.other.direction.sip', 'from|to'),
            r`[ \t]+`,
            cap({ patterns: [include('#framing-address')] }, r`[^ \t]+`),
            opt(r`[ \t]+`, cap('keyword.other.sip', 'at'), r`[ \t]+`, cap('constant.other.time.sip', r`[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?`)),
          ]),
          // linphone / belle-sip: received [315] new bytes from [UDP://pbx:5060] ... size: [1234] bytes
          cap('meta.framing.belle-sip.sip', [
            cap('keyword.other.direction.sip', 'received'),
            r`[ \t]+`,
            cap('punctuation.definition.byte-count.begin.sip', r`\[`),
            cap('constant.numeric.byte-count.sip', '[0-9]+'),
            cap('punctuation.definition.byte-count.end.sip', r`\]`),
            r`[ \t]+`,
            cap('keyword.other.unit.sip', 'new bytes'),
          ]),
          cap('meta.framing.belle-sip.sip', [
            cap('keyword.other.sip', 'size'),
            cap('punctuation.separator.key-value.sip', ':'),
            r`[ \t]*`,
            cap('punctuation.definition.byte-count.begin.sip', r`\[`),
            cap('constant.numeric.byte-count.sip', '[0-9]+'),
            cap('punctuation.definition.byte-count.end.sip', r`\]`),
            r`[ \t]*`,
            cap('keyword.other.unit.sip', 'bytes'),
          ]),
];

/** An SDP field of type `type` (a letter, or a class of them), its value `value`, as a match named `name`. */
const sdpField = (type, value, name) =>
  match([r`^[ \t]*`, cap('keyword.other.field.sdp', type), cap('punctuation.separator.key-value.sdp', '='), ...value], { name });

/**
 * The SDP fields of #sdp-lines: one field per line, type letter, "=", value (RFC 8866); numbers here are
 * ports, payload types, ids.
 */
const SDP_FIELDS = [
  sdpField(
    'm',
    [
      cap('support.type.media.sdp', r`[A-Za-z0-9_-]+`),
      r`[ \t]+`,
      cap('constant.numeric.port.sdp', '[0-9]+'),
      opt(cap('punctuation.separator.sdp', '/'), cap('constant.numeric.integer.sdp', '[0-9]+')),
      r`[ \t]+`,
      cap('constant.language.protocol.sdp', r`[^ \t]+`),
      cap({ patterns: [match([r`\b[0-9]+\b`], { name: 'constant.numeric.payload-type.sdp' })] }, '.*'),
    ],
    'meta.line.media.sdp',
  ),
  sdpField(
    'a',
    [
      cap('entity.other.attribute-name.sdp', '(?:rtpmap|fmtp|rtcp-fb)'),
      cap('punctuation.separator.key-value.sdp', ':'),
      r`[ \t]*`,
      cap('constant.numeric.payload-type.sdp', '[0-9]+'),
      cap('string.unquoted.attribute-value.sdp', '.*'),
    ],
    'meta.line.attribute.sdp',
  ),
  sdpField(
    'a',
    [cap('entity.other.attribute-name.sdp', r`[A-Za-z0-9_.-]+`), opt(cap('punctuation.separator.key-value.sdp', ':'), cap('string.unquoted.attribute-value.sdp', '.*'))],
    'meta.line.attribute.sdp',
  ),
  sdpField(
    'c',
    [
      cap('constant.language.network-type.sdp', 'IN'),
      r`[ \t]+`,
      cap('constant.language.address-type.sdp', 'IP[46]'),
      r`[ \t]+`,
      cap('string.unquoted.host.sdp', r`[^ \t/]+`),
    ],
    'meta.line.connection.sdp',
  ),
  sdpField(
    'o',
    [
      cap('string.unquoted.username.sdp', r`[^ \t]+`),
      r`[ \t]+`,
      cap('constant.numeric.integer.sdp', '[0-9]+'),
      r`[ \t]+`,
      cap('constant.numeric.integer.sdp', '[0-9]+'),
      r`[ \t]+`,
      cap('constant.language.network-type.sdp', 'IN'),
      r`[ \t]+`,
      cap('constant.language.address-type.sdp', 'IP[46]'),
      r`[ \t]+`,
      cap('string.unquoted.host.sdp', r`[^ \t]+`),
    ],
    'meta.line.origin.sdp',
  ),
  sdpField(
    'b',
    [cap('constant.language.bandwidth-type.sdp', r`[A-Za-z0-9_-]+`), cap('punctuation.separator.key-value.sdp', ':'), cap('constant.numeric.integer.sdp', '[0-9]+')],
    'meta.line.bandwidth.sdp',
  ),
  sdpField('[vt]', [cap({ patterns: [match([r`\b[0-9]+\b`], { name: 'constant.numeric.integer.sdp' })] }, '.*')], 'meta.line.sdp'),
  sdpField('[a-z]', [cap('string.unquoted.sdp', '.*')], 'meta.line.sdp'),
];

const repository = {
  // ----------------------------------------------------------------------------- start lines
  'status-line': match(statusLineParts(), {
    comment: 'SIP-Version SP Status-Code SP Reason-Phrase; anywhere on the line (tcpdump -A glues junk in front), the only place a status code is authoritative',
    name: 'meta.status-line.sip',
  }),
  'request-line': match(requestLineParts('', true), {
    comment: 'Method SP Request-URI SP SIP-Version (a trailing "." is how ngrep -W byline shows the CR)',
    name: 'meta.request-line.sip',
  }),

  // ------------------------------------------------------------------------------- headers
  headers: {
    comment: 'the header rules, most frequent first (each starts with its own names, so the order decides nothing but the time); the rare ones behind one gate',
    patterns: [
      include('#header-address'),
      include('#header-via'),
      include('#header-cseq'),
      include('#header-content-length'),
      include('#header-call-id'),
      block({
        comment: 'the rare headers behind one test of their names',
        begin: [`\\G(?=[ \\t]*(?i:${words(RARE_HEADERS)})[ \\t]*:)`],
        end: ['(?!\\G)'],
        patterns: [include('#header-numeric'), include('#header-content-type'), include('#header-rack'), include('#header-rseq'), include('#header-reason'), include('#header-warning'), include('#header-allow'), include('#header-auth'), include('#header-status-code')],
      }),
      include('#header-other'),
    ],
  },
  'header-via': header(
    'via',
    ['Via', 'v'],
    [match(sentByParts(), { name: 'meta.via.sent-by.sip' }), include('#parameters'), include('#quoted-string'), include('#comma')],
    undefined,
    [r`[ \t]*`, cap('meta.via.sent-by.sip', sentByParts()), opt(parameter())],
  ),
  'header-cseq': match(
    [
      ...headerStart(['CSeq']),
      r`[ \t]*`,
      opt(cap('constant.numeric.cseq.sip', '[0-9]+')),
      r`[ \t]*`,
      opt(cap('entity.name.function.method.sip', TOKEN)),
    ],
    { comment: 'the CSeq number is a sequence number, never a status code', name: 'meta.header.cseq.sip' },
  ),
  'header-rack': match(
    [
      ...headerStart(['RAck']),
      r`[ \t]*`,
      opt(cap('constant.numeric.rseq.sip', '[0-9]+')),
      r`[ \t]*`,
      opt(cap('constant.numeric.cseq.sip', '[0-9]+')),
      r`[ \t]*`,
      opt(cap('entity.name.function.method.sip', TOKEN)),
    ],
    { name: 'meta.header.rack.sip' },
  ),
  'header-rseq': match([...headerStart(['RSeq']), r`[ \t]*`, opt(cap('constant.numeric.rseq.sip', '[0-9]+'))], {
    name: 'meta.header.rseq.sip',
  }),
  'header-content-length': match(
    [...headerStart(['Content-Length', 'l']), r`[ \t]*`, opt(cap('constant.numeric.content-length.sip', '[0-9]+'))],
    { comment: 'body size in bytes, not a status code', name: 'meta.header.content-length.sip' },
  ),
  'header-numeric': header(
    'numeric',
    ['Max-Forwards', 'Expires', 'Min-Expires', 'Session-Expires', 'x', 'Min-SE', 'Retry-After', 'Max-Breadth', 'Timestamp'],
    [match(plainNumber()), include('#parameters'), include('#comment')],
    'seconds, hop counters: plain numbers',
    [r`[ \t]*`, ...plainNumber()],
  ),
  'header-call-id': match([...headerStart(['Call-ID', 'i']), r`[ \t]*`, opt(cap('string.unquoted.call-id.sip', r`[^ \t]+`))], {
    name: 'meta.header.call-id.sip',
  }),
  'header-reason': header(
    'reason',
    ['Reason'],
    [include('#reason-sip'), include('#reason-q850'), include('#reason-other'), include('#parameters'), include('#quoted-string'), include('#comma')],
    'RFC 3326: only the SIP (and STIR, RFC 8224) protocol carries a status code in cause=; Q.850 carries an ISDN cause',
  ),
  'reason-sip': reasonValue('sip', '(?i:SIP|STIR)', r`(?![A-Za-z0-9./-])`, [statusCode(L, { outOfRange: true }), r`(?![0-9])`]),
  'reason-q850': reasonValue('q850', r`(?i:Q\.850)`, r`(?![A-Za-z0-9.])`, [cap('constant.numeric.q850-cause.sip', '[0-9]+')]),
  'reason-other': match([r`(?<=[:,])[ \t]*`, cap('keyword.other.protocol.sip', r`[A-Za-z][A-Za-z0-9._-]*`)]),
  'header-warning': header(
    'warning',
    ['Warning'],
    [
      match(
        [
          r`(?:\G|(?<=,))[ \t]*`,
          cap('constant.numeric.warn-code.sip', '[0-9]{3}'),
          r`(?![0-9])`,
          opt(r`[ \t]+`, cap('string.unquoted.warn-agent.sip', r`[^ \t",]+`)),
        ],
        { comment: 'warn-code: a separate registry (300-399), never a status code' },
      ),
      include('#quoted-string'),
      include('#comma'),
    ],
  ),
  'header-address': header(
    'address',
    [
      'From', 'f', 'To', 't', 'Contact', 'm', 'Route', 'Record-Route', 'Reply-To', 'Refer-To', 'r', 'Referred-By', 'b',
      'P-Asserted-Identity', 'P-Preferred-Identity', 'P-Called-Party-ID', 'P-Associated-URI', 'Diversion', 'History-Info',
      'Path', 'Service-Route', 'Remote-Party-ID', 'Alert-Info', 'Call-Info', 'Error-Info',
    ],
    [
      match([r`(?<=[:,])`, ...displayName()]),
      include('#quoted-string'),
      include('#angle-uri'),
      include('#uri'),
      include('#parameters'),
      match([r`(?<=[:,])[ \t]*`, cap('keyword.operator.wildcard.sip', r`\*`)]),
      include('#comma'),
    ],
    undefined,
    [opt(displayName()), opt(r`[ \t]*`, wholeAngleUri(), opt(parameter()))],
  ),
  'header-content-type': header(
    'content-type',
    ['Content-Type', 'c', 'Accept'],
    [match(mediaType()), include('#parameters'), include('#quoted-string'), include('#comma')],
    undefined,
    [r`[ \t]*`, ...mediaType()],
  ),
  'header-allow': header('allow', ['Allow'], [match([cap('entity.name.function.method.sip', TOKEN)]), include('#comma')]),
  'header-auth': header(
    'authorization',
    ['Authorization', 'Proxy-Authorization', 'WWW-Authenticate', 'Proxy-Authenticate', 'Authentication-Info'],
    [
      match([r`\b`, cap('storage.type.auth-scheme.sip', '(?i:Digest|Basic|Bearer|NTLM|Kerberos)'), r`\b`]),
      match([
        r`(?<![A-Za-z0-9.!%*_+\x60'~-])`,
        cap('entity.other.attribute-name.parameter.sip', TOKEN),
        r`[ \t]*`,
        cap('punctuation.separator.key-value.sip', '='),
        opt(r`[ \t]*`, cap('string.unquoted.parameter-value.sip', r`[^ \t,"]+`)),
      ]),
      include('#quoted-string'),
      include('#comma'),
    ],
  ),
  'header-status-code': match(
    [...headerStart(['Status-Code']), r`[ \t]*`, statusCode(L, { outOfRange: true }), r`(?![0-9])`],
    { comment: 'Wireshark "Export Packet Dissections as text" field', name: 'meta.header.status-code.sip' },
  ),
  'header-other': block({
    name: 'meta.header.other.sip',
    begin: [
      HEADER_AT,
      NOT_A_URI_SCHEME,
      cap('keyword.other.header.sip', HEADER_NAME),
      r`[ \t]*`,
      cap('punctuation.separator.key-value.sip', ':'),
      r`(?!//)`,
    ],
    end: ['$'],
    patterns: [include('#status-line'), include('#quoted-string'), include('#angle-uri'), include('#uri'), include('#parameters')],
  }),

  // ----------------------------------------------------------------------- values, URIs
  'quoted-string': block({
    name: 'string.quoted.double.sip',
    begin: [cap('punctuation.definition.string.begin.sip', '"')],
    end: [alt(cap('punctuation.definition.string.end.sip', '"'), '$')],
    patterns: [match([r`\\.`], { name: 'constant.character.escape.sip' })],
  }),
  comment: block({
    name: 'comment.block.parenthesized.sip',
    begin: [cap('punctuation.definition.comment.begin.sip', r`\(`)],
    end: [alt(cap('punctuation.definition.comment.end.sip', r`\)`), '$')],
  }),
  comma: match([','], { name: 'punctuation.separator.comma.sip' }),
  parameters: match(parameterParts(), { name: 'meta.parameter.sip' }),
  'angle-uri': block({
    comment: 'the begin takes a sip: or sips: URI right after the <, as #uri would (one scan and one match less)',
    name: 'meta.uri.angle-bracketed.sip',
    begin: [cap('punctuation.definition.uri.begin.sip', '<'), opt(cap('meta.uri.sip', sipUriParts()))],
    end: [alt(cap('punctuation.definition.uri.end.sip', '>'), '$')],
    patterns: [include('#uri'), include('#uri-parameters'), include('#uri-headers')],
  }),
  uri: match(
    [
      URI_AT,
      alt(
        cap('meta.uri.sip', sipUriParts()),
        cap('meta.uri.tel.sip', [
          cap('keyword.other.uri-scheme.sip', '(?i:tel)'),
          cap('punctuation.separator.uri-scheme.sip', ':'),
          cap('string.unquoted.telephone-number.sip', r`[+0-9A-Fa-f*#().-]+`),
        ]),
        cap('meta.uri.other.sip', [
          cap('keyword.other.uri-scheme.sip', '(?i:urn|mailto|https?|wss?|cid|im|pres|xmpp)'),
          cap('punctuation.separator.uri-scheme.sip', ':'),
          cap('string.unquoted.uri.sip', r`[^ \t<>";,]+`),
        ]),
      ),
    ],
    { comment: 'sip:, tel: and other URIs behind one test of what comes before (Oniguruma tries it at every position where a scheme may start)' },
  ),
  'uri-parameters': {
    patterns: [
      match(
        [
          cap('punctuation.separator.parameter.sip', ';'),
          r`[ \t]*`,
          cap('entity.other.attribute-name.parameter.sip', '(?i:cause)'),
          cap('punctuation.separator.key-value.sip', '='),
          statusCode(L, { outOfRange: true }),
          r`(?![0-9A-Za-z])`,
        ],
        { comment: 'RFC 4458: the cause URI parameter carries a status code' },
      ),
      include('#parameters'),
    ],
  },
  'uri-headers': {
    patterns: [
      match(
        [
          cap('punctuation.separator.uri-header.sip', '[?&]'),
          cap('entity.other.attribute-name.uri-header.sip', '(?i:Reason)'),
          cap('punctuation.separator.key-value.sip', '='),
          cap('keyword.other.protocol.sip', '(?i:SIP)'),
          cap('constant.character.escape.sip', '%3[Bb]'),
          cap('entity.other.attribute-name.parameter.sip', '(?i:cause)'),
          cap('constant.character.escape.sip', '%3[Dd]'),
          statusCode(L, { outOfRange: true }),
          r`(?![0-9])`,
        ],
        { comment: 'RFC 7044 History-Info: an escaped Reason header inside the URI' },
      ),
      match([
        cap('punctuation.separator.uri-header.sip', '[?&]'),
        cap('entity.other.attribute-name.uri-header.sip', r`[^=&> \t]+`),
        opt(cap('punctuation.separator.key-value.sip', '='), cap('string.unquoted.uri-header-value.sip', r`[^&> \t]*`)),
      ]),
    ],
  },

  // ------------------------------------------------------------------------------- SDP body
  // ---------------------------------------------------------------------- capture framing
  framing: {
    comment: 'lines that capture tools print around messages; their numbers are byte counts, ports and times. One regex per form, each starting with an anchor or a literal: Oniguruma searches those fast (a merged alternation is several times slower)',
    patterns: [
      gate({
        comment: 'line-start forms: chan_sip end marker, FreeSWITCH separator, ngrep, sngrep, tcpdump (the gate checks enough of each form that it never opens for an ordinary log line)',
        name: 'meta.framing.sip',
        prefix: '^',
        first: r`[<UTIP0-9-]`,
        lookahead: FRAMING_LINE_START_LOOKAHEAD,
        forms: LINE_START_FORMS,
      }),
    ],
  },
  'framing-inline': {
    comment: 'framing found anywhere in a line (after a log prefix): Asterisk, pjsip, FreeSWITCH, belle-sip',
    patterns: [include('#framing-asterisk'), include('#framing-bytes')],
  },
  'framing-asterisk': block({
    comment: 'Asterisk res_pjsip_logger / chan_sip debug: <--- Received SIP request (541 bytes) from UDP:127.0.0.1:5061 --->',
    name: 'meta.framing.asterisk.sip',
    begin: [cap('punctuation.definition.framing.begin.sip', '<---'), r`(?=[ \t])`],
    end: [alt(cap('punctuation.definition.framing.end.sip', '--->'), '$')],
    patterns: [include('#framing-byte-count'), include('#framing-direction'), include('#framing-address')],
  }),
  'framing-bytes': {
    comment: 'the in-line forms that count bytes, each with the word "bytes" (see #byte-lines)',
    patterns: [
      gate({
        comment: 'in-line forms: pjsip RX/TX, FreeSWITCH recv/send, belle-sip received/size',
        name: 'meta.framing.sip',
        prefix: r`\b`,
        lookahead: FRAMING_INLINE_LOOKAHEAD,
        forms: INLINE_FORMS,
      }),
    ],
  },
  'framing-byte-count': match([
    cap('punctuation.definition.byte-count.begin.sip', r`\(`),
    cap('constant.numeric.byte-count.sip', '[0-9]+'),
    r`[ \t]+`,
    cap('keyword.other.unit.sip', 'bytes'),
    cap('punctuation.definition.byte-count.end.sip', r`\)`),
  ]),
  'framing-direction': {
    patterns: [
      match([r`\b`, cap('keyword.other.direction.inbound.sip', 'Received|read'), r`\b`]),
      match([r`\b`, cap('keyword.other.direction.outbound.sip', 'Transmitting|Retransmitting|Sending'), r`\b`]),
      match([r`\b`, cap('keyword.other.message-kind.sip', 'request|response'), r`\b`]),
    ],
  },
  'framing-address': match(
    [
      r`(?<![A-Za-z0-9_.:/\[-])`,
      opt(cap('constant.language.transport.sip', '(?i:UDP|TCP|TLS|SCTP|WSS|WS)'), cap('punctuation.separator.sip', '[:/]')),
      opt(cap('punctuation.definition.address.begin.sip', r`\[`)),
      cap('string.unquoted.host.sip', alt(r`[0-9]{1,3}(?:\.[0-9]{1,3}){3}`, r`[0-9A-Fa-f]*:[0-9A-Fa-f:.]+`, r`[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+`)),
      opt(cap('punctuation.definition.address.end.sip', r`\]`)),
      opt(cap('punctuation.separator.port.sip', '[:.]'), cap('constant.numeric.port.sip', '[0-9]+'), r`\b`),
    ],
    { name: 'meta.address.sip' },
  ),

  // ------------------------------------------------------------------ everything else
  'header-lines': block({
    comment: 'a run of lines that start with a header name and a colon: the header rules are tried only there, and a header line costs one check instead of a search by the top level at its start and at its end',
    begin: [`^(?=${HEADER_LINE_START})`],
    while: [`^(?=${HEADER_LINE_START})`],
    patterns: [include('#headers')],
  }),
  'sdp-lines': block({
    comment: 'a run of lines that start like an SDP field (x=): the SDP rules are tried only there',
    begin: [`^(?=${SDP_LINE_START})`],
    while: [`^(?=${SDP_LINE_START})`],
    patterns: SDP_FIELDS,
    keepApart: true,
  }),
  'text-lines': block({
    comment:
      'a run of lines of text: plain lines (blank lines, prose of an RFC: nothing of what the patterns below look for, a status line has SIP/, a URI its scheme:, a parameter ;, an angle-bracketed URI or a chan_sip frame <, the in-line framing "bytes"), taken whole by the begin or while check, with no scope and nothing searched in them; and other lines of text without the word "bytes" (status lines, framing glued to junk, folded header values, free text), searched for status lines, Asterisk framing, URIs and ;parameters only (quotes stay plain so that a quoted "SIP/2.0 200 OK" is still seen as a status line). The run goes on until a line that the top level gives to another rule (framing, an SDP field, a header, a request line) or a line with "bytes" (#byte-lines)',
    begin: [`^(?:${PLAIN_LINE}|${NO_BYTES}(?=.))`],
    while: [`^(?:${PLAIN_LINE}|(?!${TEXT_LINES_END})${NO_BYTES}(?=.))`],
    patterns: [include('#status-line'), include('#framing-asterisk'), include('#angle-uri'), include('#uri'), include('#parameters')],
  }),
  'byte-lines': block({
    comment:
      'a run of lines of text with the word "bytes", which only the in-line framing forms of #framing-bytes need: searched like #text-lines and for those forms too, so that the other lines of text never try them',
    begin: [`^(?=${ANY_BYTES})`],
    while: [`^(?!${TEXT_LINES_END})(?=${ANY_BYTES})`],
    patterns: [include('#status-line'), include('#framing-inline'), include('#angle-uri'), include('#uri'), include('#parameters')],
  }),
};

export const sipGrammar = grammar({
  name: 'SIP',
  scopeName: 'source.sip',
  fileTypes: ['sip'],
  comment:
    'Speed: vscode-oniguruma sets up every pattern of a list on every call and tries them at every position until one matches, so the cost is the length of the lists a line meets, and vscode-textmate pays for every call. The top level only tells line kinds apart at their start (framing, SDP field, header, request line, anything else); each kind but framing and request lines is a run of lines, a block with the few patterns it needs that goes on while the next line is of its kind (one check a line, no search by the top level at its start or end).',
  // in the order the kinds must be told apart where two could start a line (framing and SDP
  // before text, which could take a separator line or v=0)
  patterns: [include('#framing'), include('#sdp-lines'), include('#header-lines'), include('#request-line'), include('#text-lines'), include('#byte-lines')],
  repository,
});
