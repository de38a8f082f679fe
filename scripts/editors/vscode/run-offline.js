// Offline launcher: runs test/vscode (mocha) inside a real VS Code extension host with no download.
// VS Code 1.139 is the server bundled in code-server (npm), started directly from server-main.js
// (code-server's own CLI rejects --extensionDevelopmentPath) with the smoke-test driver enabled;
// headless Chromium opens the web workbench with a `payload` naming the extension and its tests,
// and VS Code hands mocha's result back through window.codeAutomationExit.
// Run by scripts/editors/test-vscode.sh under Node 24 with NODE_PATH=.vscode-test/tools/node_modules.
// env: RUN_DIR (required: this run's folder), VS_ROOT (code-server's lib/vscode),
//      OPNOTE_EXTENSION_DIR (default: the repo), OPNOTE_VSCODE_TIMEOUT_MS (default 240000), VERBOSE.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { prepareWorkspace, REPO } = require('./workspace');
const { startServer, freePort, deadline, killAll } = require('./processes');
const { launchChromium, consoleText } = require('./browser');

const RUN = required('RUN_DIR');
const VS_ROOT = required('VS_ROOT');
const EXTENSION = path.resolve(process.env.OPNOTE_EXTENSION_DIR || REPO);
const TESTS = path.join(REPO, 'test/vscode/index.js');
const TIMEOUT_MS = Number(process.env.OPNOTE_VSCODE_TIMEOUT_MS || 240000);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const rawLog = fs.createWriteStream(path.join(RUN, 'workbench-console.log'));

function required(name) {
  if (!process.env[name]) throw new Error(`${name} is not set (run scripts/editors/test-vscode.sh)`);
  return process.env[name];
}

// Mocha's output arrives on the page console, between the suite's START and DONE markers, mixed
// with workbench noise that is harmless offline (GitHub auth provider time-out, open-vsx look-ups).
const NOISE = /authentication provider|open-vsx|ENOTFOUND|vsda|service worker|^\[[A-Za-z]+\]|took \d+ms/i;
let echoing = false;
function echoMocha(text) {
  if (text.includes('OPNOTE_VSCODE_START')) echoing = true;
  if (process.env.VERBOSE || (echoing && !NOISE.test(text))) console.log(text);
  if (text.includes('OPNOTE_VSCODE_DONE')) echoing = false;
}

async function main() {
  if (!fs.existsSync(path.join(EXTENSION, 'dist/client.js'))) throw new Error(`${EXTENSION}/dist/client.js missing: run npm run build`);
  const userData = path.join(RUN, 'user-data');
  const workspace = prepareWorkspace(RUN, userData);
  const port = await freePort();
  const env = { ...process.env, CODE_SERVER_PARENT_PID: '', VSCODE_CLI: '' };
  const server = await startServer(process.execPath, [
    path.join(VS_ROOT, 'out/server-main.js'),
    '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--disable-workspace-trust', '--disable-telemetry', '--disable-update-check',
    '--user-data-dir', userData, '--server-data-dir', path.join(RUN, 'server-data'),
    '--extensions-dir', path.join(RUN, 'extensions'), '--logsPath', path.join(RUN, 'logs'),
  ], {
    env,
    ready: /Extension host agent listening on (\d+)|Web UI available/i,
    timeoutMs: 60000,
    log: (text) => rawLog.write(`[server] ${text}`),
  });
  console.log(`[${elapsed()}] VS Code server up on 127.0.0.1:${port}`);

  const context = await launchChromium(RUN);
  try {
    const page = context.pages()[0] || (await context.newPage());
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    // One chain, so the lines keep their order and are all out before the result is printed.
    let consoleChain = Promise.resolve();
    page.on('console', (message) => {
      consoleChain = consoleChain.then(async () => {
        const text = await consoleText(message);
        rawLog.write(`[page] ${text}\n`);
        echoMocha(text);
      });
    });
    page.on('pageerror', (error) => rawLog.write(`[pageerror] ${error.message}\n`));

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', remote(EXTENSION)], ['extensionTestsPath', remote(TESTS)]]);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    console.log(`[${elapsed()}] workbench opened; mocha runs in the extension host`);

    const watchdog = deadline(TIMEOUT_MS, `no result from the extension host within ${TIMEOUT_MS} ms (see ${RUN}/workbench-console.log)`);
    const code = await Promise.race([finished, watchdog.promise]).finally(watchdog.clear);
    await consoleChain;
    console.log(`[${elapsed()}] extension host exit code ${code}`);
    return code === 0 ? 0 : 1;
  } finally {
    await context.close().catch(() => undefined);
    server.stop();
  }
}

main()
  .then((code) => {
    rawLog.end();
    process.exitCode = code;
  })
  .catch((error) => {
    console.error(`vscode (offline): ${error.message}`);
    killAll();
    process.exitCode = 1;
  });
