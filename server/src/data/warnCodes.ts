import type { WarnCodeEntry } from './types';

/*
 * Warning header warn-codes: the IANA "Warning Codes (warn-codes)" sub-registry of the SIP
 * Parameters registry. These are not status codes: 300/301/302/305/380 collide with status codes
 * of the same digits (warn 380 is SIPS Not Allowed, status 380 is Alternative Service).
 * RFC 3261 section 20.43 defines the original set (300-307, 330, 331, 370, 399); later RFCs
 * registered 308, 380 and 381. Membership and defining RFCs were checked against a copy of the
 * IANA registry; `text` is the registered warn-text.
 */
export const WARN_CODES: readonly WarnCodeEntry[] = [
  { code: 300, text: 'Incompatible network protocol', defined: { rfc: 3261, section: '20.43' } },
  { code: 301, text: 'Incompatible network address formats', defined: { rfc: 3261, section: '20.43' } },
  { code: 302, text: 'Incompatible transport protocol', defined: { rfc: 3261, section: '20.43' } },
  { code: 303, text: 'Incompatible bandwidth units', defined: { rfc: 3261, section: '20.43' } },
  { code: 304, text: 'Media type not available', defined: { rfc: 3261, section: '20.43' } },
  { code: 305, text: 'Incompatible media format', defined: { rfc: 3261, section: '20.43' } },
  { code: 306, text: 'Attribute not understood', defined: { rfc: 3261, section: '20.43' } },
  { code: 307, text: 'Session description parameter not understood', defined: { rfc: 3261, section: '20.43' } },
  // Registered by RFC 8373 (human language negotiation, hlang-send/hlang-recv). The section that
  // introduces it could not be confirmed from the sources at hand, so `section` is omitted.
  { code: 308, text: 'Incompatible language specification', defined: { rfc: 8373 } },
  { code: 330, text: 'Multicast not available', defined: { rfc: 3261, section: '20.43' } },
  { code: 331, text: 'Unicast not available', defined: { rfc: 3261, section: '20.43' } },
  { code: 370, text: 'Insufficient bandwidth', defined: { rfc: 3261, section: '20.43' } },
  // 380 and 381 are registered by RFC 5630 (use of the SIPS URI scheme); implementations send them
  // with 480 when a sips: request is refused or a sip: request is not allowed. IANA cites only the
  // RFC and the defining section could not be confirmed, so `section` is omitted.
  { code: 380, text: 'SIPS Not Allowed', defined: { rfc: 5630 } },
  { code: 381, text: 'SIPS Required', defined: { rfc: 5630 } },
  { code: 399, text: 'Miscellaneous warning', defined: { rfc: 3261, section: '20.43' } },
];
