// The CLI over claims and their notes (runs dist/cli.js: `npm run build` first).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from '../../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The `$opnote` problem matcher of the "OpNote: check workspace" task, as shipped in package.json. */
function problemMatcher() {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const matcher = manifest.contributes.problemMatchers.find((candidate: { name: string }) => candidate.name === 'opnote');
  return { matcher, regexp: new RegExp(matcher.pattern.regexp) };
}

describe('CLI: opnote check on claims and their notes', function () {
  this.timeout(30000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-claims-'));
    fs.cpSync(path.join(FIXTURES, 'claims', 'notes'), path.join(dir, 'notes'), { recursive: true });
    for (const name of ['addon-count-too-few.claim', 'clean-single-array.claim', 'procedure-revision.claim']) fs.copyFileSync(path.join(FIXTURES, 'claims', name), path.join(dir, name));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('checks every note and claim of a folder, the claims against their notes, in the text format the task matches', () => {
    const { code, stdout } = run(['check', '.'], dir);
    assert.equal(code, 1, 'procedure-code-mismatch is an error');
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines.join('\n'), /^addon-count-too-few\.claim:10:10 warning addon-count-mismatch 64597 has 1 unit, but the note documents 3 arrays: bill 2 units/m);
    assert.match(lines.join('\n'), /^procedure-revision\.claim:9:1 error procedure-code-mismatch /m);
    assert.ok(!lines.some((line) => line.startsWith('clean-single-array.claim')), 'the clean claim has no findings');
    assert.match(lines[lines.length - 1], /^\d+ errors?, \d+ warnings?, \d+ information in \d+ files$/);
    const { matcher, regexp } = problemMatcher();
    for (const line of lines.slice(0, -1)) {
      const match = regexp.exec(line);
      assert.ok(match, `the problem matcher reads: ${line}`);
      assert.ok(fs.existsSync(path.join(dir, match[matcher.pattern.file])));
      assert.match(match[matcher.pattern.code], /^[a-z0-9-]+$/);
    }
    assert.ok(lines.some((line) => line.startsWith('notes/')), 'notes are checked too');
  });

  it('the "OpNote: check workspace" command and task are contributed and wired to the CLI and the $opnote matcher', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.ok(manifest.contributes.commands.some((command: { command: string; category: string; title: string }) => command.command === 'opnote.checkWorkspace' && `${command.category}: ${command.title}` === 'OpNote: Check workspace'));
    assert.ok(manifest.contributes.taskDefinitions.some((definition: { type: string }) => definition.type === 'opnote'));
    assert.ok(manifest.activationEvents.includes('onTaskType:opnote'));
    const { matcher } = problemMatcher();
    assert.deepEqual(matcher.fileLocation, ['relative', '${workspaceFolder}']);
    const client = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
    for (const needle of ["'opnote.checkWorkspace'", "'$opnote'", "path.join('dist', 'cli.js')", "registerTaskProvider(TASK_TYPE"]) assert.ok(client.includes(needle), needle);
  });

  it('SARIF puts cross-document results on the claim with a related location in the note', () => {
    const sarif = JSON.parse(run(['check', '--format', 'sarif', '.'], dir).stdout);
    const results = sarif.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>; relatedLocations?: Array<{ id: number; message: { text: string }; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number } } }> }>;
    const addon = results.find((result) => result.ruleId === 'addon-count-mismatch')!;
    assert.equal(addon.locations[0].physicalLocation.artifactLocation.uri, 'addon-count-too-few.claim');
    assert.deepEqual(addon.relatedLocations!.map((related) => [related.id, related.message.text, related.physicalLocation.artifactLocation.uri]), [[0, 'The note documents 3 arrays.', 'notes/left-peroneal-three-arrays.opnote']]);
    const region = addon.relatedLocations![0].physicalLocation.region;
    const noteLines = fs.readFileSync(path.join(dir, 'notes/left-peroneal-three-arrays.opnote'), 'utf8').split('\n');
    assert.ok(noteLines[region.startLine - 1].slice(region.startColumn - 1).startsWith('Three electrode'));
    const revision = results.find((result) => result.ruleId === 'procedure-code-mismatch')!;
    assert.equal(revision.locations[0].physicalLocation.artifactLocation.uri, 'procedure-revision.claim');
    assert.equal(revision.relatedLocations![0].physicalLocation.artifactLocation.uri, 'notes/right-occipital-revision.opnote');
    // A note outside the working directory (inside the --root workspace) is named by a file URI.
    const outside = JSON.parse(run(['check', '--format', 'sarif', '--root', dir, path.join(dir, 'addon-count-too-few.claim')], ROOT).stdout);
    const related = outside.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'addon-count-mismatch').relatedLocations[0];
    assert.match(related.physicalLocation.artifactLocation.uri, /^file:\/\/.*\/notes\/left-peroneal-three-arrays\.opnote$/);
  });

  it('reads the organisation payer files the editor reads', () => {
    fs.mkdirSync(path.join(dir, '.opnote', 'payers'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, '.opnote', 'payers', 'acme.json'),
      JSON.stringify({
        payers: [
          {
            id: 'acme-health',
            name: 'Acme Health',
            aliases: ['Acme'],
            coverage: 'not-medically-necessary',
            priorAuthorization: { value: 'unknown', verified: false, sources: ['Acme provider manual'] },
            criteria: [],
            policies: [],
            notes: [],
            sources: ['Acme provider manual'],
            verified: true,
          },
        ],
      }),
    );
    fs.writeFileSync(path.join(dir, 'acme.claim'), 'payer: Acme\ndos: 2026-03-14\npos: 24\nnote: notes/left-spn-one-array.opnote\n\ndx: G57.82\n64596-LT x1 ptr:A\n');
    const report = JSON.parse(run(['check', '--format', 'json', 'acme.claim'], dir).stdout);
    assert.deepEqual(report.files[0].diagnostics.map((d: { rule: string }) => d.rule), ['payer-noncoverage']);
    fs.writeFileSync(path.join(dir, '.opnote', 'payers', 'zz-broken.json'), '{ "payers": [ { "id": 7 } ] }');
    const broken = run(['check', 'acme.claim'], dir);
    assert.equal(broken.code, 0, 'a bad payer file is a warning, not a usage error');
    assert.match(broken.stdout, /warning payer-file-invalid The payer file .*zz-broken\.json is not valid at \$\.payers\[0\]\.id/);
    assert.match(broken.stdout, /warning payer-noncoverage Acme Health/);
  });
});
