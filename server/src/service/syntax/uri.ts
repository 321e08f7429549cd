/** SIP and SIPS URIs (RFC 3261 section 19.1): the parts the trace model and its features read. */

/** The host of a sip:/sips: URI, lower case, without port or parameters (`[2001:db8::1]` keeps its brackets); undefined for other schemes. */
export function uriHost(uri: string): string | undefined {
  const text = uri.trim();
  const scheme = /^sips?:/i.exec(text);
  if (!scheme) return undefined;
  let rest = text.slice(scheme[0].length);
  const end = rest.search(/[;?>\s]/);
  if (end !== -1) rest = rest.slice(0, end);
  rest = rest.slice(rest.lastIndexOf('@') + 1);
  const host = rest.startsWith('[') ? rest.slice(0, rest.indexOf(']') + 1) : rest.split(':', 1)[0];
  return host ? host.toLowerCase() : undefined;
}

/** The host of a Via sent-by (`host[:port]`), lower case, without its port. */
export function sentByHost(sentBy: string): string {
  const host = sentBy.startsWith('[') ? sentBy.slice(0, sentBy.indexOf(']') + 1) : sentBy.split(':', 1)[0];
  return host.toLowerCase();
}
