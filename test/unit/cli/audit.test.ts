// The audit report's model, HTML and CSV, the streamed JSON writer, and file collection with .opnoteignore (in process).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { progressLine } from '../../../server/src/cli/checkStream';
import { collectFiles } from '../../../server/src/cli/collectFiles';
import { loadIgnoreFile } from '../../../server/src/cli/ignoreFile';
import { PrettyArray } from '../../../server/src/cli/jsonArray';
import { csvField, csvRows } from '../../../server/src/cli/reportCsv';
import { escapeHtml, reportHtml } from '../../../server/src/cli/reportHtml';
import { auditDocument, summarizeAudit, AUDIT_COMPONENTS } from '../../../server/src/cli/reportModel';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE } from '../../helpers/fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: DOCS_BASE });
const example = (name: string) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
const audit = (name: string, text: string) => auditDocument(name, service.analyze({ uri: `/w/${name}`, version: 1, text, kindHint: name.endsWith('.claim') ? 'claim' : 'opnote' }), service.knowledge);
const RULE_PAGES = 'file:///opt/opnote/docs/rules/';
const context = { rules: service.rules, docsBaseUri: RULE_PAGES, version: '9.9.9', knowledge: 'test pack', generated: '2026-01-02T03:04:05.000Z' };

/** A note whose header and body carry markup that must stay text. */
const HOSTILE = 'payer: <script>alert("payer")</script>\nsurgeon: Dr. <img src=x onerror=alert(1)>\ndate: 2026-02-30\n\nPROCEDURE: <script>alert("note")</script> percutaneous array, left superficial peroneal nerve.\n';

describe('cli: the audit report model', () => {
  it('keeps per document the findings with their line, the header values and the checklist marks', () => {
    const document = audit('well.opnote', example('well-documented.opnote'));
    assert.equal(document.kind, 'opnote');
    assert.deepEqual(Object.keys(document.components ?? {}).sort(), AUDIT_COMPONENTS.map((component) => component.id).sort());
    assert.equal(document.components?.approach, '✓');
    const flawed = audit('flawed.opnote', example('flawed.opnote'));
    const dateFinding = flawed.findings.find((finding) => finding.rule === 'date-malformed');
    assert.equal(dateFinding?.line, 2);
    assert.match(dateFinding?.evidence ?? '', /^date:/i);
    assert.equal(flawed.components?.approach, '✗', 'the open approach contradicts 64596');
  });

  it('counts components over the notes they apply to, and groups by payer without case', () => {
    const summary = summarizeAudit([
      audit('a.opnote', example('well-documented.opnote')),
      audit('b.opnote', example('flawed.opnote')),
      audit('c.claim', 'payer: cigna\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A\n'),
      audit('d.claim', 'payer: CIGNA\ndos: 2026-03-14\n\n64596 x1\n'),
    ]);
    assert.equal(summary.documents, 4);
    assert.equal(summary.notes, 2);
    assert.equal(summary.claims, 2);
    const approach = summary.components.find((row) => row.id === 'approach');
    assert.deepEqual({ applicable: approach?.applicable, documented: approach?.documented }, { applicable: 2, documented: 1 });
    const cigna = summary.payers.find((row) => row.name.toLowerCase() === 'cigna');
    assert.deepEqual([cigna?.name, cigna?.documents], ['cigna', 2]);
    assert.ok(summary.rules.some((row) => row.rule === 'dx-pointer'));
    assert.equal(summary.severities.reduce((sum, row) => sum + row.count, 0), summary.rules.reduce((sum, row) => sum + row.findings, 0));
  });
});

