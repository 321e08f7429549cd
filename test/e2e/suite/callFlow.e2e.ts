import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { HOSTILE, hostileTrace, ngrepTrace } from '../traceGenerator';
import { log, test, testAcrossReload } from './harness';
import {
  hasBridge, inFrame, keys, openFile, positionOf, revertAndCloseAll, sleep, updateSetting, visibleTexts, waitFor,
} from './helpers';

/**
 * The call flow in VS Code: the ladder webview (read in its nested iframe through the runner's
 * /frame bridge) and the SIP Calls view, on a corpus trace, a generated trace of 10,000 messages
 * and a hostile trace.
 */

/** Any element of the ladder's own document: finds its frame among the workbench's iframes. */
const LADDER = 'body > .scroller';

interface LadderRow {
  row: number;
  index: number;
  line: number;
  label: string;
  arrow: string;
  current: boolean;
  heading: boolean;
}

interface LadderState {
  participants: string[];
  rows: LadderRow[];
  title: string;
  call: string;
  headings: string[];
}

const READ_LADDER = `(() => {
  const rows = [...document.querySelectorAll('.body .row')].map((r) => ({
    row: Number(r.dataset.row),
    index: r.dataset.index === undefined ? -1 : Number(r.dataset.index),
    line: r.dataset.line === undefined ? -1 : Number(r.dataset.line),
    label: r.querySelector('.label') ? r.querySelector('.label').firstChild.textContent : r.textContent,
    arrow: r.querySelector('.arrow') ? r.querySelector('.arrow').className : '',
    current: r.classList.contains('current'),
    heading: r.classList.contains('call-heading'),
  })).sort((a, b) => a.row - b.row);
  return {
    participants: [...document.querySelectorAll('.header .participant')].map((c) => c.textContent),
    rows,
    title: document.querySelector('.toolbar .title').textContent,
    call: document.querySelector('select.calls').value,
    headings: [...document.querySelectorAll('.call-heading .call-id')].map((c) => c.textContent),
  };
})()`;

/** The ladder once `accept` holds. */
function ladder(what: string, accept: (state: LadderState) => boolean, timeoutMs = 20_000): Promise<LadderState> {
  return waitFor(`the ladder: ${what}`, async () => {
    const state = await inFrame<LadderState>({ holding: LADDER, script: READ_LADDER });
    return state.rows.length > 0 && accept(state) ? state : undefined;
  }, timeoutMs, 200);
}

function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri.fsPath;
}

