import type { CaptureProblem, CaptureProblems, ForeignFile, SkipReason } from './capture';

/**
 * The capture decoder's words, in English and Persian: its errors and notes, and why it left
 * things out. A section of the service's message catalogues (server/src/service/messages, held to
 * the same keys by their test), kept here because the capture's tab in the client says them too.
 */

/** The words of one language. */
export interface CaptureMessages {
  /**
   * The error that stopped decoding, or a note, by key (common/capture.ts CaptureProblems); a file
   * that is no capture is named in the words of foreignFiles.
   */
  problems: { [K in Exclude<keyof CaptureProblems, 'notACapture'>]: (...args: CaptureProblems[K]) => string } & {
    notACapture: (file: string) => string;
  };
  /** What a file that is no capture looks like ("a text file"), for notACapture. */
  foreignFiles: Record<ForeignFile, string>;
  /** Why frames, segments or messages were left out: a label for a count (detail: the link type, IP protocol or transport). */
  skipped: Record<SkipReason, (detail: string) => string>;
}

const EN: CaptureMessages = {
  problems: {
    notACapture: (file) =>
      `this is ${file}, which SIP Sense does not read (supported: pcap (.pcap, .cap, .dmp), pcapng (.pcapng, .ntar) and either gzip-compressed (.gz))`,
    endsInHeader: (format) => `damaged ${format}: the file ends inside its header`,
    endsInPacket: (bytes, frame) => `the file ends in the middle of a packet (${bytes} bytes after frame ${frame})`,
    recordClaims: (record, bytes, at) => `damaged pcap: record ${record} claims ${bytes} bytes (at byte ${at})`,
    noSectionHeader: () => 'damaged pcapng: the file does not start with a section header',
    noByteOrderMagic: (section, at) => `damaged pcapng: section header ${section} has no byte-order magic (at byte ${at})`,
    blockClaims: (block, bytes, at) => `damaged pcapng: block ${block} claims ${bytes} bytes (at byte ${at})`,
    interfaceBlockShort: (block) => `damaged pcapng: interface block ${block} is too short`,
    packetBlockShort: (block) => `damaged pcapng: packet block ${block} is too short`,
    packetBlockHoldsLess: (block) => `damaged pcapng: packet block ${block} holds less than it claims`,
    unknownInterface: (block, id) => `damaged pcapng: packet block ${block} names interface ${id}, which the section does not describe`,
    damagedAfter: (frame, error) => `damaged capture after frame ${frame}: ${error}`,
    frameFailed: (frame, error) => `frame ${frame}: ${error}`,
    internalAtEnd: (error) => `internal error at the end of the capture: ${error}`,
    gzipDamaged: (error) => `damaged gzip file: ${error}`,
    cannotRead: (file, error) => `cannot read ${file}: ${error}`,
  },
  foreignFiles: {
    empty: 'an empty file',
    netmon: 'a Microsoft Network Monitor capture',
    snoop: 'a Solaris snoop capture',
    netxray: 'a NetXray/Sniffer capture',
    executable: 'an executable',
    gzipNoCapture: 'a gzip file that holds no capture',
    zip: 'a zip archive',
    erf: 'an Endace ERF capture',
    text: 'a text file',
    unknown: 'no packet capture',
  },
  skipped: {
    unreadableFrame: () => 'frames the decoder could not read',
    noIp: () => 'frames with no IP',
    linkType: (type) => `frames of link type ${type}`,
    ipProtocol: (protocol) => `IP protocol ${protocol}`,
    noDecoder: (transport) => `${transport} segments (no decoder yet)`,
    tunnelsTooDeep: () => 'tunnels nested too deep',
    ipv4Malformed: () => 'malformed IPv4 headers',
    ipv6Malformed: () => 'malformed IPv6 headers',
    udpMalformed: () => 'malformed UDP headers',
    tcpMalformed: () => 'malformed TCP headers',
    sctpHeaderMalformed: () => 'malformed SCTP headers',
    greMalformed: () => 'malformed GRE headers',
    greVersion: () => 'GRE other than version 0 (PPTP)',
    erspanMalformed: () => 'malformed ERSPAN headers',
    fragmentsMissing: () => 'IP datagrams with fragments missing',
    fragmentsTooLarge: () => 'IP fragments beyond 64 KB',
    fragmentsTooMany: () => 'IP fragments: too many datagrams pending',
    fragmentsIncomplete: () => 'IP fragments: never completed',
    udpNotSip: () => 'UDP datagrams with no SIP',
    tcpNotSip: () => 'TCP streams that carry no SIP',
    tcpJunk: () => 'bytes of SIP streams that belong to no message (capture started mid-message, junk)',
    tcpDropped: () => 'bytes of TCP streams dropped (over a message or memory cap, lost segments)',
    tcpGaps: () => 'gaps in TCP streams (segments missing from the capture)',
    tcpFlowsEvicted: () => 'TCP streams closed early (too many open at once)',
    webSocketNotSip: () => 'WebSocket messages that are not SIP',
    sctpNotSip: () => 'SCTP user messages that are not SIP',
    sctpMalformed: () => 'malformed SCTP chunks',
    sctpDropped: () => 'SCTP fragments dropped (over the reassembly cap)',
    hepNotSip: () => 'HEP packets that carry no SIP (RTCP, logs, reports)',
    hepBroken: () => 'HEP compressed payloads that do not inflate',
    hepMalformed: () => 'malformed HEP packets',
  },
};

