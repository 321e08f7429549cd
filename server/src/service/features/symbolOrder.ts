/**
 * How symbols are ordered and nested so that the symbol under the cursor is the right one. VS Code
 * (breadcrumbs, the Outline's "follow cursor") takes, among a symbol's children in the order the
 * server gives them, the first whose range holds the cursor, then the same among its children.
 */

interface Line {
  line: number;
}

/** What ordering and nesting need of a symbol: its range and its children. */
export interface Placed {
  range: { start: Line; end: Line };
  children?: Placed[];
}

/**
 * In the order of their ends: one that lies inside another's range (a PRACK inside its INVITE's
 * transaction) comes before it. The Outline view sorts by position.
 */
function innerFirst<T extends Placed>(symbols: T[]): T[] {
  return symbols.sort(endOrder);
}

function endOrder(a: Placed, b: Placed): number {
  return a.range.end.line - b.range.end.line || b.range.start.line - a.range.start.line;
}

/** At most this many nestings and comparisons for one call's symbols: a hostile trace gets the order alone past them. */
const MAX_NESTINGS = 512;
const MAX_COMPARISONS = 200_000;

/**
 * A call's transactions (and lone messages) as innerFirst orders them, with each one that the order
 * alone would hide nested in the one it interleaves with. Transactions whose messages interleave (the
 * hops of a proxy chain answering each other, a 180 of one hop inside the span of the next hop's
 * INVITE transaction) cannot all be found by their order: the one listed first takes the other's
 * lines. So the one that starts later becomes a child of the other, beside its messages, and the
 * outer one's range grows to hold it. Messages never overlap, so a transaction's own messages never
 * hide a nested one; nested ones are arranged among themselves in the same way.
 */
export function nestForCursor<T extends Placed>(symbols: T[], budget = { nestings: MAX_NESTINGS, comparisons: MAX_COMPARISONS }): T[] {
  // Most calls of a big trace have one transaction: nothing to order or nest.
  if (symbols.length < 2) return symbols;
  const starts = new Map<Placed, number[]>();
  const nodes = [...symbols].sort((a, b) => a.range.start.line - b.range.start.line);
  for (;;) {
    const pair = budget.nestings > 0 ? hiding(nodes, starts, budget) : undefined;
    if (!pair) break;
    budget.nestings--;
    const [outer, inner] = [nodes[pair[0]], nodes[pair[1]]];
    const end = outer.range.end.line >= inner.range.end.line ? outer.range.end : inner.range.end;
    nodes[pair[0]] = { ...outer, range: { start: outer.range.start, end }, children: nestForCursor([...(outer.children ?? []), inner], budget) } as T;
    nodes.splice(pair[1], 1);
  }
  return innerFirst(nodes);
}

/**
 * The first pair (by start) where the one innerFirst lists first holds a message of the other: the
 * indices of the one that starts first and of the other.
 */
function hiding(nodes: readonly Placed[], starts: Map<Placed, number[]>, budget: { comparisons: number }): [number, number] | undefined {
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length && nodes[j].range.start.line <= nodes[i].range.end.line; j++) {
      if (--budget.comparisons < 0) return undefined;
      const [first, second] = endOrder(nodes[i], nodes[j]) <= 0 ? [nodes[i], nodes[j]] : [nodes[j], nodes[i]];
      if (holdsAny(first, messageStarts(second, starts))) return [i, j];
    }
  }
  return undefined;
}

/** The first lines of the messages in `symbol` (itself when it has no children), in order. */
function messageStarts(symbol: Placed, known: Map<Placed, number[]>): number[] {
  let lines = known.get(symbol);
  if (!lines) {
    lines = symbol.children ? symbol.children.flatMap((child) => messageStarts(child, known)).sort((a, b) => a - b) : [symbol.range.start.line];
    known.set(symbol, lines);
  }
  return lines;
}

function holdsAny(symbol: Placed, lines: readonly number[]): boolean {
  const { start, end } = symbol.range;
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lines[middle] < start.line) low = middle + 1;
    else high = middle;
  }
  return low < lines.length && lines[low] <= end.line;
}
