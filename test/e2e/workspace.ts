import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The workspace the integration tests open: real files of every kind, copied at run time from
 * ../shared/corpus into a temporary folder (never into the repository), under names and folders
 * that give them the language a user would get, and two small scripts written here (the corpus has
 * no KEMI script). Shared by the runner (which copies) and the tests (which open them); no `vscode`
 * import here.
 */
export const WORKSPACE = {
  /** RFC 3515 (plain text with SIP messages): 202 Accepted, deprecated. */
  referTrace: { from: 'sip-traces/rfc3515.txt', path: 'traces/rfc3515.txt', language: 'plaintext' },
  /** RFC 3665 call flows: SIP/2.0  486 Busy Here. */
  callFlows: { from: 'sip-traces/rfc3665.txt', path: 'traces/rfc3665.txt', language: 'plaintext' },
  /** A raw reply (language sip by its extension). */
  ringing: { from: 'sip-traces/kamailio__test_misc_sip_ms-invite-00-rpl.sip', path: 'traces/ms-invite-00-rpl.sip', language: 'sip' },
  /** Kamailio's default configuration (language kamailio by the name kamailio*.cfg). */
  kamailio: { from: 'kamailio/kamailio__etc_kamailio.cfg', path: 'kamailio__etc_kamailio.cfg', language: 'kamailio' },
  /** OpenSIPS's default configuration (opensips*.cfg). */
  opensips: { from: 'opensips/opensips__etc_opensips.cfg', path: 'opensips__etc_opensips.cfg', language: 'opensips' },
  /** Asterisk's sample dialplan (language asterisk by its asterisk/ folder). */
  asterisk: { from: 'asterisk/asterisk__configs_samples_extensions.conf.sample', path: 'asterisk/extensions.conf.sample', language: 'asterisk' },
  /** A FreeSWITCH configuration with its dialplan (xml, recognised by content): respond data="486 Busy Here". */
  freeswitch: { from: 'freeswitch/freeswitch__src_mod_endpoints_mod_sofia_test_conf_freeswitch.xml', path: 'freeswitch/freeswitch.xml', language: 'xml' },
  /** A SIPp scenario (xml, recognised by content). */
  sipp: { from: 'sipp/sipp__docs_uac.xml', path: 'sipp/uac.xml', language: 'xml' },
  /** Asterisk's PJSIP troubleshooting guide, whose `pjsip set logger` output makes a log (language log). */
  pjsipLog: { from: 'logs/documentation__docs_Configuration_Channel-Drivers_SIP_Configuring-res_pjsip_Asterisk-PJSIP-Troubleshooting-Guide.md', path: 'logs/asterisk-pjsip.log', language: 'log' },
  /** A KEMI routing script in Lua (uses KSR): served like kamailio.cfg. */
  kemiLua: {
    text: 'function ksr_request_route()\n  if KSR.pv.get("$rs") == 486 then KSR.x.exit() end\n  KSR.sl.sl_send_reply(404, "Busy Here")\nend\n',
    path: 'kemi/kamailio.lua',
    language: 'lua',
  },
  /** An ordinary Python file with numbers that look like codes: never handed to the server. */
  plainPython: {
    text: 'import requests\n\nif requests.get("http://x").status_code == 404:\n    print("sl_send_reply(404, \\"Busy Here\\")")\n',
    path: 'tools/report.py',
    language: 'python',
  },
} as const;

export type WorkspaceFile = keyof typeof WORKSPACE;

/** Packet captures (binary: VS Code opens them in SIP Sense's capture editor, never as text). */
export const CAPTURES = {
  /** INVITE, 100, 180, CANCEL, 200, 487 Request Terminated, ACK over UDP. */
  cancel: { from: 'pcap/pkts__cancel.pcap', path: 'captures/cancel.pcap' },
} as const;

/** ../shared/corpus beside the checkout. */
export function corpusRoot(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'corpus');
}

/** Copies the workspace files into `folder` (created). */
export function prepareWorkspace(repoRoot: string, folder: string): void {
  for (const file of [...Object.values(WORKSPACE), ...Object.values(CAPTURES)]) {
    const target = join(folder, file.path);
    mkdirSync(dirname(target), { recursive: true });
    if ('text' in file) writeFileSync(target, file.text);
    else copyFileSync(join(corpusRoot(repoRoot), file.from), target);
  }
}

/**
 * What run.ts --vsix tells the packaged-extension test (suite-vsix/) through the extension host's
 * environment: where the .vsix was installed, the version it must have, the development tree it
 * must not run from, and the id of the empty stand-in extension under development.
 */
export const VSIX_TEST_ENV = {
  extensionsDir: 'SIPSENSE_E2E_VSIX_EXTENSIONS_DIR',
  version: 'SIPSENSE_E2E_VSIX_VERSION',
  devTree: 'SIPSENSE_E2E_VSIX_DEV_TREE',
  standInId: 'SIPSENSE_E2E_VSIX_STAND_IN',
} as const;
