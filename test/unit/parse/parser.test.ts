import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../server/src/core/parse';
import { sharedPath } from '../../../scripts/sharedData';

const parse = (text: string, uri = 'note.opnote') => parseDocument({ uri, version: 1, text });
const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('parser: header', () => {
  it('reads front matter with case-insensitive keys and aliases', () => {
    const text = '---\nPatient: P1\nDate of Service: 03/14/2026\nPlace_of_service: 24\n---\n# Procedure\nx\n';
    const model = parse(text);
    assert.equal(model.header.style, 'front-matter');
    assert.deepEqual(model.header.fields.map((f) => [f.key, f.value]), [['patient', 'P1'], ['date', '03/14/2026'], ['pos', '24']]);
    assert.equal(model.header.fields[1].isoDate, '2026-03-14');
    assert.equal(slice(text, model.header.fields[1].valueSpan), '03/14/2026');
    assert.equal(model.sections[0].id, 'procedure');
  });

  it('reads Key: value lines up to the first blank line', () => {
    const text = 'payer: Aetna\ndos: 2026-03-14\n\ndx: G57.82\n';
    const model = parse(text, 'a.claim');
    assert.equal(model.header.style, 'key-value');
    assert.deepEqual(model.header.fields.map((f) => f.key), ['payer', 'dos']);
    assert.equal(model.claim?.diagnoses[0].code.value, 'G57.82');
  });

  it('keeps a dictation that opens with a section title as a section, not a header', () => {
    const model = parse('PREOPERATIVE DIAGNOSIS: Occipital neuralgia.\nPROCEDURE: Stimulator.\n');
    assert.equal(model.header.style, 'none');
    assert.deepEqual(model.sections.map((s) => s.id), ['preop-dx', 'procedure']);
  });

  it('reports an unclosed front matter on the opening fence and reads the rest as body', () => {
    const model = parse('---\npatient: P1\n\n# Procedure\nx\n');
    assert.equal(model.header.style, 'none');
    assert.deepEqual(model.problems.map((p) => [p.rule, p.span.start, p.span.end]), [['header-syntax', 0, 3]]);
    assert.equal(model.sections[0].id, 'procedure');
  });

  it('the kind: header overrides the file extension', () => {
    assert.equal(parse('kind: claim\npayer: Aetna\n\n64596 x1\n', 'x.txt').kind, 'claim');
    assert.equal(parse('kind: opnote\npatient: P\n', 'x.claim').kind, 'opnote');
  });
});

describe('parser: sections', () => {
  it('maps both heading styles and synonyms to canonical ids with exact title spans', () => {
    const text = '## Procedures performed\nA\nDESCRIPTION OF THE PROCEDURE: The patient was prone.\nIndications: pain.\n### Modifier 22 justification\nB\n';
    const model = parse(text);
    assert.deepEqual(model.sections.map((s) => [s.id, s.style, s.level]), [
      ['procedure', 'markdown', 2],
      ['technique', 'dictation', 1],
      ['indications', 'dictation', 1],
      ['increased-services', 'markdown', 3],
    ]);
    assert.equal(slice(text, model.sections[1].titleSpan), 'DESCRIPTION OF THE PROCEDURE');
    assert.equal(slice(text, model.sections[1].bodySpan).trim(), 'The patient was prone.');
  });

  it('takes a known title alone on its line for a heading, but not a line that is itself a fact (issue 12)', () => {
    const text = 'Indication: sural neuroma.\n\nIntraop log\n0819 integrated lead deployed\n\nGuidance used\nFluoroscopy\n';
    const model = parse(text);
    assert.deepEqual(model.sections.map((s) => [s.id, slice(text, s.titleSpan)]), [
      ['indications', 'Indication'],
      ['technique', 'Intraop log'],
    ]);
  });

  it('does not take URLs, times or plain sentences for headings', () => {
    const model = parse('Seen at 10:30 today.\nSee HTTP://example.invalid for details.\nNote: text.\n');
    assert.deepEqual(model.sections, []);
  });

  it('gives real dictations sensible sections', function () {
    const found = sharedPath('corpus', 'mtsamples-other');
    if (!found) return this.skip();
    const dir: string = found;
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const model = parse(fs.readFileSync(path.join(dir, name), 'utf8'), name);
      const ids = new Set(model.sections.map((s) => s.id));
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const capsHeadings = text.split(/\r?\n/).filter((line) => /^[A-Z][A-Z /&()-]{2,40}:/.test(line)).length;
      assert.equal(model.sections.length, capsHeadings, `${name}: every ALL-CAPS title line is a section`);
      assert.ok(['procedure', 'technique', 'findings', 'indications'].some((id) => ids.has(id)), `${name}: no procedure/technique/findings/indications section (${[...ids].join(', ')})`);
    }
  });
});

