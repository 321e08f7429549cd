// Small toolkit used by scripts/grammar-build.mjs to write the TextMate grammars in syntaxes/.
//
// Regular expressions are assembled from pieces so that capture numbers are computed, never
// counted by hand: `cap(scope, ...parts)` opens a numbered group and records its scope, every
// other piece must be free of capturing groups (checked below). All pieces are Oniguruma source
// restricted to a subset that JavaScript also understands (no possessive quantifiers, no atomic
// groups, no \h, no POSIX classes), apart from \G, \A and (?i:...), so that the ReDoS test can feed
// them to recheck after a trivial translation.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** @typedef {string | Node | Part[]} Part  (an array is a plain sequence) */

class Node {
  /** @param {'cap'|'alt'|'opt'|'group'|'star'} kind @param {Part[]} parts @param {any} [spec] */
  constructor(kind, parts, spec) {
    this.kind = kind;
    this.parts = parts;
    this.spec = spec;
  }
}

/**
 * A capturing group. `spec` is a scope name, an object (`{ name?, patterns? }`) or null (group
 * captured without a scope, e.g. to be referenced from an end pattern).
 * @param {string | object | null} spec @param {...Part} parts
 */
export function cap(spec, ...parts) {
  return new Node('cap', parts, spec);
}
/** `(?:a|b|...)`, one alternative per argument. @param {...Part} alternatives */
export function alt(...alternatives) {
  return new Node('alt', alternatives);
}
/** `(?:...)?` @param {...Part} parts */
export function opt(...parts) {
  return new Node('opt', parts);
}
/** `(?:...)` @param {...Part} parts */
export function group(...parts) {
  return new Node('group', parts);
}

/** Fails when a raw piece contains a capturing group (it would shift the numbering). */
function assertNoCapture(src) {
  if (captureCount(src) > 0) throw new Error(`raw regex piece contains a capturing group; use cap(): ${src}`);
}

function emit(part, state) {
  if (Array.isArray(part)) return part.map((p) => emit(p, state)).join('');
  if (typeof part === 'string') {
    assertNoCapture(part);
    return part;
  }
  const inner = (parts, sep = '') => parts.map((p) => emit(p, state)).join(sep);
  switch (part.kind) {
    case 'cap': {
      if (state.plain) return `(?:${inner(part.parts)})`;
      const n = ++state.n;
      if (part.spec !== null && part.spec !== undefined) {
        state.captures[n] = typeof part.spec === 'string' ? { name: part.spec } : part.spec;
      }
      return `(${inner(part.parts)})`;
    }
    case 'alt':
      return `(?:${inner(part.parts, '|')})`;
    case 'opt':
      return `(?:${inner(part.parts)})?`;
    case 'group':
      return `(?:${inner(part.parts)})`;
    default:
      throw new Error(`unknown node ${part.kind}`);
  }
}

/** The source of `parts` with every capture a plain group: for a lookahead that tests what a rule would match. @param {Part[]} parts */
export function uncaptured(parts) {
  const state = { n: 0, captures: {}, plain: true };
  return parts.map((p) => emit(p, state)).join('');
}

/** @param {Part[]} parts @returns {{ source: string, captures: Record<number, object> }} */
export function compile(parts) {
  const state = { n: 0, captures: {} };
  const source = parts.map((p) => emit(p, state)).join('');
  return { source, captures: state.captures };
}

/**
 * A `match` rule. @param {Part[]} parts @param {object} [extra] name, comment ...
 */
export function match(parts, extra = {}) {
  const { source, captures } = compile(parts);
  const rule = { ...extra, match: source };
  if (Object.keys(captures).length) rule.captures = captures;
  return rule;
}

/**
 * A begin/end rule (or begin/while when `while` is given instead of `end`, or a gate with `endForms`,
 * see GATE_END_FORMS, and optionally `endTail`, see GATE_END_TAIL).
 * @param {{ begin: Part[], end?: Part[], while?: Part[], endForms?: object[], endTail?: Part[], name?: string, contentName?: string,
 *   patterns?: object[], comment?: string, applyEndPatternLast?: boolean, keepApart?: boolean }} o
 */
