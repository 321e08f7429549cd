/**
 * XML as the dialects read it, one line at a time (FreeSWITCH dialplans, SIPp scenarios): the
 * comments on a line and its start tags with their attributes, read without backtracking and
 * without a parser, so that a line is read the same wherever the document around it is cut.
 */

import { isDigit, isLetter } from './chars';

/** Columns on a line: [start, end). */
export interface Range {
  start: number;
  end: number;
}

/**
 * The parts of a line that are inside XML comments, as far as the line itself tells: a comment
 * opened and closed on the line, the tail of one that ends here ("... -->") and the head of one
 * that goes on ("<!-- ..."). Lines in the middle of a long comment cannot be told apart.
 */
export function xmlCommentRanges(text: string): Range[] {
  const ranges: Range[] = [];
  let from = 0;
  const firstOpen = text.indexOf('<!--');
  const firstClose = text.indexOf('-->');
  if (firstClose !== -1 && (firstOpen === -1 || firstClose < firstOpen)) {
    ranges.push({ start: 0, end: firstClose + 3 });
    from = firstClose + 3;
  }
  for (let open = text.indexOf('<!--', from); open !== -1; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    const end = close === -1 ? text.length : close + 3;
    ranges.push({ start: open, end });
    if (close === -1) break;
    from = end;
  }
  return ranges;
}

/** Whether `at` is inside one of `ranges` (sorted and disjoint, as xmlCommentRanges gives them). */
export function inRanges(ranges: readonly Range[], at: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle];
    if (at < range.start) high = middle - 1;
    else if (at >= range.end) low = middle + 1;
    else return true;
  }
  return false;
}

export interface XmlAttribute {
  name: string;
  /** The value as written (entities left as they are). */
  value: string;
  /** Columns of the value, without its quotes. */
  valueStart: number;
  valueEnd: number;
}

export interface XmlTag {
  name: string;
  /** Column of its '<'. */
  start: number;
  /** Column just after its '>' (or the line end when the tag goes on). */
  end: number;
  attributes: XmlAttribute[];
}

/** A character that starts a tag name (ASCII names: the dialects read no other). */
function isNameStart(code: number): boolean {
  return isLetter(code) || code === 95;
}

/** A character of a tag name after its first: letters, digits, '_', ':', '-' and '.'. */
function isNameChar(code: number): boolean {
  return isNameStart(code) || isDigit(code) || code === 58 || code === 45 || code === 46;
}

/** XML's white space (S): space, tab, CR and LF. */
function isXmlSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

/** Characters that end an attribute name: = / > " ' < and white space. */
function endsAttributeName(code: number): boolean {
  return isXmlSpace(code) || code === 61 || code === 47 || code === 62 || code === 34 || code === 39 || code === 60;
}

/**
 * The start tags named `names` on a line (<name attr="value" ...>), each character read once.
 * Other tags are read past (their quoted values may hold '<' and '>') without being kept.
 */
export function xmlTagsOnLine(text: string, names: readonly string[]): XmlTag[] {
  const tags: XmlTag[] = [];
  const length = text.length;
  let i = text.indexOf('<');
  while (i !== -1 && i < length) {
    const start = i;
    i++;
    if (i >= length || !isNameStart(text.charCodeAt(i))) {
      i = text.indexOf('<', i);
      continue;
    }
    const nameStart = i;
    while (i < length && isNameChar(text.charCodeAt(i))) i++;
    const name = names.find((wanted) => wanted.length === i - nameStart && text.startsWith(wanted, nameStart));
    const tag: XmlTag = { name: name ?? '', start, end: length, attributes: [] };
    while (i < length) {
      while (i < length && isXmlSpace(text.charCodeAt(i))) i++;
      if (i >= length) break;
      const code = text.charCodeAt(i);
      if (code === 62 /* > */) {
        tag.end = i + 1;
        break;
      }
      if (code === 60 /* < */) {
        tag.end = i;
        break;
      }
      const attrStart = i;
      while (i < length && !endsAttributeName(text.charCodeAt(i))) i++;
      if (i === attrStart) {
        i++;
        continue;
      }
      const attrEnd = i;
      let j = i;
      while (j < length && isXmlSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 61 /* = */) continue;
      j++;
      while (j < length && isXmlSpace(text.charCodeAt(j))) j++;
      const quote = text[j];
      let valueStart: number;
      let valueEnd: number;
      if (quote === '"' || quote === '\'') {
        const close = text.indexOf(quote, j + 1);
        valueStart = j + 1;
        valueEnd = close === -1 ? length : close;
        i = close === -1 ? length : close + 1;
      } else {
        valueStart = j;
        while (j < length && !isXmlSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 62) j++;
        valueEnd = j;
        i = j;
      }
      if (name !== undefined) {
        tag.attributes.push({ name: text.slice(attrStart, attrEnd), value: text.slice(valueStart, valueEnd), valueStart, valueEnd });
      }
    }
    if (name !== undefined) tags.push(tag);
    i = tag.end >= length ? -1 : text.indexOf('<', Math.max(tag.end, start + 1));
  }
  return tags;
}

export function attribute(tag: XmlTag, name: string): XmlAttribute | undefined {
  return tag.attributes.find((a) => a.name === name);
}
