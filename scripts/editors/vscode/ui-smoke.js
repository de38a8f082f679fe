// UI smoke test of the packaged extension: opnote.vsix installed into code-server (VS Code 1.139 in
// the browser), driven by headless Chromium the way a person would use it: click the note in the
// Explorer, see squiggles, read the Problems count in the status bar, hover a header key and read the
// hover from the DOM, open the Problems panel. Screenshots go to test-results/vscode-ui/.
// Run by scripts/editors/test-vscode-ui.sh (Node 24, NODE_PATH with playwright-core).
// env: RUN_DIR (with data/ and exts/ holding the installed vsix), CODE_SERVER_BIN,
//      OPNOTE_UI_TIMEOUT_MS (per step, default 60000), OPNOTE_UI_HOVER (default: first hover of the note),
//      OPNOTE_UI_RESULTS (screenshot folder, default test-results/vscode-ui).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { prepareWorkspace, REPO } = require('./workspace');
const { startServer, freePort, killAll } = require('./processes');
const { launchChromium } = require('./browser');

const RUN = process.env.RUN_DIR;
const CODE_SERVER = process.env.CODE_SERVER_BIN;
const STEP_MS = Number(process.env.OPNOTE_UI_TIMEOUT_MS || 60000);
const RESULTS = path.resolve(REPO, process.env.OPNOTE_UI_RESULTS || 'test-results/vscode-ui');
const scenarios = require(path.join(REPO, 'test/editors/fixtures/scenarios.json'));
const note = scenarios.documents.find((d) => d.languageId === 'opnote');
const started = Date.now();
const log = (...args) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s]`, ...args);
const results = [];
let step = 'starting'; // named in the failure message, so a time-out says what was awaited
const check = (name, ok, detail) => {
  results.push(ok);
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${detail === undefined ? '' : `: ${detail}`}`);
};

/** The word under the scenario's first hover of the note (e.g. `surgeon` at 2:2) and its line's start. */
function hoverTarget() {
  const hover = note.hovers[0];
  const line = fs.readFileSync(path.join(REPO, 'test/editors/fixtures', note.file), 'utf8').split('\n')[hover.line];
  const before = line.slice(0, hover.character).match(/[\w-]*$/)[0];
  const after = line.slice(hover.character).match(/^[\w-]*/)[0];
  const escaped = line.slice(0, hover.character + after.length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\u00a0]');
  // Monaco renders spaces as no-break spaces, hence the character class.
  return { word: before + after, linePattern: new RegExp(`^${escaped}`), expected: process.env.OPNOTE_UI_HOVER || hover.contains };
}

async function main() {
  if (!RUN || !CODE_SERVER) throw new Error('RUN_DIR and CODE_SERVER_BIN must be set (run scripts/editors/test-vscode-ui.sh)');
  fs.mkdirSync(RESULTS, { recursive: true });
  const workspace = prepareWorkspace(RUN, path.join(RUN, 'data'));
  const port = await freePort();
  const server = await startServer(CODE_SERVER, [
    '--config', path.join(RUN, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', path.join(RUN, 'data'), '--extensions-dir', path.join(RUN, 'exts'), workspace,
  ], { env: process.env, ready: /HTTP server listening/, timeoutMs: STEP_MS, log: (t) => fs.appendFileSync(path.join(RUN, 'code-server.log'), t) });
  log(`code-server listening on 127.0.0.1:${port}`);

  const context = await launchChromium(RUN);
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(STEP_MS);
  const shot = async (name) => {
    const file = path.join(RESULTS, `${name}.png`);
    await page.screenshot({ path: file });
    log('screenshot', path.relative(REPO, file));
  };
  try {
    step = 'loading the workbench';
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench');
    log('workbench visible');
    step = `opening ${note.file} from the Explorer`;
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: note.file });
    await row.click();
    await page.waitForSelector('.monaco-editor .view-lines');
    log(`opened ${note.file} from the Explorer`);

    // Squiggles: one per diagnostic severity the scenario expects (information shows no squiggle).
    const want = { error: 0, warning: 0 };
    for (const d of note.diagnostics) if (d.severity in want) want[d.severity] += 1;
    for (const severity of Object.keys(want).filter((s) => want[s] > 0)) {
      step = `waiting for ${severity} squiggles (the server's diagnostics)`;
      const squiggles = page.locator(`.monaco-editor .squiggly-${severity}`);
      await squiggles.first().waitFor();
      const count = await squiggles.count();
      check(`${severity} squiggles visible`, count >= want[severity], `${count} (expected at least ${want[severity]})`);
    }

    // Status bar: "Errors: 1, Warnings: 2"-like label; at least the scenario's counts.
    step = 'reading the Problems count in the status bar';
    const status = page.locator('#status\\.problems');
    const label = await status.getAttribute('aria-label').then((a) => a || status.innerText());
    const number = (re) => Number((re.exec(label) || [])[1] || NaN);
    const errors = number(/(\d+)\s*error/i) || number(/errors?:\s*(\d+)/i);
    const warnings = number(/(\d+)\s*warning/i) || number(/warnings?:\s*(\d+)/i);
    check('Problems count in the status bar', errors >= want.error && warnings >= want.warning, JSON.stringify(label));

    // Hover a header key that carries no diagnostic (else the hover also shows the diagnostic).
    step = 'hovering a header key';
    const target = hoverTarget();
    const line = page.locator('.monaco-editor .view-line', { hasText: target.linePattern }).first();
    const box = await line.boundingBox();
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents');
    // Move in two steps: the first wakes the hover controller, the second lands on the word.
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.move(box.x + 12, box.y + box.height / 2, { steps: 4 });
    await hover.first().waitFor();
    const hoverText = (await hover.first().innerText()).trim();
    check(`hover on \`${target.word}\``, hoverText.replace(/[*`]/g, '').includes(target.expected.replace(/[*`]/g, '')), JSON.stringify(hoverText.slice(0, 200)));
    await shot('note-with-hover');

    // Problems panel: one row per diagnostic, with the rule id as the code.
    await page.mouse.move(box.x + box.width / 2, box.y - 200);
    step = 'opening the Problems panel';
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor();
    const rowText = (await rows.allInnerTexts()).join('\n');
    const missing = note.diagnostics.filter((d) => !rowText.includes(d.code)).map((d) => d.code);
    check('Problems panel lists the rule ids', missing.length === 0, missing.length ? `missing ${missing.join(', ')}` : `${await rows.count()} rows`);
    await shot('problems-panel');
  } catch (error) {
    check(`UI flow, ${step}`, false, error.message.split('\n')[0]);
    await shot('failure').catch(() => undefined);
  } finally {
    await context.close().catch(() => undefined);
    server.stop();
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`vscode-ui: ${results.length - failed} of ${results.length} checks passed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(`vscode-ui: ${error.message}`);
    killAll();
    process.exitCode = 1;
  },
);
