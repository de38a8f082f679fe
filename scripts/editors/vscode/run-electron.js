// Standard launcher for machines that can download VS Code: @vscode/test-electron (the repo's
// devDependency) downloads VS Code desktop into the cache once, then runs the same suite
// (test/vscode) in its extension host. Pinned to the VS Code that code-server bundles.
// Run by scripts/editors/test-vscode.sh. env: RUN_DIR (required), OPNOTE_EXTENSION_DIR,
// VSCODE_VERSION (default 1.139.1), EDITOR_CACHE.
// Exit codes: 0 passed, 1 failed, 3 VS Code could not be downloaded (the caller may fall back).
'use strict';
const path = require('node:path');
const { downloadAndUnzipVSCode, runTests } = require('@vscode/test-electron');
const { prepareWorkspace, REPO } = require('./workspace');

const DOWNLOAD_FAILED = 3;

async function main() {
  const run = process.env.RUN_DIR;
  if (!run) throw new Error('RUN_DIR is not set (run scripts/editors/test-vscode.sh)');
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION || '1.139.1',
      cachePath: path.join(process.env.EDITOR_CACHE || path.join(REPO, '.vscode-test'), 'electron'),
      timeout: 20000, // idle time-out: fail fast where the host is unreachable
    });
  } catch (error) {
    console.error(`vscode (electron): cannot download VS Code: ${error && error.message ? error.message : error}`);
    return DOWNLOAD_FAILED;
  }
  const userData = path.join(run, 'user-data');
  const workspace = prepareWorkspace(run, userData);
  return runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: path.resolve(process.env.OPNOTE_EXTENSION_DIR || REPO),
    extensionTestsPath: path.join(REPO, 'test/vscode/index.js'),
    launchArgs: [
      workspace,
      '--disable-extensions', // only the extension under test
      '--user-data-dir', userData,
      '--extensions-dir', path.join(run, 'extensions'),
      '--disable-workspace-trust',
      '--disable-gpu',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-telemetry',
    ],
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`vscode (electron): ${error && error.message ? error.message : error}`);
    process.exit(1);
  },
);