describe('parser: codes, comments and directives', () => {
  it('recognises CPT, Category III, HCPCS, ICD-10-CM and modifiers in text', () => {
    const text = 'Billed 64596-22-LT and 0587T; device L8680 and C1778; dx G57.82. Modifiers: 59, XS and RT. Not $64596 or 2026-03-14.';
    const codes = parse(text).codes.map((c) => `${c.system}:${c.code}`);
    assert.deepEqual(codes.sort(), ['cpt-cat3:0587T', 'cpt:64596', 'hcpcs:C1778', 'hcpcs:L8680', 'icd10cm:G57.82', 'modifier:22', 'modifier:59', 'modifier:LT', 'modifier:RT', 'modifier:XS'].sort());
  });

  it('reads directives with several ids and a reason', () => {
    const text = '// opnote-disable-next-line imaging-undocumented, laterality-missing -- reviewed\nText\n';
    const [directive] = parse(text).directives;
    assert.equal(directive.kind, 'disable-next-line');
    assert.deepEqual(directive.rules.map((r) => r.id), ['imaging-undocumented', 'laterality-missing']);
    assert.equal(slice(text, directive.rules[1].span), 'laterality-missing');
  });
});

describe('parser: claim lines', () => {
  it('reads every item of a service line with its span', () => {
    const text = 'payer: Medicare\n\ndx: G57.82, g8929\n64596-22-LT  x2  ptr:A,B  $1,450.00 pos:24 dos:03/14/2026 // note\n';
    const model = parse(text, 'c.claim');
    const [line] = model.claim!.lines;
    assert.equal(line.code.value, '64596');
    assert.deepEqual(line.modifiers.map((m) => m.value), ['22', 'LT']);
    assert.equal(line.units?.value, 2);
    assert.deepEqual(line.pointers?.letters.map((l) => l.value), ['A', 'B']);
    assert.equal(line.charge?.value, 1450);
    assert.equal(line.pos?.value, '24');
    assert.equal(line.dos?.value, '2026-03-14');
    assert.equal(slice(text, line.modifiers[1].span), 'LT');
    assert.deepEqual(model.claim!.diagnoses.map((d) => `${d.letter}=${d.code.value}`), ['A=G57.82', 'B=G89.29']);
    assert.deepEqual(model.problems, []);
  });

  it('reads modifiers written apart from the code, and says where a late one belongs', () => {
    const text = 'payer: X\n\n64596 rt x1\n64597 -22 -LT x1\n64596 x1 RT\n';
    const model = parse(text, 'c.claim');
    const [first, second, third] = model.claim!.lines;
    assert.deepEqual(first.modifiers.map((m) => m.value), ['RT']);
    assert.equal(slice(text, first.modifiers[0].span), 'rt');
    assert.equal(first.units?.value, 1);
    assert.deepEqual(second.modifiers.map((m) => m.value), ['22', 'LT']);
    assert.deepEqual(third.modifiers, []);
    assert.equal(model.problems.length, 1);
    assert.equal(slice(text, model.problems[0].span), 'RT');
    assert.match(model.problems[0].message, /`64596-RT`/);
  });

  it('reads a service line that opens with its charge and pointers, and a header key with "#"', () => {
    const text = 'payer: X\nCharge Sheet #: 0324-07\nEntered By: JL\n\ndx: G89.28, G58.8\n$9,880.00  ptr:A,B  64596-RT  rev:0490\n';
    const model = parse(text, 'c.claim');
    const [line] = model.claim!.lines;
    assert.equal(line.code.value, '64596');
    assert.deepEqual(line.modifiers.map((m) => m.value), ['RT']);
    assert.equal(line.charge?.value, 9880);
    assert.deepEqual(line.pointers?.letters.map((letter) => letter.value), ['A', 'B']);
    assert.equal(slice(text, line.span), '$9,880.00  ptr:A,B  64596-RT  rev:0490');
    assert.deepEqual(model.problems.filter((problem) => problem.rule !== 'header-unknown-key'), []);
    assert.equal(model.header.fields.length, 3);
  });

  it('reads pointers written run together as on the CMS-1500 (ptr:AB), and still caps them at four', () => {
    const text = 'payer: X\n\ndx: G89.29, G57.11\n64596-RT ptr:AB x1\n64597 ptr:abcde x1\n';
    const model = parse(text, 'c.claim');
    const [first, second] = model.claim!.lines;
    assert.deepEqual(first.pointers?.letters.map((letter) => letter.value), ['A', 'B']);
    assert.equal(slice(text, first.pointers!.letters[1].span), 'B');
    assert.deepEqual(second.pointers?.letters.map((letter) => letter.value), ['A', 'B', 'C', 'D']);
    assert.deepEqual(model.problems.map((problem) => slice(text, problem.span)), ['e']);
  });

  it('reads a header whose first key is spelt another way, or unknown above a known one', () => {
    const model = parse('PAYER NAME: UnitedHealthcare\nDate of Service: 05/12/2026\nPRIOR_AUTH: UHC-1\n\ndx: G89.29\n64596-LT x1\n', 'c.claim');
    assert.deepEqual(model.header.fields.map((field) => field.key), ['payer', 'dos', 'prior-auth']);
    const spelt = parse('Payer: Aetna\nDate(s) of Service: 2026-01-02\nPrecert: A-1\n\ndx: G89.29\n64596-LT x1\n', 'c.claim');
    assert.deepEqual(spelt.header.fields.map((field) => field.key), ['payer', 'dos', 'prior-auth']);
    const unknownFirst = parse('Billing Ref: 7781\npayer: Aetna\n\ndx: G89.29\n64596-LT x1\n', 'c.claim');
    assert.equal(unknownFirst.header.fields.length, 2);
    assert.ok(unknownFirst.problems.some((problem) => problem.rule === 'header-unknown-key'));
  });

  it('puts a diagnostic on exactly the unreadable token', () => {
    const text = 'payer: X\n\n64596 x1 bogus $10\n';
    const model = parse(text, 'c.claim');
    assert.equal(model.problems.length, 1);
    assert.equal(slice(text, model.problems[0].span), 'bogus');
    assert.equal(model.claim!.lines[0].charge?.value, 10);
  });
});