export function block(o) {
  const b = compile(o.begin);
  const rule = {};
  if (o.comment) rule.comment = o.comment;
  if (o.name) rule.name = o.name;
  if (o.contentName) rule.contentName = o.contentName;
  rule.begin = b.source;
  if (Object.keys(b.captures).length) rule.beginCaptures = b.captures;
  if (o.end) {
    const e = compile(o.end);
    rule.end = e.source;
    if (Object.keys(e.captures).length) rule.endCaptures = e.captures;
  } else if (o.endForms) {
    // written by mergeMatchRuns, which knows the repository the forms are included from
    rule.end = '';
    rule.applyEndPatternLast = true;
    rule[GATE_END_FORMS] = o.endForms;
    if (o.endTail) rule[GATE_END_TAIL] = o.endTail;
  } else if (o.while) {
    const w = compile(o.while);
    rule.while = w.source;
    if (Object.keys(w.captures).length) rule.whileCaptures = w.captures;
  } else {
    throw new Error('block needs end or while');
  }
  if (o.applyEndPatternLast) rule.applyEndPatternLast = true;
  if (o.patterns) rule.patterns = o.patterns;
  if (o.keepApart) rule[KEEP_APART] = true;
  return rule;
}

/**
 * The forms that end a zero-width gate (a block whose begin is a lookahead): plain match rules, merged
 * into its end as `\G(?:A|B|...)|(?!\G)`, tried after its patterns (applyEndPatternLast). Where one of
 * them takes the text at the gate, the gate ends with that match: two scans in all (the gate, the
 * form), where a form among its patterns costs a third, the scan of an end that only closes the gate.
 * After a pattern's match the gate ends at once, as before, by `(?!\G)`. A symbol, so that it never
 * reaches the JSON.
 */
const GATE_END_FORMS = Symbol('gateEndForms');

/**
 * What a gate's end takes after the form or the closing, `(?:\G(?:A|B|...)|(?!\G))TAIL`: tokens that the
 * rules around the gate would make one by one there, in the same match (its captures numbered after
 * the forms'), so that the scan that closes the gate after one of its patterns takes something too.
 */
const GATE_END_TAIL = Symbol('gateEndTail');

/**
 * Marks a rule whose patterns stay as written: not merged into one regex (see mergeRun). One
 * alternation of rules that start with unrelated characters gives Oniguruma nothing to skip
 * positions with, and costs more than the separate regexes it replaces. A symbol, so that it
 * never reaches the JSON.
 */
const KEEP_APART = Symbol('keepApart');

/**
 * Marks a match rule that stays a regex of its own, never an alternative of a merged one (see
 * mergeRun): one whose alternation with its neighbours would cost Oniguruma more than two regexes
 * (a rule that starts with a lookbehind or at any letter keeps it from skipping to the characters
 * the others start with). A symbol, so that it never reaches the JSON.
 */
const KEEP_ALONE = Symbol('keepAlone');
export function alone(rule) {
  rule[KEEP_ALONE] = true;
  return rule;
}

export const include = (ref) => ({ include: ref });

/**
 * One match rule per form of a family (`prefix` + form): a form that is a capture named
 * meta.* becomes a rule with that name, any other form a rule without one. Separate rules
 * that each start with an anchor or a literal scan much faster in Oniguruma than one regex
 * with the forms as alternatives.
 */
export function formRule(prefix, form) {
  if (Array.isArray(prefix)) prefix = prefix.join('');
  if (form instanceof Node && form.kind === 'cap' && typeof form.spec === 'string' && form.spec.startsWith('meta.')) {
    return match([prefix, ...form.parts], { name: form.spec });
  }
  return match([prefix, form]);
}

/** `\b(?:a|b|c)\b`-style word list (the words are plain identifiers, no escaping needed). */
export function words(list) {
  for (const w of list) {
    if (!/^[A-Za-z0-9_.:-]+$/.test(w)) throw new Error(`word list entry needs escaping: ${w}`);
  }
  // longest first so that alternation never stops at a prefix
  return [...list].sort((a, b) => b.length - a.length || a.localeCompare(b)).map((w) => w.replace(/\./g, '\\.')).join('|');
}

// ---------------------------------------------------------------------------------------------
// Status codes. Every code token carries two scopes: a neutral numeric one and a standard
// "class" parent that every theme colours (diff colours), so 1xx ... 6xx differ in any theme.
// The later scope wins when the theme styles it; otherwise the numeric colour remains.
export const STATUS_CLASSES = [
  ['1xx', 'markup.changed'], // provisional: "in progress"
  ['2xx', 'markup.inserted'], // success
  ['3xx', 'keyword.control'], // redirection: "go elsewhere"
  ['4xx', 'markup.deleted'], // request failure
  ['5xx', 'invalid'], // server failure
  ['6xx', 'invalid.illegal'], // global failure
];

