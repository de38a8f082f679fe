import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { userPayerFileJsonSchema } from '../../../server/src/core/knowledge';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { PayerFileResolver } from '../../../server/src/core/service/payerFiles';
import { loadKnowledge } from '../../../server/src/core/knowledge';
import { DOCS_BASE } from '../../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../../..');

const payer = (overrides: Record<string, unknown>) => ({
  id: 'acme-health',
  name: 'Acme Health',
  aliases: ['Acme', 'Acme Health Plan'],
  coverage: 'investigational',
  priorAuthorization: { value: 'required', verified: true, sources: ['Acme provider manual 2026'] },
  criteria: [],
  policies: [{ id: 'ACME-PNS-1', title: 'Peripheral nerve stimulation', stance: 'investigational', sources: ['Acme medical policy ACME-PNS-1'], verified: true }],
  notes: [],
  sources: ['Acme provider manual 2026'],
  verified: true,
  ...overrides,
});

const file = (...payers: unknown[]) => JSON.stringify({ payers }, null, 2);

const claim = (payerName: string) => `payer: ${payerName}\ndos: 2026-03-14\npos: 24\n\ndx: G57.82\n64596-LT x1 ptr:A\n`;

/** A file system that counts reads, to see the cache at work. */
function countingFileSystem(files: Record<string, string>) {
  const inner = inMemoryFileSystem(files);
  const reads: string[] = [];
  return {
    reads,
    files,
    fileSystem: {
      readFile: (p: string) => {
        reads.push(p);
        return files[p];
      },
      readDirectory: (p: string) => inner.readDirectory!(p),
    },
  };
}

function service(files: Record<string, string>) {
  return createLanguageService({ fileSystem: inMemoryFileSystem(files), docsBaseUri: DOCS_BASE });
}

let version = 1;
/** Rule ids on a claim; these claims name no note, which is not what these tests are about. */
const rules = (svc: ReturnType<typeof service>, text: string, uri = 'file:///w/claims/a.claim', trusted?: boolean) =>
  svc
    .analyze({ uri, version: version++, text }, trusted === undefined ? {} : { trusted })
    .findings.map((finding) => finding.rule.id)
    .filter((id) => id !== 'note-missing');
const messages = (svc: ReturnType<typeof service>, text: string, rule: string, uri = 'file:///w/claims/a.claim') =>
  svc.analyze({ uri, version: version++, text }).findings.filter((finding) => finding.rule.id === rule).map((finding) => `${finding.message} ${finding.detail ?? ''}`);

