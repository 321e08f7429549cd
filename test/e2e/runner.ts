import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import {
  CHROMIUM_ARGS, delay, findChromium, startCodeServer, workbenchUrl, type CodeServerInstall, type RunningCodeServer,
} from './codeServer';

/**
 * Stands in for the VS Code executable that @vscode/test-electron starts: it takes the same flags
 * (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=, --extensions-dir=, the
 * folder to open), starts code-server with the smoke-test driver, opens the workbench in headless
 * Chromium with the tests in the URL's payload, and exits with the code the extension host exits
 * with (reported by the workbench through its codeAutomationExit hook).
 *
 * It also serves a small bridge on 127.0.0.1 to the tests in the extension host
 * (SIPSENSE_E2E_BRIDGE): /log prints a line here, /screenshot saves the page as a PNG,
 * /texts reads the text of visible elements, /keys types or presses keys in the page as a person would,
 * /frame evaluates a script in, clicks or hovers an element of the first frame that holds a selector
 * (webviews live in nested iframes that the extension host cannot reach), /state keeps one JSON value
 * across a window reload (which restarts the extension host and the tests in it).
 *
 * Needs SIPSENSE_NODE24 and SIPSENSE_CODE_SERVER (from installCodeServer()) in its environment.
 */

interface Args {
  extensionDevelopmentPath: string[];
  extensionTestsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  folder?: string;
}

/** Flags with a value, as `--name=value` or `--name value`. */
const VALUED = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'locale', 'log']);

