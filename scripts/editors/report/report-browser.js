// The audit report in a real browser: `opnote report` of examples/ and test/corpus opened from disk
// in headless Chromium with every request but file:// refused (and logged as a failure), then the
// charts, the worklist's rows, its filter and its sort are checked from the DOM, and a report of a
// note holding <script> and <img onerror> runs none of it. Screenshots go to test-results/report/.
// Run by scripts/editors/test-report.sh (NODE_PATH with playwright-core).
// env: RUN_DIR, OPNOTE_REPORT_RESULTS (screenshot folder, default test-results/report),
//      OPNOTE_REPORT_SCREENSHOT (also write the first screenshot there: docs/images/audit-report.png).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { launchChromium } = require('../vscode/browser');

const REPO = path.resolve(__dirname, '../../..');
const RUN = process.env.RUN_DIR;
const RESULTS = path.resolve(REPO, process.env.OPNOTE_REPORT_RESULTS || 'test-results/report');
const CLI = path.join(REPO, 'dist/cli.js');
const results = [];
const check = (name, ok, detail) => {
  results.push(ok);
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${detail === undefined ? '' : `: ${detail}`}`);
};

function report(inputs, out, cwd = REPO) {
  const result = spawnSync(process.execPath, [CLI, 'report', ...inputs, '--out', out], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`opnote report ${inputs.join(' ')} exited ${result.status}: ${result.stderr}`);
}

function documentsChecked(inputs) {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...inputs], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(result.stdout).files;
}

/** Opens a report file; every request that leaves the file is refused and counted. */
async function open(context, file) {
  const page = await context.newPage();
  const outside = [];
  const problems = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('dialog', (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`file://${file}`);
  return { page, outside, problems };
}

/** The tallest full-page screenshot taken (Chromium cannot capture a page of tens of thousands of pixels). */
const MAX_SCREENSHOT_HEIGHT = 12000;

async function main() {
  if (!RUN) throw new Error('RUN_DIR must be set (run scripts/editors/test-report.sh)');
  fs.mkdirSync(RESULTS, { recursive: true });
  const inputs = ['examples', 'test/corpus'];
  const file = path.join(RUN, 'audit.html');
  report(inputs, file);
  const checked = documentsChecked(inputs);
  const context = await launchChromium(RUN, { viewport: { width: 1200, height: 900 } });
  try {
    const { page, outside, problems } = await open(context, file);
    await page.screenshot({ path: path.join(RESULTS, 'audit-report.png') });
    // The whole page, down to a height Chromium can capture: the worklist of the corpus runs to thousands of rows.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: path.join(RESULTS, 'audit-report-full.png'), fullPage: true, clip: { x: 0, y: 0, width: 1200, height: Math.min(height, MAX_SCREENSHOT_HEIGHT) } });
    if (process.env.OPNOTE_REPORT_SCREENSHOT) fs.copyFileSync(path.join(RESULTS, 'audit-report.png'), path.resolve(REPO, process.env.OPNOTE_REPORT_SCREENSHOT));

    const charts = await page.$$eval('svg[id^="chart-"]', (svgs) => svgs.map((svg) => ({ id: svg.id, bars: svg.querySelectorAll('g.bar').length, width: svg.getBoundingClientRect().width })));
    check('three charts are drawn', charts.length === 3 && charts.every((chart) => chart.width > 100), JSON.stringify(charts));
    check('the component chart has a bar per 64596 component', charts.find((chart) => chart.id === 'chart-components')?.bars === 9);
    const fired = new Set(checked.flatMap((document) => document.diagnostics.map((diagnostic) => diagnostic.rule)));
    check('the rule chart has a bar per rule that fired', charts.find((chart) => chart.id === 'chart-rules')?.bars === fired.size, `${fired.size} rules fired`);
    const rows = await page.$$eval('#worklist tbody tr', (trs) => trs.length);
    check('the worklist has a row per document', rows === checked.length, `${rows} rows, ${checked.length} documents`);
    const linked = await page.$$eval('#worklist tbody tr td:first-child a', (links) => links.every((link) => link.href.startsWith('file:///')));
    check('each document links to its file', linked);

    await page.fill('#filter', 'flawed');
    const filtered = await page.$$eval('#worklist tbody tr:not([hidden]) td:first-child', (cells) => cells.map((cell) => cell.textContent));
    const expected = checked.filter((document) => document.path.includes('flawed')).length;
    check('the filter keeps the matching documents', filtered.length === expected && filtered.every((name) => name.includes('flawed')), `${filtered.length} of ${expected}`);
    check('the count follows the filter', (await page.textContent('#shown')) === String(expected));
    await page.fill('#filter', '');
    await page.selectOption('#severity', 'error');
    const withErrors = checked.filter((document) => document.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).length;
    const shown = await page.$$eval('#worklist tbody tr:not([hidden])', (trs) => trs.length);
    check('the severity filter keeps the documents with an error', shown === withErrors, `${shown} of ${withErrors}`);
    await page.selectOption('#severity', '');
    await page.click('#worklist th:nth-child(5)');
    await page.click('#worklist th:nth-child(5)');
    const errors = await page.$$eval('#worklist tbody tr td:nth-child(5)', (cells) => cells.map((cell) => Number(cell.textContent)));
    check('clicking Errors twice sorts the worklist by errors, most first', errors.every((count, index) => index === 0 || errors[index - 1] >= count) && errors[0] > 0, errors.slice(0, 5).join(', '));
    await page.screenshot({ path: path.join(RESULTS, 'audit-report-sorted.png') });
    check('nothing was requested outside the file', outside.length === 0, outside.join(', '));
    check('no console error (CSP violations included)', problems.length === 0, problems.join(' | '));

    const hostileDir = path.join(RUN, 'hostile');
    fs.mkdirSync(hostileDir, { recursive: true });
    fs.writeFileSync(path.join(hostileDir, 'x<b onmouseover=alert(1)>.opnote'), 'payer: <script>alert("payer")</script>\nsurgeon: <img src=x onerror=alert("surgeon")>\ndate: 2026-02-30 <script>alert("line")</script>\n');
    const hostileFile = path.join(RUN, 'hostile.html');
    report([hostileDir], hostileFile, RUN);
    const hostile = await open(context, hostileFile);
    const text = await hostile.page.textContent('#worklist');
    check('markup from a note is shown as text', text.includes('<script>alert("payer")</script>') && text.includes('<img src=x onerror=alert("surgeon")>'));
    check('markup from a note runs nothing', hostile.problems.length === 0 && (await hostile.page.$$('#worklist img, #worklist script')).length === 0, hostile.problems.join(' | '));
    check('nothing was requested from the hostile report', hostile.outside.length === 0, hostile.outside.join(', '));
    await hostile.page.screenshot({ path: path.join(RESULTS, 'audit-report-hostile.png') });
  } finally {
    await context.close();
  }
  const failed = results.filter((ok) => !ok).length;
  console.log(`report-browser: ${results.length - failed} passed, ${failed} failed; screenshots in ${path.relative(REPO, RESULTS)}/`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  console.error(`report-browser: ${error.stack || error}`);
  process.exitCode = 1;
});
