// source.asterisk: Asterisk configuration files (extensions.conf dialplans, and the same
// [section]/key=value syntax of pjsip.conf, sip.conf ...).
import { alone, alt, block, cap, grammar, include, match, opt, statusCode, uncaptured } from './grammar-lib.mjs';

const r = String.raw;
const L = 'asterisk';

/**
 * Where the rules of a line's start begin: at the start of the line, after any indentation; behind
 * the gate below (#line-start) for the rare ones, at the top level for the common ones (a rule
 * that starts with ^ costs the top level little, since it searches only at the start and the end
 * of a line: #rest-of-line takes the rest).
 */
const LINE_START = r`\G[ \t]*`;
const TOP_LINE_START = r`^[ \t]*`;

/**
 * priority of an extension line: 1, n (next), s (same), 50000(label); hint is handled separately.
 * `whole`: not followed by a letter or digit, so that a regex that goes on after it never reads
 * "next" as n followed by "ext".
 */
const priority = (whole = false) => [
  alt(cap('constant.numeric.priority.asterisk', '[0-9]+'), cap('keyword.other.priority.asterisk', '(?:next|same|[ns])')),
  whole ? '(?![A-Za-z0-9_])' : '',
  opt(
    cap('punctuation.definition.label.begin.asterisk', r`\(`),
    cap('entity.name.label.asterisk', r`[^)]*`),
    cap('punctuation.definition.label.end.asterisk', r`\)`),
  ),
];

const extension = () =>
  alt(cap('string.regexp.extension-pattern.asterisk', r`_[^,; \t]*`), cap('variable.other.extension.asterisk', r`[^,; \t]+`));

/** `exten => 486,` up to the priority (or the word hint), from `lineStart`. */
const extenStart = (lineStart) => [
  lineStart,
  cap('keyword.other.exten.asterisk', 'exten'),
  r`[ \t]*`,
  cap('keyword.operator.assignment.asterisk', '=>?'),
  r`[ \t]*`,
  extension(),
  r`[ \t]*`,
  cap('punctuation.separator.comma.asterisk', ','),
  r`[ \t]*`,
];

const APPLICATION = '[A-Za-z][A-Za-z0-9_]*';
const FUNCTION = '[A-Za-z_][A-Za-z0-9_]*';
const VARIABLE = '[A-Za-z0-9_.-]+';
/** the parenthesis after a function's or an application's name, in the same match as the name */
const ARGUMENTS_BEGIN = cap('punctuation.section.arguments.begin.asterisk', r`\(`);
const ARGUMENTS_END = cap('punctuation.section.arguments.end.asterisk', r`\)`);
/** a ";" comment to the end of the line (a ";--" not followed by a third "-" begins a block comment) */
const lineComment = () =>
  cap('comment.line.semicolon.asterisk', r`(?<!\\)`, cap('punctuation.definition.comment.asterisk', ';'), '(?!--(?!-))', '.*');
/** `:1` of ${EXTEN:1} */
const substring = () => [cap('punctuation.separator.substring.asterisk', ':'), cap('constant.numeric.asterisk', '-?[0-9]+')];

/** `exten => 100,hint,PJSIP/100`, from `lineStart`. */
const hintParts = (lineStart) => [
  ...extenStart(lineStart),
  cap('keyword.other.priority.hint.asterisk', 'hint'),
  r`[ \t]*`,
  cap('punctuation.separator.comma.asterisk', ','),
  cap('string.unquoted.device.asterisk', r`[^;]*`),
];

/** `name(` of an application, then `args` */
const applicationCall = (name, ...args) => [r`\b`, cap('support.function.application.asterisk', name), r`[ \t]*`, ARGUMENTS_BEGIN, r`[ \t]*`, ...args];
/** PJSIPHangup(486) or PJSIPHangup(BUSY_HERE) */
const pjsipHangupParts = applicationCall(
  'PJSIPHangup',
  alt(
    [statusCode(L, { outOfRange: true }), r`(?![0-9A-Za-z_])`],
    cap('constant.language.status-code-name.asterisk', r`(?:PJSIP_SC_)?[A-Z][A-Z0-9_]*\b`),
  ),
);
/** Hangup(17) */
const hangupParts = applicationCall('Hangup', cap('constant.numeric.q850-cause.asterisk', '[0-9]{1,3}'), r`(?![0-9])`);

/**
 * The name of the application where the priority's comma leaves off (Hangup and PJSIPHangup right
 * there are #values' rules), with the parenthesis after it.
 */
const applicationName = () => [
  `(?!${uncaptured(pjsipHangupParts)}|${uncaptured(hangupParts)})[ \\t]*`,
  cap('support.function.application.asterisk', APPLICATION),
  r`\b`,
  opt(r`[ \t]*`, ARGUMENTS_BEGIN),
];

/** `same => n,` up to the priority, from `lineStart`. */
const sameStart = (lineStart) => [lineStart, cap('keyword.other.same.asterisk', 'same'), r`[ \t]*`, cap('keyword.operator.assignment.asterisk', '=>?'), r`[ \t]*`];

