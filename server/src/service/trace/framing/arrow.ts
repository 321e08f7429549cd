import { readEndpoint } from './facts';

/**
 * `SRC -> DST` at the end of a framing line (ngrep, sngrep and the capture decoder print their
 * packets so), with what follows the destination (ngrep's TCP flags `[AP]`) ignored.
 */
export function readArrow(text: string): { source: string; destination: string } | undefined {
  const arrow = text.indexOf(' -> ');
  if (arrow === -1) return undefined;
  const source = readEndpoint(text.slice(text.lastIndexOf(' ', arrow - 1) + 1, arrow));
  const rest = text.slice(arrow + 4).trimStart();
  const space = rest.indexOf(' ');
  const destination = readEndpoint(space === -1 ? rest.trimEnd() : rest.slice(0, space));
  return source && destination ? { source, destination } : undefined;
}
