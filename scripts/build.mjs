// Bundles the client and the server with esbuild into dist/, and the ladder webview (browser code) into media/dist/.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Persian texts as they are (UTF-8, which Node reads every script as) rather than \uXXXX escapes: a third smaller server
  charset: 'utf8',
};

await Promise.all([
  esbuild.build({
    ...common,
    // The capture decoder runs in a worker thread of the extension host (client/src/captureWorker.ts).
    entryPoints: { client: 'client/src/extension.ts', captureWorker: 'client/src/captureWorker.ts' },
    outdir: 'dist',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    // The server reads big files on a second core in a worker thread (server/src/files/readWorker.ts).
    entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts', readWorker: 'server/src/files/readWorker.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  }),
  esbuild.build({
    entryPoints: { ladder: 'media/ladder/src/main.ts', 'ladder-style': 'media/ladder/ladder.css' },
    outdir: 'media/dist',
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    sourcemap: false,
    minify: production,
    logLevel: 'warning',
  }),
]);