/** The seed's register, the terms engineers use (capture, pcap, TCP, stream, fragment) in Latin script. */
const FA: CaptureMessages = {
  problems: {
    notACapture: (file) =>
      `این فایل ${file} است و SIP Sense آن را نمی‌خواند (قالب‌های پشتیبانی‌شده: pcap (.pcap، .cap، .dmp)، pcapng (.pcapng، .ntar) و هر دو به‌صورت فشردهٔ gzip (.gz))`,
    endsInHeader: (format) => `فایل ${format} خراب است: فایل وسط سرآیندش تمام می‌شود`,
    endsInPacket: (bytes, frame) => `فایل وسط یک بسته تمام می‌شود (${bytes} بایت پس از فریم ${frame})`,
    recordClaims: (record, bytes, at) => `فایل pcap خراب است: رکورد ${record} ادعا می‌کند ${bytes} بایت است (در بایت ${at})`,
    noSectionHeader: () => 'فایل pcapng خراب است: فایل با section header آغاز نمی‌شود',
    noByteOrderMagic: (section, at) => `فایل pcapng خراب است: section header شمارهٔ ${section} نشانهٔ ترتیب بایت (byte-order magic) ندارد (در بایت ${at})`,
    blockClaims: (block, bytes, at) => `فایل pcapng خراب است: بلوک ${block} ادعا می‌کند ${bytes} بایت است (در بایت ${at})`,
    interfaceBlockShort: (block) => `فایل pcapng خراب است: بلوک interface شمارهٔ ${block} بیش از حد کوتاه است`,
    packetBlockShort: (block) => `فایل pcapng خراب است: بلوک packet شمارهٔ ${block} بیش از حد کوتاه است`,
    packetBlockHoldsLess: (block) => `فایل pcapng خراب است: بلوک packet شمارهٔ ${block} کمتر از آنچه ادعا می‌کند داده دارد`,
    unknownInterface: (block, id) => `فایل pcapng خراب است: بلوک packet شمارهٔ ${block} به interface شمارهٔ ${id} اشاره می‌کند که section آن را تعریف نکرده است`,
    damagedAfter: (frame, error) => `capture پس از فریم ${frame} خراب است: ${error}`,
    frameFailed: (frame, error) => `فریم ${frame}: ${error}`,
    internalAtEnd: (error) => `خطای داخلی در پایان capture: ${error}`,
    gzipDamaged: (error) => `فایل gzip خراب است: ${error}`,
    cannotRead: (file, error) => `فایل ${file} خوانده نشد: ${error}`,
  },
  foreignFiles: {
    empty: 'یک فایل خالی',
    netmon: 'یک capture از Microsoft Network Monitor',
    snoop: 'یک capture از snoop در Solaris',
    netxray: 'یک capture از NetXray/Sniffer',
    executable: 'یک فایل اجرایی',
    gzipNoCapture: 'یک فایل gzip که capture در آن نیست',
    zip: 'یک آرشیو zip',
    erf: 'یک capture از نوع Endace ERF',
    text: 'یک فایل متنی',
    unknown: 'هیچ packet captureی نیست',
  },
  skipped: {
    unreadableFrame: () => 'فریم‌هایی که رمزگشا نتوانست بخواند',
    noIp: () => 'فریم‌های بدون IP',
    linkType: (type) => `فریم‌های با link type ${type}`,
    ipProtocol: (protocol) => `پروتکل IP شمارهٔ ${protocol}`,
    noDecoder: (transport) => `سگمنت‌های ${transport} (هنوز رمزگشایی برایش نیست)`,
    tunnelsTooDeep: () => 'تونل‌هایی که بیش از حد تودرتو هستند',
    ipv4Malformed: () => 'سرآیندهای IPv4 نادرست',
    ipv6Malformed: () => 'سرآیندهای IPv6 نادرست',
    udpMalformed: () => 'سرآیندهای UDP نادرست',
    tcpMalformed: () => 'سرآیندهای TCP نادرست',
    sctpHeaderMalformed: () => 'سرآیندهای SCTP نادرست',
    greMalformed: () => 'سرآیندهای GRE نادرست',
    greVersion: () => 'GRE با نسخه‌ای جز ۰ (PPTP)',
    erspanMalformed: () => 'سرآیندهای ERSPAN نادرست',
    fragmentsMissing: () => 'datagramهای IP که بخشی از fragmentهایشان نیست',
    fragmentsTooLarge: () => 'fragmentهای IP فراتر از ۶۴ کیلوبایت',
    fragmentsTooMany: () => 'fragmentهای IP: datagramهای در انتظار بیش از حد',
    fragmentsIncomplete: () => 'fragmentهای IP: هرگز کامل نشد',
    udpNotSip: () => 'datagramهای UDP بدون SIP',
    tcpNotSip: () => 'streamهای TCP که SIP ندارند',
    tcpJunk: () => 'بایت‌هایی از streamهای SIP که به هیچ پیامی تعلق ندارند (capture وسط یک پیام آغاز شده، داده‌های بی‌ربط)',
    tcpDropped: () => 'بایت‌های دورریخته‌شدهٔ streamهای TCP (فراتر از سقف پیام یا حافظه، سگمنت‌های گم‌شده)',
    tcpGaps: () => 'شکاف‌های streamهای TCP (سگمنت‌هایی که در capture نیستند)',
    tcpFlowsEvicted: () => 'streamهای TCP که زودتر بسته شدند (شمار streamهای باز هم‌زمان بیش از حد بود)',
    webSocketNotSip: () => 'پیام‌های WebSocket که SIP نیستند',
    sctpNotSip: () => 'پیام‌های کاربر SCTP که SIP نیستند',
    sctpMalformed: () => 'chunkهای SCTP نادرست',
    sctpDropped: () => 'fragmentهای دورریخته‌شدهٔ SCTP (فراتر از سقف بازسازی)',
    hepNotSip: () => 'بسته‌های HEP که SIP ندارند (RTCP، لاگ، گزارش)',
    hepBroken: () => 'payloadهای فشردهٔ HEP که باز نمی‌شوند',
    hepMalformed: () => 'بسته‌های HEP نادرست',
  },
};

/** The decoder's words in each language. */
export const CAPTURE_MESSAGES: Readonly<Record<'en' | 'fa', CaptureMessages>> = { en: EN, fa: FA };

/** What the capture decoder says (an error or a note), in a language's words. */
export function captureProblemText(words: CaptureMessages, said: CaptureProblem): string {
  const text = words.problems[said.key] as (...args: CaptureProblem['args']) => string;
  const args = said.key === 'notACapture' ? [words.foreignFiles[said.args[0]]] : said.args;
  return text(...(args as CaptureProblem['args']));
}
