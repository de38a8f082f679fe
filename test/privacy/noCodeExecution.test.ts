import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Nothing in the product executes code from a workspace file: no eval, no Function constructor, no vm,
 * no child processes, no require or import() of a computed path, and a worker thread, if one is
 * ever added, runs the CLI's own bundle. Workspace files (.opnoterc.json, payer files, notes) are data:
 * read as text and parsed with JSON.parse.
 */

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Source text without comments and string contents, so that prose about eval does not count. */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|\$\{[^}]*\}|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, (literal) => (literal.length > 64 ? "''" : literal))
    .replace(/"(?:\\.|[^"\\\n])*"/g, (literal) => (literal.length > 64 ? '""' : literal));
}

const PRODUCT = [...sourceFiles(path.join(ROOT, 'server/src')), ...sourceFiles(path.join(ROOT, 'client/src'))];

const FORBIDDEN: ReadonlyArray<readonly [string, RegExp]> = [
  ['eval', /(?<![\w.$])eval\s*\(/],
  ['the Function constructor', /(?<![\w.$])(?:new\s+)?Function\s*\(/],
  ['the vm module', /['"](?:node:)?vm['"]/],
  ['child processes', /['"](?:node:)?child_process['"]/],
  ['require of a computed path', /(?<![\w.$])require\s*\(\s*(?!['"][^'"]+['"]\s*\))/],
  ['import() of a computed path', /(?<![\w.$])import\s*\(\s*(?!['"][^'"]+['"]\s*\))/],
  ['createRequire', /\bcreateRequire\b/],
  ['module.require / Module._load', /\bmodule\.require\b|\b_load\b/],
  ['native addons', /\bprocess\.dlopen\b/],
  ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/],
  ['worker threads on evaluated code', /\beval\s*:\s*true\b/],
];

/** The one child process the product starts: the CLI's launcher starts Node on the CLI's own bundle. */
const LAUNCHER = path.join(ROOT, 'server/src/cli/launch.ts');

describe('privacy: nothing executes code from a workspace file', () => {
  it('product code has no eval, Function, vm, child processes or computed require/import', () => {
    assert.ok(PRODUCT.length > 20);
    const found = PRODUCT.flatMap((file) => {
      const text = code(file);
      return FORBIDDEN.filter(([what, pattern]) => pattern.test(text) && !(file === LAUNCHER && what === 'child processes')).map(([what]) => `${path.relative(ROOT, file)}: ${what}`);
    });
    assert.deepEqual(found, []);
  });

  it('the launcher starts only Node on the CLI bundle beside it, with the arguments it was given', () => {
    const text = code(LAUNCHER);
    assert.equal(text.match(/\bspawn(?:Sync)?\s*\(/g)?.length, 1);
    assert.match(text, /spawnSync\(process\.execPath, \[\.\.\.process\.execArgv, TIER_UP_OFF, MAIN, \.\.\.process\.argv\.slice\(2\)\]/);
    assert.match(text, /const MAIN = path\.join\(__dirname, 'cli-main\.js'\);/);
  });

  it('a worker thread, if any, runs the CLI bundle itself', () => {
    const workers = PRODUCT.filter((file) => /\bnew\s+Worker\s*\(/.test(code(file)));
    assert.ok(workers.length <= 1, workers.map((file) => path.relative(ROOT, file)).join(', '));
    const scripts = PRODUCT.flatMap((file) => [...code(file).matchAll(/\bworkerScript\s*:\s*([\w.]+)/g)].map((match) => match[1]));
    if (workers.length) assert.ok(scripts.length > 0, 'the worker is given the script it runs');
    for (const script of scripts) assert.equal(script, '__filename', 'a worker runs the bundle that started it');
  });

  it('workspace configuration is parsed as JSON, not loaded as a module', () => {
    const readers = PRODUCT.filter((file) => /\.opnoterc|PAYER_FOLDER|payers\//.test(fs.readFileSync(file, 'utf8')));
    assert.ok(readers.length > 0);
    for (const file of PRODUCT) assert.doesNotMatch(code(file), /(?<![\w.$])require\s*\([^)]*(?:opnoterc|payer)/i, path.relative(ROOT, file));
  });
});
