import type { Dialect } from '../../scanner/dialect';
import { CueSet } from './cues';

/**
 * SIPp's error log (-trace_err): an entry about an unexpected message names what the scenario
 * was waiting for, a response code or a method (`Aborting call on unexpected message for Call-Id
 * '...': while expecting '183' (index 2), received 'SIP/2.0 503 Service Unavailable`). The code it
 * expected counts; the message it received is quoted from its start line on, which the SIP
 * message dialect reads. Not codes: the scenario index, the times, the Call-ID's numbers.
 */
const CUES = new CueSet('sipp-log', [
  { keyword: "while expecting '", pattern: /\bunexpected [^']{0,40}'[^']{0,200}': while expecting '([0-9]+)(?=')/g },
]);

export const sippLogDialect: Dialect = {
  id: 'sipp-log',
  trigger: /while expecting '/,
  keywords: ["while expecting '"],
  scanLine(text, line, out) {
    CUES.scanLine(text, line, out);
  },
};