/** Writes a generated trace into the workspace and opens it. */
async function openGenerated(name: string, text: string): Promise<vscode.TextEditor> {
  const path = join(workspaceFolder(), 'traces', name);
  writeFileSync(path, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
  return vscode.window.showTextDocument(document, { preview: false });
}

function place(editor: vscode.TextEditor, position: vscode.Position): void {
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
}

/** The contrast ratio of each arrow class's colour with the ladder's background, once the body has BODY_CLASS. */
const CONTRAST = `(() => {
  if (!document.body.classList.contains('BODY_CLASS')) return { themed: false, ratios: {} };
  const channels = (colour) => (colour.match(/[0-9.]+/g) || []).slice(0, 3).map(Number);
  const luminance = (colour) => {
    const [r, g, b] = channels(colour).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = luminance(getComputedStyle(document.body).backgroundColor);
  const ratios = {};
  const probe = document.createElement('div');
  probe.className = 'arrow';
  document.body.append(probe);
  for (const klass of ['request', 'c1xx', 'c2xx', 'c3xx', 'c4xx', 'c5xx', 'c6xx']) {
    probe.className = 'arrow ' + klass;
    const l = luminance(getComputedStyle(probe).color);
    ratios[klass] = (Math.max(l, background) + 0.05) / (Math.min(l, background) + 0.05);
  }
  probe.remove();
  return { themed: true, ratios };
})()`;

const RFC3665_CALL = '3848276298220188511@atlanta.example.com';

test('the ladder of a corpus trace: the call at the cursor, its endpoints, arrows, labels and response classes in the theme colours', async () => {
  const editor = await openFile('callFlows');
  place(editor, positionOf(editor.document, 'SIP/2.0 180 Ringing', 10));
  await vscode.commands.executeCommand('sipSense.showCallFlow');
  if (!hasBridge) return;
  const state = await ladder('the call at the cursor, its 180 current', (s) => s.rows.some((r) => r.current));
  assert.deepEqual(state.headings, [RFC3665_CALL], 'only the call at the cursor is shown');
  assert.match(state.title, /rfc3665\.txt · 181 messages/);
  // RFC 3665 has no capture framing: the columns are hosts from the messages, and say so.
  assert.ok(state.participants.some((p) => p === 'client.atlanta.example.com(inferred)'), state.participants.join(' | '));
  const arrows = state.rows.filter((r) => !r.heading);
  assert.deepEqual(arrows.slice(0, 6).map((r) => [r.line, r.label, r.arrow.split(' ')[1]]), [
    [665, 'INVITE', 'request'],
    [695, '180 Ringing', 'c1xx'],
    [708, '200 OK', 'c2xx'],
    [738, 'ACK', 'request'],
    [757, 'BYE', 'request'],
    [769, '200 OK', 'c2xx'],
  ]);
  assert.equal(arrows.find((r) => r.current)?.line, 695, 'the cursor\'s message is highlighted');
  // Section 3.2's BYE repeats 3.1's branch over TCP, where a client never retransmits: a request of its own.
  const byes = arrows.filter((r) => r.label === 'BYE');
  assert.ok(byes.length > 1 && byes.every((r) => !/\bretransmission\b/.test(r.arrow)), byes.map((r) => `${r.line} ${r.arrow}`).join(' | '));
  assert.ok(arrows.some((r) => /\bc4xx\b/.test(r.arrow)), 'a 4xx arrow');
  // The classes take the theme's colours (the grammars' families), each distinct from the request colour.
  const colours = await inFrame<Record<string, string>>({
    holding: LADDER,
    script: `(() => {
      const out = {};
      const probe = document.createElement('span');
      document.body.append(probe);
      for (const [klass, variable] of [['c1xx', '--vscode-editorInfo-foreground'], ['c2xx', '--vscode-gitDecoration-addedResourceForeground'], ['c4xx', '--vscode-gitDecoration-deletedResourceForeground'], ['request', '--vscode-foreground']]) {
        probe.style.color = 'var(' + variable + ')';
        const arrow = document.querySelector('.arrow.' + klass);
        out[klass] = arrow ? getComputedStyle(arrow).color : 'missing';
        out[klass + ' theme'] = getComputedStyle(probe).color;
      }
      probe.remove();
      return out;
    })()`,
  });
  await log(`  arrow colours in the default theme: ${JSON.stringify(colours)}`);
  for (const klass of ['c1xx', 'c2xx', 'c4xx', 'request']) assert.equal(colours[klass], colours[`${klass} theme`], `${klass}: ${JSON.stringify(colours)}`);
  assert.equal(new Set([colours.c1xx, colours.c2xx, colours.c4xx, colours.request]).size, 4, 'four distinct colours');
  // Readable in light, dark and high-contrast themes: every arrow colour against the background
  // at 3:1 or more (WCAG's minimum for graphics and large text).
  const themes: [string, string][] = [
    ['Default Dark Modern', 'vscode-dark'], ['Default High Contrast', 'vscode-high-contrast'],
    ['Default High Contrast Light', 'vscode-high-contrast-light'], ['Default Light Modern', 'vscode-light'],
  ];
  try {
    for (const [theme, bodyClass] of themes) {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      const ratios = await waitFor(`the ladder in ${theme}`, async () => {
        const answer = await inFrame<{ themed: boolean; ratios: Record<string, number> }>({ holding: LADDER, script: CONTRAST.replace('BODY_CLASS', bodyClass) });
        return answer.themed ? answer.ratios : undefined;
      });
      for (const [klass, ratio] of Object.entries(ratios)) assert.ok(ratio >= 3, `${theme}: ${klass} has a contrast of ${ratio.toFixed(2)}:1`);
    }
  } finally {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
  }
  // The busy call's INVITE sent again over UDP (section 3.7, line 3427): drawn as a retransmission.
  place(editor, new vscode.Position(3426, 5));
  await vscode.commands.executeCommand('sipSense.showCallFlow');
  const busy = await ladder('the busy call, its INVITE sent again current', (s) => s.rows.some((r) => r.current && r.line === 3426));
  assert.match(busy.rows.find((r) => r.current)!.arrow, /\bretransmission\b/);
  // Back to the call of the 180 for the tests that follow.
  place(editor, positionOf(editor.document, 'SIP/2.0 180 Ringing', 10));
  await vscode.commands.executeCommand('sipSense.showCallFlow');
  await ladder('the call of the 180 again', (s) => s.rows.some((r) => r.current && r.line === 695));
});

test('the ladder follows the cursor, and a click, or Enter on the focused arrow, reveals the message in the editor', async () => {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('rfc3665.txt'));
  assert.ok(editor, 'the trace from the previous test is still open');
  if (!hasBridge) return;
  place(editor, new vscode.Position(760, 4)); // inside the BYE (lines 757-764)
  await ladder('the BYE follows the cursor', (s) => s.rows.some((r) => r.current && r.line === 757));
  // A click on the 200 OK of the INVITE.
  await inFrame({ holding: LADDER, click: '.row[data-line="708"] .label' });
  await waitFor('the editor at the 200 OK', () => (editor.selection.active.line === 708 ? true : undefined));
  await ladder('the clicked arrow current', (s) => s.rows.some((r) => r.current && r.line === 708));
  // The keyboard (real key presses in the page): down to the ACK, Enter.
  await inFrame({ holding: LADDER, script: 'document.activeElement === document.querySelector(".scroller")' })
    .then((focused) => assert.equal(focused, true, 'the click leaves the focus in the ladder'));
  await keys({ press: ['ArrowDown'] });
  await ladder('ArrowDown moves to the ACK', (s) => s.rows.some((r) => r.current && r.line === 738));
  await keys({ press: ['Enter'] });
  await waitFor('the editor at the ACK', () => (editor.selection.active.line === 738 ? true : undefined));
  await keys({ press: ['End'] });
  await ladder('End moves to the last arrow', (s) => s.rows[s.rows.length - 1].current && !s.rows[s.rows.length - 1].heading);
  // The focus ring is drawn: the current row has an outline while the ladder has the focus.
  const outline = await inFrame<string>({ holding: LADDER, script: `getComputedStyle(document.querySelector('.row.current')).outlineStyle` });
  assert.equal(outline, 'solid');
  // Hovering an arrow shows the server's explanation of its code.
  const tip = await waitFor('the explanation of 180 on hover', async () => {
    const text = await inFrame<string>({ holding: LADDER, hover: '.row[data-line="1090"] .label', script: `(() => { const t = document.querySelector('.tooltip'); return t.hidden ? '' : t.textContent; })()` });
    return text.includes('180 Ringing') ? text : undefined;
  }, 15_000, 400);
  assert.match(tip, /RFC 3261/);
});

