import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDelimiters, forEachSegment } from '../../../server/src/core/parse/x12/segments';
import type { ParseProblem } from '../../../server/src/core/parse/model';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService, type LanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE, FIXTURES, fixtureService, sourceOf } from '../../helpers/fixtures';
import { build837, type FileSpec } from '../../helpers/x12';

const X12_FIXTURES = path.join(FIXTURES, 'x12');
const NOTE = fs.readFileSync(path.join(X12_FIXTURES, 'notes', 'pcn1001-left-spn.opnote'), 'utf8');

function service(files: Record<string, string> = { '/w/notes/pcn1001.opnote': NOTE }): LanguageService {
  return createLanguageService({
    fileSystem: inMemoryFileSystem(files),
    docsBaseUri: DOCS_BASE,
    onInternalError: (where, error) => {
      throw new Error(`internal error in ${where}: ${String(error)}`);
    },
  });
}

let version = 1;
function check(text: string, uri = '/w/batch.837', files?: Record<string, string>) {
  const analysis = service(files).analyze({ uri, version: version++, text });
  return {
    analysis,
    /** `rule @ text under the finding` for each finding. */
    found: analysis.findings.map((finding) => `${finding.rule.id} @ ${text.slice(finding.span.start, finding.span.end)}`),
  };
}

const clean = (overrides: Partial<FileSpec> = {}): FileSpec => ({
  claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], charge: 1450, date: '20260314' }] }],
  ...overrides,
});

describe('X12 837: segments and delimiters', () => {
  it('takes the delimiters from the ISA, whatever they are', () => {
    const text = build837(clean()).replace(/\*/g, '|').replace(/:/g, '>').replace(/~/g, '\u001c');
    const problems: ParseProblem[] = [];
    const delimiters = readDelimiters(text, problems);
    assert.deepEqual(delimiters, { element: '|', component: '>', segment: '\u001c', repetition: '^' });
    const ids: string[] = [];
    forEachSegment(text, delimiters, problems, (segment) => ids.push(segment.id));
    assert.deepEqual(problems, []);
    assert.equal(ids[0], 'ISA');
    assert.equal(ids.at(-1), 'IEA');
    assert.ok(ids.includes('CLM') && ids.includes('SV1'));
    // And the claim is checked the same: the control-character terminator is not unreadable text.
    assert.deepEqual(check(text).found, []);
  });

  it('reads a file on one line, with CRLF, or with a byte-order mark the same way', () => {
    const reference = check(build837(clean({ claims: [{ pcn: 'P1', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], date: '20260314' }, { code: '64596', modifiers: ['LT'], date: '20260314' }] }] })));
    assert.deepEqual(reference.found.map((entry) => entry.split(' @ ')[0]), ['note-missing', 'units-exceed']);
    // A message that names a line names the file's line (the first SV1 is on line 20).
    assert.match(reference.analysis.findings[1].message, /\(line 20 has it\)/);
    for (const newline of ['', '\r\n']) {
      const text = build837({ newline, claims: [{ pcn: 'P1', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], date: '20260314' }, { code: '64596', modifiers: ['LT'], date: '20260314' }] }] });
      assert.deepEqual(check(text).found, reference.found, JSON.stringify(newline));
      assert.deepEqual(check(`\uFEFF${text}`).found, reference.found);
    }
  });

  it('never throws on any bytes and keeps every span inside the text', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const base = build837(clean());
    for (let round = 0; round < 200; round++) {
      const chars = [...base];
      for (let edit = 0; edit < 1 + Math.floor(random() * 12); edit++) {
        const at = Math.floor(random() * chars.length);
        chars.splice(at, Math.floor(random() * 3), String.fromCharCode(Math.floor(random() * 128)));
      }
      const text = chars.join('').slice(0, Math.floor(random() * chars.length) + 1);
      const { analysis } = check(text);
      for (const finding of analysis.findings) assert.ok(finding.span.start >= 0 && finding.span.end <= text.length && finding.span.start <= finding.span.end);
    }
  });
});

