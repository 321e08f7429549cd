import { FREESWITCH_INTERNAL_CAUSES, Q850_CAUSES } from './q850';
import type { CauseTable } from './types';

/**
 * The tables of hangup causes that products read numbers as: each is a kind of occurrence of its
 * own, never a status code, explained from its entries (features/explain.ts explainCause). A new
 * table is one entry here and its wording under its kind in each message catalogue.
 */
export const CAUSE_TABLES = [
  // ITU-T Q.850 (Reason: Q.850;cause=N, Asterisk Hangup(N), FreeSWITCH 1-127).
  { kind: 'q850', entries: Q850_CAUSES, headedBy: 'description', logged: { min: 1, max: 127 } },
  // FreeSWITCH's own numbers (hangup data, continue_on_fail): a number it does not list is read as Q.850 when it is one.
  {
    kind: 'freeswitch-cause', entries: FREESWITCH_INTERNAL_CAUSES, headedBy: 'freeswitchName', otherwise: 'q850',
    sipArrivesAs: 'freeswitch', logged: { min: 1, max: Infinity },
  },
] as const satisfies readonly CauseTable[];

/** The kind of occurrence of each cause table. */
export type CauseKind = (typeof CAUSE_TABLES)[number]['kind'];