for (const setting of ['language', 'hover.language']) {
  test(`with sipSense.${setting} fa the ladder speaks Persian, its explanations too`, async () => {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('rfc3665.txt'));
    assert.ok(editor, 'the trace from the previous tests is still open');
    if (!hasBridge) return;
    await updateSetting(setting, 'fa');
    try {
      place(editor, new vscode.Position(696, 4));
      await vscode.commands.executeCommand('sipSense.showCallFlow');
      const words = await waitFor('the Persian toolbar', async () => {
        const answer = await inFrame<{ title: string; time: string; dir: string; lang: string }>({
          holding: LADDER,
          script: `({ title: document.querySelector('.toolbar .title').textContent, time: document.querySelector('.header .time').textContent, dir: document.querySelector('.toolbar').dir, lang: document.documentElement.lang })`,
        });
        return answer.time === 'زمان' ? answer : undefined;
      });
      assert.match(words.title, /^rfc3665\.txt · [۰-۹]+ پیام$/, 'the count of messages in Persian digits (the file name as it is)');
      assert.equal(words.dir, 'rtl');
      const row = await inFrame<{ label: string; aria: string }>({
        holding: LADDER,
        script: `(() => { const r = document.querySelector('.row[data-line="695"]'); return { label: r.querySelector('.label').textContent, aria: r.getAttribute('aria-label') }; })()`,
      });
      assert.match(row.label, /^180 Ringing/, 'an arrow\'s label is the status line as SIP writes it');
      assert.match(row.aria, /خط ۶۹۶$/, 'its line number in Persian prose, in Persian digits');
      assert.equal(words.lang, 'fa');
      const tip = await waitFor('the Persian explanation of 180 on hover', async () => {
        const text = await inFrame<string>({ holding: LADDER, hover: '.row[data-line="695"] .label', script: `(() => { const t = document.querySelector('.tooltip'); return t.hidden ? '' : t.textContent; })()` });
        return /[\u0600-\u06FF]/.test(text) ? text : undefined;
      }, 15_000, 400);
      assert.match(tip, /۱۸۰ Ringing/, 'the code in Persian digits, as the Persian hover writes it');
    } finally {
      await updateSetting(setting, undefined);
    }
  });
}

