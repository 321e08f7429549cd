// source.kamailio and source.opensips: the routing-script languages of Kamailio (ex SER /
// OpenSER) and OpenSIPS. They share an ancestor and most of the look, but differ: Kamailio
// has the #!define / !!ifdef pre-processor and // comments, OpenSIPS configs are often m4
// templates and have other route types; reply codes are usually quoted in Kamailio
// ("404") and bare integers in OpenSIPS 2.x/3.x (404). Each grammar gets its own scope suffix.
import { alt, block, cap, grammar, group, importServerData, include, match, opt, statusCode, uncaptured, words } from './grammar-lib.mjs';

/** What takes a status code, per product: the tables the dialects read too. */
const { KAMAILIO_CODE_TABLES, OPENSIPS_CODE_TABLES } = await importServerData('server/src/data/routingScripts.ts');

const r = String.raw;

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
/** pseudo-variable class name: $ru, $T_reply_code, $err.rcode, $ct.fields */
const PVNAME = `${IDENT}(?:\\.${IDENT})*`;
/** the key of a called pseudo-variable that is one token: $var(x), $avp(i:1), $hdr(Max-Forwards) */
const PVAR_KEY = '[A-Za-z0-9_.:*-]+';

/**
 * The same words as `words(list)` matches when a word boundary follows, as a tree of their common
 * prefixes (`(?:a(?:nd|ny)|b...)`): Oniguruma then tries one branch per letter instead of every
 * word, which matters where the alternation is tried at every word of a file.
 */
function wordTree(list) {
  words(list); // the same check of the characters
  const root = new Map();
  for (const word of list) {
    let node = root;
    for (const ch of word) {
      if (!node.has(ch)) node.set(ch, new Map());
      node = node.get(ch);
    }
    node.set('', null);
  }
  const emit = (node) => {
    const ends = node.has('');
    const branches = [...node.keys()].filter((ch) => ch !== '').sort().map((ch) => ch.replace('.', '\\.') + emit(node.get(ch)));
    if (branches.length === 0) return '';
    if (branches.length === 1 && !ends) return branches[0];
    return `(?:${branches.join('|')})${ends ? '?' : ''}`;
  };
  return emit(root);
}

const FLAVORS = {
  kamailio: {
    title: 'Kamailio',
    routeTypes: ['request_route', 'route', 'reply_route', 'onreply_route', 'failure_route', 'branch_route', 'onsend_route', 'event_route', 'branch_failure_route'],
    codes: KAMAILIO_CODE_TABLES,
    keywords: ['if', 'else', 'switch', 'case', 'default', 'while', 'break', 'return', 'exit', 'drop'],
    wordOperators: ['and', 'or', 'defined', 'strempty', 'strlen'],
  },
  opensips: {
    title: 'OpenSIPS',
    routeTypes: ['route', 'branch_route', 'failure_route', 'onreply_route', 'error_route', 'local_route', 'startup_route', 'timer_route', 'event_route', 'preprocess_route'],
    codes: OPENSIPS_CODE_TABLES,
    keywords: ['if', 'else', 'switch', 'case', 'default', 'while', 'for', 'in', 'break', 'return', 'exit', 'drop', 'async', 'launch'],
    wordOperators: [],
  },
};

/** pvars whose value is a reply status code */
const CODE_PVARS = ['rs', 'T_reply_code', 'T_reply_last', 'err.rcode'];
const CORE_KEYWORDS = [
  'method', 'uri', 'status', 'from_uri', 'to_uri', 'src_ip', 'src_port', 'dst_ip', 'dst_port', 'proto', 'af', 'msg:len',
  'snd_ip', 'snd_port', 'snd_proto', 'snd_af', 'to_ip', 'to_port', 'to_proto', 'to_af', 'myself', 'max_len', 'retcode',
];
const CONSTANTS = ['yes', 'no', 'true', 'false', 'on', 'off', 'enable', 'disable', 'INET', 'INET6', 'UDP', 'TCP', 'TLS', 'SCTP', 'WS', 'WSS', 'NULL'];
const KAMAILIO_DIRECTIVES_DEFINE = ['define', 'def', 'redefine', 'redef', 'trydef', 'defexp', 'defexps', 'defenv', 'defenvs', 'trydefenv', 'trydefenvs'];
const KAMAILIO_DIRECTIVES_IF = ['ifdef', 'ifndef', 'undef'];
const KAMAILIO_DIRECTIVES_ELSE = ['else', 'endif'];
const KAMAILIO_DIRECTIVES_SUBST = ['substdefs', 'substdef', 'subst'];
const KAMAILIO_DIRECTIVES_INCLUDE = ['include_file', 'import_file'];
const KAMAILIO_DIRECTIVES_COMPAT = ['KAMAILIO', 'OPENSER', 'SER', 'MAXCOMPAT', 'ALL'];
const TRANSPORTS = ['udp', 'tcp', 'tls', 'sctp', 'wss', 'ws', 'any'];
const ROUTE_ARMS = ['t_on_reply', 't_on_failure', 't_on_branch', 't_on_branch_failure'];
const MODULE_WORDS = ['loadmodule', 'loadmodulex', 'loadpath', 'include_file', 'import_file'];
const M4_MACROS = ['divert', 'define', 'undefine', 'ifelse', 'ifdef', 'include', 'sinclude', 'changequote'];

