/**
 * The extension without VS Code: how long loading dist/client.js takes (with a stand-in `vscode`
 * module), how long the server takes from spawn to answering initialize and to its first diagnostics,
 * and how big the .vsix is, built in a scratch copy as `npm run package` builds it (and, for
 * comparison, from the development build); the project's own dist/ and opnote.vsix are left alone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspTestClient } from '../../test/helpers/lspClient';
import { typicalNote } from './latency';
import { megabytes, ms, print, ROOT, stats, table, timeProcess, type Stats } from './util';

export interface ActivationResult {
  readonly requireClient: Stats;
  readonly serverInitialize: Stats;
  readonly serverFirstDiagnostics: Stats;
}

export async function activation(runs: number): Promise<ActivationResult> {
  const stub = path.join(ROOT, 'test/helpers/vscodeStub.cjs');
  const client = path.join(ROOT, 'dist/client.js');
  const requireTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const script = `require(${JSON.stringify(stub)}); const t = process.hrtime.bigint(); const ext = require(${JSON.stringify(client)}); const d = Number(process.hrtime.bigint() - t) / 1e6; if (typeof ext.activate !== 'function') process.exit(3); process.stdout.write(String(d));`;
    const result = await timeProcess(process.execPath, ['-e', script]);
    if (result.code !== 0) throw new Error(`loading dist/client.js failed: ${result.stderr}`);
    requireTimes.push(Number(result.stdout));
  }
  const note = typicalNote();
  const initializeTimes: number[] = [];
  const diagnosticsTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const server = new LspTestClient();
    try {
      await server.initialize({ workspace: { configuration: true } });
      initializeTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      server.configuration = { validation: { delay: 0 } };
      const published = server.diagnostics('file:///bench/first.opnote');
      server.open('file:///bench/first.opnote', 'opnote', note);
      await published;
      diagnosticsTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      await server.shutdown();
    } finally {
      server.kill();
    }
  }
  const result = { requireClient: stats(requireTimes), serverInitialize: stats(initializeTimes), serverFirstDiagnostics: stats(diagnosticsTimes) };
  print(
    table([
      ['step', 'median', 'best', 'n'],
      ['require dist/client.js (stand-in vscode module)', ms(result.requireClient.p50), ms(result.requireClient.min), `${runs}`],
      ['spawn dist/server.js --stdio until initialize answers', ms(result.serverInitialize.p50), ms(result.serverInitialize.min), `${runs}`],
      ['... until the first diagnostics of a 5 KB note', ms(result.serverFirstDiagnostics.p50), ms(result.serverFirstDiagnostics.min), `${runs}`],
    ]),
  );
  return result;
}

export interface VsixResult {
  readonly development?: number;
  readonly production?: number;
  readonly files?: Record<string, number>;
  readonly error?: string;
}

const PACKAGED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'tsconfig.json', 'syntaxes', 'language-configuration', 'snippets', 'schemas', 'docs', 'client', 'server', 'scripts/build.mjs'];

async function packageIn(stage: string, production: boolean): Promise<{ size: number; files: Record<string, number> }> {
  const build = await timeProcess(process.execPath, ['scripts/build.mjs', ...(production ? ['--production'] : [])], { cwd: stage });
  if (build.code !== 0) throw new Error(`build failed: ${build.stderr.slice(0, 1000)}`);
  const out = path.join(stage, production ? 'production.vsix' : 'development.vsix');
  const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
  // The same vsce options as `npm run package`.
  const packaged = await timeProcess(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', out], { cwd: stage });
  if (packaged.code !== 0) throw new Error(`vsce package failed: ${(packaged.stderr || packaged.stdout).slice(0, 1000)}`);
  const files: Record<string, number> = {};
  for (const name of ['client.js', 'server.js', 'cli.js']) files[`dist/${name}`] = fs.statSync(path.join(stage, 'dist', name)).size;
  return { size: fs.statSync(out).size, files };
}

export async function vsix(): Promise<VsixResult> {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-bench-vsix-'));
  try {
    for (const entry of PACKAGED) {
      const from = path.join(ROOT, entry);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
    const development = await packageIn(stage, false);
    const production = await packageIn(stage, true);
    print(
      table([
        ['build', '.vsix', 'dist/server.js', 'dist/client.js', 'dist/cli.js'],
        ['development build (build.mjs)', megabytes(development.size, 2), megabytes(development.files['dist/server.js'], 2), megabytes(development.files['dist/client.js'], 2), megabytes(development.files['dist/cli.js'], 2)],
        ['npm run package (build.mjs --production, minified)', megabytes(production.size, 2), megabytes(production.files['dist/server.js'], 2), megabytes(production.files['dist/client.js'], 2), megabytes(production.files['dist/cli.js'], 2)],
      ]),
    );
    return { development: development.size, production: production.size, files: production.files };
  } catch (error) {
    print(`vsix: not measured (${error instanceof Error ? error.message : String(error)})`);
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
