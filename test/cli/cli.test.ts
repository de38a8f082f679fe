import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI: opnote check', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-cli-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  it('exits 1 on the flawed example and prints compiler-style lines with a summary', () => {
    const { code, stdout } = run(['check', 'examples']);
    assert.equal(code, 1);
    assert.match(stdout, /^examples\/flawed\.opnote:2:7 error date-malformed /m);
    assert.match(stdout, /\d+ errors?, \d+ warnings?, \d+ information in \d+ files\n$/);
  });

  it('exits 0 when nothing has error severity', () => {
    write('ok.claim', 'payer: Aetna\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A\n');
    assert.equal(run(['check', dir]).code, 0);
  });

  it('follows the JSON contract', () => {
    const { code, stdout } = run(['check', '--format', 'json', 'examples']);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.equal(report.version, 1);
    assert.deepEqual(Object.keys(report), ['version', 'files', 'summary']);
    assert.deepEqual(Object.keys(report.summary), ['files', 'errors', 'warnings', 'information', 'hints']);
    assert.equal(report.summary.files, report.files.length);
    for (const file of report.files) {
      // A claim says how it is written: "draft" for the markup (X12 files: "837P", "837I").
      assert.deepEqual(Object.keys(file), file.kind === 'claim' ? ['path', 'kind', 'format', 'diagnostics'] : ['path', 'kind', 'diagnostics']);
      if (file.kind === 'claim') assert.equal(file.format, 'draft');
      assert.match(file.path, /^examples\//);
      assert.ok(['opnote', 'claim'].includes(file.kind));
      for (const diagnostic of file.diagnostics) {
        assert.deepEqual(Object.keys(diagnostic), diagnostic.related ? ['rule', 'severity', 'message', 'range', 'related'] : ['rule', 'severity', 'message', 'range']);
        for (const related of diagnostic.related ?? []) {
          assert.ok(fs.existsSync(related.path), `${related.path} is a path from the working directory`);
          assert.equal(typeof related.message, 'string');
          assert.equal(typeof related.range.start.line, 'number');
        }
        assert.ok(['error', 'warning', 'information', 'hint'].includes(diagnostic.severity));
        assert.equal(typeof diagnostic.range.start.line, 'number');
        assert.equal(typeof diagnostic.range.end.character, 'number');
      }
    }
    const diagnostics = report.files.flatMap((f: { diagnostics: Array<{ severity: string; related?: unknown[] }> }) => f.diagnostics);
    const count = (severity: string) => diagnostics.filter((d: { severity: string }) => d.severity === severity).length;
    assert.deepEqual(report.summary, { files: report.files.length, errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint') });
    assert.ok(report.summary.information > 0, 'the examples have information findings');
    assert.ok(diagnostics.some((d: { related?: unknown[] }) => d.related?.length), 'a claim finding points into its note');
  });

  it('writes SARIF 2.1.0 with rules, their pages embedded and 1-based regions', () => {
    const { stdout } = run(['check', '--format=sarif', 'examples']);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const [runLog] = sarif.runs;
    assert.equal(runLog.tool.driver.name, 'opnote');
    const ruleIds = runLog.tool.driver.rules.map((rule: { id: string }) => rule.id);
    for (const rule of runLog.tool.driver.rules) {
      assert.equal(rule.helpUri, undefined, 'no link to a file of the machine that ran the check');
      assert.equal(rule.help.markdown, fs.readFileSync(path.join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8').replace(/^<!--.*-->\n/, ''), `${rule.id}: the rule page is embedded`);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.ok(runLog.results.length > 0);
    for (const result of runLog.results) {
      assert.equal(runLog.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(ruleIds.includes(result.ruleId));
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(typeof result.message.text, 'string');
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.match(artifactLocation.uri, /^examples\//);
      assert.ok(region.startLine >= 1 && region.startColumn >= 1);
    }
  });

  it('recurses into directories, accepts globs, and reports paths as dir/file', () => {
    write('a/b/one.opnote', 'date: 2026-02-30\n');
    write('a/two.claim', 'payer: X\n\n64596 x1\n');
    write('a/ignored.txt', 'date: nonsense\n');
    const viaDir = JSON.parse(run(['check', '--format', 'json', 'a'], dir).stdout);
    assert.deepEqual(viaDir.files.map((f: { path: string }) => f.path), ['a/b/one.opnote', 'a/two.claim']);
    const viaGlob = JSON.parse(run(['check', '--format', 'json', 'a/**/*.opnote'], dir).stdout);
    assert.deepEqual(viaGlob.files.map((f: { path: string }) => f.path), ['a/b/one.opnote']);
  });

  it('expands a glob run inside the notes folder, with or without ./ (issue 17)', () => {
    write('here/one.opnote', 'patient: A\n');
    write('here/sub/two.opnote', 'patient: B\n');
    const inside = path.join(dir, 'here');
    const paths = (glob: string) => JSON.parse(run(['check', '--format', 'json', glob], inside).stdout).files.map((f: { path: string }) => f.path);
    assert.deepEqual(paths('*.opnote'), ['one.opnote']);
    assert.deepEqual(paths('./*.opnote'), ['one.opnote']);
    assert.deepEqual(paths('**/*.opnote'), ['one.opnote', 'sub/two.opnote']);
    assert.deepEqual(paths('./**/*.opnote'), ['one.opnote', 'sub/two.opnote']);
  });

  it('prints the help of each command, and a usage error as its cause and a pointer to that help (issue 17)', () => {
    for (const command of ['check', 'facts', 'checklist', 'context']) {
      const help = run([command, '--help']);
      assert.equal(help.code, 0, `${command} --help`);
      assert.match(help.stdout, new RegExp(`^Usage:\\n  opnote ${command} `));
      assert.deepEqual([...new Set(help.stdout.match(/^  opnote \S+/gm))], [`  opnote ${command}`], 'only that command');
    }
    const unknown = run(['check', '--frobnicate', 'examples']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'opnote: Unknown option --frobnicate\nRun `opnote check --help` for usage.\n');
    assert.equal(run(['frobnicate']).stderr, 'opnote: Unknown command frobnicate\nRun `opnote --help` for usage.\n');
  });

  it('refuses a bad --config before checking anything, without claiming the defaults are used (issue 17)', () => {
    const config = write('broken.json', '{"rules": {"date-malformed": "loud"}}');
    const bad = run(['check', '--format', 'json', '--config', config, 'examples']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '', 'nothing was checked');
    assert.match(bad.stderr, /broken\.json is not a valid OpNote configuration at line 1, column 30: .*; nothing was checked\.\n/);
    assert.doesNotMatch(bad.stderr, /default/);
  });

  it('checks files next to a bad .opnoterc.json with the defaults and says so on each file', () => {
    write('cfg/.opnoterc.json', '{"rules": {"date-malformed": "loud"}}');
    write('cfg/n.opnote', 'date: 2026-02-30\n');
    const { code, stdout } = run(['check', '--format', 'json', 'cfg'], dir);
    const [file] = JSON.parse(stdout).files;
    assert.deepEqual(file.diagnostics.map((d: { rule: string }) => d.rule).sort(), ['config-invalid', 'date-malformed']);
    assert.match(file.diagnostics.find((d: { rule: string }) => d.rule === 'config-invalid').message, /OpNote uses the default severities/);
    assert.equal(code, 1, 'date-malformed keeps its default severity, error');
  });

  it('exits 2 with a clear message on usage and configuration errors', () => {
    const missing = run(['check', 'no/such/file.opnote']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such file or directory: no\/such\/file\.opnote/);
    assert.equal(run(['check', '--format', 'xml', 'examples']).code, 2);
    assert.equal(run(['check']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    const config = write('bad.json', '{"rules": {"line-syntax": "loud"}}');
    const bad = run(['check', '--config', config, 'examples']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.json is not a valid OpNote configuration at line 1, column 27: Invalid option/);
  });

  it('applies --config severities', () => {
    const config = write('opnote.json', '{"rules": {"date-malformed": "warning"}}');
    write('n.opnote', 'date: 2026-02-30\n');
    const { code, stdout } = run(['check', '--config', config, path.join(dir, 'n.opnote')]);
    assert.equal(code, 0);
    assert.match(stdout, /warning date-malformed/);
  });

  it('gives garbage bytes and a 5 MB note diagnostics, not a crash', () => {
    const garbage = write('junk.opnote', Buffer.from([0x00, 0xff, 0xfe, 0x41, 0x0a, 0xc3, 0x28, 0x0a, 0x01, 0x02]));
    const junk = run(['check', '--format', 'json', garbage]);
    assert.equal(junk.code, 0);
    assert.ok(JSON.parse(junk.stdout).files[0].diagnostics.some((d: { rule: string }) => d.rule === 'unreadable-text'));
    const paragraph = 'DESCRIPTION OF PROCEDURE: Under ultrasound guidance the array was placed percutaneously near the left superficial peroneal nerve.\n\n';
    const big = write('big.opnote', 'date: 2026-02-30\n\n' + paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length)));
    const result = run(['check', '--format', 'json', big]);
    assert.equal(result.code, 1);
    assert.deepEqual(JSON.parse(result.stdout).files[0].diagnostics.map((d: { rule: string }) => d.rule), ['date-malformed']);
  });
});

describe('CLI: opnote facts, context and checklist', function () {
  this.timeout(30000);

  it('prints one JSON line of facts with evidence per note', () => {
    const { code, stdout } = run(['facts', 'examples/well-documented.opnote', 'examples/dictation.opnote']);
    assert.equal(code, 0);
    const [first, second] = stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(first.path, 'examples/well-documented.opnote');
    assert.deepEqual(Object.keys(first.facts), ['approach', 'target', 'nerve', 'laterality', 'procedure', 'imaging', 'modalities', 'arrays', 'integrated', 'testing', 'increasedServices', 'codes']);
    assert.deepEqual(first.facts.codes, [{ code: '64596', units: 1 }]);
    assert.deepEqual(second.facts.codes, [{ code: '64596', units: 1 }, { code: '64597', units: 1 }]);
    for (const [field, value] of Object.entries(first.facts)) {
      if (value !== null && value !== 'absent' && !(Array.isArray(value) && value.length === 0)) assert.ok(first.evidence[field]?.length, `${field} has evidence`);
    }
    // The medical-necessity elements the README promises, typed, each with its evidence.
    assert.deepEqual(Object.keys(first.necessity), ['painDurationMonths', 'conservativeCare', 'objectivePathology', 'trialPercentRelief', 'trialAnalgesicReductionPercent']);
    assert.equal(first.necessity.painDurationMonths, 14);
    assert.equal(first.necessity.trialPercentRelief, 70);
    assert.ok(first.necessity.conservativeCare.includes('physical therapy'));
    for (const element of ['painDuration', 'conservativeCare', 'trialOutcome']) assert.ok(first.evidence[`necessity.${element}`]?.length, `${element} has evidence`);
    assert.equal(run(['facts']).code, 2);
  });

  it('answers context questions line by line on stdin', () => {
    const input = ['{"sentence":"No fluoroscopy was used.","concept":"fluoroscopy"}', '{"sentence":"The trial last month was done under ultrasound.","concept":"ultrasound"}', 'not json'].join('\n');
    const result = spawnSync(process.execPath, [CLI, 'context'], { input, encoding: 'utf8' });
    assert.equal(result.status, 0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(lines[0], { negated: true, historical: false, hypothetical: false, experiencer: 'patient' });
    assert.equal(lines[1].historical, true);
    assert.ok(lines[2].error);
  });

  it('prints the checklist as Markdown or JSON', () => {
    const markdown = run(['checklist', 'examples/flawed.opnote']);
    assert.equal(markdown.code, 0);
    assert.match(markdown.stdout, /\| ✗ \| Percutaneous approach \| open approach: 64575, not 64596 \| line 14: /);
    const json = JSON.parse(run(['checklist', 'examples/claim-64596.claim', '--format', 'json']).stdout);
    assert.deepEqual(json.codes, [{ code: '64596', units: 1 }]);
    assert.equal(run(['checklist', 'nope.opnote']).code, 2);
  });
});