describe('X12 837: each CLM is checked like a claim draft', () => {
  it('checks the claims of a batch separately: a 77002 is bundled only with the 64596 of its own claim', () => {
    const { found } = check(fs.readFileSync(path.join(X12_FIXTURES, 'multi-claim.837'), 'utf8'), '/w/multi-claim.837');
    const bundled = found.filter((entry) => entry.startsWith('imaging-bundled'));
    assert.equal(bundled.length, 1);
    const text = fs.readFileSync(path.join(X12_FIXTURES, 'multi-claim.837'), 'utf8');
    const analysis = fixtureService().analyze(sourceOf(path.join(X12_FIXTURES, 'multi-claim.837'), text));
    const finding = analysis.findings.find((candidate) => candidate.rule.id === 'imaging-bundled')!;
    // On the 77002 of the third claim (PCN1003), not the one of PCN1002.
    assert.ok(finding.span.start > text.indexOf('CLM*PCN1003'));
    assert.equal(text.slice(finding.span.start, finding.span.end), '77002');
  });

  it('maps an 837I hospital claim: institutional, type of bill, revenue codes, prior authorization', () => {
    const text = fs.readFileSync(path.join(X12_FIXTURES, 'hospital.837'), 'utf8');
    const analysis = fixtureService().analyze(sourceOf(path.join(X12_FIXTURES, 'hospital.837'), text));
    assert.equal(analysis.format, '837I');
    // Type of bill 131 with 64596 and no device C-code line: the facility rule runs through X12 too.
    assert.deepEqual(analysis.findings.map((finding) => finding.rule.id), ['note-missing', 'device-code-missing']);
  });

  it('claim rules fire through X12 on the exact element and stay quiet on a clean claim', () => {
    assert.deepEqual(check(build837(clean())).found, []);
    const cases: Array<[FileSpec, string | string[]]> = [
      [clean({ claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['RT'], date: '20260314' }] }] }), 'laterality-mismatch @ RT'],
      [clean({ claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', date: '20260314' }] }] }), 'laterality-mismatch @ 64596'],
      // The note is found by the claim's date (its first line's); a later line dated otherwise contradicts it.
      [clean({ claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], date: '20260314' }, { code: '64596', modifiers: ['LT'], date: '20260315' }] }] }), ['units-exceed @ 1', 'dos-mismatch @ 20260315']],
      [clean({ claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], pointers: [2], date: '20260314' }] }] }), 'dx-pointer @ 2'],
      [clean({ claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT', 'ZZ'], date: '20260314' }] }] }), 'modifier-unknown @ ZZ'],
      [clean({ claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], date: '20260314' }, { code: '76942', date: '20260314' }] }] }), 'imaging-bundled @ 76942'],
    ];
    for (const [spec, expected] of cases) assert.deepEqual(check(build837(spec)).found, typeof expected === 'string' ? [expected] : expected);
  });

  it('links the note by patient control number or member id and service date, and says note-missing otherwise', () => {
    const byMember = build837(clean({ claims: [{ pcn: 'OTHER-PCN', memberId: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], date: '20260314' }] }] }));
    const linked = check(byMember);
    assert.deepEqual(linked.found, []);
    assert.deepEqual(linked.analysis.dependencies, ['/w/notes/pcn1001.opnote']);
    const otherDay = build837(clean({ claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], date: '20260320' }] }] }));
    const unlinked = check(otherDay);
    assert.deepEqual(unlinked.found.map((entry) => entry.split(' @ ')[0]), ['note-missing']);
    // On the patient control number (CLM01), with what was looked for.
    assert.equal(unlinked.found[0], 'note-missing @ PCN1001');
    assert.match(unlinked.analysis.findings.find((finding) => finding.rule.id === 'note-missing')!.message, /No operative note in the folder matches this claim's patient and date of service/);
    // `notesFolder` (CLI --notes) points elsewhere.
    const elsewhere = check(build837(clean()), '/claims/batch.837', { '/records/2026/pcn1001.opnote': NOTE });
    assert.deepEqual(elsewhere.found.map((entry) => entry.split(' @ ')[0]), ['note-missing']);
    const pointed = service({ '/records/2026/pcn1001.opnote': NOTE }).analyze({ uri: '/claims/batch.837', version: 1, text: build837(clean()) }, { notesFolder: '/records' });
    assert.deepEqual(pointed.findings.map((finding) => finding.rule.id), []);
  });
});