describe('organisation payer files (.opnote/payers/*.json)', () => {
  it('add new payers and override built-in ones by id', () => {
    const svc = service({
      '/w/.opnote/payers/acme.json': file(payer({})),
      '/w/.opnote/payers/medicare.json': file(payer({ id: 'medicare', name: 'Medicare (our MAC)', aliases: ['Medicare'], coverage: 'covered-with-criteria', policies: [] })),
    });
    assert.deepEqual(rules(svc, claim('Acme Health Plan')).sort(), ['payer-noncoverage', 'prior-auth-missing']);
    assert.match(messages(svc, claim('Acme'), 'payer-noncoverage')[0], /Acme Health calls implantable PNS investigational .*ACME-PNS-1/);
    // The built-in Medicare entry says prior authorization is "unknown"; the organisation's says "required".
    assert.deepEqual(rules(svc, claim('Medicare')), ['prior-auth-missing']);
    // Without the files, built-in data only.
    assert.deepEqual(rules(service({}), claim('Acme Health Plan')), []);
    assert.deepEqual(rules(service({}), claim('Medicare')), []);
  });

  it('come from the nearest ancestor folder that has .opnote/payers/', () => {
    const svc = service({
      '/w/.opnote/payers/acme.json': file(payer({})),
      '/w/team-b/.opnote/payers/other.json': file(payer({ id: 'other-plan', name: 'Other Plan', aliases: ['Other Plan'] })),
      '/w/team-b/.opnote/readme.txt': 'not a payer folder',
    });
    assert.ok(rules(svc, claim('Acme'), 'file:///w/claims/deep/a.claim').includes('payer-noncoverage'));
    assert.ok(rules(svc, claim('Other Plan'), 'file:///w/team-b/claims/a.claim').includes('payer-noncoverage'));
    // The nearer folder replaces the farther one: team-b does not see /w's Acme file.
    assert.ok(!rules(svc, claim('Acme'), 'file:///w/team-b/claims/a.claim').includes('payer-noncoverage'));
  });

  it('let a later file (in name order) win for the same id', () => {
    const svc = service({
      '/w/.opnote/payers/a.json': file(payer({})),
      '/w/.opnote/payers/b.json': file(payer({ coverage: 'covered', policies: [] })),
    });
    assert.deepEqual(rules(svc, claim('Acme')), ['prior-auth-missing']);
  });

  it('report a bad file once on each claim that uses it, by file and JSON path, never its content, and keep the rest working', () => {
    const svc = service({
      '/w/.opnote/payers/acme.json': file(payer({}), payer({ id: 'Secret Plan Name', name: 'x', aliases: [] })),
    });
    for (const uri of ['file:///w/claims/a.claim', 'file:///w/other/b.claim']) {
      const found = messages(svc, claim('Acme'), 'payer-file-invalid', uri);
      assert.equal(found.length, 1);
      assert.match(found[0], /^The payer file \/w\/\.opnote\/payers\/acme\.json is not valid at \$\.payers\[1\]\.id \(line \d+, column \d+\): .+ \(and 1 more problem\)\./);
      assert.doesNotMatch(found[0], /Secret Plan Name/);
    }
    // The valid payer of the file is used, and the built-in rules keep working.
    assert.ok(rules(svc, claim('Acme')).includes('payer-noncoverage'));
    assert.ok(rules(svc, claim('Cigna')).includes('payer-noncoverage'));
    assert.ok(rules(svc, claim('Acme').replace('ptr:A', 'ptr:C')).includes('dx-pointer'));
  });

  it('say where invalid JSON breaks, without quoting it', () => {
    const svc = service({ '/w/.opnote/payers/broken.json': '{\n  "payers": [ { "id": "patient-jane-doe" ,, } ]\n}\n' });
    const [message] = messages(svc, claim('Medicare'), 'payer-file-invalid');
    assert.match(message, /broken\.json is not valid at \$: The file is not valid JSON \(line 2, column \d+\)/);
    assert.doesNotMatch(message, /jane/);
    assert.deepEqual(rules(svc, claim('Cigna')).sort(), ['payer-file-invalid', 'payer-noncoverage']);
  });

  it('say where an unknown key or a duplicate id is, without quoting the key or the id', () => {
    const svc = service({
      '/w/.opnote/payers/keys.json': file({ ...payer({}), 'patient-jane-doe': 1 }),
      '/w/.opnote/payers/ids.json': file(payer({ id: 'jane-doe-plan' }), payer({ id: 'jane-doe-plan', aliases: ['Other'] })),
    });
    const found = messages(svc, claim('Acme'), 'payer-file-invalid').sort();
    assert.match(found[0], /ids\.json is not valid at \$\.payers\[1\]\.id \(line 37, column 13\): Duplicate payer id \(first at \$\.payers\[0\]\)\./);
    assert.match(found[1], /keys\.json is not valid at \$\.payers\[0\] \(line 35, column 7\): Unknown property\./);
    for (const message of found) assert.doesNotMatch(message, /jane/);
  });

  // Issue 10, finding 6: `Math.max(...aliases)` threw a RangeError, so the claim got no diagnostics at all.
  it('with 200,000 aliases still check the claim and match its payer', function () {
    this.timeout(20000); // builds and matches 200,000 aliases: seconds on a loaded machine
    const aliases = Array.from({ length: 200_000 }, (_, i) => `Acme Plan ${i}`);
    const svc = service({ '/w/.opnote/payers/big.json': file(payer({ aliases })) });
    assert.deepEqual(rules(svc, claim('Acme Plan 199999')), ['payer-noncoverage', 'prior-auth-missing']);
  });

  it('reject an alias longer than a payer name, and matching a long payer header stays linear', () => {
    const svc = service({ '/w/.opnote/payers/long.json': file(payer({}), payer({ id: 'long-alias', aliases: ['x'.repeat(200_000)] })) });
    const [message] = messages(svc, claim('Acme'), 'payer-file-invalid');
    assert.match(message, /at \$\.payers\[1\]\.aliases\[0\] \(line \d+, column \d+\): must be at most 100 characters/);
    const header = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');
    const time = (words: number) => {
      const text = claim(header(words));
      let best = Infinity;
      for (let run = 0; run < 5; run++) {
        const start = performance.now();
        rules(svc, text);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    time(8000); // the first runs are slower while V8 compiles the checking code
    const small = time(8000);
    const large = time(64_000);
    // Linear: 8 times as long; trying every run of words against a 200,000-character alias: 64 times.
    assert.ok(large / small < 24, `8 times the header took ${(large / small).toFixed(1)} times as long (${small.toFixed(1)} -> ${large.toFixed(1)} ms)`);
  });

  it('are not loaded in an untrusted workspace', () => {
    const svc = service({ '/w/.opnote/payers/acme.json': file(payer({})), '/w/.opnote/payers/bad.json': '{' });
    assert.deepEqual(rules(svc, claim('Acme'), 'file:///w/claims/a.claim', false), []);
    assert.ok(rules(svc, claim('Acme'), 'file:///w/claims/a.claim', true).includes('payer-noncoverage'));
  });

  it('are cached by directory like .opnoterc.json and forgotten on configurationChanged()', () => {
    const disk = countingFileSystem({ '/w/.opnote/payers/acme.json': file(payer({})) });
    const svc = createLanguageService({ fileSystem: disk.fileSystem, docsBaseUri: DOCS_BASE });
    assert.ok(rules(svc, claim('Acme')).includes('payer-noncoverage'));
    assert.ok(rules(svc, claim('Acme'), 'file:///w/claims/b.claim').includes('payer-noncoverage'));
    assert.equal(disk.reads.filter((p) => p.endsWith('acme.json')).length, 1, 'read once');
    disk.files['/w/.opnote/payers/acme.json'] = file(payer({ coverage: 'covered', policies: [] }));
    assert.ok(rules(svc, claim('Acme')).includes('payer-noncoverage'), 'still the cached policy');
    svc.configurationChanged();
    assert.ok(!rules(svc, claim('Acme')).includes('payer-noncoverage'), 'the new policy after configurationChanged()');
  });

  it('resolver: no payer folder, no readDirectory, an empty folder', () => {
    const knowledge = loadKnowledge();
    assert.equal(new PayerFileResolver(inMemoryFileSystem({}), knowledge).forDirectory('/w/a'), undefined);
    assert.equal(new PayerFileResolver({ readFile: () => undefined }, knowledge).forDirectory('/w/a'), undefined);
    const empty = new PayerFileResolver({ readFile: () => undefined, readDirectory: (p) => (p === '/w/.opnote/payers' ? [] : undefined) }, knowledge).forDirectory('/w/a/b');
    assert.equal(empty?.folder, '/w/.opnote/payers');
    assert.deepEqual(empty?.files, []);
    assert.equal(empty?.payers.length, knowledge.payers.length);
  });

  it('ship a JSON schema that VS Code applies to .opnote/payers/*.json', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/payers.schema.json'), 'utf8'));
    assert.deepEqual(schema, JSON.parse(JSON.stringify(userPayerFileJsonSchema())));
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const entry = manifest.contributes.jsonValidation.find((candidate: { url: string }) => candidate.url === './schemas/payers.schema.json');
    assert.equal(entry.fileMatch, '**/.opnote/payers/*.json');
  });
});