describe('cli: the HTML report', () => {
  it('escapes every text from a document: markup in a note stays text', () => {
    const html = reportHtml([audit('hostile<b>.opnote', HOSTILE)], context);
    assert.equal(html.match(/<script\b/g)?.length, 1, 'only the report\'s own script');
    assert.doesNotMatch(html, /<img\b/);
    assert.doesNotMatch(html, /alert\("(payer|note)"\)/);
    assert.match(html, /&lt;script&gt;alert\(&quot;payer&quot;\)&lt;\/script&gt;/);
    assert.match(html, /hostile&lt;b&gt;\.opnote/);
    assert.equal(escapeHtml(`<a href="x" title='y'>&`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });

  it('is self-contained: a strict CSP, inline SVG charts, no reference outside the file but the documents and rule pages', () => {
    const html = reportHtml([audit('flawed.opnote', example('flawed.opnote')), audit('flawed.claim', example('flawed.claim'))], context);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[^"]+; script-src &#39;sha256-/);
    for (const id of ['chart-severity', 'chart-components', 'chart-rules']) assert.match(html, new RegExp(`<svg id="${id}"`));
    assert.doesNotMatch(html, /\b(src|srcset|action)=/);
    assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg")/, 'nothing from the network');
    assert.doesNotMatch(html, /@import|url\(/);
    for (const href of html.match(/href="[^"]*"/g) ?? []) assert.match(href, /^href="file:\/\//);
    assert.match(html, /Generated 2026-01-02T03:04:05\.000Z by OpNote 9\.9\.9; knowledge pack: test pack/);
  });

  it('names every rule that fired, with a link to its page', () => {
    const documents = ['flawed.opnote', 'flawed.claim', 'dictation.opnote'].map((name) => audit(name, example(name)));
    const html = reportHtml(documents, context);
    const fired = new Set(documents.flatMap((document) => document.findings.map((finding) => finding.rule)));
    assert.ok(fired.size > 5);
    for (const rule of fired) assert.ok(html.includes(`href="${RULE_PAGES}${rule}.md">${rule}</a>`), rule);
  });
});

describe('cli: the CSV report', () => {
  it('quotes by RFC 4180 and defuses spreadsheet formulas', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "x"'), '"say ""x"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField(12), '12');
  });

  it('writes one row per finding with payer and surgeon', () => {
    const document = audit('n.opnote', 'payer: Acme, Inc.\nsurgeon: Dr "Q"\ndate: 2026-02-30\n');
    const rows = csvRows(document).split('\r\n').filter(Boolean);
    assert.equal(rows.length, document.findings.length);
    assert.ok(rows.includes('n.opnote,3,date-malformed,error,`date` must be a real calendar date written YYYY-MM-DD (or MM/DD/YYYY).,"Acme, Inc.","Dr ""Q"""'));
  });
});

describe('cli: JSON written item by item', () => {
  it('is byte for byte what JSON.stringify(value, null, 2) writes', () => {
    for (const items of [[], [{ a: 1 }], [{ a: [1, { b: 'x\ny' }] }, 'two', null, []]]) {
      const template = (list: unknown) => ({ version: 1, nested: { list, after: { n: items.length } }, tail: 'z' });
      const parts = new PrettyArray(template);
      const streamed = parts.begin() + items.map((item) => parts.item(item)).join('') + parts.end();
      assert.equal(streamed, `${JSON.stringify(template(items), null, 2)}\n`);
    }
  });
});

describe('cli: file collection and .opnoteignore', () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-collect-'));
    cwd = process.cwd();
    process.chdir(dir);
    for (const file of ['a/one.opnote', 'a/drafts/two.opnote', 'a/drafts/keep.opnote', 'b/three.claim', 'b/x.txt', 'b/.hidden/four.opnote']) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'date: 2026-01-01\n');
    }
  });
  afterEach(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('walks directories in name order and gives each file once, however the inputs overlap', () => {
    assert.deepEqual([...collectFiles(['.'])], ['a/drafts/keep.opnote', 'a/drafts/two.opnote', 'a/one.opnote', 'b/three.claim']);
    assert.deepEqual([...collectFiles(['a/one.opnote', 'a', './a/one.opnote', 'a/**/*.opnote', 'b'])], ['a/one.opnote', 'a/drafts/keep.opnote', 'a/drafts/two.opnote', 'b/three.claim']);
  });

  it('walks lazily: a folder is read only when the walk reaches it', () => {
    const files = collectFiles(['.'])[Symbol.iterator]();
    assert.equal(files.next().value, 'a/drafts/keep.opnote');
    fs.writeFileSync('b/late.claim', 'payer: X\n');
    assert.deepEqual([...{ [Symbol.iterator]: () => files }], ['a/drafts/two.opnote', 'a/one.opnote', 'b/late.claim', 'b/three.claim']);
  });

  it('gives every file of a folder too big to sort exactly once', () => {
    fs.mkdirSync('big');
    for (let i = 0; i < 10_050; i++) fs.writeFileSync(`big/n${i}.opnote`, '');
    const found = [...collectFiles(['big'])];
    assert.equal(found.length, 10_050);
    assert.equal(new Set(found).size, 10_050);
  });

  it('skips what .opnoteignore matches, in gitignore syntax: a directory, a pattern, a negation', () => {
    fs.writeFileSync('.opnoteignore', '# drafts stay out\na/drafts/*\n!a/drafts/keep.opnote\n*.claim\n');
    const ignore = loadIgnoreFile(dir);
    assert.ok(ignore);
    assert.deepEqual([...collectFiles(['.'], { ignore })], ['a/drafts/keep.opnote', 'a/one.opnote']);
    assert.deepEqual([...collectFiles(['b/three.claim', 'a/*/*.opnote'], { ignore })], ['a/drafts/keep.opnote']);
    fs.writeFileSync('.opnoteignore', 'a/\n');
    assert.deepEqual([...collectFiles(['.'], { ignore: loadIgnoreFile(dir) })], ['b/three.claim'], 'an ignored folder is not entered');
    assert.equal(loadIgnoreFile(path.join(dir, 'a')), undefined, 'no ignore file: nothing is ignored');
  });

  it('a .opnoteignore that cannot be read is a usage error', () => {
    fs.mkdirSync('.opnoteignore');
    assert.throws(() => loadIgnoreFile(dir), /\.opnoteignore was not read: it is not a regular file/);
  });
});

describe('cli: the progress line', () => {
  const recorder = (isTTY: boolean) => {
    const written: string[] = [];
    return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
  };

  it('appears on a terminal once a run has taken a second, rewritten in place, and is cleared at the end', () => {
    let now = 0;
    const { stream, written } = recorder(true);
    const progress = progressLine(stream, 'files', () => now);
    progress.tick();
    now = 999;
    progress.tick();
    assert.deepEqual(written, [], 'nothing in the first second');
    now = 1000;
    progress.tick();
    now = 1100;
    progress.tick();
    now = 1300;
    progress.tick();
    progress.done();
    assert.deepEqual(written, ['\ropnote: 3 files checked', '\ropnote: 5 files checked', '\r\u001b[K']);
  });

  it('never appears when the stream is not a terminal', () => {
    let now = 0;
    const { stream, written } = recorder(false);
    const progress = progressLine(stream, 'files', () => now);
    for (now = 0; now < 5000; now += 100) progress.tick();
    progress.done();
    assert.deepEqual(written, []);
  });
});
