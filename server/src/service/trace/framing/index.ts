import { anyOfLiterals } from '../../text';
import { asteriskFraming } from './asterisk';
import { freeswitchFraming } from './freeswitch';
import { kamailioSipdumpFraming } from './kamailioSipdump';
import type { FramingReader, UnframedReader } from './framing';
import { logLineFraming } from './logLine';
import { ngrepFraming } from './ngrep';
import { opensipsTracerFraming } from './opensipsTracer';
import { rawFraming } from './raw';
import { sippFraming } from './sipp';
import { sippErrorsFraming } from './sippErrors';
import { sngrepFraming } from './sngrep';
import { tcpdumpFraming } from './tcpdump';
import { wiresharkFraming } from './wireshark';

/** Framing readers, tried in this order on every line that holds their cue. */
export const FRAMING_READERS: readonly FramingReader[] = [ngrepFraming, sngrepFraming, asteriskFraming, freeswitchFraming, sippFraming, sippErrorsFraming, opensipsTracerFraming, kamailioSipdumpFraming, wiresharkFraming, tcpdumpFraming];

/** Any framing reader's cue: one pass over a line says whether a reader needs a closer look (most lines have none). */
export const ANY_FRAMING_CUE: RegExp = anyOfLiterals([...new Set(FRAMING_READERS.flatMap((reader) => reader.cues))]);

/** Readers of messages without framing lines, tried in this order on a start line. */
export const UNFRAMED_READERS: readonly UnframedReader[] = [logLineFraming, rawFraming];
