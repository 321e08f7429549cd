/**
 * Page breaks of RFC and Internet-Draft text, which cut the example messages of call-flow RFCs
 * (RFC 3665) in two: the blank lines before the footer (`Johnston, et al.  Best Current Practice
 * [Page 12]`), the form feed, the running header (`RFC 3665  SIP Basic Call Flow Examples
 * December 2003`) and the blank lines after it are none of the message's.
 */

/** A page footer: `... [Page 12]` at the end of the line. */
export function isPageFooter(text: string): boolean {
  return text.endsWith(']') && /\[Page [0-9]+\][ \t]*$/.test(text);
}

/** The form feed and running header that follow a footer. */
export function isPageHeader(text: string): boolean {
  return text.startsWith('\f') || /^RFC [0-9]+ /.test(text) || /^Internet-Draft /.test(text);
}