test('the SIP Calls view lists the calls of the active trace, filters by text and by state, and opens a call\'s ladder', async () => {
  if (!hasBridge) return;
  await vscode.commands.executeCommand('sipSense.calls.focus');
  const rowsSelector = '.pane-body .monaco-list-row[aria-label*=" → "]';
  const all = await waitFor('the four calls of RFC 3665', async () => {
    const rows = await visibleTexts(rowsSelector);
    return rows.length === 4 ? rows : undefined;
  });
  assert.ok(all.some((row) => /alice → bob/.test(row) && /486 Busy Here/.test(row) && /busy/.test(row)), all.join('\n'));
  assert.ok(all.some((row) => /REGISTER/.test(row) && /failed authentication/.test(row)), all.join('\n'));
  await vscode.commands.executeCommand('sipSense.calls.filter', 'busy here');
  const filtered = await waitFor('one call matching "busy here"', async () => {
    const rows = await visibleTexts(rowsSelector);
    return rows.length === 1 ? rows : undefined;
  });
  assert.match(filtered[0], /486 Busy Here/);
  await vscode.commands.executeCommand('sipSense.calls.filter', '');
  // RFC 3665's registrations share a Call-ID: the call ends as the last of them (2.5, Unsuccessful Registration).
  await vscode.commands.executeCommand('sipSense.calls.filterState', ['failed authentication']);
  const registered = await waitFor('the REGISTER call', async () => {
    const rows = await visibleTexts(rowsSelector);
    return rows.length === 1 && /REGISTER/.test(rows[0]) ? rows : undefined;
  });
  assert.match(registered[0], /401 Unauthorized/);
  // Selecting it opens its ladder.
  await inFrame({ holding: rowsSelector, click: `${rowsSelector}` });
  const state = await ladder('the REGISTER call', (s) => s.headings.length === 1 && s.headings[0] === '1j9FpLxk3uxtm8tn@biloxi.example.com');
  assert.ok(state.rows.filter((r) => !r.heading).every((r) => /REGISTER|401|200/.test(r.label)), state.rows.map((r) => r.label).join(', '));
  await vscode.commands.executeCommand('sipSense.calls.clearFilters');
  await waitFor('the four calls again', async () => ((await visibleTexts(rowsSelector)).length === 4 ? true : undefined));
  await revertAndCloseAll();
});

const BUSY_CALL = '2xTb9vxSit55XU7p8@atlanta.example.com';

/** The line of the busy call's first message in RFC 3665 (its INVITE), from the Outline's symbols. */
async function busyCallLine(uri: vscode.Uri): Promise<number> {
  const symbols = await waitFor('the outline of rfc3665.txt', async () => {
    const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    return found && found.length > 0 ? found : undefined;
  });
  const busy = symbols.find((symbol) => symbol.name.endsWith('486 Busy Here'));
  assert.ok(busy, symbols.map((symbol) => symbol.name).join(', '));
  return busy.selectionRange.start.line;
}

test('a call\'s CodeLens, clicked in the editor, opens the ladder of that call', async () => {
  await revertAndCloseAll(); // no ladder open: the CodeLens must open it
  const editor = await openFile('callFlows');
  const line = await busyCallLine(editor.document.uri);
  place(editor, new vscode.Position(line, 0));
  if (!hasBridge) return;
  const lens = '.codelens-decoration a:has-text("486 Busy Here")';
  const title = await waitFor('the busy call\'s CodeLens', async () => (await visibleTexts(lens))[0]);
  assert.equal(title, '▶ Call flow · INVITE alice → bob · 486 Busy Here');
  await inFrame({ holding: '.monaco-editor', click: lens });
  const state = await ladder('the busy call, from its CodeLens', (s) => s.headings.length === 1);
  assert.deepEqual(state.headings, [BUSY_CALL]);
  const first = state.rows.find((r) => !r.heading);
  assert.deepEqual([first?.line, first?.label], [line, 'INVITE'], 'its first arrow is the INVITE the CodeLens is on');
  await revertAndCloseAll();
});

