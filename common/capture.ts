/**
 * Packet captures: the custom editor that decodes them in VS Code and the scheme of their decoded
 * traces; what the decoder can say (its errors, notes and reasons to skip, as keys whose words are
 * in common/captureMessages.ts), shared by the decoder, the command line and the capture's tab.
 */

/** The read-only custom editor of .pcap, .pcapng, .cap and their .gz (package.json's customEditors). */
export const CAPTURE_VIEW_TYPE = 'sipSense.capture';

/** Decoded traces: `sipsense-capture:<capture path>.sip?<capture URI>`, language sip, read-only. */
export const CAPTURE_SCHEME = 'sipsense-capture';

/**
 * Why frames, segments or messages were left out: each a key of the message catalogues'
 * capture.skipped (service/messages), where the words are. Some carry a detail after a colon
 * (Skip): the link type, the IP protocol, the transport.
 */
export type SkipReason =
  | 'unreadableFrame' | 'noIp' | 'linkType' | 'ipProtocol' | 'noDecoder' | 'tunnelsTooDeep'
  | 'ipv4Malformed' | 'ipv6Malformed' | 'udpMalformed' | 'tcpMalformed' | 'sctpHeaderMalformed' | 'greMalformed'
  | 'greVersion' | 'erspanMalformed' | 'fragmentsMissing' | 'fragmentsTooLarge' | 'fragmentsTooMany' | 'fragmentsIncomplete'
  | 'udpNotSip' | 'tcpNotSip' | 'tcpJunk' | 'tcpDropped' | 'tcpGaps' | 'tcpFlowsEvicted' | 'webSocketNotSip'
  | 'sctpNotSip' | 'sctpMalformed' | 'sctpDropped' | 'hepNotSip' | 'hepBroken' | 'hepMalformed';

/** The reasons that carry a detail, and the detail: 'linkType:147', 'ipProtocol:47', 'noDecoder:SCTP'. */
type DetailedReason = 'linkType' | 'ipProtocol' | 'noDecoder';

/** A key of DecodeStats.skipped: a reason, with its detail where it has one. */
export type Skip = Exclude<SkipReason, DetailedReason> | `${DetailedReason}:${string}`;

/** The reason of a key of DecodeStats.skipped, and its detail ('' without one). */
export function skipReasonOf(key: Skip): { reason: SkipReason; detail: string } {
  const colon = key.indexOf(':');
  return colon === -1 ? { reason: key as SkipReason, detail: '' } : { reason: key.slice(0, colon) as SkipReason, detail: key.slice(colon + 1) };
}

/** What a file that is no pcap or pcapng looks like, for the refusal (a key of the catalogues' capture.foreignFiles). */
export type ForeignFile = 'empty' | 'netmon' | 'snoop' | 'netxray' | 'executable' | 'gzipNoCapture' | 'zip' | 'erf' | 'text' | 'unknown';

/**
 * What the decoder can say of a capture, by key (the message catalogues' capture.problems hold the
 * words), with the arguments each takes: the error that stops it, and notes.
 */
export interface CaptureProblems {
  notACapture: [file: ForeignFile];
  endsInHeader: [format: 'pcap' | 'pcapng'];
  endsInPacket: [bytes: number, frame: number];
  recordClaims: [record: number, bytes: number, at: number];
  noSectionHeader: [];
  noByteOrderMagic: [section: number, at: number];
  blockClaims: [block: number, bytes: number, at: number];
  interfaceBlockShort: [block: number];
  packetBlockShort: [block: number];
  packetBlockHoldsLess: [block: number];
  unknownInterface: [block: number, id: number];
  /** Decoding failed on something unforeseen after this frame (error: the exception's text). */
  damagedAfter: [frame: number, error: string];
  /** One frame could not be decoded (error: the exception's text); the rest were. */
  frameFailed: [frame: number, error: string];
  internalAtEnd: [error: string];
  gzipDamaged: [error: string];
  cannotRead: [file: string, error: string];
}

/** One thing the decoder says: a key of CaptureProblems with its arguments. */
export type CaptureProblem = { [K in keyof CaptureProblems]: { key: K; args: CaptureProblems[K] } }[keyof CaptureProblems];

/** A CaptureProblem written out. */
export function problem<K extends keyof CaptureProblems>(key: K, ...args: CaptureProblems[K]): CaptureProblem {
  return { key, args } as CaptureProblem;
}
