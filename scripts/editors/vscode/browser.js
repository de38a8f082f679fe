// Debian's Chromium, headless, driven by playwright-core (which never downloads a browser of its own).
// A fresh profile per run; the flags keep Chromium off the (closed) network.
'use strict';
const path = require('node:path');

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function launchChromium(runDir, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = require('playwright-core'); // from .vscode-test/tools via NODE_PATH
  return chromium.launchPersistentContext(path.join(runDir, 'chromium-profile'), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
  });
}

/** Text of a console message from the page; VS Code forwards extension-host logs as ('%c…', css, ...args). */
async function consoleText(message) {
  let args = await Promise.all(message.args().map((a) => a.jsonValue().catch(() => '?')));
  if (typeof args[0] === 'string' && args[0].startsWith('%c')) args = args.slice(2);
  return require('node:util').format(...args);
}

module.exports = { launchChromium, consoleText };
