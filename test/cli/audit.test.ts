// `opnote check --stdin`, `opnote report` and .opnoteignore through dist/cli.js (`npm run build` first).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd = ROOT, input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(input !== undefined ? { input } : {}) });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const example = (name: string) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
const jsonLines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line));

describe('CLI: opnote check --stdin (JSON Lines)', function () {
  this.timeout(60000);

  it('answers each record in input order with the diagnostics the file mode gives, and a bad line with an error', () => {
    const records = [
      JSON.stringify({ id: 'n1', kind: 'opnote', text: example('flawed.opnote') }),
      'not json',
      '',
      JSON.stringify({ id: 7, kind: 'claim' }),
      JSON.stringify({ id: 'n2', kind: 'opnote', text: example('well-documented.opnote') }),
      JSON.stringify({ kind: 'opnote', text: 'x' }),
      JSON.stringify({ id: 'n3', kind: 'letter', text: 'x' }),
    ];
    const { code, stdout } = run(['check', '--stdin'], ROOT, records.join('\n'));
    assert.equal(code, 0, 'findings and bad lines are answers, not failures (a distributed engine fails the task on another code)');
    const answers = jsonLines(stdout);
    assert.deepEqual(answers.map((answer) => answer.id ?? null), ['n1', null, 7, 'n2', null, 'n3']);
    assert.deepEqual(answers.map((answer) => answer.line ?? null), [null, 2, 4, null, 6, 7]);
    assert.match(answers[1].error, /not JSON/);
    assert.match(answers[2].error, /"text" must be a string/);
    assert.match(answers[4].error, /"id"/);
    assert.match(answers[5].error, /"kind"/);
    assert.doesNotMatch(answers.filter((answer) => answer.error).map((answer) => answer.error).join(' '), /letter|json\b/, 'an error never quotes the line');
    const fileMode = JSON.parse(run(['check', '--format', 'json', 'examples/flawed.opnote']).stdout).files[0];
    assert.deepEqual(answers[0], { id: 'n1', kind: 'opnote', diagnostics: fileMode.diagnostics });
    assert.equal(answers[3].facts, undefined, 'facts only with --facts');
  });

  it('checks a claim against the note text the record carries, and gives facts with --facts', () => {
    const claim = 'payer: Medicare\ndos: 2026-03-14\npos: 24\nnote: op.opnote\n\ndx: G57.82\n64596-LT x1 ptr:A\n';
    const note = example('well-documented.opnote').replace(/^date: .*$/m, 'date: 2026-03-20');
    const { stdout } = run(['check', '--stdin', '--facts'], ROOT, `${JSON.stringify({ id: 'c', kind: 'claim', text: claim, noteText: note })}\n${JSON.stringify({ id: 'n', kind: 'opnote', text: note })}\n`);
    const [claimAnswer, noteAnswer] = jsonLines(stdout);
    assert.ok(claimAnswer.diagnostics.some((diagnostic: { rule: string; message: string }) => diagnostic.rule === 'dos-mismatch' && /2026-03-20/.test(diagnostic.message)), 'the claim read the record\'s note');
    assert.deepEqual(noteAnswer.facts.codes, [{ code: '64596', units: 1 }]);
    assert.ok(noteAnswer.evidence.approach.length > 0);
  });

  it('writes each answer before it reads the next record (a pipe that stays open still gets its lines)', async () => {
    const child = spawn(process.execPath, [CLI, 'check', '--stdin'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let buffered = '';
    const next = () =>
      new Promise<string>((resolve) => {
        const take = () => {
          const end = buffered.indexOf('\n');
          if (end < 0) return false;
          resolve(buffered.slice(0, end));
          buffered = buffered.slice(end + 1);
          return true;
        };
        if (take()) return;
        const onData = (chunk: Buffer) => {
          buffered += chunk.toString('utf8');
          if (take()) child.stdout.off('data', onData);
        };
        child.stdout.on('data', onData);
      });
    try {
      for (const id of ['first', 'second']) {
        child.stdin.write(`${JSON.stringify({ id, kind: 'opnote', text: 'date: 2026-02-30\n' })}\n`);
        lines.push(await next());
      }
    } finally {
      child.stdin.end();
    }
    assert.deepEqual(lines.map((line) => JSON.parse(line).id), ['first', 'second']);
    await new Promise((resolve) => child.on('close', resolve));
  });

  it('refuses files, --format and a stray --facts with a usage error', () => {
    assert.equal(run(['check', '--stdin', 'examples']).code, 2);
    assert.equal(run(['check', '--stdin', '--format', 'sarif'], ROOT, '').code, 2);
    assert.equal(run(['check', '--facts', 'examples']).code, 2);
  });
});

describe('CLI: .opnoteignore', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-ignore-'));
    for (const [name, text] of [
      ['notes/a.opnote', 'date: 2026-02-30\n'],
      ['notes/archive/old.opnote', 'date: 2026-02-31\n'],
      ['claims/c.claim', 'payer: X\n\n64596 x1\n'],
    ]) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    fs.writeFileSync(path.join(dir, '.opnoteignore'), 'archive/\n*.claim\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const paths = (stdout: string) => JSON.parse(stdout).files.map((file: { path: string }) => file.path);

  it('check and report skip what it matches; --no-ignore checks everything', () => {
    assert.deepEqual(paths(run(['check', '--format', 'json', '.'], dir).stdout), ['notes/a.opnote']);
    assert.deepEqual(paths(run(['check', '--format', 'json', '--no-ignore', '.'], dir).stdout), ['claims/c.claim', 'notes/a.opnote', 'notes/archive/old.opnote']);
    assert.deepEqual(paths(run(['check', '--format', 'json', '--root', dir, path.join(dir, 'notes')]).stdout), [path.join(dir, 'notes/a.opnote')], 'the ignore file of --root applies');
    const csv = run(['report', '--format', 'csv', '--out', '-', '.'], dir).stdout;
    assert.deepEqual([...new Set(csv.trimEnd().split('\r\n').slice(1).map((row) => row.split(',')[0]))], ['notes/a.opnote']);
  });

  it('an unreadable .opnoteignore exits 2 with its reason', () => {
    fs.rmSync(path.join(dir, '.opnoteignore'));
    fs.mkdirSync(path.join(dir, '.opnoteignore'));
    const result = run(['check', '.'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\.opnoteignore was not read/);
  });
});

describe('CLI: opnote report', function () {
  this.timeout(120000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-report-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one self-contained HTML file that names every rule that fired', () => {
    const out = path.join(dir, 'audit.html');
    const result = run(['report', 'examples', 'test/corpus', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const html = fs.readFileSync(out, 'utf8');
    const checked = JSON.parse(run(['check', '--format', 'json', 'examples', 'test/corpus']).stdout);
    const fired = new Set<string>(checked.files.flatMap((file: { diagnostics: Array<{ rule: string }> }) => file.diagnostics.map((diagnostic) => diagnostic.rule)));
    for (const rule of fired) assert.match(html, new RegExp(`>${rule}</a></td>`), rule);
    assert.match(html, new RegExp(`<b id="count-documents">${checked.files.length}</b>`));
    assert.match(html, /<svg id="chart-components"/);
    assert.doesNotMatch(html, /\b(src|srcset)=|https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
  });

  it('stays under 2 MB for 100 documents, and the CSV has one row per finding', () => {
    const names = fs.readdirSync(path.join(ROOT, 'examples'));
    for (let i = 0; i < 100; i++) fs.copyFileSync(path.join(ROOT, 'examples', names[i % names.length]), path.join(dir, `${String(i).padStart(3, '0')}-${names[i % names.length]}`));
    const out = path.join(dir, 'audit.html');
    assert.equal(run(['report', dir, '--out', out]).code, 0);
    assert.ok(fs.statSync(out).size < 2 * 1024 * 1024, `${fs.statSync(out).size} bytes`);
    const findings = JSON.parse(run(['check', '--format', 'json', dir]).stdout).files.reduce((sum: number, file: { diagnostics: unknown[] }) => sum + file.diagnostics.length, 0);
    const csv = run(['report', dir, '--format', 'csv', '--out', '-']).stdout;
    assert.equal(csv.split('\r\n')[0], 'file,line,rule,severity,message,payer,surgeon');
    assert.equal(csv.trimEnd().split('\r\n').length - 1, findings);
  });

  it('refuses a missing --out, an unknown format and an unwritable path with exit 2', () => {
    assert.equal(run(['report', 'examples']).code, 2);
    assert.equal(run(['report', 'examples', '--out', '-', '--format', 'pdf']).code, 2);
    const unwritable = run(['report', 'examples', '--out', path.join(dir, 'no/such/folder/a.html')]);
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /cannot be written/);
  });
});