describe('X12 837: syntax and envelope findings', () => {
  it('puts one x12-syntax error on each malformed segment or element and still checks every claim', () => {
    const file = path.join(X12_FIXTURES, 'malformed.837');
    const text = fs.readFileSync(file, 'utf8');
    const analysis = fixtureService().analyze(sourceOf(file, text));
    const found = analysis.findings.map((finding) => `${finding.rule.id} @ ${text.slice(finding.span.start, finding.span.end)}`);
    assert.deepEqual(found.filter((entry) => entry.startsWith('x12-syntax')), ['x12-syntax @ N 3', 'x12-syntax @ M54.1.6', 'x12-syntax @ 7700', 'x12-syntax @ 40', 'x12-syntax @ 0002', 'x12-syntax @ 000000009']);
    // The third claim is still checked after the errors of the second.
    assert.ok(found.includes('imaging-bundled @ 77002'));
  });

  it('reports a missing IEA, GE and SE at the end of a file cut short', () => {
    const text = build837(clean());
    const cut = text.slice(0, text.indexOf('\nSE*') + 1);
    const messages = check(cut).analysis.findings.filter((finding) => finding.rule.id === 'x12-syntax').map((finding) => finding.message);
    assert.equal(messages.length, 3);
    assert.match(messages.join('\n'), /SE trailer is missing/);
    assert.match(messages.join('\n'), /GE trailer is missing/);
    assert.match(messages.join('\n'), /without the IEA trailer/);
  });

  it('assumes the usual delimiters and says so when there is no ISA', () => {
    const text = build837(clean());
    const headless = text.slice(text.indexOf('GS*'));
    const { found } = check(headless);
    assert.equal(found[0], 'x12-syntax @ GS*');
    assert.equal(found.filter((entry) => entry.startsWith('x12-syntax')).length, 2, 'the missing ISA and the IEA without an ISA');
  });
});

describe('X12 837: hover, outline, folding', () => {
  const text = fs.readFileSync(path.join(X12_FIXTURES, 'multi-claim.837'), 'utf8');
  const document = { uri: path.join(X12_FIXTURES, 'multi-claim.837'), version: 1, text };
  const at = (needle: string, within = 0) => {
    const offset = text.indexOf(needle) + within;
    const line = text.slice(0, offset).split('\n').length - 1;
    return { line, character: offset - text.lastIndexOf('\n', offset - 1) - 1 };
  };
  const hoverText = (needle: string, within = 0) => {
    const hover = fixtureService().hover(document, at(needle, within));
    return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  };

  it('names the segment and its elements and decodes the code under the cursor', () => {
    assert.match(hoverText('SV1*HC:64596', 8), /\*\*SV1\*\* Professional service[\s\S]*64596/);
    assert.match(hoverText('SV1*HC:64596:LT', 14), /Modifier LT/);
    assert.match(hoverText('HI*ABK:G5782', 8), /G57\.82/);
    assert.match(hoverText('CLM*PCN1002*120***11', 19), /Place of service \*\*11\*\*/);
  });

  it('says on the CLM which note the claim was linked to', () => {
    assert.match(hoverText('CLM*PCN1001', 1), /Linked note: `.*pcn1001-left-spn\.opnote`/);
    assert.match(hoverText('CLM*PCN1002', 1), /No operative note/);
  });

  it('outlines interchange, claims and service lines, and folds each claim', () => {
    const symbols = fixtureService().documentSymbols(document);
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.children?.map((claim) => [claim.name, claim.children?.map((line) => line.name)])]),
      [['Interchange 000000001', [['Claim PCN1001', ['64596-LT']], ['Claim PCN1002', ['77002']], ['Claim PCN1003', ['64596-LT', '77002']]]]],
    );
    const folds = fixtureService().foldingRanges(document);
    assert.deepEqual(folds.map((fold) => [fold.startLine + 1, fold.endLine + 1]), [[1, 45], [17, 21], [26, 30], [35, 42]]);
  });

  it('offers no quick fixes: the claim rules fix draft markup, not segments', () => {
    const wrongSide = build837(clean({ claims: [{ pcn: 'PCN1001', dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['RT'], date: '20260314' }] }] }));
    const doc = { uri: '/w/batch.837', version: 1, text: wrongSide };
    const x12 = service();
    assert.equal(x12.analyze(doc).findings.length, 1);
    assert.deepEqual(x12.codeActions(doc, { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } }, {}), []);
  });
});

