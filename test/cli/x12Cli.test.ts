import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build837 } from '../helpers/x12';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const X12_FIXTURES = path.join(ROOT, 'test/fixtures/x12');

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFile {
  path: string;
  kind: string;
  format?: string;
  diagnostics: Array<{ rule: string; range: { start: { line: number; character: number } } }>;
}

describe('CLI: opnote check on X12 837 and FHIR Claim files', function () {
  this.timeout(30000);

  it('finds .837, .x12, .edi and .fhir.json files in a folder and gives each its kind and format', () => {
    const { code, stdout } = run(['check', '--format', 'json', 'test/fixtures/x12']);
    assert.equal(code, 1, 'malformed.837 has x12-syntax errors');
    const files: JsonFile[] = JSON.parse(stdout).files;
    const byName = new Map(files.map((file) => [path.basename(file.path), file]));
    assert.deepEqual([...byName.keys()].filter((name) => !name.endsWith('.opnote')).sort(), ['crlf.edi', 'hospital.837', 'malformed.837', 'multi-claim.837', 'one-line.x12', 'pcn1001-wrong-side.fhir.json']);
    assert.equal(byName.get('pcn1001-wrong-side.fhir.json')!.format, 'fhir');
    assert.deepEqual([byName.get('multi-claim.837')!.kind, byName.get('multi-claim.837')!.format], ['claim', '837P']);
    assert.equal(byName.get('hospital.837')!.format, '837I');
    // Linked by patient and date in the same folder tree: no note-missing on PCN1001 (line 17).
    const missing = byName.get('multi-claim.837')!.diagnostics.filter((diagnostic) => diagnostic.rule === 'note-missing').map((diagnostic) => diagnostic.range.start.line + 1);
    assert.deepEqual(missing, [26, 35]);
    assert.deepEqual(byName.get('crlf.edi')!.diagnostics, []);
  });

  it('looks for the notes under --notes DIR', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-x12-'));
    try {
      fs.mkdirSync(path.join(dir, 'claims'));
      fs.writeFileSync(path.join(dir, 'claims', 'batch.837'), build837({ claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], date: '20260314' }] }] }));
      const alone = JSON.parse(run(['check', '--format', 'json', 'claims'], dir).stdout).files[0] as JsonFile;
      assert.deepEqual(alone.diagnostics.map((diagnostic) => diagnostic.rule), ['note-missing']);
      const withNotes = run(['check', '--format', 'json', '--notes', path.join(X12_FIXTURES, 'notes'), 'claims'], dir);
      assert.equal(withNotes.code, 0, withNotes.stderr);
      assert.deepEqual((JSON.parse(withNotes.stdout).files[0] as JsonFile).diagnostics, []);
      assert.match(run(['check', '--notes', path.join(dir, 'nowhere'), 'claims'], dir).stderr, /--notes needs a folder/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
