import { SERVED_LANGUAGES, isKemiLanguage, usesKsr, type ServedLanguage } from '../../../common/languages';
import { asteriskDialect } from './dialects/asterisk';
import { freeswitchDialect, looksLikeFreeswitchXml } from './dialects/freeswitch';
import { kamailioDialect, kemiDialect } from './dialects/kamailio';
import { LOG_DIALECTS, looksLikeVoipLog } from './dialects/logs';
import { opensipsDialect } from './dialects/opensips';
import { routingScriptKindOf } from './dialects/routingScript/index';
import { sipMessageDialect } from './dialects/sipMessage';
import { looksLikeSippScenario, sippDialect } from './dialects/sipp';
import type { Dialect } from './scanner/dialect';
import { Scanner } from './scanner/scanner';
import { containsStartLine } from './syntax/startLine';

/** Other names clients give the served languages (Neovim, Vim and Emacs call plain text `text`). */
const ALIASES: Readonly<Record<string, ServedLanguage>> = { text: 'plaintext' };

/** The served language id a client's language id stands for, or undefined when it is not served. */
export function servedLanguageId(languageId: string): string | undefined {
  const id = ALIASES[languageId] ?? languageId;
  return (SERVED_LANGUAGES as readonly string[]).includes(id) ? id : undefined;
}

/** How much of a document's start is read to recognise what it is. */
const SNIFF_CHARS = 64 * 1024;

/** Dialects for XML documents, by what the document is (SIPp scenario, FreeSWITCH configuration). */
function xmlDialects(head: string): Dialect[] {
  // The SIPp dialect reads the status lines of <send> CDATA through the SIP message dialect.
  if (looksLikeSippScenario(head)) return [sippDialect];
  if (looksLikeFreeswitchXml(head)) return [freeswitchDialect];
  return [];
}

/** The dialects that apply to a document of this language id and content. */
export function dialectsFor(languageId: string, text: string): Dialect[] {
  const head = text.slice(0, SNIFF_CHARS);
  switch (languageId) {
    case 'sip':
      return [sipMessageDialect];
    case 'log':
      return [sipMessageDialect, ...LOG_DIALECTS];
    case 'asterisk':
      return [asteriskDialect];
    case 'kamailio':
      return [kamailioDialect];
    case 'opensips':
      return [opensipsDialect];
    case 'xml':
      return xmlDialects(head);
    case 'plaintext': {
      // A Kamailio/OpenSIPS configuration opened as plain text (#!KAMAILIO, loadmodule + modparam).
      const script = routingScriptKindOf(head);
      if (script) return [script === 'opensips' ? opensipsDialect : kamailioDialect];
      // SIP messages, or the log of a SIP server, PBX or stack (with the messages it embeds).
      return containsStartLine(head) || looksLikeVoipLog(head) ? [sipMessageDialect, ...LOG_DIALECTS] : [];
    }
    default:
      // KEMI scripts call the same functions as kamailio.cfg (KSR.sl.sl_send_reply(404, "Not found")); other files are not served.
      return isKemiLanguage(languageId) && usesKsr(text) ? [kemiDialect] : [];
  }
}

export function scannerFor(languageId: string, text: string): Scanner {
  return new Scanner(dialectsFor(languageId, text));
}