/** Scope of a status code of class `cls` ('1xx' ... '6xx') in language `lang`. */
export function statusScope(cls, lang) {
  const parent = STATUS_CLASSES.find(([c]) => c === cls)[1];
  return `constant.numeric.status-code.${cls}.${lang} ${parent}.status-code.${cls}.${lang}`;
}

/**
 * A status code: one alternative per class, each its own capture, plus (when `outOfRange`)
 * a last alternative for other digit runs (bigcode "4294967301", pjsip-internal 701 ...),
 * scoped invalid.illegal but with no class. The caller must put a boundary after it, e.g.
 * `(?![0-9])`, so that 4294967301 is not read as 429.
 */
export function statusCode(lang, { outOfRange = false } = {}) {
  const alts = STATUS_CLASSES.map(([cls]) => cap(statusScope(cls, lang), `${cls[0]}[0-9]{2}`));
  if (outOfRange) alts.push(cap(`invalid.illegal.status-code.out-of-range.${lang}`, '[0-9]+'));
  return alt(...alts);
}

/** Grammar file skeleton with a stable key order. */
export function grammar({ name, scopeName, fileTypes, firstLineMatch, injectionSelector, patterns, repository, comment }) {
  const g = {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    information_for_contributors: [
      'Generated by scripts/grammar-build.mjs from scripts/grammar-*.mjs: edit those, then run',
      '`node scripts/grammar-build.mjs` (and `--check` in CI).',
    ],
    name,
    scopeName,
  };
  if (comment) g.comment = comment;
  if (fileTypes) g.fileTypes = fileTypes;
  if (firstLineMatch) g.firstLineMatch = firstLineMatch;
  if (injectionSelector) g.injectionSelector = injectionSelector;
  g.patterns = mergeMatchRuns(patterns, repository);
  if (repository) g.repository = mergeMatchRuns(repository, repository);
  return g;
}

/**
 * A family of forms behind one cheap gate: a zero-width rule that starts where `lookahead`
 * (plain literals, ideally) matches after `prefix`, tries the forms there (\G) and ends as soon
 * as the scan moves on. One literal lookahead costs Oniguruma a fraction of what one regex per
 * form costs on every line, and lines without the keywords never reach the forms.
 * `name` is required when the gate can be reached from an injection: the injection selector
 * must exclude it, or the injection would re-enter the gate at the same position.
 */
export function gate({ comment, name, prefix = '', first, lookahead, forms }) {
  return block({
    comment,
    name,
    // `first`, a class of the characters a form can start with, is a cheap pre-filter:
    // Oniguruma rejects most positions on it before it tries the alternatives of `lookahead`
    begin: [prefix, first ? `(?=${first})` : '', `(?=${lookahead})`],
    end: ['(?!\\G)'],
    patterns: forms.map((form) => formRule('\\G', form)),
  });
}

/**
 * The exports of a TypeScript data module of the server (server/src/data/*.ts, data only), so that
 * a grammar and the service read one table: bundled in memory by esbuild and imported from that.
 * @param {string} relativePath from the repository root
 */
export async function importServerData(relativePath) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = buildSync({ entryPoints: [join(root, relativePath)], bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'error' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

/** True for a plain match rule that can be an alternative of a merged regex. */
function mergeable(rule) {
  if (!rule || typeof rule !== 'object' || typeof rule.match !== 'string' || rule.begin || rule.include || rule[KEEP_ALONE]) return false;
  if (rule.captures && rule.captures[0]) return false;
  // a backreference would point at another capture once renumbered
  return !/\\[1-9]|\\k</.test(rule.match);
}

/** Capture groups of a regex source (unescaped `(` not followed by `?`, outside classes). */
function captureCount(src) {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (src[i + 1] === ']') i++; // a literal ] right after [
    } else if (c === '(' && src[i + 1] !== '?') n++;
  }
  return n;
}