/**
 * The end of an exten or same line: its last parenthesis, a comment after it, in the same match
 * (where they are last on the line; #values takes them elsewhere).
 */
const DIALPLAN_LINE_END = [opt(ARGUMENTS_END, r`[ \t]*`), opt(lineComment()), '$'];

/**
 * An exten or same line whose priority is followed by an application: its begin takes the name
 * and parenthesis of the application too (#application's first rule, from where #exten's begin
 * would end). The others are #exten and #same.
 */
const dialplanLine = (name, start) =>
  block({
    name,
    begin: [...start, ...priority(true), r`[ \t]*`, opt(cap('punctuation.separator.comma.asterisk', ',')), ...applicationName()],
    end: DIALPLAN_LINE_END,
    patterns: [include('#values')],
  });

/** An escape, and what may lie between two escapes taken in one match (see #escapes). */
const ESCAPE = cap('constant.character.escape.asterisk', r`\\.`);
const ESCAPE_GAP = '[A-Za-z_]*';

const repository = {
  'comment-block': block({
    comment: 'a block comment starts with ";--" not followed by a third "-" (";-----" lines are plain comments)',
    name: 'comment.block.asterisk',
    begin: [r`(?<!\\)`, cap('punctuation.definition.comment.begin.asterisk', ';--'), '(?!-)'],
    end: [cap('punctuation.definition.comment.end.asterisk', '--;')],
  }),
  'comment-line': match([lineComment()]),
  directives: match(
    [LINE_START, cap('keyword.control.directive.asterisk', '#(?:include|tryinclude|exec)'), r`\b[ \t]*`, opt(cap('string.unquoted.path.asterisk', r`"[^"]*"|[^; \t]+`))],
    { name: 'meta.preprocessor.asterisk' },
  ),
  section: match(
    [
      TOP_LINE_START,
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
  hint: match(hintParts(LINE_START), { name: 'meta.dialplan.hint.asterisk' }),
  'exten-application': dialplanLine('meta.dialplan.exten.asterisk', extenStart(TOP_LINE_START)),
  'same-application': dialplanLine('meta.dialplan.same.asterisk', sameStart(TOP_LINE_START)),
  exten: block({
    name: 'meta.dialplan.exten.asterisk',
    begin: [...extenStart(LINE_START), ...priority(), r`[ \t]*`, opt(cap('punctuation.separator.comma.asterisk', ','))],
    end: DIALPLAN_LINE_END,
    patterns: [include('#application')],
  }),
  same: block({
    name: 'meta.dialplan.same.asterisk',
    begin: [...sameStart(LINE_START), ...priority(), r`[ \t]*`, opt(cap('punctuation.separator.comma.asterisk', ','))],
    end: DIALPLAN_LINE_END,
    patterns: [include('#application')],
  }),
  include: match(
    [LINE_START, cap('keyword.other.include.asterisk', 'include'), r`[ \t]*`, cap('keyword.operator.assignment.asterisk', '=>?'), r`[ \t]*`, opt(cap('entity.name.type.section.asterisk', r`[^,; \t]+`))],
    { name: 'meta.dialplan.include.asterisk' },
  ),
  'key-value': block({
    name: 'meta.key-value.asterisk',
    begin: [TOP_LINE_START, cap('variable.other.property.asterisk', r`[A-Za-z0-9_.\/-]+`), r`[ \t]*`, cap('keyword.operator.assignment.asterisk', '=>?')],
    // a comment last on the line in the same match
    end: [opt(lineComment()), '$'],
    patterns: [
      include('#comment-block'),
      include('#comment-line'),
      include('#simple-variable'),
      include('#variables'),
      include('#expressions'),
      include('#booleans'),
      include('#numbers'),
      include('#escape'),
    ],
  }),

  // ------------------------------------------------------------------ applications and values
  application: {
    comment:
      'Application(args) after the priority; PJSIPHangup takes a SIP code, Hangup a Q.850 cause (#values tries them, at \\G too: the name of an application is any other word there, or one after spaces, as in " Hangup(17)")',
    patterns: [match([r`\G`, ...applicationName()]), include('#values')],
  },
  'pjsip-hangup': match(pjsipHangupParts, { name: 'meta.application.pjsip-hangup.asterisk' }),
  hangup: match(hangupParts, { comment: 'Hangup(17): an ISDN/Q.850 cause (17 = user busy -> SIP 486), not a SIP code', name: 'meta.application.hangup.asterisk' }),
  values: {
    comment: 'each list of rules that ends with #values holds the match rules before it and at its start in one regex: #pjsip-hangup and #hangup first',
    patterns: [
      include('#pjsip-hangup'),
      include('#hangup'),
      include('#comment-block'),
      include('#comment-line'),
      include('#simple-variable'),
      include('#variables'),
      include('#expressions'),
      include('#strings'),
      include('#escapes'),
      match([ARGUMENTS_BEGIN]),
      match([ARGUMENTS_END]),
      match([','], { name: 'punctuation.separator.comma.asterisk' }),
      include('#function'),
      include('#ternary'),
    ],
  },
  // each a regex of its own (see alone): in an alternation with the rules above they would make
  // Oniguruma try it at every letter, or every character, of a line
  function: alone(match([r`\b`, cap('support.function.dialplan.asterisk', FUNCTION), ARGUMENTS_BEGIN])),
  ternary: alone(match([r`(?<=\])[ \t]*`, cap('keyword.operator.ternary.asterisk', r`\?`)])),
  'simple-variable': match(
    [
      cap('punctuation.definition.variable.begin.asterisk', r`\$\{`),
      cap('variable.other.asterisk', VARIABLE),
      opt(...substring()),
      opt(...substring()),
      cap('punctuation.definition.variable.end.asterisk', r`\}`),
    ],
    { comment: '${NAME}, ${NAME:1}, ${NAME:1:2}: all of #variables in one match', name: 'meta.variable.asterisk' },
  ),
  variables: block({
    name: 'meta.variable.asterisk',
    begin: [cap('punctuation.definition.variable.begin.asterisk', r`\$\{`)],
    end: [alt(cap('punctuation.definition.variable.end.asterisk', r`\}`), '$')],
    patterns: [
      match([r`\G`, cap('support.function.dialplan.asterisk', FUNCTION), ARGUMENTS_BEGIN]),
      match([r`\G`, cap('variable.other.asterisk', VARIABLE)]),
      match(substring()),
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
    patterns: [include('#escapes'), include('#simple-variable'), include('#variables'), include('#expressions')],
  }),
  escape: match([r`\\.`], { name: 'constant.character.escape.asterisk' }),
  escapes: match([ESCAPE, opt(ESCAPE_GAP, ESCAPE), opt(ESCAPE_GAP, ESCAPE)], {
    comment:
      'up to three escapes in one match (AST\\_CAUSE\\_USER\\_BUSY), with the letters between them: no rule of the lists that hold it (#values, #strings) starts at a letter or an underscore that follows one (a word goes on there), nor at one that a backslash follows (a call needs its parenthesis there)',
  }),
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
    'the rarer rules that start a line (#include, exten => n,hint, exten and same lines without an application, include/switch =>) behind one test at the start of each line; it opens only where one of them matches, so that it never holds a character back from the rules after it',
  keepApart: true,
  begin: [
    '^',
    `(?=${[
      r`[ \t]*#(?:include|tryinclude|exec)\b`,
      uncaptured(hintParts(r`[ \t]*`)),
      uncaptured([...extenStart(r`[ \t]*`), ...priority()]),
      uncaptured([...sameStart(r`[ \t]*`), ...priority()]),
      r`[ \t]*(?:include|switch|eswitch|lswitch|ignorepat)[ \t]*=`,
    ].join('|')})`,
  ],
  end: [r`(?!\G)`],
  patterns: [include('#directives'), include('#hint'), include('#exten'), include('#same'), include('#include'), include('#switch-ignorepat')],
});

repository['rest-of-line'] = block({
  comment:
    'the rest of a line that no rule of its start takes whole (any line that is not blank, a comment or a section header, exten, same, include ... =>, key = value): the rules of #values up to its end, so that the top level, whose rules start at the start of a line, searches only at the start and the end of a line',
  begin: ['(?=.)'],
  end: ['$'],
  patterns: [include('#values')],
});

/**
 * A line of text with nothing of ours on it: none of the characters that a rule of #values starts
 * at or needs (; $ " \\ ( ) , and the ? of a ternary), nor the = of every rule of a line's start
 * but the section's [ and the directive's #. From its first character that is no blank (the blanks
 * before it are the quiet line's).
 */
const PLAIN_TEXT = r`[^;$"\\(),?=\[#\n \t][^;$"\\(),?=\[#\n]*`;
/** A blank line, a whole-line ";" comment (not the ";--" of a block comment) or a line of plain text, from where it starts (`^` or `\G`) through its end. */
const quietLine = (anchor) => [
  anchor,
  r`[ \t]*`,
  opt(alt(lineComment(), PLAIN_TEXT)),
  r`\n`,
];
repository['quiet-lines'] = block({
  comment:
    'runs of blank lines, whole-line comments (most of a configuration file, with the scopes #comment-line gives them) and lines of plain text: the begin takes the whole line with its end, so that the while check of each following line is anchored (\\G), one regex, against an empty list, instead of two searches by every rule of the top level',
  begin: quietLine('^'),
  while: quietLine(r`\G`),
  patterns: [],
});

export const asteriskGrammar = grammar({
  name: 'Asterisk configuration',
  scopeName: 'source.asterisk',
  fileTypes: ['extensions.conf', 'pjsip.conf', 'sip.conf'],
  // a scanner costs in proportion to its regexes at every position it tries: the top level holds
  // only rules of a line's start (the common ones, the rare ones behind one gate), #rest-of-line
  // the rest of a line
  patterns: [
    include('#quiet-lines'),
    include('#section'),
    include('#exten-application'),
    include('#same-application'),
    include('#line-start'),
    include('#key-value'),
    include('#rest-of-line'),
  ],
  repository,
});