/** Names of the reply functions whose code is argument `index`. */
function replyFunctionsWithCodeAt(codes, index) {
  return Object.entries(codes.replyFunctions)
    .filter(([, spec]) => spec.code === index)
    .map(([name]) => name);
}

/** The "module", "parameter" pairs of the modparams of one kind, as a regex alternation (module and parameter are plain names). */
function modparamPairs(codes, kind) {
  return Object.entries(codes.modparams)
    .filter(([, spec]) => spec.kind === kind)
    .map(([key]) => key.split('/'));
}

export function sipRouterGrammar(lang) {
  const f = FLAVORS[lang];
  const replyFunctionNames = Object.keys(f.codes.replyFunctions);
  const codeArgumentIndexes = [...new Set(Object.values(f.codes.replyFunctions).map((spec) => spec.code))].sort();
  const statusRegexFunctions = [...f.codes.statusPatternFunctions, ...f.codes.statusCheckFunctions];
  const s = (scope) => `${scope}.${lang}`;
  const code = () => statusCode(lang, { outOfRange: true });
  const quote = (which) => cap(s(`punctuation.definition.string.${which}`), '"');
  /** a double-quoted string with nothing in it that a rule takes (no escape, no variable), closed on its line */
  const plainStringParts = () => [quote('begin'), r`[^"\\$]*`, quote('end')];
  /** the same with up to two escapes in it (`"Not here\n"`, `"P-Hint: outbound\r\n"`): what string-double makes of it, in one match */
  const escapedStringParts = () => {
    const run = r`[^"\\$]*`;
    const escape = () => cap(s('constant.character.escape'), r`\\.`);
    return [quote('begin'), run, opt(escape(), run, opt(escape(), run)), quote('end')];
  };
  // Words that some rule takes for what it is (a keyword, a route, a reply function ...): they, and
  // only they, go through the word gate below. Any other word is a function's name, a define, an
  // assignment or nothing, which the top level decides at once.
  const specialWords = [
    ...f.keywords,
    ...f.wordOperators,
    ...CORE_KEYWORDS.map((k) => k.replace(/:.*/, '')),
    ...CONSTANTS,
    ...TRANSPORTS,
    ...f.routeTypes,
    ...ROUTE_ARMS,
    ...MODULE_WORDS,
    ...replyFunctionNames,
    ...statusRegexFunctions,
    'modparam',
    'modparamx',
    ...(lang === 'opensips' ? [...M4_MACROS, 'dnl'] : ['desc']),
  ];
  const special = `(?:${words([...new Set(specialWords)])})\\b`;
  /** the special words that the word gate takes: all but the control keywords, which the top level takes at once */
  const gateWords = [...new Set(specialWords)].filter((w) => !f.keywords.includes(w));

  // ------------------------------------------------- several tokens in one match, at the top level
  const PUNCTUATION = {
    '{': 'punctuation.section.block.begin',
    '}': 'punctuation.section.block.end',
    '(': 'punctuation.section.parens.begin',
    ')': 'punctuation.section.parens.end',
    ';': 'punctuation.terminator.statement',
    ',': 'punctuation.separator.comma',
  };
  const mark = (m) => cap(s(PUNCTUATION[m]), m.replace(/[{}()]/, (c) => `\\${c}`));
  /** Up to `n` more of the punctuation `marks`, each after optional blanks: nothing else starts with one, so the top level would make the same tokens of them one by one. */
  const marksAfter = (n, marks) => (n === 0 ? [] : [opt(r`[ \t]*`, alt(...marks.map(mark)), ...marksAfter(n - 1, marks))]);
  const plainString = () => cap(s('string.quoted.double'), ...plainStringParts());
  /** `$name` that the dollar gate would make a plain pseudo-variable of: not a code holder, nor $null, nor called (`$name(`). */
  const plainPvar = () => [cap(s('punctuation.definition.variable'), r`\$`), `(?!(?:null|${words(CODE_PVARS)})\\b)`, cap(s('variable.other.pvar'), PVNAME), r`(?![A-Za-z0-9_(]|\.[A-Za-z_])`];
  /**
   * The inside of a double-quoted string with up to `n` escapes and pseudo-variables that string-double
   * takes in one match each: `$name` (not $null nor a reply code's variable, which it scopes apart) and
   * `$name(key)` with a plain key (not $null( nor $T(reply_code)). Any other $ makes the whole form fail.
   */
  const stringItems = (n) => {
    const run = r`[^"\\$]*`;
    const item = () =>
      alt(
        cap(s('constant.character.escape'), r`\\.`),
        cap(s('meta.pvar'), cap(s('punctuation.definition.variable'), r`\$`), r`(?!null\b|T\(reply_code\))`, cap(s('variable.other.pvar'), PVNAME), cap(s('punctuation.section.pvar.begin'), r`\(`), cap(s('variable.other.pvar-key'), PVAR_KEY), cap(s('punctuation.section.pvar.end'), r`\)`)),
        plainPvar(),
      );
    const items = (k) => (k === 0 ? [] : [opt(item(), run, ...items(k - 1))]);
    return [run, ...items(n)];
  };
  /** An argument the top level takes in one token (or a plain string): what it would make of it. */
  const argument = () =>
    alt(
      cap(s('string.quoted.double'), ...escapedStringParts()),
      [r`(?<![A-Za-z0-9_.])`, cap(s('constant.numeric.ip-address'), '[0-9]{1,3}(?:\\.[0-9]{1,3}){3}'), r`(?![A-Za-z0-9_.])`],
      cap(s('constant.numeric.integer'), r`\b(?:0x[0-9A-Fa-f]+|[0-9]+)\b`),
      [r`\b(?!`, special, ')', alt(cap(s('constant.other.define'), '[A-Z][A-Z0-9_]*[A-Z0-9]\\b'), r`[A-Za-z_][A-Za-z0-9_]*\b`), r`(?![ \t]*\()`],
      [r`\b`, cap(s('constant.language'), `(?:${words(CONSTANTS)})`), r`\b(?![ \t]*\()`],
      plainPvar(),
    );
  /**
   * A rule's regex `parts` with its scope `name` over them, then `tail`: tokens that the top level
   * would make one by one after it, in the same match. A capture that is tokenized again by its own
   * patterns gets `name` in its own (vscode-textmate gives such a capture the rule's scopes only).
   */
  const followedBy = (name, parts, tail) => {
    const named = (part) => {
      if (Array.isArray(part)) return part.map(named);
      if (typeof part === 'string') return part;
      const inner = part.parts.map(named);
      if (part.kind === 'cap') {
        const spec = part.spec && typeof part.spec === 'object' && part.spec.patterns ? { ...part.spec, name: [name, part.spec.name].filter(Boolean).join(' ') } : part.spec;
        return cap(spec, ...inner);
      }
      return { alt, opt, group }[part.kind](...inner);
    };
    return match([cap(name, ...named(parts)), ...tail]);
  };
  /** `(NAME` or `("NAME"` after route and t_on_*: the name of the route called or armed. */
  /** `"module", "parameter", ` of a modparam that takes codes (the module as a string, the parameter named as such). */
  const modparamName = (module, parameter) => [
    cap(s('string.quoted.double'), quote('begin'), module, quote('end')),
    r`[ \t]*`,
    cap(s('punctuation.separator.comma'), ','),
    r`[ \t]*`,
    quote('begin'),
    cap(s('variable.parameter.modparam.status-code'), parameter),
    quote('end'),
    r`[ \t]*`,
    cap(s('punctuation.separator.comma'), ','),
    r`[ \t]*`,
  ];
  /** `name = ` after `start`: a core parameter's assignment (`children=8`), never `==` or `=~` */
  const globalAssignment = (start) => [
    ...start,
    cap(s('variable.other.global'), `${IDENT}(?:\\.${IDENT})*`),
    r`[ \t]*`,
    cap(s('keyword.operator.assignment'), '='),
    r`(?![=~])`,
  ];
  const routeNameArgument = () => [
    r`[ \t]*`,
    cap(s('punctuation.section.arguments.begin'), r`\(`),
    r`[ \t]*`,
    alt([quote('begin'), cap(s('entity.name.function.route'), '[^"]*'), quote('end')], cap(s('entity.name.function.route'), r`[A-Za-z0-9_:.-]+`)),
  ];

  /** the begin of a called pseudo-variable: `$name(` (`$T(` of `$T(reply_code)` holds a code) */
  const pvarCallBegin = () => [
    cap(s('punctuation.definition.variable'), r`\$`),
    alt(cap(s('variable.other.pvar.reply-status'), r`T(?=\(reply_code\))`), cap(s('variable.other.pvar'), PVNAME)),
    cap(s('punctuation.section.pvar.begin'), r`\(`),
  ];
  const simplePvarCall = () => [...pvarCallBegin(), cap(s('variable.other.pvar-key'), PVAR_KEY), cap(s('punctuation.section.pvar.end'), r`\)`)];
  /** `$name(...)` as a block, its inside tokenized by pvar-inner; `guard` before its begin */
  const pvarCallBlock = (guard) =>
    block({
      name: s('meta.pvar'),
      begin: [...guard, ...pvarCallBegin()],
      end: [alt(cap(s('punctuation.section.pvar.end'), r`\)`), '$')],
      patterns: [include('#pvar-inner')],
    });

  const repository = {
    // --------------------------------------------------------------------------- comments
    comments: { patterns: [include('#comment-block'), include('#comment-lines')] },
    'comment-block': block({
      name: s('comment.block'),
      begin: [cap(s('punctuation.definition.comment.begin'), r`/\*`)],
      end: [cap(s('punctuation.definition.comment.end'), r`\*/`)],
    }),
    'comment-lines': {
      patterns: [
        match([cap(s('punctuation.definition.comment'), '#'), '.*$'], { name: s('comment.line.number-sign') }),
        ...(lang === 'kamailio' ? [match([cap(s('punctuation.definition.comment'), '//'), '.*$'], { name: s('comment.line.double-slash') })] : []),
      ],
    },

    // ------------------------------------------------------------- strings and variables
    strings: { patterns: [include('#string-plain'), include('#string-double'), include('#string-single')] },
    'string-plain': match(escapedStringParts(), { name: s('string.quoted.double'), comment: 'a string with no variable and at most two escapes in it, closed on its line: one match' }),
    'string-variables': match([cap(s('string.quoted.double'), quote('begin'), ...stringItems(4), quote('end'))], {
      comment: 'a string closed on its line with up to four escapes, $name and $name(key) in it ("from $fu to $tu\\n"): what string-double makes of it, in one match',
    }),
    'string-double': block({
      name: s('string.quoted.double'),
      begin: [quote('begin')],
      end: [alt(quote('end'), '$')],
      patterns: [include('#escape'), include('#pvars')],
    }),
    'string-single': block({
      name: s('string.quoted.single'),
      begin: [cap(s('punctuation.definition.string.begin'), "'")],
      end: [alt(cap(s('punctuation.definition.string.end'), "'"), '$')],
      patterns: [include('#escape'), include('#pvars')],
    }),
    escape: match([r`\\.`], { name: s('constant.character.escape') }),
    pvars: {
      comment: 'pseudo-variables: $ru, $var(x), $avp(i:1), $sht(t=>$si), $(ru{s.len}), $(avp(x)[0])',
      patterns: [include('#pvar-null'), include('#pvar-transformed'), include('#pvar-call-simple'), include('#pvar-call'), include('#pvar-names')],
    },
    'pvar-null': match([cap(s('punctuation.definition.variable'), r`\$`), cap(s('constant.language.null'), 'null'), r`\b`]),
    'pvar-transformed': block({
      name: s('meta.pvar.transformed'),
      begin: [cap(s('punctuation.definition.variable'), r`\$`), cap(s('punctuation.section.pvar.begin'), r`\(`)],
      end: [alt(cap(s('punctuation.section.pvar.end'), r`\)`), '$')],
      patterns: [
        match([r`\G`, cap(s('variable.other.pvar.reply-status'), `(?:${words(CODE_PVARS)})`), r`\b(?![.(])`]),
        match([r`\G`, cap(s('variable.other.pvar'), PVNAME)]),
        include('#pvar-parens'),
        include('#transformations'),
        include('#pvar-index'),
        include('#pvars'),
        include('#strings'),
        include('#numbers'),
      ],
    }),
    'pvar-call': pvarCallBlock([]),
    'pvar-call-simple': match(simplePvarCall(), { name: s('meta.pvar'), comment: 'what pvar-call makes of $name(key) with a plain key, in one match' }),
    'pvar-call-other': pvarCallBlock([`(?!${uncaptured(simplePvarCall())})`]),
    'pvar-names': {
      patterns: [
        match([cap(s('punctuation.definition.variable'), r`\$`), cap(s('variable.other.pvar.reply-status'), `(?:${words(CODE_PVARS)})`), r`\b(?![.(])`]),
        match([cap(s('punctuation.definition.variable'), r`\$`), cap(s('variable.other.pvar'), PVNAME)]),
      ],
    },
    'pvar-inner': {
      patterns: [
        include('#escape'),
        include('#pvars'),
        include('#strings'),
        include('#pvar-parens'),
        include('#pvar-index'),
        match(['=>'], { name: s('keyword.operator.key') }),
        match([PVAR_KEY], { name: s('variable.other.pvar-key') }),
      ],
    },
    'pvar-parens': block({
      begin: [cap(s('punctuation.section.pvar.begin'), r`\(`)],
      end: [alt(cap(s('punctuation.section.pvar.end'), r`\)`), '$')],
      patterns: [include('#pvar-inner')],
    }),
    'pvar-index': block({
      begin: [cap(s('punctuation.section.index.begin'), r`\[`)],
      end: [alt(cap(s('punctuation.section.index.end'), r`\]`), '$')],
      patterns: [include('#pvars'), include('#numbers'), match(['[*+-]'], { name: s('keyword.operator.index') })],
    }),
    transformations: block({
      name: s('meta.transformation'),
      begin: [cap(s('punctuation.section.transformation.begin'), r`\{`)],
      end: [alt(cap(s('punctuation.section.transformation.end'), r`\}`), '$')],
      patterns: [
        match([r`\G`, cap(s('support.function.transformation'), `${IDENT}(?:\\.${IDENT})*`)]),
        include('#escape'),
        include('#pvars'),
        include('#strings'),
        include('#numbers'),
        match([','], { name: s('punctuation.separator.comma') }),
      ],
    }),
    numbers: {
      patterns: [
        match([r`(?<![A-Za-z0-9_.])`, '[0-9]{1,3}(?:\\.[0-9]{1,3}){3}', r`(?![A-Za-z0-9_.])`], { name: s('constant.numeric.ip-address') }),
        match([r`\b`, alt('0x[0-9A-Fa-f]+', '[0-9]+'), r`\b`], { name: s('constant.numeric.integer') }),
      ],
    },

    // ------------------------------------------------- places where a number is a status code
    'reply-functions': {
      comment: 'reply functions: one argument (the first for most) is the status code to send',
      patterns: [
        ...codeArgumentIndexes.map((index) =>
          followedBy(
            s('meta.function-call.reply'),
            [
              r`\b`,
              cap(s('support.function.reply'), `(?:${words(replyFunctionsWithCodeAt(f.codes, index))})`),
              r`[ \t]*`,
              cap(s('punctuation.section.arguments.begin'), r`\(`),
              ...(index > 0
                ? [
                    cap(
                      { patterns: [include('#strings'), include('#pvars'), include('#numbers'), match([','], { name: s('punctuation.separator.comma') })] },
                      `(?:(?:[^,()"']|"[^"]*"|'[^']*')*,){${index}}`,
                    ),
                  ]
                : []),
              r`[ \t]*`,
              alt([quote('begin'), code(), r`(?![0-9])`, quote('end')], [code(), r`(?![0-9A-Za-z_])`]),
            ],
            // the reason and the marks after it, as the top level would take them
            [opt(r`[ \t]*`, mark(','), r`[ \t]*`, argument()), ...marksAfter(2, [')', ';'])],
          ),
        ),
        match([r`\b`, cap(s('support.function.reply'), `(?:${words(replyFunctionNames)})`), r`(?=[ \t]*\()`]),
      ],
    },
    'status-regex': {
      comment: 't_check_status("486|408"), status=~"[12][0-9][0-9]": a regular expression over codes',
      patterns: [
        block({
          name: s('meta.function-call.status-check'),
          begin: [
            r`\b`,
            cap(s('support.function.status-check'), `(?:${words(statusRegexFunctions)})`),
            r`[ \t]*`,
            cap(s('punctuation.section.arguments.begin'), r`\(`),
            r`[ \t]*`,
            quote('begin'),
          ],
          end: [alt(quote('end'), '$')],
          contentName: s('string.regexp.status-codes'),
          patterns: [include('#status-regex-content')],
        }),
        block({
          name: s('meta.comparison.status'),
          begin: [
            alt(
              [cap(s('punctuation.definition.variable'), r`\$`), cap(s('variable.other.pvar.reply-status'), `(?:${words(CODE_PVARS)})`), r`\b`],
              [r`\b`, cap(s('variable.language.core.status'), 'status'), r`\b`],
            ),
            r`[ \t]*`,
            cap(s('keyword.operator.regexp'), '=~|!~'),
            r`[ \t]*`,
            quote('begin'),
          ],
          end: [alt(quote('end'), '$')],
          contentName: s('string.regexp.status-codes'),
          patterns: [include('#status-regex-content')],
        }),
      ],
    },
    'status-regex-content': {
      patterns: [
        include('#escape'),
        match([r`(?<![0-9\]\\])`, code(), r`(?![0-9\[{])`]),
        match([r`\[[^\]\[]*\]`], { name: s('constant.character.set.regexp') }),
        match([r`[|()^$*+?.]`], { name: s('keyword.operator.regexp') }),
        include('#pvars'),
      ],
    },
    'status-comparison': {
      comment: '$rs >= 200, $T_reply_code == 401, status == "200": the number is compared with a reply code',
      patterns: [
        match([
          alt(
            [cap(s('punctuation.definition.variable'), r`\$`), cap(s('variable.other.pvar.reply-status'), `(?:${words(CODE_PVARS)})`), r`\b(?![.(])`],
            [
              cap(s('punctuation.definition.variable'), r`\$`),
              cap(s('variable.other.pvar.reply-status'), 'T'),
              cap(s('punctuation.section.pvar.begin'), r`\(`),
              cap(s('variable.other.pvar-key'), 'reply_code'),
              cap(s('punctuation.section.pvar.end'), r`\)`),
            ],
            [r`\b`, cap(s('variable.language.core.status'), 'status'), r`\b`],
          ),
          r`[ \t]*`,
          cap(s('keyword.operator.comparison'), '==|!=|<=|>=|<|>'),
          r`[ \t]*`,
          alt([quote('begin'), code(), r`(?![0-9])`, quote('end')], [code(), r`(?![0-9A-Za-z_])`]),
        ]),
      ],
    },
    modparam: block({
      comment: 'modparam("module", "name", value): some parameters take a code or a list of codes',
      name: s('meta.modparam'),
      begin: [r`\b`, cap(s('support.function.modparam'), 'modparamx?'), r`[ \t]*`, cap(s('punctuation.section.arguments.begin'), r`\(`)],
      end: [cap(s('punctuation.section.arguments.end'), r`\)`)],
      patterns: [
        ...modparamPairs(f.codes, 'code').map(([module, parameter]) =>
          match([...modparamName(module, parameter), alt([quote('begin'), code(), r`(?![0-9])`, quote('end')], [code(), r`(?![0-9A-Za-z_])`])]),
        ),
        ...modparamPairs(f.codes, 'list').map(([module, parameter]) =>
          block({
            begin: [...modparamName(module, parameter), quote('begin')],
            end: [quote('end')],
            contentName: s('string.quoted.double.status-codes'),
            patterns: [
              ...(lang === 'kamailio'
                ? [
                    match([r`\b`, cap(s('keyword.other.status-class'), 'class'), cap(s('keyword.operator.assignment'), '='), cap(s('constant.numeric.status-class'), '[1-6]'), r`\b`]),
                    match([r`\b`, cap(s('keyword.other.status-code'), 'code'), cap(s('keyword.operator.assignment'), '=')]),
                  ]
                : []),
              match([r`(?<![0-9])`, code(), r`(?![0-9])`]),
            ],
          }),
        ),
        ...modparamPairs(f.codes, 'regex').map(([module, parameter]) =>
          block({
            begin: [...modparamName(module, parameter), quote('begin')],
            end: [alt(quote('end'), '$')],
            contentName: s('string.regexp.status-codes'),
            patterns: [include('#status-regex-content')],
          }),
        ),
        include('#comments'),
        include('#strings'),
        include('#pvars'),
        include('#numbers'),
        include('#constants'),
        match([','], { name: s('punctuation.separator.comma') }),
      ],
    }),

    // ---------------------------------------------------------------- structure, keywords
    routes: {
      patterns: [
        followedBy(
          s('meta.route.definition'),
          [
            r`\b`,
            cap(s('storage.type.route'), `(?:${words(f.routeTypes)})`),
            r`[ \t]*`,
            cap(s('punctuation.section.route-name.begin'), r`\[`),
            r`[ \t]*`,
            alt([quote('begin'), cap(s('entity.name.function.route'), '[^"\\]]*'), quote('end')], cap(s('entity.name.function.route'), r`[^\]\[, \t]+`)),
            r`[ \t]*`,
            ...(lang === 'opensips'
              ? [opt(cap(s('punctuation.separator.comma'), ','), cap({ patterns: [include('#numbers'), match([IDENT], { name: s('storage.modifier.route') })] }, r`[^\]\[]*`))]
              : []),
            cap(s('punctuation.section.route-name.end'), r`\]`),
          ],
          [opt(r`[ \t]*`, mark('{'))],
        ),
        followedBy(s('meta.route.definition'), [r`\b`, cap(s('storage.type.route'), `(?:${words(f.routeTypes)})`)], [r`[ \t]*`, mark('{')]),
        followedBy(
          s('meta.route.call'),
          [
            r`\b`,
            cap(s('keyword.control.route'), 'route'),
            ...routeNameArgument(),
            r`[ \t]*`,
            cap(s('punctuation.section.arguments.end'), r`\)`),
          ],
          [opt(r`[ \t]*`, mark(';'))],
        ),
        followedBy(
          s('meta.route.arm'),
          [
            r`\b`,
            cap(s('support.function'), `(?:${words(ROUTE_ARMS)})`),
            ...routeNameArgument(),
          ],
          marksAfter(2, [')', ';']),
        ),
      ],
    },
    modules: match([r`\b`, cap(s('keyword.control.import'), `(?:${words(MODULE_WORDS)})`), r`\b`, opt(r`[ \t]*`, plainString())]),
    keywords: {
      patterns: [
        ...(f.wordOperators.length ? [match([r`\b`, `(?:${words(f.wordOperators)})`, r`\b`], { name: s('keyword.operator.word') })] : []),
        match([r`\b`, `(?:${words(CORE_KEYWORDS.filter((k) => k !== 'msg:len'))})`, r`\b`, r`(?![.(])`], { name: s('variable.language.core') }),
        match([r`\bmsg:len\b`], { name: s('variable.language.core') }),
      ],
    },
    constants: {
      patterns: [
        match([r`\b`, `(?:${words(CONSTANTS)})`, r`\b`], { name: s('constant.language') }),
        match([r`\b`, cap(s('constant.language.transport'), `(?:${words(TRANSPORTS)})`), r`(?=:)`]),
        match([r`\b`, '[A-Z][A-Z0-9_]*[A-Z0-9]', r`\b`], { name: s('constant.other.define') }),
      ],
    },
    functions: match([r`\b`, cap(s('support.function'), IDENT), r`(?=[ \t]*\()`], { name: s('meta.function-call') }),
    operators: {
      patterns: [
        match(['=~|!~|==|!=|<=|>=|<|>'], { name: s('keyword.operator.comparison') }),
        match([r`&&|\|\||!`], { name: s('keyword.operator.logical') }),
        match(['=>'], { name: s('keyword.operator.key') }),
        match([r`[-+*/%&|^~]=?|=`], { name: s('keyword.operator') }),
      ],
    },
    // no `)`: the top level's closing-parens, before it in the same regex, takes every one
    punctuation: {
      patterns: [
        match([r`\{`], { name: s('punctuation.section.block.begin') }),
        match([r`\}`], { name: s('punctuation.section.block.end') }),
        match([r`\(`], { name: s('punctuation.section.parens.begin') }),
        match([';'], { name: s('punctuation.terminator.statement') }),
        match([','], { name: s('punctuation.separator.comma') }),
      ],
    },
  };

  const top = [];
  if (lang === 'kamailio') {
    const directive = (scope, which) => [r`^[ \t]*`, cap(s('punctuation.definition.directive'), '[#!]!'), cap(s(`keyword.control.directive.${scope}`), `(?:${words(which)})`), r`\b`];
    const preprocessorName = () => cap(s('entity.name.constant.preprocessor'), IDENT);
    const restOfLine = (patterns) => cap({ patterns }, '.*');
    repository['preprocessor-lines'] = {
      comment: 'the pre-processor lines, in one regex anchored at the start of a line (cheap to reject) and one match each',
      patterns: [
        match([...directive('conditional', KAMAILIO_DIRECTIVES_IF), opt(r`[ \t]+`, preprocessorName())], { name: s('meta.preprocessor.conditional') }),
        match(directive('conditional', KAMAILIO_DIRECTIVES_ELSE), { name: s('meta.preprocessor.conditional') }),
        match(directive('compat', KAMAILIO_DIRECTIVES_COMPAT), { name: s('meta.preprocessor.compat') }),
        match(
          [
            ...directive('define', KAMAILIO_DIRECTIVES_DEFINE),
            r`[ \t]+`,
            preprocessorName(),
            opt(r`[ \t]+`, alt(plainString(), cap(s('constant.numeric.integer'), r`\b(?:0x[0-9A-Fa-f]+|[0-9]+)\b`))),
            r`[ \t]*$`,
          ],
          { name: s('meta.preprocessor.define') },
        ),
        // the lines with a body: the rest of the line tokenized by the rules of the body (a capture's own
        // patterns), as the blocks that ended at the end of the line did
        match(
          [
            ...directive('define', KAMAILIO_DIRECTIVES_DEFINE),
            opt(r`[ \t]+`, preprocessorName()),
            restOfLine([include('#strings'), include('#pvars'), include('#numbers'), include('#operators'), include('#constants')]),
          ],
          { name: s('meta.preprocessor.define') },
        ),
        match([...directive('conditional', ['ifexp']), restOfLine([include('#strings'), include('#numbers'), include('#operators'), include('#constants')])], {
          name: s('meta.preprocessor.conditional'),
        }),
        match([...directive('subst', KAMAILIO_DIRECTIVES_SUBST), restOfLine([include('#strings')])], { name: s('meta.preprocessor.subst') }),
        match([...directive('include', KAMAILIO_DIRECTIVES_INCLUDE), restOfLine([include('#strings')])], { name: s('meta.preprocessor.include') }),
      ],
    };
    top.push(include('#preprocessor-lines'));
    repository['cfg-var-description'] = match([r`(?<=["0-9a-zA-Z_][ \t])`, 'desc', r`\b`], { name: s('keyword.other.description') });
  } else {
    repository['m4-words'] = {
      comment: 'OpenSIPS ships its configuration templates as m4 files (opensips -p m4)',
      patterns: [
        match([r`\b`, cap(s('keyword.other.m4'), 'dnl'), r`\b.*$`], { name: s('comment.line.dnl.m4') }),
        match([r`\b`, cap(s('support.function.m4'), `(?:${words(M4_MACROS)})`), r`(?=\()`]),
      ],
    };
    repository['m4-quote'] = block({
      comment: 'm4 quotes hold configuration text that m4 copies out (ifelse branches): tokenized as configuration',
      name: s('meta.quoted.m4'),
      begin: [cap(s('punctuation.definition.quote.begin.m4'), '\\x60')],
      end: [cap(s('punctuation.definition.quote.end.m4'), "'")],
      patterns: [include('$self')],
    });
  }


  // A scanner costs in proportion to its regexes at every position it tries, and each match costs a
  // call and its captures, so the top level keeps few regexes: the common forms, that take several
  // tokens at once, and gates for the rare ones (a zero-width rule that starts there and ends as soon
  // as the scan moves on, the rules behind it in their order of old), so that where two of them could
  // start at one place the same one wins.
  repository['word-rules'] = block({
    keepApart: true,
    begin: [r`\b(?=`, wordTree(gateWords), r`\b)`],
    // the blocks and the forms of many captures stay patterns; the gate ends with the others, the
    // commonest words (loadmodule, uri, yes), in one match (see block's endForms). The patterns are
    // tried first: of the end forms, only the last ones (any name before a parenthesis, any word)
    // take a word that a pattern takes (route(, t_reply(), and they came after those patterns before
    patterns: [include('#modparam'), include('#status-regex'), include('#status-comparison'), include('#routes'), include('#reply-functions')],
    endForms: [
      ...(lang === 'opensips' ? [include('#m4-words')] : []),
      include('#modules'),
      include('#keywords'),
      ...(lang === 'kamailio' ? [include('#cfg-var-description')] : []),
      include('#functions'),
      include('#constants'),
      match([r`[A-Za-z_][A-Za-z0-9_]*`]),
    ],
  });
  // operators and punctuation: one regex for both
  repository.symbols = { patterns: [include('#operators'), include('#punctuation')] };
  // the strings that are no plain string and the rules that start at a $: one gate, as each of them is
  // rare next to the scans that would try it (every form ends on its line, so the gate never stays open)
  repository['quote-dollar-rules'] = block({
    keepApart: true,
    begin: [r`(?=["'$])`],
    // $name(key) with a plain key, the commonest, ends the gate in one match (see block's endForms),
    // and so does a $name that no pattern took; the block of $name( stands aside for it
    patterns: [
      include('#string-variables'),
      include('#string-double'),
      include('#string-single'),
      include('#status-regex'),
      include('#status-comparison'),
      include('#pvar-null'),
      include('#pvar-transformed'),
      include('#pvar-call-other'),
    ],
    endForms: [include('#pvar-call-simple'), include('#pvar-names')],
    // the marks after a string or a $name(...) (`");`, `$var(x))`), where the top level would take them one by one
    endTail: marksAfter(2, [')', ';', ',']),
  });

  const WS = r`[ \t]*`;
  const comma = () => cap(s('punctuation.separator.comma'), ',');
  repository['modparam-simple'] = match(
    [
      r`\b`,
      cap(s('support.function.modparam'), 'modparamx?'),
      WS,
      cap(s('punctuation.section.arguments.begin'), r`\(`),
      WS,
      plainString(),
      WS,
      comma(),
      WS,
      `(?!"(?:${words(Object.keys(f.codes.modparams).map((key) => key.split('/')[1]))})")`,
      plainString(),
      WS,
      comma(),
      WS,
      alt(
        plainString(),
        [r`(?<![A-Za-z0-9_.])`, cap(s('constant.numeric.ip-address'), '[0-9]{1,3}(?:\\.[0-9]{1,3}){3}'), r`(?![A-Za-z0-9_.])`],
        cap(s('constant.numeric.integer'), r`\b(?:0x[0-9A-Fa-f]+|[0-9]+)\b`),
        [r`\b`, alt(cap(s('constant.language'), `(?:${words(CONSTANTS)})\\b`), cap(s('constant.other.define'), '[A-Z][A-Z0-9_]*[A-Z0-9]\\b'), r`[A-Za-z_][A-Za-z0-9_]*\b`)],
      ),
      WS,
      cap(s('punctuation.section.arguments.end'), r`\)`),
    ],
    { comment: 'modparam("module", "name", value) with a plain value, of a parameter that takes no code: the whole call in one match', name: s('meta.modparam') },
  );
  repository['function-call'] = match(
    [
      r`\b(?!(?:`,
      words(f.keywords),
      r`)\b)`,
      // two captures, not one with two scopes: vscode-textmate splits such a name at each match
      cap(s('meta.function-call'), cap(s('support.function'), IDENT)),
      WS,
      mark('('),
      opt(WS, argument(), opt(WS, mark(','), WS, argument(), opt(WS, mark(','), WS, argument()))),
      ...marksAfter(3, [')', ';', '{']),
    ],
    { comment: 'a call of a function no other rule knows, with up to three simple arguments, and the marks after it' },
  );
  repository['control-keyword-then'] = match(
    [
      r`\b`,
      cap(s('keyword.control'), `(?:${words(f.keywords)})`),
      r`\b`,
      opt(WS, alt([mark('('), opt(WS, cap(s('keyword.operator.logical'), '!'), '(?![=~])')], mark(';'), mark('{'))),
    ],
    { comment: 'if (, exit;, else {: the keyword and the mark after it' },
  );
  repository['closing-parens'] = match([mark(')'), ...marksAfter(2, [')', ';', '{'])]);
  repository['common-tokens'] = {
    comment: 'one regex: the words that are keywords, defines or nothing, plain pseudo-variables, comments, numbers, operators and punctuation',
    patterns: [
      include('#control-keyword-then'),
      match([r`\b[A-Z][A-Z0-9_]*[A-Z0-9]\b`], { name: s('constant.other.define') }),
      match([r`\b[A-Za-z_][A-Za-z0-9_]*`]),
      match(plainPvar()),
    ],
  };
  repository['common-tokens-2'] = {
    comment: 'numbers and line comments (neither starts where the other can): the numbers first, which gives Oniguruma the characters the regex can start with',
    patterns: [include('#numbers'), include('#comment-lines')],
  };
  // a plain string with them (nothing else starts at a quote: the strings that are no match of it come after)
  repository['common-tokens-3'] = { patterns: [include('#closing-parens'), include('#symbols'), include('#string-plain')] };

  // an assignment `name = value` at the start of a line: a regex of its own, anchored at ^, out of the
  // regex of the words, whose other alternatives Oniguruma then skips to by their first characters.
  // Indented, nothing else starts at its first blank; at the first column, the words that a rule of
  // the word gate or a control keyword takes whole (loadmodule, uri, and, if) stay theirs.
  repository['line-start-assignment'] = match(
    globalAssignment([
      '^',
      alt(r`[ \t]+`, `(?!(?:${words([...f.keywords, ...MODULE_WORDS, ...f.wordOperators, ...(lang === 'opensips' ? ['dnl'] : [])])})\\b|(?:${words(CORE_KEYWORDS.filter((k) => k !== 'msg:len'))})\\b(?![.(]))`),
    ]),
  );
  top.push(
    include('#line-start-assignment'),
    include('#comment-block'),
    ...(lang === 'opensips' ? [include('#m4-quote')] : []),
    include('#modparam-simple'),
    include('#word-rules'),
    include('#function-call'),
    include('#common-tokens'),
    include('#common-tokens-2'),
    include('#common-tokens-3'),
    include('#quote-dollar-rules'),
  );

  return grammar({
    name: `${f.title} configuration`,
    scopeName: `source.${lang}`,
    fileTypes: lang === 'kamailio' ? ['kamailio.cfg'] : ['opensips.cfg'],
    ...(lang === 'kamailio' ? { firstLineMatch: '^#!(?:KAMAILIO|OPENSER|SER|MAXCOMPAT|ALL)\\b' } : {}),
    patterns: top,
    repository,
  });
}
