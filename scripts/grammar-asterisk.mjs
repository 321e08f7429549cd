// source.asterisk: Asterisk configuration files (extensions.conf dialplans, and the same
// [section]/key=value syntax of pjsip.conf, sip.conf ...).
import { alt, block, cap, grammar, include, match, opt, statusCode } from './grammar-lib.mjs';

const r = String.raw;
const L = 'asterisk';

/**
 * Where the rules of a line's start begin: at the start of the line, behind the gate below
 * (#line-start), after any indentation.
 */
const LINE_START = r`\G[ \t]*`;

/** priority of an extension line: 1, n (next), s (same), 50000(label); hint is handled separately */
const priority = () => [
  alt(cap('constant.numeric.priority.asterisk', '[0-9]+'), cap('keyword.other.priority.asterisk', '(?:next|same|[ns])')),
  opt(
    cap('punctuation.definition.label.begin.asterisk', r`\(`),
    cap('entity.name.label.asterisk', r`[^)]*`),
    cap('punctuation.definition.label.end.asterisk', r`\)`),
  ),
];

const extension = () =>
  alt(cap('string.regexp.extension-pattern.asterisk', r`_[^,; \t]*`), cap('variable.other.extension.asterisk', r`[^,; \t]+`));

/** `exten => 486,` up to the priority (or the word hint). */
const extenStart = () => [
  LINE_START,
  cap('keyword.other.exten.asterisk', 'exten'),
  r`[ \t]*`,
  cap('keyword.operator.assignment.asterisk', '=>?'),
  r`[ \t]*`,
  extension(),
  r`[ \t]*`,
  cap('punctuation.separator.comma.asterisk', ','),
  r`[ \t]*`,
];