/**
 * One match rule for a run of consecutive match rules: `(?:A|B|C)`, each rule's name a capture
 * around its alternative, its captures renumbered. vscode-oniguruma tries every regex of a list at
 * every position (and sets each up on every call), so a list costs in proportion to its length;
 * the alternation finds the same match (the earliest position, and there the first rule in order).
 */
function mergeRun(run, { always = false } = {}) {
  if (run.length === 1 && !always) return run[0];
  const captures = {};
  const alternatives = [];
  let offset = 0;
  // rules that all start at the start of a line: the anchor once, in front of the alternation, where
  // Oniguruma sees it (inside the alternatives it tries every alternative at every position)
  const anchored = run.every((rule) => rule.match.startsWith('^'));
  for (const rule of run) {
    let source = anchored ? rule.match.slice(1) : rule.match;
    if (rule.name) {
      captures[++offset] = { name: rule.name };
      source = `(${source})`;
    } else {
      source = `(?:${source})`;
    }
    for (const [n, spec] of Object.entries(rule.captures ?? {})) {
      // vscode-textmate tokenizes a capture's own patterns under the rule's name but not under the
      // captures around it: the rule's name, now a capture, goes into that capture's name
      captures[offset + Number(n)] = rule.name && spec.patterns ? { ...spec, name: [rule.name, spec.name].filter(Boolean).join(' ') } : spec;
    }
    offset += captureCount(rule.match);
    alternatives.push(source);
  }
  return { match: `${anchored ? '^' : ''}${anchored ? `(?:${alternatives.join('|')})` : alternatives.join('|')}`, captures };
}

/**
 * A patterns list with the includes of plain lists of the repository (no rule of their own)
 * and only match rules or includes) replaced by their patterns, as vscode-textmate does when it
 * compiles the list, so that runs of match rules from several of them can be merged.
 */
function inlineListIncludes(patterns, repository, seen = new Set()) {
  return patterns.flatMap((rule) => {
    const name = rule.include?.startsWith('#') ? rule.include.slice(1) : undefined;
    const target = name && repository?.[name];
    if (!target || seen.has(name)) return [rule];
    // a plain match rule of the repository is the same rule written in place
    if (mergeable(target)) return [target];
    if (!Array.isArray(target.patterns) || target.begin || target.match) return [rule];
    // lists that hold a begin/end rule stay included: copying the rule would copy it everywhere
    if (!target.patterns.every((r) => r.include || (r.match && !r.begin))) return [rule];
    return inlineListIncludes(target.patterns, repository, new Set([...seen, name]));
  });
}

/** Every `patterns` list of a grammar with its runs of match rules merged (see mergeRun). */
function mergeMatchRuns(node, repository) {
  if (Array.isArray(node)) return node.map((n) => mergeMatchRuns(n, repository));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'end' && node[GATE_END_FORMS]) {
      const forms = inlineListIncludes(node[GATE_END_FORMS], repository).map((r) => mergeMatchRuns(r, repository));
      const bad = forms.find((r) => !mergeable(r));
      if (bad) throw new Error(`a gate's end form must be a plain match rule: ${JSON.stringify(bad).slice(0, 200)}`);
      const merged = mergeRun(forms, { always: true });
      const captures = { ...merged.captures };
      let tail = '';
      if (node[GATE_END_TAIL]) {
        const t = compile(node[GATE_END_TAIL]);
        const offset = captureCount(merged.match);
        for (const [n, spec] of Object.entries(t.captures)) captures[offset + Number(n)] = spec;
        tail = t.source;
      }
      out.end = tail ? `(?:\\G(?:${merged.match})|(?!\\G))${tail}` : `\\G(?:${merged.match})|(?!\\G)`;
      if (Object.keys(captures).length) out.endCaptures = captures;
    } else if (key === 'patterns' && Array.isArray(value) && node[KEEP_APART]) {
      out[key] = value.map((r) => mergeMatchRuns(r, repository));
    } else if (key === 'patterns' && Array.isArray(value)) {
      const merged = [];
      let run = [];
      for (const rule of inlineListIncludes(value, repository).map((r) => mergeMatchRuns(r, repository))) {
        if (mergeable(rule)) {
          run.push(rule);
          continue;
        }
        if (run.length) merged.push(mergeRun(run));
        run = [];
        merged.push(rule);
      }
      if (run.length) merged.push(mergeRun(run));
      out[key] = merged;
    } else {
      out[key] = mergeMatchRuns(value, repository);
    }
  }
  return out;
}
