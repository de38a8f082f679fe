import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const GAPS = 'test/fixtures/rules/note-64596-gaps.opnote';
const CLEAN = 'test/fixtures/rules/note-64596-clean.opnote';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function offsetOf(text: string, position: { line: number; character: number }): number {
  return text.split(/(?<=\r\n|\r|\n)/).slice(0, position.line).join('').length + position.character;
}

describe('CLI: opnote query', function () {
  this.timeout(30000);

  it('prints the JSON contract: one query per resolvable finding, verbatim indicators, none for a clean note or a claim', () => {
    const { code, stdout } = run(['query', GAPS, CLEAN, 'examples/claim-64596.claim', '--format', 'json', '--role', 'reviewer']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as { version: number; queries: Array<Record<string, unknown>> };
    assert.equal(report.version, 1);
    assert.deepEqual(report.queries.map((query) => query.topic).sort(), ['arrays', 'imaging', 'nerve', 'side', 'testing']);
    const text = fs.readFileSync(path.join(ROOT, GAPS), 'utf8');
    for (const query of report.queries) {
      assert.deepEqual(Object.keys(query), ['path', 'rule', 'topic', 'format', 'question', 'options', 'indicators', 'patient', 'dateOfService']);
      assert.equal(query.path, GAPS);
      assert.equal(query.patient, 'FIX-1002');
      assert.equal(query.dateOfService, '2026-03-15');
      for (const indicator of query.indicators as Array<{ text: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>) {
        assert.equal(text.slice(offsetOf(text, indicator.range.start), offsetOf(text, indicator.range.end)), indicator.text);
      }
    }
  });

  it('prints one printable Markdown query per finding, and refuses an unknown role or format', () => {
    const { code, stdout } = run(['query', GAPS]);
    assert.equal(code, 0);
    assert.equal(stdout.match(/^# Physician query: /gm)?.length, 5);
    assert.match(stdout, /Provider signature/);
    assert.equal(run(['query', GAPS, '--role', 'coder']).code, 2);
    assert.equal(run(['query', GAPS, '--format', 'sarif']).code, 2);
    assert.equal(run(['query']).code, 2);
  });
});
