import assert from 'node:assert/strict';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import * as sax from 'sax';

/** Parsers and checks for what `sipsense flow` writes: well-formed, and nothing in it can run or load. */

export interface Element {
  name: string;
  attributes: Record<string, string>;
}

/** Parses an SVG document strictly (a well-formedness error throws) and returns its elements and text. */
export function parseSvg(svg: string): { elements: Element[]; text: string } {
  const parser = sax.parser(true, { xmlns: false });
  const elements: Element[] = [];
  let text = '';
  parser.onopentag = (tag) => elements.push({ name: tag.name, attributes: tag.attributes as Record<string, string> });
  parser.ontext = (t) => { text += t; };
  parser.onerror = (error) => { throw error; };
  parser.write(svg).close();
  return { elements, text };
}

/** Parses an HTML page as a browser does and returns its elements, its text and the parse errors. */
export function parseHtml(html: string): { elements: Element[]; text: string; errors: string[] } {
  const errors: string[] = [];
  const document = parse(html, { onParseError: (error) => errors.push(error.code) });
  const elements: Element[] = [];
  let text = '';
  const walk = (node: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in node) elements.push({ name: node.tagName, attributes: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])) });
    if (node.nodeName === '#text') text += (node as DefaultTreeAdapterMap['textNode']).value;
    if ('childNodes' in node) for (const child of node.childNodes) walk(child);
    if ('content' in node) walk(node.content as DefaultTreeAdapterMap['node']);
  };
  walk(document);
  return { elements, text, errors };
}

/** No script element, no event handler, no foreign object, no link or reference out of the document. */
export function assertNothingExecutable(elements: readonly Element[]): void {
  for (const element of elements) {
    const name = element.name.toLowerCase();
    assert.ok(!['script', 'foreignobject', 'iframe', 'object', 'embed', 'a', 'link', 'image', 'img', 'use', 'animate', 'set'].includes(name), `<${name}>`);
    for (const [attribute, value] of Object.entries(element.attributes)) {
      assert.ok(!/^on/i.test(attribute), `${attribute} on <${name}>`);
      assert.ok(!/href$|^src$/i.test(attribute), `${attribute} on <${name}>`);
      assert.doesNotMatch(value, /javascript:/i, `${attribute} on <${name}>`);
      assert.doesNotMatch(value, /url\((?!#)/i, `an outside reference in ${attribute} on <${name}>`);
    }
  }
}