export function parseArgs(argv: string[]): Args {
  const args: Args = { extensionDevelopmentPath: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      args.folder = resolve(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (value === undefined && VALUED.has(name)) value = argv[++i];
    if (value === undefined) continue; // --no-sandbox, --disable-updates and the like: nothing to do here
    if (name === 'extensionDevelopmentPath') args.extensionDevelopmentPath.push(resolve(value));
    else if (name === 'extensionTestsPath') args.extensionTestsPath = resolve(value);
    else if (name === 'user-data-dir') args.userDataDir = resolve(value);
    else if (name === 'extensions-dir') args.extensionsDir = resolve(value);
  }
  return args;
}

/** The module the extension host loads: the index file itself when a folder is given. */
function testsModule(path: string): string {
  return path.endsWith('.js') ? path : join(path, 'index.js');
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath || args.extensionDevelopmentPath.length === 0) {
    out('code-server runner: --extensionTestsPath and --extensionDevelopmentPath are required');
    return 2;
  }
  const install: CodeServerInstall = { node: process.env.SIPSENSE_NODE24 ?? '', entry: process.env.SIPSENSE_CODE_SERVER ?? '' };
  if (!install.node || !install.entry) {
    out('code-server runner: SIPSENSE_NODE24 and SIPSENSE_CODE_SERVER must name Node 24 and code-server (scripts/setup-code-server.sh)');
    return 2;
  }
  const executablePath = findChromium();
  const timeoutMs = Number(process.env.SIPSENSE_E2E_TIMEOUT_MS ?? 600_000);
  const verbose = !!process.env.SIPSENSE_E2E_VERBOSE;
  const scratch = mkdtempSync(join(tmpdir(), 'sipsense-runner-'));
  const screenshotDir = process.env.SIPSENSE_SCREENSHOT_DIR ?? join(scratch, 'screenshots');
  mkdirSync(screenshotDir, { recursive: true });

  let codeServer: RunningCodeServer | undefined;
  let context: BrowserContext | undefined;
  let bridge: Server | undefined;
  const diagnostics: string[] = [];
  const t0 = Date.now();
  const note = (text: string): void => {
    const line = `${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s ${text}`;
    diagnostics.push(line);
    if (diagnostics.length > 400) diagnostics.shift();
    if (verbose) out(line);
  };
  const cleanup = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    context = undefined;
    await codeServer?.stop();
    codeServer = undefined;
    bridge?.close();
    bridge = undefined;
    if (!process.env.SIPSENSE_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
  };
  // Ctrl-C reaches this process twice (from the terminal and from runTests()): stop once, completely.
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    out(`code-server runner: ${signal}, stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    let page: Page | undefined;
    let kept: unknown = null;
    const bridgeUrl = await startBridge((server) => { bridge = server; }, {
      log: (text) => { out(text); note(`[test] ${text.split('\n')[0]}`); },
      screenshot: async (name) => {
        if (!page) throw new Error('no page yet');
        const file = join(screenshotDir, `${name.replace(/[^A-Za-z0-9_-]/g, '_')}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      texts: async (selector) => {
        if (!page) throw new Error('no page yet');
        // In one go: a list that re-renders meanwhile (a filtered tree) cannot leave a stale element to wait for.
        return page.locator(selector).evaluateAll((elements) => (elements as unknown as { checkVisibility(): boolean; innerText: string }[])
          .filter((element) => element.checkVisibility())
          .map((element) => element.innerText));
      },
      keys: async ({ type, press }) => {
        if (!page) throw new Error('no page yet');
        if (type) await page.keyboard.type(type, { delay: 20 });
        for (const key of press ?? []) await page.keyboard.press(key);
      },
      frame: async ({ holding, script, click, hover, drag }) => {
        if (!page) throw new Error('no page yet');
        if (drag) {
          await page.mouse.move(drag.from[0], drag.from[1]);
          await page.mouse.down();
          await page.mouse.move(drag.to[0], drag.to[1], { steps: 8 });
          await page.mouse.up();
        }
        const frame = await frameHolding(page, holding);
        if (click) await frame.locator(click).first().click();
        if (hover) await frame.locator(hover).first().hover();
        return script ? frame.evaluate(script) : null;
      },
      state: (body) => {
        const before = kept;
        if ('set' in body) kept = body.set;
        return before;
      },
    });

    codeServer = await startCodeServer({
      install,
      dataDir: join(scratch, 'code-server'),
      userDataDir: args.userDataDir,
      extensionsDir: args.extensionsDir,
      smokeTestDriver: true,
      env: { SIPSENSE_E2E_BRIDGE: bridgeUrl },
      onOutput: (line) => note(`[code-server] ${line}`),
    });
    note(`[runner] code-server at ${codeServer.url}`);

    context = await chromium.launchPersistentContext(join(scratch, 'chromium-profile'), {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      // Signals are handled above, so that code-server is stopped too (Playwright would exit at once).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    // Only this machine: anything else the workbench asks for (fonts, galleries, CDNs) is refused here.
    await context.route((url) => !isLoopback(url), (route) => {
      note(`[runner] refused ${route.request().url()}`);
      return route.abort('blockedbyclient');
    });
    page = context.pages()[0] ?? await context.newPage();

    let settle!: (code: number) => void;
    const exitCode = new Promise<number>((resolveExit) => { settle = resolveExit; });
    await page.exposeFunction('codeAutomationLog', (type: string, logArgs: unknown[]) => {
      note(`[workbench ${type}] ${(Array.isArray(logArgs) ? logArgs : [logArgs]).map(String).join(' ')}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(typeof code === 'number' ? code : 1));
    page.on('console', (message) => note(`[console ${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => note(`[page error] ${error.message}`));
    page.on('crash', () => { out('code-server runner: the page crashed'); settle(1); });
    // code-server may go away as the extension host exits: give the workbench time to report first.
    codeServer.process.once('exit', (code) => {
      note(`[runner] code-server exited (${code})`);
      void delay(5000).then(() => settle(1));
    });

    const url = workbenchUrl(codeServer.url, args.folder ?? args.extensionDevelopmentPath[0], {
      extensionDevelopmentPath: args.extensionDevelopmentPath,
      extensionTestsPath: testsModule(args.extensionTestsPath),
    });
    note(`[runner] opening ${url}`);
    await page.goto(url);

    const code = await Promise.race([
      exitCode,
      delay(timeoutMs).then(() => { out(`code-server runner: no result within ${timeoutMs} ms`); return 1; }),
    ]);
    if (code !== 0 && !verbose) {
      out('code-server runner: the last lines of code-server, the workbench and the page:');
      for (const line of diagnostics.slice(-80)) out(`  ${line}`);
    }
    return code;
  } catch (error) {
    out(`code-server runner: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    for (const line of diagnostics.slice(-40)) out(`  ${line}`);
    return 1;
  } finally {
    await cleanup();
  }
}

/** The first frame of the page (the page itself first, then nested iframes) with an element matching `selector`. */
async function frameHolding(page: Page, selector: string): Promise<Frame> {
  for (const frame of page.frames()) {
    const found = await frame.$(selector).catch(() => null);
    if (found) return frame;
  }
  throw new Error(`no frame holds ${selector}`);
}

function isLoopback(url: URL): boolean {
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return true;
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]' || url.hostname.endsWith('.localhost');
}

interface BridgeHandlers {
  log(text: string): void;
  screenshot(name: string): Promise<string>;
  texts(selector: string): Promise<string[]>;
  keys(keys: { type?: string; press?: string[] }): Promise<void>;
  frame(request: FrameRequest): Promise<unknown>;
  /** Answers the value kept; with `set`, keeps that one from now on. */
  state(body: { set?: unknown }): unknown;
}

/**
 * In the frame holding `holding`: drag the mouse (page coordinates), click and/or hover an element,
 * then evaluate `script` (an expression) and answer its value.
 */
export interface FrameRequest {
  holding: string;
  script?: string;
  click?: string;
  hover?: string;
  drag?: { from: [number, number]; to: [number, number] };
}

/** The bridge: JSON POSTs from the extension host, answered with JSON. */
function startBridge(keep: (server: Server) => void, handlers: BridgeHandlers): Promise<string> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        try {
          const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
          let result: unknown = null;
          if (request.url === '/log') handlers.log(String(body.text ?? ''));
          else if (request.url === '/screenshot') result = await handlers.screenshot(String(body.name ?? 'screenshot'));
          else if (request.url === '/texts') result = await handlers.texts(String(body.selector ?? ''));
          else if (request.url === '/keys') await handlers.keys(body);
          else if (request.url === '/frame') result = await handlers.frame(body);
          else if (request.url === '/state') result = handlers.state(body);
          else throw new Error(`unknown bridge call ${request.url}`);
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result }));
        } catch (error) {
          response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
        }
      })();
    });
  });
  keep(server);
  return new Promise((resolveUrl, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolveUrl(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    });
  });
}

if (require.main === module) {
  main().then((code) => process.exit(code), (error) => {
    out(`code-server runner: ${String(error)}`);
    process.exit(1);
  });
}