const repository = {
  comments: {
    patterns: [
      block({
        comment: 'a block comment starts with ";--" not followed by a third "-" (";-----" lines are plain comments)',
        name: 'comment.block.asterisk',
        begin: [r`(?<!\\)`, cap('punctuation.definition.comment.begin.asterisk', ';--'), '(?!-)'],
        end: [cap('punctuation.definition.comment.end.asterisk', '--;')],
      }),
      match([r`(?<!\\)`, cap('punctuation.definition.comment.asterisk', ';'), '.*$'], { name: 'comment.line.semicolon.asterisk' }),
    ],
  },
  directives: match(
    [LINE_START, cap('keyword.control.directive.asterisk', '#(?:include|tryinclude|exec)'), r`\b[ \t]*`, opt(cap('string.unquoted.path.asterisk', r`"[^"]*"|[^; \t]+`))],
    { name: 'meta.preprocessor.asterisk' },
  ),
  section: match(
    [
      LINE_START,
      cap('punctuation.definition.section.begin.asterisk', r`\[`),
      cap('entity.name.type.section.asterisk', r`[^\]]*`),
      cap('punctuation.definition.section.end.asterisk', r`\]`),
      opt(
        r`[ \t]*`,
        cap('punctuation.definition.template.begin.asterisk', r`\(`),
        cap(
          {
            patterns: [
              match(['!'], { name: 'storage.modifier.template.asterisk' }),
              match([r`\+`], { name: 'storage.modifier.append.asterisk' }),
              match([','], { name: 'punctuation.separator.comma.asterisk' }),
              match([r`[^,!+ \t]+`], { name: 'entity.other.inherited-class.asterisk' }),
            ],
          },
          r`[^)]*`,
        ),
        cap('punctuation.definition.template.end.asterisk', r`\)`),
      ),
    ],
    { comment: '[name], [name](!) template, [name](tmpl1,tmpl2) inherits, [name](+) appends', name: 'meta.section.asterisk' },
  ),
  hint: match(
    [
      ...extenStart(),
      cap('keyword.other.priority.hint.asterisk', 'hint'),
      r`[ \t]*`,
      cap('punctuation.separator.comma.asterisk', ','),
      cap('string.unquoted.device.asterisk', r`[^;]*`),
    ],
    { name: 'meta.dialplan.hint.asterisk' },
  ),
  exten: block({
    name: 'meta.dialplan.exten.asterisk',
    begin: [
      ...extenStart(),
      ...priority(),
      r`[ \t]*`,
      opt(cap('punctuation.separator.comma.asterisk', ',')),
    ],
    end: ['$'],
    patterns: [include('#application')],
  }),
  same: block({
    name: 'meta.dialplan.same.asterisk',
    begin: [
      LINE_START,
      cap('keyword.other.same.asterisk', 'same'),
      r`[ \t]*`,
      cap('keyword.operator.assignment.asterisk', '=>?'),
      r`[ \t]*`,
      ...priority(),
      r`[ \t]*`,
      opt(cap('punctuation.separator.comma.asterisk', ',')),
    ],
    end: ['$'],
    patterns: [include('#application')],
  }),
  include: match(
    [LINE_START, cap('keyword.other.include.asterisk', 'include'), r`[ \t]*`, cap('keyword.operator.assignment.asterisk', '=>?'), r`[ \t]*`, opt(cap('entity.name.type.section.asterisk', r`[^,; \t]+`))],
    { name: 'meta.dialplan.include.asterisk' },
  ),
  'key-value': block({
    name: 'meta.key-value.asterisk',
    begin: [LINE_START, cap('variable.other.property.asterisk', r`[A-Za-z0-9_.\/-]+`), r`[ \t]*`, cap('keyword.operator.assignment.asterisk', '=>?')],
    end: ['$'],
    patterns: [include('#comments'), include('#variables'), include('#expressions'), include('#booleans'), include('#numbers'), include('#escape')],
  }),

  // ------------------------------------------------------------------ applications and values
  application: {
    comment: 'Application(args) after the priority; PJSIPHangup takes a SIP code, Hangup a Q.850 cause',
    patterns: [
      include('#pjsip-hangup'),
      include('#hangup'),
      match([r`\G[ \t]*`, cap('support.function.application.asterisk', r`[A-Za-z][A-Za-z0-9_]*`), r`\b`]),
      include('#values'),
    ],
  },
  'pjsip-hangup': match(
    [
      r`\b`,
      cap('support.function.application.asterisk', 'PJSIPHangup'),
      r`[ \t]*`,
      cap('punctuation.section.arguments.begin.asterisk', r`\(`),
      r`[ \t]*`,
      alt(
        [statusCode(L, { outOfRange: true }), r`(?![0-9A-Za-z_])`],
        cap('constant.language.status-code-name.asterisk', r`(?:PJSIP_SC_)?[A-Z][A-Z0-9_]*\b`),
      ),
    ],
    { name: 'meta.application.pjsip-hangup.asterisk' },
  ),
  hangup: match(
    [
      r`\b`,
      cap('support.function.application.asterisk', 'Hangup'),
      r`[ \t]*`,
      cap('punctuation.section.arguments.begin.asterisk', r`\(`),
      r`[ \t]*`,
      cap('constant.numeric.q850-cause.asterisk', '[0-9]{1,3}'),
      r`(?![0-9])`,
    ],
    { comment: 'Hangup(17): an ISDN/Q.850 cause (17 = user busy -> SIP 486), not a SIP code', name: 'meta.application.hangup.asterisk' },
  ),
  values: {
    patterns: [
      include('#comments'),
      include('#variables'),
      include('#expressions'),
      include('#pjsip-hangup'),
      include('#hangup'),
      include('#strings'),
      include('#escape'),
      match([r`\b`, cap('support.function.dialplan.asterisk', r`[A-Za-z_][A-Za-z0-9_]*`), r`(?=\()`]),
      match([r`(?<=\])[ \t]*`, cap('keyword.operator.ternary.asterisk', r`\?`)]),
      match([r`\(`], { name: 'punctuation.section.arguments.begin.asterisk' }),
      match([r`\)`], { name: 'punctuation.section.arguments.end.asterisk' }),
      match([','], { name: 'punctuation.separator.comma.asterisk' }),
    ],
  },
  variables: block({
    name: 'meta.variable.asterisk',
    begin: [cap('punctuation.definition.variable.begin.asterisk', r`\$\{`)],
    end: [alt(cap('punctuation.definition.variable.end.asterisk', r`\}`), '$')],
    patterns: [
      match([r`\G`, cap('support.function.dialplan.asterisk', r`[A-Za-z_][A-Za-z0-9_]*`), r`(?=\()`]),
      match([r`\G`, cap('variable.other.asterisk', r`[A-Za-z0-9_.-]+`)]),
      match([cap('punctuation.separator.substring.asterisk', ':'), cap('constant.numeric.asterisk', '-?[0-9]+')]),
      include('#values'),
    ],
  }),
  expressions: block({
    name: 'meta.expression.asterisk',
    begin: [cap('punctuation.definition.expression.begin.asterisk', r`\$\[`)],
    end: [alt(cap('punctuation.definition.expression.end.asterisk', r`\]`), '$')],
    patterns: [
      include('#variables'),
      include('#expressions'),
      include('#strings'),
      include('#numbers'),
      match([r`=~|!=|<=|>=|::|[=<>&|!+*/%?:-]`], { name: 'keyword.operator.asterisk' }),
      include('#values'),
    ],
  }),
  strings: block({
    name: 'string.quoted.double.asterisk',
    begin: [cap('punctuation.definition.string.begin.asterisk', '"')],
    end: [alt(cap('punctuation.definition.string.end.asterisk', '"'), '$')],
    patterns: [include('#escape'), include('#variables'), include('#expressions')],
  }),
  escape: match([r`\\.`], { name: 'constant.character.escape.asterisk' }),
  booleans: match([r`\b`, '(?:yes|no|true|false|on|off)', r`\b`], { name: 'constant.language.boolean.asterisk' }),
  numbers: match([r`\b`, r`[0-9]+(?:\.[0-9]+)?`, r`\b`], { name: 'constant.numeric.asterisk' }),
};

