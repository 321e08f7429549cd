import type { CaptureMessages } from '../../../../common/captureMessages';
import type { CauseKind } from '../../data/causes';
import type { OccurrenceNote } from '../scanner/occurrence';
import type { CallState } from '../trace/types';

/**
 * Every text the service shows a user, in one catalogue per language (en.ts, fa.ts): hovers and
 * explanations, diagnostics, quick-fix titles, completion details. Data only; a test holds the two
 * catalogues to the same keys.
 */
export interface Messages {
  hover: HoverMessages;
  diagnostics: DiagnosticMessages;
  actions: {
    /** A quick fix that puts the standard phrase in. */
    replacePhrase: (phrase: string) => string;
    /** A code action that explains a code instead of changing it. */
    explainCode: (digits: string) => string;
    /** The CodeLens on a call's first message, before what the trace says of the call (INVITE 1001 → 2002 · 486 Busy Here). */
    callFlow: string;
  };
  completion: {
    /** After the class in a completion item's detail ("4xx · deprecated"). */
    deprecated: string;
  };
  /** The command line's own words (sipsense --lang). */
  cli: CliMessages;
  /** What the server says of a trace it reads from disk (the SIP Calls view's note, progress, errors). */
  fromDisk: FromDiskMessages;
  /** What the capture decoder says of a capture (sipsense, the capture's tab). */
  capture: CaptureMessages;
}


/** What `sipsense` says about how it is used, and about files it cannot check. */
export interface CliMessages {
  /** The usage text around the commands' synopsis (the same in every language). */
  usage: (synopsis: string) => string;
  unknownCommand: (command: string) => string;
  noCommand: string;
  unknownOption: (name: string) => string;
  needsValue: (name: string) => string;
  takesOneOf: (name: string, values: string) => string;
  /** A command (check, calls) given no file. */
  needsFiles: (command: string) => string;
  explainTakesCode: string;
  flowTakesFile: string;
  outputNeedsFile: string;
  decodeTakesCapture: string;
  cannotRead: (file: string, reason: string) => string;
  cannotWrite: (file: string, reason: string) => string;
  skippedBinary: (file: string) => string;
  /** check stops at a line longer than it holds (in millions of characters). */
  lineTooLong: (line: number, millions: number) => string;
  /** flow --call with a Call-ID that the file does not have. */
  noSuchCall: (callId: string, file: string) => string;
  /** What decode -o read: frames, SIP messages, then what it left out ("12 malformed IPv4 headers, ...", '' for nothing). */
  decoded: (frames: number, sipMessages: number, skipped: string) => string;
  /** Between the items of a list in a sentence. */
  listSeparator: string;
  /** A call's messages in the table of sipsense calls. */
  messageCount: (count: number) => string;
  /** A call's state in a word, in that table: the words of the SIP Calls view. */
  callStates: Record<CallState, string>;
}

/** What the server says while and after it reads a trace from disk (size: a number of megabytes, '12.5'). */
export interface FromDiskMessages {
  /** The title of the progress of the reading. */
  reading: string;
  /** A capture's progress: how much SIP text it decoded to so far. */
  decodedSoFar: (size: string) => string;
  readSoFar: (size: string, total: string) => string;
  cancelled: string;
  cannotRead: (path: string, reason: string) => string;
  /** A request for calls of a URI that is no open document and no file. */
  noSource: string;
  decoded: (size: string) => string;
  read: (size: string) => string;
}

/** The message of each diagnostic rule. */
export interface DiagnosticMessages {
  /** A code the place does not take (why: the place's rule). */
  codeNotAllowed: (digits: string, why: string) => string;
  /** A phrase that is not the code's (source: whose wording it is, when it is a known variant). */
  customPhrase: (phrase: string, source: string | undefined, code: string, standard: string) => string;
  deprecatedCode: (title: string, note: string) => string;
  impossibleCode: (digits: string) => string;
  phraseMismatch: (phrase: string, codes: string, title: string) => string;
  removedCode: (title: string, note: string) => string;
  patternMatchesNothing: (pattern: string) => string;
  patternInvalid: (pattern: string, error: string) => string;
  /** A code not in the registry: its title (or digits) and the registry's note on it, if any. */
  unregisteredCode: (title: string, note: string) => string;
  /** What a receiver that does not know a code makes of it (183, 400 ...). */
  treatedAs: (code: string) => string;
  /** The summary of the diagnostics left out. */
  tooMany: (count: number, max: number) => string;
}

/** How a cause table's numbers are spoken of. */
export interface CauseMessages {
  /** The heading: "Q.850 cause 17". */
  title: (cause: string) => string;
  /** That a number of the table is not a status code. */
  notStatus: string;
  /** What a number the table does not list is. */
  unknown: (cause: string) => string;
}

/** The wording of hovers and explanations. */
export interface HoverMessages {
  /**
   * What a dialect notes about where a code was found (OccurrenceNote), by key: each message is
   * given the note's arguments, then the code (or pattern) the note is attached to, all of them
   * Markdown already (a name from the script as a code span, other text escaped: features/explain.ts).
   */
  notes: Record<OccurrenceNote['key'], (...args: string[]) => string>;
  /** The request a response answers, its line (1-based) and how many seconds after it (`3.2`), from the trace. */
  answers: (method: string, line: number, after: string | undefined) => string;
  retransmission: (line: number) => string;
  /** The final response to a call's initial request: what became of the call (a callStates word). */
  decidedCall: (state: string) => string;
  callStates: Record<CallState, string>;
  inPractice: string;
  inAnswerTo: (method: string) => string;
  definedIn: string;
  statusLabel: Record<'deprecated' | 'removed' | 'unregistered' | 'product-specific', string>;
  onTheWire: (phrase: string) => string;
  variantOf: (source: string) => string;
  otherCodesPhrase: (phrase: string, codes: string) => string;
  customPhrase: string;
  unknownCode: (digits: string, classDigit: string) => string;
  impossibleCode: (digits: string) => string;
  sipfrag: string;
  reasonHeader: string;
  q850Heading: string;
  q850Line: (rfc: string, asterisk: string, freeswitch: string) => string;
  notListed: string;
  /** The wording of each cause table (data/causes.ts), by its kind. */
  causes: Record<CauseKind, CauseMessages>;
  q850ToSip: (rfc: string, asterisk: string, freeswitch: string) => string;
  /** A SIP response and the cause it arrives as in a product, for a number that is no cause of the product's table. */
  sipArrivesAs: (status: string, product: string, cause: string) => string;
  warnCode: (code: string) => string;
  warnNotStatus: string;
  unknownWarn: (code: string) => string;
  patternHeading: string;
  patternMatches: (codes: string) => string;
  patternMatchesNothing: string;
  patternInvalid: (error: string) => string;
  /** A valid pattern whose codes are not worked out (why: "longer than 1000 characters", "back-references ..."). */
  patternUnchecked: (why: string) => string;
}