describe('parser: positions and robustness', () => {
  it('counts UTF-16 code units and all three line breaks', () => {
    const text = 'payer: X\r\n\r\n😀 64596\rG57.82 here\n';
    const model = parse(text);
    const code = model.codes.find((c) => c.code === '64596')!;
    assert.deepEqual(model.lines.rangeOf(code.span), { start: { line: 2, character: 3 }, end: { line: 2, character: 8 } });
    const icd = model.codes.find((c) => c.code === 'G57.82')!;
    assert.deepEqual(model.lines.positionAt(icd.span.start), { line: 3, character: 0 });
  });

  it('never throws on junk and keeps every span inside the text', () => {
    const inputs = ['', '\u0000\u0001\uFFFD', '---', '---\n---', '#', '# \n##', 'dx:', '64596-', '\uD800\uDC00\uD800', ':'.repeat(5000), 'A'.repeat(20000) + ':', '\r\r\n\n'];
    for (const text of inputs) {
      for (const uri of ['x.opnote', 'x.claim']) {
        const model = parse(text, uri);
        const spans = [...model.problems.map((p) => p.span), ...model.sections.flatMap((s) => [s.span, s.titleSpan, s.bodySpan]), ...model.codes.map((c) => c.span)];
        for (const span of spans) assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `span ${span.start}-${span.end} outside ${text.length}`);
      }
    }
  });
});