describe('FHIR R4 Claim JSON: checked like a claim draft', () => {
  const file = path.join(X12_FIXTURES, 'pcn1001-wrong-side.fhir.json');
  const text = fs.readFileSync(file, 'utf8');

  it('maps items, modifiers, diagnosisSequence, quantity and servicedDate, and links the note by patient and date', () => {
    const analysis = fixtureService().analyze(sourceOf(file, text));
    assert.equal(analysis.format, 'fhir');
    assert.deepEqual(analysis.dependencies.map((dependency) => path.basename(dependency)), ['pcn1001-left-spn.opnote']);
    assert.deepEqual(analysis.findings.map((finding) => `${finding.rule.id} @ ${text.slice(finding.span.start, finding.span.end)}`), ['laterality-mismatch @ RT', 'imaging-bundled @ 76942']);
    assert.ok(analysis.findings.every((finding) => !finding.fixes), 'the markup fixes are not offered on JSON');
  });

  it('says why a file is not a readable Claim, and note-missing when no note has its patient and date', () => {
    const broken = fixtureService().analyze({ uri: '/tmp/nowhere/broken.fhir.json', version: 1, text: '{"resourceType": "Claim", "item": [' });
    assert.deepEqual(broken.findings.map((finding) => finding.rule.id), ['line-syntax', 'note-missing', 'payer-missing']);
    assert.match(broken.findings[0].message, /^The FHIR Claim is not valid JSON/);
    const changed = text.replace('"PCN1001"', '"PCN9999"');
    const otherPatient = fixtureService().analyze(sourceOf(file, changed));
    assert.deepEqual(otherPatient.findings.filter((finding) => finding.rule.id === 'note-missing').map((finding) => changed.slice(finding.span.start, finding.span.end)), ['PCN9999']);
  });
});

describe('X12 837: detection', () => {
  it('reads a file as X12 by its extension or by an ISA start, but never a note or draft by its content', () => {
    const text = build837(clean());
    assert.equal(service().analyze({ uri: 'untitled:Untitled-1', version: 1, text }).format, '837P');
    assert.equal(service().analyze({ uri: '/w/batch.txt', version: 1, text }).format, '837P');
    assert.equal(service().analyze({ uri: '/w/a.opnote', version: 1, text, kindHint: 'opnote' }).format, undefined);
    assert.equal(service().analyze({ uri: '/w/empty.837', version: 1, text: '' }).findings[0]?.rule.id, 'x12-syntax');
  });
});

describe('X12 837: size limit', () => {
  it('checks a file up to four times opnote.maxDocumentSize, and one cut at that size gets document-too-large only', () => {
    const text = build837(clean());
    const limit = Math.ceil(text.length / 4);
    assert.deepEqual(service().analyze({ uri: '/w/batch.837', version: 1, text }, { maxDocumentSize: limit + 10 }).findings.map((finding) => finding.rule.id), []);
    assert.deepEqual(service().analyze({ uri: '/w/batch.837', version: 2, text: text.slice(0, 4 * (limit - 1)) }, { maxDocumentSize: limit - 1 }).findings.map((finding) => finding.rule.id), ['document-too-large']);
  });
});