// one rule per keyword so that each gets its own scope
repository['switch-ignorepat'] = {
  patterns: ['switch', 'eswitch', 'lswitch', 'ignorepat'].map((kw) =>
    match(
      [LINE_START, cap(`keyword.other.${kw}.asterisk`, kw), r`[ \t]*`, cap('keyword.operator.assignment.asterisk', '=>?'), r`[ \t]*`, opt(cap('string.unquoted.asterisk', r`[^; \t]+`))],
      { name: 'meta.dialplan.asterisk' },
    ),
  ),
};

repository['line-start'] = block({
  comment:
    'the rules that start a line (#include, [section], exten/same/include/switch =>, key = value) behind one test at the start of each line; it opens only where one of them matches (key = value takes any word before =), so that it never holds a character back from the rules after it',
  keepApart: true,
  begin: ['^', r`(?=[ \t]*(?:#(?:include|tryinclude|exec)\b|\[|[A-Za-z0-9_.\/-]+[ \t]*=))`],
  end: [r`(?!\G)`],
  patterns: [
    include('#directives'),
    include('#section'),
    include('#hint'),
    include('#exten'),
    include('#same'),
    include('#include'),
    include('#switch-ignorepat'),
    include('#key-value'),
  ],
});

/** A blank line or a whole-line ";" comment (not the ";--" of a block comment), from where it starts (`^` or `\G`) through its end. */
const quietLine = (anchor) => [
  anchor,
  r`[ \t]*`,
  opt(cap('comment.line.semicolon.asterisk', cap('punctuation.definition.comment.asterisk', ';'), '(?!--(?!-))', r`[^\n]*`)),
  r`\n`,
];
repository['quiet-lines'] = block({
  comment:
    'runs of blank lines and whole-line comments, most of a configuration file, with the scopes #comments gives them: the begin takes the whole line with its end, so that the while check of each following line is anchored (\\G), one regex, against an empty list, instead of two searches by every rule of the top level',
  begin: quietLine('^'),
  while: quietLine(r`\G`),
  patterns: [],
});

export const asteriskGrammar = grammar({
  name: 'Asterisk configuration',
  scopeName: 'source.asterisk',
  fileTypes: ['extensions.conf', 'pjsip.conf', 'sip.conf'],
  // a scanner costs in proportion to its regexes at every position it tries: the rules of a
  // line's start sit behind one gate, and #values begins with the comments
  patterns: [include('#quiet-lines'), include('#line-start'), include('#values')],
  repository,
});
