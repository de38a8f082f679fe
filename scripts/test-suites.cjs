// Splits the mocha test files into two suites by what they do, not by folder. A file is an
// integration test when it, or a test helper it imports, starts a process (child_process,
// worker_threads), runs the bundle in dist/, times the checker (growth-rate tests: hrtime,
// performance.now, Date.now) or drives it with generated inputs (fast-check). Everything else is a
// unit test: in-process, untimed, deterministic and quick; test/helpers/noProcesses.cjs makes any
// process a unit test tries to start fail.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const TEST_DIR = path.join(ROOT, 'test');
const STARTS_A_PROCESS = /['"](node:)?(child_process|worker_threads)['"]|\bdist\/(cli|server|client)\.js\b|['"]\.\.?\/(\.\.\/)*dist\b/;
const TIMES_OR_GENERATES = /\bprocess\.hrtime\b|\bperformance\.now\(|\bDate\.now\(|['"]fast-check['"]/;
const LOCAL_IMPORT = /(?:from|require\(|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;
// A type-only import brings in no code, so it starts nothing.
const TYPE_IMPORT = /^\s*import\s+type\s[^;]*;/gm;

function testFiles(dir = TEST_DIR) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...testFiles(full));
    else if (entry.name.endsWith('.test.ts')) files.push(full);
  }
  return files.sort();
}

function resolveLocal(from, specifier) {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.cjs`, `${base}.js`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Whether the file, or a file under test/ it imports, has source text that `pattern` matches. */
function reaches(pattern, file, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8').replace(TYPE_IMPORT, '');
  if (pattern.test(source)) return true;
  for (const match of source.matchAll(LOCAL_IMPORT)) {
    const target = resolveLocal(file, match[1]);
    if (target && target.startsWith(TEST_DIR + path.sep) && reaches(pattern, target, seen)) return true;
  }
  return false;
}

/** Whether the file, or a test helper it imports, starts a process or runs dist/. */
const startsAProcess = (file) => reaches(STARTS_A_PROCESS, file);
/** Whether the file, or a test helper it imports, times the checker or generates its inputs. */
const timesOrGenerates = (file) => reaches(TIMES_OR_GENERATES, file);

function suites() {
  const unit = [];
  const integration = [];
  for (const file of testFiles()) (startsAProcess(file) || timesOrGenerates(file) ? integration : unit).push(path.relative(ROOT, file));
  return { unit, integration };
}

module.exports = { suites, startsAProcess, timesOrGenerates };
