import { CAPTURE_MESSAGES } from '../../../../common/captureMessages';
import type { Messages } from './types';

/** The English catalogue. */
export const EN: Messages = {
  hover: {
    answers: (method, line, after) => `Answers the ${method} at line ${line}${after === undefined ? '' : `, ${after} s later`}.`,
    retransmission: (line) => `A retransmission of the response at line ${line}.`,
    decidedCall: (state) => `The final response to the call's initial request: ${state}.`,
    callStates: {
      completed: 'the call completed',
      rejected: 'the call was rejected',
      busy: 'the call found the callee busy',
      cancelled: 'the call was cancelled',
      redirected: 'the call was redirected',
      'in call': 'the call was answered (no BYE in the trace)',
      registered: 'the registration succeeded',
      'failed authentication': 'the request failed authentication',
      'no final response': 'no final response',
    },
    notes: {
      commentedOut: () => 'In commented-out code: explained here, not checked (it does nothing until it is uncommented).',
      standsFor: (name, value, line) => `${name} stands for ${value} here (defined on line ${line}).`,
      definitionUsed: (name, lines) => `${name} is defined as this code and used where a status code goes (line ${lines}).`,
      accounting: () => 'acc takes the three leading digits of this comment as the SIP code of the accounting record and the rest as its reason; no reply is sent.',
      switchLabel: (subject) => `A case of switch (${subject}): taken when the reply code is this one.`,
      holdsReplyCode: (name, line) => `\`${name}\` holds the reply code (assigned on line ${line}).`,
      sentAsReply: (name, line) => `\`${name}\` is sent as the code of a reply (line ${line}).`,
      sendsReply: (name, line) => `\`${name}\` sends its reply with this code (defined on line ${line}).`,
      rpcReply: () => 'The code of a tm.reply/t_reply management command (JSON-RPC or MI) built here: it answers a pending transaction with this code.',
      sippRegex: () => 'SIPp matches this regular expression against the received message: the code of its status line.',
      keepsReceivedClass: (code) =>
        `sl_forward_reply forwards the received reply with this code in place of its own, but Kamailio does not let it change the class: on a reply that is not ${code[0]}xx the function fails ("reply code class cannot be changed") without forwarding it.`,
    },
    inPractice: 'In practice',
    inAnswerTo: (method) => `In answer to ${method}`,
    definedIn: 'Defined in',
    statusLabel: {
      deprecated: 'Deprecated',
      removed: 'Removed from SIP (not in the IANA registry)',
      unregistered: 'Not registered with IANA',
      'product-specific': 'Product-specific (not in the IANA registry)',
    },
    onTheWire: (phrase) => `The text says “${phrase}”`,
    variantOf: (source) => `the wording of ${source}`,
    otherCodesPhrase: (phrase, codes) => `“${phrase}” is the standard phrase of ${codes}: check that the code is the one meant.`,
    customPhrase: 'a custom phrase: legal in SIP (the phrase is for humans, the code decides)',
    unknownCode: (digits, digit) =>
      `${digits} is not in the IANA registry. A receiver that does not know it treats it as ${digit}00 (RFC 3261 §8.1.3.2).`,
    impossibleCode: (digits) =>
      `${digits} cannot be a SIP status code: a status code is three digits from 100 to 699 (RFC 3261 §7.2, §25.1).`,
    sipfrag:
      'This status line is the message/sipfrag body of a NOTIFY (RFC 3515): it reports how the referred request is going, not the status of the NOTIFY itself.',
    reasonHeader: 'In a Reason header (RFC 3326): the status code that caused this request or response.',
    q850Heading: 'Q.850 cause it becomes',
    q850Line: (rfc, asterisk, freeswitch) => `RFC 3398: ${rfc} · Asterisk: ${asterisk} · FreeSWITCH: ${freeswitch}`,
    notListed: 'not listed',
    causes: {
      q850: {
        title: (cause) => `Q.850 cause ${cause}`,
        notStatus: 'A Q.850 (ISDN) cause value, not a SIP status code.',
        unknown: (cause) => `${cause} is not a Q.850 cause value that SIP gateways map.`,
      },
      'freeswitch-cause': {
        title: (cause) => `FreeSWITCH cause ${cause}`,
        notStatus: 'A FreeSWITCH-internal hangup cause number, neither Q.850 nor a SIP status code.',
        unknown: (cause) =>
          `FreeSWITCH compares this entry with its hangup cause numbers (Q.850 1-127 and its own 142, 487, 700-703, 800-825), not with SIP status codes. ${cause} is none of them, so it never matches.`,
      },
    },
    q850ToSip: (rfc, asterisk, freeswitch) => `Sent as SIP: RFC 3398: ${rfc} · Asterisk chan_pjsip: ${asterisk} · FreeSWITCH: ${freeswitch}`,
    sipArrivesAs: (status, product, cause) => `A ${status} response reaches ${product} as cause ${cause}: list that number (or its name) instead.`,
    warnCode: (code) => `Warning code ${code}`,
    warnNotStatus: 'A warn-code of the Warning header (its own registry, RFC 3261 §20.43), not a SIP status code.',
    unknownWarn: (code) => `${code} is not a registered warn-code.`,
    patternHeading: 'Status-code pattern',
    patternMatches: (codes) => `Matches ${codes} (searched in the three-digit code, not anchored).`,
    patternMatchesNothing: 'Matches no status code from 100 to 699: the check is never true.',
    patternInvalid: (error) => `Not a valid regular expression: ${error}.`,
    patternUnchecked: (why) => `Which codes it matches is not worked out here: ${why}.`,
  },
  diagnostics: {
    codeNotAllowed: (digits, why) => `${digits} is not accepted here: ${why}`,
    customPhrase: (phrase, source, code, standard) =>
      `“${phrase}”${source ? ` (the wording of ${source})` : ''} is not the standard phrase of ${code} (“${standard}”). Custom phrases are legal in SIP: receivers act on the code alone.`,
    deprecatedCode: (title, note) => `${title} is deprecated: ${note}`.trim(),
    impossibleCode: (digits) => `${digits} is not a valid SIP status code: status codes are three digits from 100 to 699 (RFC 3261 §7.2).`,
    phraseMismatch: (phrase, codes, title) =>
      `“${phrase}” is the reason phrase of ${codes}, not of ${title}. Reason phrases are free text in SIP and receivers act on the code, so check which one was meant.`,
    removedCode: (title, note) => `${title} was removed from SIP: ${note}`.trim(),
    patternMatchesNothing: (pattern) => `The pattern "${pattern}" matches no status code from 100 to 699, so this check is never true.`,
    patternInvalid: (pattern, error) => `The pattern "${pattern}" is not a valid regular expression: ${error}.`,
    unregisteredCode: (title, note) => (note ? `${title} is not a registered SIP status code: ${note}` : `${title} is not a registered SIP status code.`),
    treatedAs: (code) => `A receiver that does not know it treats it as ${code} (RFC 3261 §8.1.3.2).`,
    tooMany: (count, max) => `${count} more SIP Sense diagnostics are not shown (sipSense.diagnostics.maxPerDocument is ${max}).`,
  },
  actions: {
    replacePhrase: (phrase) => `Replace with the standard phrase “${phrase}”`,
    explainCode: (digits) => `Explain ${digits} (no automatic change)`,
    callFlow: '▶ Call flow',
  },
  completion: {
    deprecated: 'deprecated',
  },
  cli: {
    usage: (synopsis) => `Usage:
${synopsis}

check   reports status-code problems like a compiler (path:line:col: severity: message [rule]);
        exits 1 when an error is found or a file cannot be read, 0 otherwise, 2 on bad usage.
        A capture (pcap, pcapng, .gz) is checked as its decoded trace.
explain prints what a status code means.
calls   lists the calls of traces (and captures), one row each: Call-ID, first method, From, To,
        start, duration, messages, final code and phrase, state; exits 1 when a file cannot be read.
flow    draws the call flow of a trace or a capture (every message, or one call's): a text ladder, a
        standalone SVG, an HTML page or JSON; exits 1 when the file cannot be read or has no such call.

decode  prints the SIP messages of a capture as an ngrep-style trace (or writes it to FILE);
        exits 1 when the file is no capture or is damaged (what was read before is still printed).`,
    unknownCommand: (command) => `unknown command: ${command}`,
    noCommand: 'no command given',
    unknownOption: (name) => `unknown option: --${name}`,
    needsValue: (name) => `--${name} needs a value`,
    takesOneOf: (name, values) => `--${name} takes one of: ${values}`,
    needsFiles: (command) => `${command} needs at least one file`,
    explainTakesCode: 'explain takes one status code, e.g. sipsense explain 486',
    flowTakesFile: 'flow takes one file, e.g. sipsense flow trace.sip',
    outputNeedsFile: '-o needs a file name',
    decodeTakesCapture: 'decode takes one capture file',
    cannotRead: (file, reason) => `cannot read ${file}: ${reason}`,
    cannotWrite: (file, reason) => `cannot write ${file}: ${reason}`,
    skippedBinary: (file) => `skipped ${file}: binary file`,
    lineTooLong: (line, millions) => `line ${line} is longer than ${millions} million characters: the rest of the file is not checked`,
    noSuchCall: (callId, file) => `no call with Call-ID ${callId} in ${file}`,
    decoded: (frames, sipMessages, skipped) => `${frames} frames, ${sipMessages} SIP messages${skipped ? `; skipped ${skipped}` : ''}`,
    listSeparator: ', ',
    messageCount: (count) => `${count} msgs`,
    callStates: {
      completed: 'completed',
      rejected: 'rejected',
      busy: 'busy',
      cancelled: 'cancelled',
      redirected: 'redirected',
      'in call': 'in call',
      registered: 'registered',
      'failed authentication': 'failed authentication',
      'no final response': 'no final response',
    },
  },
  fromDisk: {
    reading: 'SIP Sense: reading the trace from disk',
    decodedSoFar: (size) => `${size} MB of SIP messages decoded`,
    readSoFar: (size, total) => `${size} MB of ${total} MB`,
    cancelled: 'Reading the trace was cancelled.',
    cannotRead: (path, reason) => `SIP Sense cannot read ${path}: ${reason}`,
    noSource: 'SIP Sense has no such document open, and it is no file on disk.',
    decoded: (size) => `Decoded from disk (${size} MB of SIP messages): the editor did not hand this capture to SIP Sense.`,
    read: (size) => `Read from disk (${size} MB): the editor did not hand this file to SIP Sense.`,
  },
  capture: CAPTURE_MESSAGES.en,
};