test('a call picked in the Outline: the cursor goes to it, Show Call Flow opens that call\'s ladder, and the ladder follows to the next call picked', async () => {
  const editor = await openFile('callFlows');
  const line = await busyCallLine(editor.document.uri);
  place(editor, new vscode.Position(0, 0));
  if (!hasBridge) return;
  await vscode.commands.executeCommand('outline.focus');
  await vscode.commands.executeCommand('outline.collapse');
  const row = '.outline-pane .monaco-list-row:has-text("486 Busy Here")';
  await waitFor('the busy call in the Outline view', async () => ((await visibleTexts(row)).length === 1 ? true : undefined));
  await inFrame({ holding: '.outline-pane', click: row });
  await waitFor('the cursor on the busy call\'s INVITE', () => (editor.selection.active.line === line ? true : undefined));
  await vscode.commands.executeCommand('sipSense.showCallFlow');
  const state = await ladder('the call picked in the Outline', (s) => s.headings.length === 1 && s.rows.some((r) => r.current));
  assert.deepEqual(state.headings, [BUSY_CALL]);
  assert.equal(state.rows.find((r) => r.current)?.line, line, 'its INVITE current, where the Outline put the cursor');
  // Another call picked in the Outline: the ladder of one call goes to it.
  const register = '.outline-pane .monaco-list-row:has-text("REGISTER bob")';
  await inFrame({ holding: '.outline-pane', click: register });
  const next = await ladder('the call picked next in the Outline', (s) => s.headings.length === 1 && s.headings[0] !== BUSY_CALL && s.rows.some((r) => r.current));
  assert.deepEqual(next.headings, ['1j9FpLxk3uxtm8tn@biloxi.example.com']);
  await revertAndCloseAll();
});

test('a hostile trace: markup, scripts, javascript: URIs and 10,000-character tokens show as text, and nothing runs', async () => {
  const editor = await openGenerated('hostile.txt', hostileTrace());
  place(editor, new vscode.Position(0, 0));
  await vscode.commands.executeCommand('sipSense.showAllCallFlows');
  if (!hasBridge) return;
  const state = await ladder('the hostile calls', (s) => s.rows.filter((r) => !r.heading).length === 4);
  assert.deepEqual(state.headings.map((h) => h.slice(0, 60)), [HOSTILE.script, HOSTILE.longCallId.slice(0, 60)]);
  const busy = state.rows.find((r) => r.label.startsWith('486'));
  assert.equal(busy?.label, `486 ${HOSTILE.img} ${HOSTILE.javascript} ${HOSTILE.script}`);
  assert.ok(state.rows.some((r) => r.label === `603 ${HOSTILE.long}`));
  const page = await inFrame<Record<string, unknown>>({
    holding: LADDER,
    script: `(() => {
      const picker = document.querySelector('select.calls');
      picker.focus(); // the picker lists every call once it is about to open
      const options = [...picker.querySelectorAll('option')].map((o) => o.textContent);
      picker.blur();
      const long = [...document.querySelectorAll('.row')].find((r) => r.dataset.index === '3');
      const label = long.querySelector('.label');
      // An inline script now: the policy must refuse it as it would refuse one from the trace.
      const inline = document.createElement('script');
      inline.textContent = 'window.__sipsenseInline = true';
      document.body.append(inline);
      return {
        pwned: window.__sipsensePwned === undefined ? null : String(window.__sipsensePwned),
        inline: window.__sipsenseInline === true,
        images: document.querySelectorAll('img, iframe, object, embed').length,
        links: document.body.querySelectorAll('a, [href], [onerror], [onclick]').length,
        scripts: [...document.querySelectorAll('script')].filter((s) => s.src).length,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
        options,
        rowHeight: long.getBoundingClientRect().height,
        labelClipped: label.scrollWidth > label.clientWidth,
        bodyWidth: document.body.scrollWidth <= window.innerWidth + 1,
      };
    })()`,
  });
  await sleep(500); // an onerror would have fired by now
  const after = await inFrame<string | null>({ holding: LADDER, script: 'window.__sipsensePwned === undefined ? null : String(window.__sipsensePwned)' });
  assert.equal(page.pwned, null);
  assert.equal(after, null, 'no payload ran');
  assert.equal(page.inline, false, 'an inline script is refused');
  assert.equal(page.images, 0);
  assert.equal(page.links, 0);
  assert.equal(page.scripts, 1, 'only the ladder\'s own script');
  assert.match(String(page.csp), /default-src 'none'/);
  assert.match(String(page.csp), /script-src 'nonce-[^']+'(;|$)/);
  assert.doesNotMatch(String(page.csp), /unsafe-inline|unsafe-eval/);
  assert.ok((page.options as string[]).some((o) => o.includes(HOSTILE.script)), 'the Call-ID is text in the call picker');
  assert.equal(page.rowHeight, 34, 'a 10,000-character label does not stretch its row');
  assert.equal(page.labelClipped, true, 'it is cut with an ellipsis');
  assert.equal(page.bodyWidth, true, 'nor widen the page');
  // The calls list shows the From with its markup as text.
  await vscode.commands.executeCommand('sipSense.calls.focus');
  const rows = await waitFor('the hostile calls listed', async () => {
    const texts = await visibleTexts('.pane-body .monaco-list-row[aria-label*=" → "]');
    return texts.length === 2 ? texts : undefined;
  });
  assert.ok(rows.some((row) => row.includes('486 <img src=x onerror=')), rows.join('\n'));
  const pagePwned = await inFrame<boolean>({ holding: '.monaco-workbench', script: 'window.__sipsensePwned !== undefined' });
  assert.equal(pagePwned, false, 'nothing ran in the workbench either');
  await revertAndCloseAll();
});

