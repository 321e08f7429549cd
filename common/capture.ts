/** Packet captures in VS Code: the custom editor that decodes them and the scheme of their decoded traces. */

/** The read-only custom editor of .pcap, .pcapng, .cap and their .gz (package.json's customEditors). */
export const CAPTURE_VIEW_TYPE = 'sipSense.capture';

/** Decoded traces: `sipsense-capture:<capture path>.sip?<capture URI>`, language sip, read-only. */
export const CAPTURE_SCHEME = 'sipsense-capture';