/** Scrolls the whole ladder a frame at a time and reports the frame times, long tasks and rows in the DOM. */
const SCROLL_THROUGH = `new Promise((resolve) => {
  const scroller = document.querySelector('.scroller');
  const longTasks = [];
  let observer;
  try {
    observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask', buffered: false });
  } catch {}
  const frames = [];
  let maxRows = 0;
  let last = performance.now();
  const step = 600;
  const started = last;
  const tick = (now) => {
    frames.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, document.querySelectorAll('.body .row').length);
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) {
      observer && observer.disconnect();
      const sorted = frames.slice(1).sort((a, b) => a - b);
      const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      resolve({ frames: sorted.length, ms: now - started, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1], longTasks: longTasks.length, longest: Math.max(0, ...longTasks), maxRows, height: scroller.scrollHeight });
      return;
    }
    scroller.scrollTop += step;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

test('10,000 messages: the ladder opens and scrolls with only the visible rows in the DOM (figures logged)', async () => {
  const editor = await openGenerated('ten-thousand.txt', ngrepTrace(10_000));
  place(editor, new vscode.Position(0, 0));
  const started = Date.now();
  await vscode.commands.executeCommand('sipSense.showAllCallFlows');
  if (!hasBridge) return;
  const state = await ladder('10,000 arrows', (s) => /10000 messages/.test(s.title), 60_000);
  const timing = await inFrame<{ open: number; paintedAt: number }>({
    holding: LADDER,
    script: `(() => {
      const open = performance.getEntriesByName('sipsense-ladder-open').at(-1);
      const painted = performance.getEntriesByName('sipsense-ladder-painted').at(-1);
      return { open: open.duration, paintedAt: performance.timeOrigin + painted.startTime };
    })()`,
  });
  const rows = state.rows.length;
  assert.ok(rows < 120, `only the visible rows are in the DOM (${rows})`);
  const scroll = await inFrame<Record<string, number>>({ holding: LADDER, script: SCROLL_THROUGH });
  assert.ok(scroll.maxRows < 120, `still only the visible rows while scrolling (${scroll.maxRows})`);
  await log(`  ladder, 10,000 messages: drawn ${timing.open.toFixed(1)} ms after the flow reached the webview; command → first frame ${(timing.paintedAt - started).toFixed(0)} ms (server, transfer and webview included)`);
  await log(`  ladder, 10,000 messages: scrolled ${scroll.height} px in ${scroll.frames} frames of 600 px (${scroll.ms.toFixed(0)} ms): frame p50 ${scroll.p50.toFixed(1)} ms, p95 ${scroll.p95.toFixed(1)} ms, max ${scroll.max.toFixed(1)} ms; long tasks ${scroll.longTasks} (longest ${scroll.longest.toFixed(0)} ms); at most ${scroll.maxRows} rows in the DOM`);
  await revertAndCloseAll();
}, 120_000);

/** What a restored ladder must show again: the same call, columns and arrows. */
interface LadderSeen {
  title: string;
  headings: string[];
  participants: string[];
  arrows: [number, string, string][];
  busyLine: number;
}

function seen(state: LadderState): Omit<LadderSeen, 'busyLine'> {
  const arrows = state.rows.filter((r) => !r.heading).map((r): [number, string, string] => [r.line, r.label, r.arrow]);
  return { title: state.title, headings: state.headings, participants: state.participants, arrows };
}

testAcrossReload('the ladder comes back after a window reload: the same call, columns and arrows, and a click on an arrow still reveals its message', async (): Promise<LadderSeen> => {
  await revertAndCloseAll();
  const editor = await openFile('callFlows');
  const busyLine = await busyCallLine(editor.document.uri);
  place(editor, new vscode.Position(busyLine, 0));
  await vscode.commands.executeCommand('sipSense.showCallFlow');
  if (!hasBridge) return { title: '', headings: [], participants: [], arrows: [], busyLine };
  const state = await ladder('the busy call before the reload', (s) => s.headings.length === 1 && s.rows.some((r) => r.current));
  assert.deepEqual(state.headings, [BUSY_CALL]);
  return { ...seen(state), busyLine };
}, async (before) => {
  const state = await ladder('the ladder restored after the reload', (s) => s.headings.length === 1, 60_000);
  assert.deepEqual(seen(state), { title: before.title, headings: before.headings, participants: before.participants, arrows: before.arrows });
  // Restored, it still talks to the extension: a click on the INVITE's first answer puts the trace's cursor on it.
  const [line, label] = before.arrows[1];
  assert.ok(line > before.busyLine && /^\d{3} /.test(label), `the second arrow answers the INVITE: ${label} at line ${line}`);
  await inFrame({ holding: LADDER, click: `.row[data-line="${line}"] .label` });
  // The focus stays in the ladder (so there may be no active text editor): the trace's editor beside it moves.
  await waitFor(`the trace shown at its ${label}`, () => (vscode.window.visibleTextEditors
    .some((editor) => editor.document.uri.path.endsWith('rfc3665.txt') && editor.selection.active.line === line) ? true : undefined));
  await revertAndCloseAll();
}, 120_000);

const READ_PAGER = `(() => ({
  hidden: document.querySelector('.pager').hidden,
  range: document.querySelector('.pager .range').textContent,
  earlier: document.querySelector('.pager .earlier').textContent,
  more: document.querySelector('.pager .more').textContent,
  moreRow: document.querySelector('.body .more-row') ? document.querySelector('.body .more-row').textContent : null,
}))()`;

test('25,000 messages, more than one answer carries: the ladder shows a window of 10,000 with the total, pages on, and follows the cursor past it', async () => {
  const editor = await openGenerated('twenty-five-thousand.txt', ngrepTrace(25_000));
  place(editor, new vscode.Position(0, 0));
  await vscode.commands.executeCommand('sipSense.showAllCallFlows');
  if (!hasBridge) return;
  const pager = (what: string, range: string) => waitFor(`the pager: ${what}`, async () => {
    const state = await inFrame<{ hidden: boolean; range: string; earlier: string; more: string; moreRow: string | null }>({ holding: LADDER, script: READ_PAGER });
    return !state.hidden && state.range === range ? state : undefined;
  }, 60_000, 300);
  const state = await ladder('the first window', (s) => /25000 messages/.test(s.title), 60_000);
  assert.ok(state.rows.length < 120, `only the visible rows are in the DOM (${state.rows.length})`);
  const first = await pager('the first 10,000', '1–10,000 of 25,000');
  assert.deepEqual([first.earlier, first.more, first.moreRow], ['◀ 0 earlier', '15,000 more ▶', '15,000 more ▶']);
  await inFrame({ holding: LADDER, click: '.pager .more' });
  const second = await pager('the next 10,000', '10,001–20,000 of 25,000');
  assert.deepEqual([second.earlier, second.more], ['◀ 10,000 earlier', '5,000 more ▶']);
  // The cursor on the trace's last message: the window around it, that message current.
  let lastStart = editor.document.lineCount - 1;
  while (!/^(SIP\/2\.0 |[A-Z]+ sip:)/.test(editor.document.lineAt(lastStart).text)) lastStart--;
  place(editor, new vscode.Position(lastStart, 0));
  const last = await pager('the window at the cursor', '15,001–25,000 of 25,000');
  assert.equal(last.more, '0 more ▶');
  assert.equal(last.moreRow, null, 'no more row at the end of the last window');
  await ladder('the last message current', (s) => s.rows.some((r) => r.current && r.line === lastStart));
  await revertAndCloseAll();
}, 180_000);
