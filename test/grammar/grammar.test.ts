/*
 * Grammar tests for text.opnote (.opnote) and text.claim (.claim).
 *
 * Scope names. Every scope ends in the language suffix, `.opnote` or `.claim`; the table omits it.
 *
 *   header block            meta.header (Key: value lines) / meta.header.front-matter (--- fenced)
 *   --- fence               punctuation.definition.front-matter
 *   header key              entity.name.tag.header-key
 *   key/value colon         punctuation.separator.key-value
 *   header value            string.unquoted.header-value
 *   date (header, dos:)     constant.numeric.date
 *   # heading line          markup.heading.markdown   (hashes: punctuation.definition.heading)
 *   DICTATION TITLE:        markup.heading.dictation  (colon: punctuation.separator.heading)
 *   heading title           entity.name.section       (both styles)
 *   // comment              comment.line.double-slash (slashes: punctuation.definition.comment)
 *   directive               meta.directive > keyword.control.directive
 *   directive rule id       constant.language.rule-id (commas: punctuation.separator.comma)
 *   CPT code                constant.numeric.code.cpt
 *   Category III code       constant.numeric.code.cpt.category-iii
 *   HCPCS Level II code     constant.numeric.code.hcpcs
 *   ICD-10-CM code          constant.numeric.code.icd10cm
 *   modifier                constant.other.modifier   (its "-": punctuation.separator.modifier)
 *   "Modifiers:" label      keyword.other.modifier-list
 * claim only:
 *   dx line                 meta.diagnosis-line; "dx" keyword.other.dx
 *   service line            meta.service-line
 *   line-start code         entity.name.function.procedure-code.{cpt,cpt.category-iii,hcpcs}
 *   units x2                constant.numeric.units
 *   ptr:A,B                 keyword.other.pointer + constant.character.pointer
 *   $1450.00                constant.numeric.currency ("$": punctuation.definition.currency)
 *   pos:11                  keyword.other.pos + constant.numeric.pos
 *   dos:2026-03-14          keyword.other.dos + constant.numeric.date
 *
 * All fixtures are invented; none is clinical text from a real record.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import {
  assertNoScope,
  assertSpan,
  compileAllPatterns,
  expandSnippet,
  grammarFiles,
  hasScope,
  loadGrammar,
  repoRoot,
  tokenizeDocument,
  type GrammarScope,
  type TokenizedLine,
} from './tokenize';

const readJson = (relativePath: string): unknown =>
  JSON.parse(readFileSync(path.join(repoRoot, relativePath), 'utf8'));

/** First line of a tokenized document that contains `fragment`. */
function lineWith(doc: readonly TokenizedLine[], fragment: string): TokenizedLine {
  const line = doc.find((candidate) => candidate.text.includes(fragment));
  if (line === undefined) assert.fail(`no line contains "${fragment}"`);
  return line;
}

const CODE = 'constant.numeric.code';
const MODIFIER = 'constant.other.modifier';

let opnoteGrammar: IGrammar;
let claimGrammar: IGrammar;

before(async () => {
  opnoteGrammar = await loadGrammar('text.opnote');
  claimGrammar = await loadGrammar('text.claim');
});

const note = (text: string): TokenizedLine[] => tokenizeDocument(opnoteGrammar, text);
const claim = (text: string): TokenizedLine[] => tokenizeDocument(claimGrammar, text);
/** Body text of a note: a leading blank line means no header can start. */
const noteBody = (text: string): TokenizedLine[] => note(`\n${text}`).slice(1);
const CLAIM_HEADER = 'payer: Example Health\n\n';
const claimBody = (text: string): TokenizedLine[] => claim(CLAIM_HEADER + text).slice(2);

describe('opnote grammar', () => {
  describe('header', () => {
    it('scopes front-matter keys, separators, values and dates', () => {
      const doc = note('---\npatient: TEST-0001\ndate: 2026-03-14\nsurgeon: Surgeon A\n---\n\nPROCEDURE: x');
      assertSpan(doc[0]!, '---', 'punctuation.definition.front-matter.opnote');
      assertSpan(doc[1]!, 'patient', 'entity.name.tag.header-key.opnote');
      assertSpan(doc[1]!, ':', 'punctuation.separator.key-value.opnote');
      assertSpan(doc[1]!, 'TEST-0001', 'string.unquoted.header-value.opnote');
      assertNoScope(doc[1]!, 'TEST-0001', CODE);
      assertSpan(doc[2]!, '2026-03-14', 'constant.numeric.date.opnote');
      assertSpan(doc[3]!, 'Surgeon A', 'string.unquoted.header-value.opnote');
      assertSpan(doc[4]!, '---', 'punctuation.definition.front-matter.opnote');
      assertSpan(doc[6]!, 'PROCEDURE', 'entity.name.section.opnote');
      assertNoScope(doc[6]!, 'PROCEDURE', 'meta.header');
    });

    it('accepts front matter only at the very top', () => {
      const doc = note('\n---\npatient: TEST-0001\n---');
      assertNoScope(doc[2]!, 'patient', 'entity.name.tag.header-key.opnote');
      assertNoScope(doc[1]!, '---', 'punctuation.definition.front-matter.opnote');
    });

    it('scopes a plain Key: value header and ends it at the first blank line', () => {
      const doc = note('Patient: TEST-0002\nDate of service: 03/14/2026\nPOS: 24\n\nFacility: body text now');
      assertSpan(doc[0]!, 'Patient', 'entity.name.tag.header-key.opnote');
      assertSpan(doc[0]!, 'TEST-0002', 'string.unquoted.header-value.opnote');
      assertSpan(doc[1]!, 'Date of service', 'entity.name.tag.header-key.opnote');
      assertSpan(doc[1]!, '03/14/2026', 'constant.numeric.date.opnote');
      assertSpan(doc[2]!, 'POS', 'entity.name.tag.header-key.opnote');
      assertNoScope(doc[4]!, 'Facility', 'entity.name.tag.header-key.opnote');
      assertNoScope(doc[4]!, 'Facility: body text now', 'meta.header.opnote');
    });

    it('treats an ALL-CAPS first line as a dictated heading unless it is a known header key', () => {
      const dictated = note('PREOPERATIVE DIAGNOSIS: Occipital neuralgia\nSecond line.');
      assertSpan(dictated[0]!, 'PREOPERATIVE DIAGNOSIS', 'entity.name.section.opnote');
      assertNoScope(dictated[0]!, 'PREOPERATIVE DIAGNOSIS', 'entity.name.tag.header-key.opnote');

      const aliased = note('DOS: 2026-03-14\nSURGEON: Surgeon B\n\nBody.');
      assertSpan(aliased[0]!, 'DOS', 'entity.name.tag.header-key.opnote');
      assertSpan(aliased[1]!, 'SURGEON', 'entity.name.tag.header-key.opnote');
      assertNoScope(aliased[1]!, 'SURGEON', 'markup.heading');
    });
  });

  describe('headings', () => {
    it('scopes Markdown #, ## and ### headings', () => {
      const doc = noteBody('# Operative note\n## Procedure\n### Details of the technique');
      for (const [line, hashes, title] of [
        [doc[0]!, '#', 'Operative note'],
        [doc[1]!, '##', 'Procedure'],
        [doc[2]!, '###', 'Details of the technique'],
      ] as const) {
        assertSpan(line, hashes, 'punctuation.definition.heading.opnote');
        assertSpan(line, title, 'entity.name.section.opnote');
        assertSpan(line, line.text, 'markup.heading.markdown.opnote');
      }
    });

    it('does not take #### or #word for a heading', () => {
      const doc = noteBody('#### Too deep\n#hashtag in text');
      assertNoScope(doc[0]!, 'Too deep', 'markup.heading');
      assertNoScope(doc[1]!, 'hashtag', 'markup.heading');
    });

    it('scopes only the title and colon of a dictation heading with trailing text', () => {
      const line = noteBody('DESCRIPTION OF PROCEDURE: The patient was placed prone.')[0]!;
      assertSpan(line, 'DESCRIPTION OF PROCEDURE:', 'markup.heading.dictation.opnote');
      assertSpan(line, 'DESCRIPTION OF PROCEDURE', 'entity.name.section.opnote');
      assertSpan(line, ':', 'punctuation.separator.heading.opnote');
      assertNoScope(line, ' The patient was placed prone.', 'markup.heading');
      assertNoScope(line, ' The patient was placed prone.', 'entity.name.section');
    });

    it('scopes dictation titles with digits and punctuation', () => {
      const doc = noteBody('ESTIMATED BLOOD LOSS:\nMODIFIER 22 JUSTIFICATION: see below\nPROCEDURE(S) PERFORMED: x');
      assertSpan(doc[0]!, 'ESTIMATED BLOOD LOSS', 'entity.name.section.opnote');
      assertSpan(doc[1]!, 'MODIFIER 22 JUSTIFICATION', 'entity.name.section.opnote');
      assertNoScope(doc[1]!, '22', MODIFIER);
      assertSpan(doc[2]!, 'PROCEDURE(S) PERFORMED', 'entity.name.section.opnote');
    });

    it('does not take mixed-case or code-like line starts for headings', () => {
      for (const text of [
        'Indications: chronic pain.',
        'L5: root level noted.',
        'Dr Example: present.',
        'G57.82: listed.',
        'The patient said: fine.',
      ]) {
        const line = noteBody(text)[0]!;
        assertNoScope(line, text, 'markup.heading');
      }
    });
  });

  describe('comments and directives', () => {
    it('scopes a plain comment without any directive', () => {
      const line = noteBody('// reviewed by coding before release')[0]!;
      assertSpan(line, line.text, 'comment.line.double-slash.opnote');
      assertSpan(line, '//', 'punctuation.definition.comment.opnote');
      assertNoScope(line, line.text, 'keyword.control.directive');
    });

    it('scopes opnote-disable-next-line and its rule ids', () => {
      const line = noteBody('// opnote-disable-next-line OPN001, CLM002')[0]!;
      assertSpan(line, line.text, 'comment.line.double-slash.opnote');
      assertSpan(line, 'opnote-disable-next-line', 'keyword.control.directive.opnote');
      assertSpan(line, 'OPN001', 'constant.language.rule-id.opnote');
      assertSpan(line, 'CLM002', 'constant.language.rule-id.opnote');
      assertSpan(line, ',', 'punctuation.separator.comma.opnote');
    });

    it('scopes opnote-disable / opnote-enable and keeps a -- description as comment text', () => {
      const doc = noteBody('// opnote-disable missing-laterality -- payer waived it\n  // opnote-enable missing-laterality');
      assertSpan(doc[0]!, 'opnote-disable', 'keyword.control.directive.opnote');
      assertSpan(doc[0]!, 'missing-laterality', 'constant.language.rule-id.opnote');
      assertNoScope(doc[0]!, 'payer waived it', 'constant.language.rule-id');
      assertSpan(doc[0]!, doc[0]!.text, 'comment.line.double-slash.opnote');
      assertSpan(doc[1]!, 'opnote-enable', 'keyword.control.directive.opnote');
      assertSpan(doc[1]!, 'missing-laterality', 'constant.language.rule-id.opnote');
    });

    it('does not take look-alikes or later words for directives', () => {
      const doc = noteBody('// see opnote-disable in the docs\n// opnote-disabled OPN001');
      assertNoScope(doc[0]!, 'opnote-disable', 'keyword.control.directive');
      assertNoScope(doc[1]!, 'opnote-disabled', 'keyword.control.directive');
    });

    it('does not start a comment at // inside running text', () => {
      const line = noteBody('Images at https://example.invalid/x were reviewed.')[0]!;
      assertNoScope(line, '//example.invalid/x were reviewed.', 'comment');
    });
  });

  describe('codes in text', () => {
    it('scopes each code kind in a sentence', () => {
      const line = noteBody('Performed 64596 (not 0587T); L8680 and C1767 considered; G57.82, G89.29, S14.2XXA and G56.')[0]!;
      assertSpan(line, '64596', 'constant.numeric.code.cpt.opnote');
      assertSpan(line, '0587T', 'constant.numeric.code.cpt.category-iii.opnote');
      assertSpan(line, 'L8680', 'constant.numeric.code.hcpcs.opnote');
      assertSpan(line, 'C1767', 'constant.numeric.code.hcpcs.opnote');
      assertSpan(line, 'G57.82', 'constant.numeric.code.icd10cm.opnote');
      assertSpan(line, 'G89.29', 'constant.numeric.code.icd10cm.opnote');
      assertSpan(line, 'S14.2XXA', 'constant.numeric.code.icd10cm.opnote');
      assertSpan(line, 'G56', 'constant.numeric.code.icd10cm.opnote');
    });

    it('scopes modifiers attached to a code', () => {
      const line = noteBody('Billed 64596-22-LT, L8680-RT and 0587T-59.')[0]!;
      assertSpan(line, '64596', 'constant.numeric.code.cpt.opnote');
      assertSpan(line, '-', 'punctuation.separator.modifier.opnote');
      assertSpan(line, '22', 'constant.other.modifier.opnote');
      assertSpan(line, 'LT', 'constant.other.modifier.opnote');
      assertSpan(line, 'L8680', 'constant.numeric.code.hcpcs.opnote');
      assertSpan(line, 'RT', 'constant.other.modifier.opnote');
      assertSpan(line, '0587T', 'constant.numeric.code.cpt.category-iii.opnote');
      assertSpan(line, '59', 'constant.other.modifier.opnote', 1); // occurrence 0 is inside 64596
    });

    it('scopes a Modifiers: list, in any case, instead of a heading', () => {
      const doc = noteBody('Modifiers: 22, LT\nMODIFIERS: -22, -RT');
      assertSpan(doc[0]!, 'Modifiers', 'keyword.other.modifier-list.opnote');
      assertSpan(doc[0]!, '22', 'constant.other.modifier.opnote');
      assertSpan(doc[0]!, 'LT', 'constant.other.modifier.opnote');
      assertSpan(doc[0]!, ',', 'punctuation.separator.comma.opnote');
      assertNoScope(doc[1]!, 'MODIFIERS', 'markup.heading');
      assertSpan(doc[1]!, '22', 'constant.other.modifier.opnote');
      assertSpan(doc[1]!, 'RT', 'constant.other.modifier.opnote');
    });

    it('scopes "modifier 22" and a bracketed -LT in prose', () => {
      const line = noteBody('Append modifier 22 and use (-LT) on the line.')[0]!;
      assertSpan(line, '22', 'constant.other.modifier.opnote');
      assertSpan(line, 'LT', 'constant.other.modifier.opnote');
      assertNoScope(line, 'modifier', MODIFIER);
    });

    it('leaves ordinary words, levels, amounts and numbers alone', () => {
      const text =
        'THE Dr saw L5, L5-S1 and T12-L1; A1C 6.1, vitamin B12, $14500 paid, 12345.67 ohms, id 123456, 00099, g57.82, 5-0 suture on 2026-03-14 at 10:30.';
      const line = noteBody(text)[0]!;
      for (const fragment of ['THE', 'Dr', 'L5', 'L5-S1', 'T12-L1', 'A1C', 'B12', '$14500', '12345.67', '123456', '00099', 'g57.82', '5-0', '2026-03-14']) {
        assertNoScope(line, fragment, CODE);
        assertNoScope(line, fragment, MODIFIER);
      }
    });
  });

  describe('performance', () => {
    const LINE_LENGTH = 20_000;
    const fill = (unit: string, prefix = ''): string =>
      (prefix + unit.repeat(Math.ceil(LINE_LENGTH / unit.length))).slice(0, LINE_LENGTH);

    const shapes: ReadonlyArray<readonly [string, GrammarScope, string]> = [
      ['prose full of codes', 'text.opnote', fill('Placed 64596-22-LT for G57.82 near L8680, 0587T and (-RT). ', '\n')],
      ['ALL-CAPS words with no colon', 'text.opnote', fill('ABCDEFG HIJK/LMN ', '\n')],
      ['one 20,000-letter capital word', 'text.opnote', fill('A', '\n')],
      ['one 20,000-digit number', 'text.opnote', fill('1', '\n')],
      ['a first line that looks like a header key', 'text.opnote', fill('a b-c ')],
      ['a Markdown heading with spaces', 'text.opnote', fill('a  ', '\n# ')],
      ['a directive with many rule ids', 'text.opnote', fill('RULE-ID, ', '\n// opnote-disable ')],
      ['a service line with many tokens', 'text.claim', fill('x1 ptr:A,B $1,450.00 pos:11 dos:2026-03-14 ', `${CLAIM_HEADER}64596-22-LT `)],
      ['a dx line with many codes', 'text.claim', fill('G57.82, ', `${CLAIM_HEADER}dx: `)],
    ];

    for (const [label, scope, text] of shapes) {
      it(`tokenizes ${label} (20,000 characters) in well under 2 s`, () => {
        const grammar = scope === 'text.opnote' ? opnoteGrammar : claimGrammar;
        const started = performance.now();
        const doc = tokenizeDocument(grammar, text);
        const elapsed = performance.now() - started;
        const longest = Math.max(...doc.map((line) => line.text.length));
        assert.ok(longest >= LINE_LENGTH - CLAIM_HEADER.length - 20, `fixture too short: ${longest}`);
        assert.ok(elapsed < 2000, `${label} took ${elapsed.toFixed(0)} ms`);
      });
    }
  });
});

describe('claim grammar', () => {
  it('scopes a plain header with every claim key', () => {
    const doc = claim('payer: Example Health\npatient: TEST-0003\ndos: 2026-03-14\npos: 24\nnote: case-0003.opnote\nprior-auth: PA-0000\nnpi: 0000000000\n\ndx: G57.82');
    for (const key of ['payer', 'patient', 'dos', 'pos', 'note', 'prior-auth', 'npi']) {
      assertSpan(lineWith(doc, `${key}:`), key, 'entity.name.tag.header-key.claim');
    }
    assertSpan(lineWith(doc, 'dos:'), '2026-03-14', 'constant.numeric.date.claim');
    assertSpan(lineWith(doc, 'note:'), 'case-0003.opnote', 'string.unquoted.header-value.claim');
    assertSpan(lineWith(doc, 'dx:'), 'dx', 'keyword.other.dx.claim');
  });

  it('scopes a front-matter header', () => {
    const doc = claim('---\npayer: Example Health\ndos: 03/14/2026\n---\n64596 x1');
    assertSpan(doc[1]!, 'payer', 'entity.name.tag.header-key.claim');
    assertSpan(doc[2]!, '03/14/2026', 'constant.numeric.date.claim');
    assertSpan(doc[4]!, '64596', 'entity.name.function.procedure-code.cpt.claim');
  });

  it('scopes the dx line: keyword, ICD codes, commas and a trailing comment', () => {
    const line = claimBody('dx: G57.82, G89.29, M79.2          // diagnoses; lettered A, B, C')[0]!;
    assertSpan(line, line.text, 'meta.diagnosis-line.claim');
    assertSpan(line, 'dx', 'keyword.other.dx.claim');
    assertSpan(line, ':', 'punctuation.separator.key-value.claim');
    for (const code of ['G57.82', 'G89.29', 'M79.2']) assertSpan(line, code, 'constant.numeric.code.icd10cm.claim');
    assertSpan(line, ',', 'punctuation.separator.comma.claim');
    assertSpan(line, '// diagnoses; lettered A, B, C', 'comment.line.double-slash.claim');
    assertNoScope(line, 'lettered A, B, C', CODE);
  });

  it('accepts dotless and lower-case codes on the dx line only', () => {
    const line = claimBody('DX: G5782,g89.29')[0]!;
    assertSpan(line, 'DX', 'keyword.other.dx.claim');
    assertSpan(line, 'G5782', 'constant.numeric.code.icd10cm.claim');
    assertSpan(line, 'g89.29', 'constant.numeric.code.icd10cm.claim');
    assertNoScope(line, 'DX', 'markup.heading');
  });

  it('scopes a full service line token by token', () => {
    const line = claimBody('64596-22-LT  x1  ptr:A,B  $1450.00  pos:24  dos:2026-03-14  // first array')[0]!;
    const expected: ReadonlyArray<readonly [string, string]> = [
      ['64596', 'entity.name.function.procedure-code.cpt.claim'],
      ['-', 'punctuation.separator.modifier.claim'],
      ['22', 'constant.other.modifier.claim'],
      ['-', 'punctuation.separator.modifier.claim'],
      ['LT', 'constant.other.modifier.claim'],
      ['  ', 'meta.service-line.claim'],
      ['x1', 'constant.numeric.units.claim'],
      ['  ', 'meta.service-line.claim'],
      ['ptr', 'keyword.other.pointer.claim'],
      [':', 'punctuation.separator.key-value.claim'],
      ['A', 'constant.character.pointer.claim'],
      [',', 'punctuation.separator.comma.claim'],
      ['B', 'constant.character.pointer.claim'],
      ['  ', 'meta.service-line.claim'],
      ['$', 'punctuation.definition.currency.claim'],
      ['1450.00', 'constant.numeric.currency.claim'],
      ['  ', 'meta.service-line.claim'],
      ['pos', 'keyword.other.pos.claim'],
      [':', 'punctuation.separator.key-value.claim'],
      ['24', 'constant.numeric.pos.claim'],
      ['  ', 'meta.service-line.claim'],
      ['dos', 'keyword.other.dos.claim'],
      [':', 'punctuation.separator.key-value.claim'],
      ['2026-03-14', 'constant.numeric.date.claim'],
      ['  ', 'meta.service-line.claim'],
      ['//', 'punctuation.definition.comment.claim'],
      [' first array', 'comment.line.double-slash.claim'],
    ];
    assert.deepEqual(
      line.tokens.map((token) => [token.text, token.scope]),
      expected,
    );
    assert.ok(line.scopes.every((stack) => stack.includes('meta.service-line.claim')));
  });

  it('scopes service lines for each code kind and tokens in any order', () => {
    const doc = claimBody('64597-LT     x1  ptr:A    $600.00\n0587T x1\nL8680-RT x2 ptr:b $1,010.50\n64596 $99.00 dos:03/14/2026 pos:22 X3 ptr:A');
    assertSpan(doc[0]!, '64597', 'entity.name.function.procedure-code.cpt.claim');
    assertSpan(doc[0]!, 'LT', 'constant.other.modifier.claim');
    assertSpan(doc[0]!, '$600.00', 'constant.numeric.currency.claim');
    assertSpan(doc[1]!, '0587T', 'entity.name.function.procedure-code.cpt.category-iii.claim');
    assertSpan(doc[2]!, 'L8680', 'entity.name.function.procedure-code.hcpcs.claim');
    assertSpan(doc[2]!, 'x2', 'constant.numeric.units.claim');
    assertSpan(doc[2]!, 'b', 'constant.character.pointer.claim');
    assertSpan(doc[2]!, '$1,010.50', 'constant.numeric.currency.claim');
    assertSpan(doc[3]!, '$99.00', 'constant.numeric.currency.claim');
    assertSpan(doc[3]!, '03/14/2026', 'constant.numeric.date.claim');
    assertSpan(doc[3]!, '22', 'constant.numeric.pos.claim');
    assertSpan(doc[3]!, 'X3', 'constant.numeric.units.claim');
  });

  it('scopes at most four modifiers and skips malformed ones', () => {
    const doc = claimBody('64596-22-LT-59-XS-GA x1\n64596-2 x1\n64596LT x1');
    assertSpan(doc[0]!, '22', 'constant.other.modifier.claim');
    assertSpan(doc[0]!, 'LT', 'constant.other.modifier.claim');
    assertSpan(doc[0]!, '59', 'constant.other.modifier.claim', 1); // occurrence 0 is inside 64596
    assertSpan(doc[0]!, 'XS', 'constant.other.modifier.claim');
    assertNoScope(doc[0]!, 'GA', MODIFIER);
    assertSpan(doc[1]!, '64596', 'entity.name.function.procedure-code.cpt.claim');
    assertNoScope(doc[1]!, '-2', MODIFIER);
    assertNoScope(doc[2]!, '64596LT', 'entity.name.function');
  });

  it('scopes comment lines, directives and codes in other text', () => {
    const doc = claimBody('// opnote-disable-next-line CLM010\nSee 64596-22 in the note; ptr:A here is prose.');
    assertSpan(doc[0]!, 'opnote-disable-next-line', 'keyword.control.directive.claim');
    assertSpan(doc[0]!, 'CLM010', 'constant.language.rule-id.claim');
    assertSpan(doc[1]!, '64596', 'constant.numeric.code.cpt.claim');
    assertSpan(doc[1]!, '22', 'constant.other.modifier.claim');
    assertNoScope(doc[1]!, 'ptr', 'keyword.other.pointer');
  });

  it('does not open a header on a first-line dx:', () => {
    const line = claim('dx: G57.82')[0]!;
    assertSpan(line, 'dx', 'keyword.other.dx.claim');
    assertNoScope(line, 'dx', 'entity.name.tag');
  });
});

describe('x12 grammar', () => {
  let grammar: IGrammar;
  before(async () => (grammar = await loadGrammar('text.x12')));

  it('marks segment ids, the procedure and diagnosis codes, dates and delimiters, on one line or many', () => {
    const [clm, hi, sv1, dtp] = tokenizeDocument(grammar, 'CLM*PCN1001*1450***24:B:1*Y*A*Y*Y~\nHI*ABK:G5782~\nSV1*HC:64596:LT*1450*UN*1***1~\nDTP*472*D8*20260314~');
    assertSpan(clm, 'CLM', 'entity.name.tag.segment.x12');
    assertSpan(clm, '*', 'punctuation.separator.element.x12');
    assertSpan(clm, '~', 'punctuation.terminator.segment.x12');
    assertSpan(hi, 'G5782', 'constant.numeric.code.icd10cm.x12');
    assertSpan(sv1, '64596', 'constant.numeric.code.procedure.x12');
    assertNoScope(sv1, '1450', 'constant.numeric.code.procedure.x12');
    assertSpan(dtp, '20260314', 'constant.numeric.date.x12');
    const [oneLine] = tokenizeDocument(grammar, 'LX*1~SV1*HC:64596:LT*1450*UN*1***1~');
    assertSpan(oneLine, 'SV1', 'entity.name.tag.segment.x12');
    assertSpan(oneLine, '64596', 'constant.numeric.code.procedure.x12');
  });
});

describe('grammar, language-configuration and snippet files', () => {
  type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
  const isObject = (value: unknown): value is Record<string, Json> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

  /** Every value stored under one of `keys`, anywhere in the tree. */
  function collect(node: Json, keys: ReadonlySet<string>, found: string[] = []): string[] {
    if (Array.isArray(node)) node.forEach((child) => collect(child, keys, found));
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (keys.has(key) && typeof value === 'string') found.push(value);
        collect(value, keys, found);
      }
    }
    return found;
  }

  for (const [scopeName, file] of Object.entries(grammarFiles)) {
    it(`${file} parses, names ${scopeName}, resolves every include and compiles every regex`, async () => {
      const grammar = readJson(file);
      assert.ok(isObject(grammar));
      assert.equal(grammar['scopeName'], scopeName);
      assert.ok(Array.isArray(grammar['patterns']));
      const repository = grammar['repository'];
      assert.ok(isObject(repository));
      for (const include of collect(grammar, new Set(['include']))) {
        assert.ok(include.startsWith('#') && include.slice(1) in repository, `unresolved include ${include}`);
      }
      const regexes = collect(grammar, new Set(['match', 'begin', 'end', 'while']));
      // The X12 grammar only marks segment ids, codes, dates and delimiters.
      assert.ok(regexes.length > (scopeName === 'text.x12' ? 5 : 20));
      await compileAllPatterns(regexes);
    });
  }

  it('keeps the shared rules of both grammars identical apart from the scope suffix', () => {
    const opnote = readJson(grammarFiles['text.opnote']);
    const claimGrammarJson = readJson(grammarFiles['text.claim']);
    assert.ok(isObject(opnote) && isObject(claimGrammarJson));
    const opnoteRules = opnote['repository'];
    const claimRules = claimGrammarJson['repository'];
    assert.ok(isObject(opnoteRules) && isObject(claimRules));
    for (const [name, rule] of Object.entries(opnoteRules)) {
      const claimRule: Json | undefined = claimRules[name];
      assert.ok(claimRule !== undefined, `claim grammar lacks #${name}`);
      assert.equal(JSON.stringify(claimRule).replaceAll('.claim"', '.opnote"'), JSON.stringify(rule), `#${name} differs`);
    }
  });

  for (const language of ['opnote', 'claim']) {
    it(`language-configuration/${language}.json sets comments, brackets and a code-preserving wordPattern`, () => {
      const config = readJson(`language-configuration/${language}.json`);
      assert.ok(isObject(config));
      assert.deepEqual(config['comments'], { lineComment: '//' });
      assert.deepEqual(config['brackets'], [
        ['(', ')'],
        ['[', ']'],
      ]);
      const autoClosing = config['autoClosingPairs'];
      assert.ok(Array.isArray(autoClosing));
      assert.deepEqual(
        autoClosing.map((pair) => (isObject(pair) ? pair['open'] : pair)),
        ['(', '[', '"'],
      );
      const wordPattern = config['wordPattern'];
      assert.equal(typeof wordPattern, 'string');
      const words = 'Billed 64596-22-LT for G57.82, S14.2XXA and L8680. Level L5-S1 ($1450.00).'.match(
        new RegExp(String(wordPattern), 'g'),
      );
      assert.deepEqual(words, ['Billed', '64596-22-LT', 'for', 'G57.82', 'S14.2XXA', 'and', 'L8680', 'Level', 'L5-S1', '1450.00']);
    });
  }

  const SNIPPET_VARIABLES = { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '14', TM_FILENAME_BASE: 'case-0001' };

  function readSnippets(language: string): Map<string, { prefixes: string[]; body: string; description: string }> {
    const raw = readJson(`snippets/${language}.json`);
    assert.ok(isObject(raw));
    const snippets = new Map<string, { prefixes: string[]; body: string; description: string }>();
    for (const [name, snippet] of Object.entries(raw)) {
      assert.ok(isObject(snippet), `${name} is not an object`);
      const { prefix, body, description } = snippet;
      const prefixes = Array.isArray(prefix) ? prefix : [prefix];
      assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && p.length > 0), `${name}: prefix`);
      const lines = Array.isArray(body) ? body : [body];
      assert.ok(lines.length > 0 && lines.every((l) => typeof l === 'string'), `${name}: body`);
      assert.ok(typeof description === 'string' && description.length > 0, `${name}: description`);
      snippets.set(name, { prefixes: prefixes as string[], body: (lines as string[]).join('\n'), description });
    }
    return snippets;
  }

  const findByPrefix = (language: string, prefix: string): string => {
    const snippet = [...readSnippets(language).values()].find((s) => s.prefixes.includes(prefix));
    if (snippet === undefined) assert.fail(`snippets/${language}.json has no "${prefix}" snippet`);
    return expandSnippet(snippet.body, SNIPPET_VARIABLES);
  };

  for (const language of ['opnote', 'claim']) {
    it(`snippets/${language}.json: every snippet has prefix, body and description and expands`, () => {
      for (const [name, snippet] of readSnippets(language)) {
        assert.doesNotThrow(() => expandSnippet(snippet.body, SNIPPET_VARIABLES), name);
      }
      for (const directive of ['opnote-disable-next-line', 'opnote-disable', 'opnote-enable']) {
        const line = tokenizeDocument(language === 'opnote' ? opnoteGrammar : claimGrammar, `\n${findByPrefix(language, directive)}`)[1]!;
        assertSpan(line, directive, `keyword.control.directive.${language}`);
      }
    });
  }

  it('the operative-note skeleton expands to a header and every expected section heading', () => {
    const doc = note(findByPrefix('opnote', 'opnote-pns'));
    for (const key of ['patient', 'date', 'surgeon', 'facility', 'pos', 'payer']) {
      assertSpan(lineWith(doc, `${key}:`), key, 'entity.name.tag.header-key.opnote');
    }
    const headings = doc.filter((line) => hasScope(line, 0, 'markup.heading.dictation.opnote')).map((line) => line.text.split(':')[0]);
    assert.deepEqual(headings, [
      'PREOPERATIVE DIAGNOSIS',
      'POSTOPERATIVE DIAGNOSIS',
      'PROCEDURE',
      'INDICATIONS',
      'ANESTHESIA',
      'DESCRIPTION OF PROCEDURE',
      'FINDINGS',
      'IMPLANTS',
      'COMPLICATIONS',
      'ESTIMATED BLOOD LOSS',
      'DISPOSITION',
    ]);
    const technique = lineWith(doc, 'DESCRIPTION OF PROCEDURE:').text;
    for (const placeholderDefault of ['left side', 'ultrasound guidance', 'target nerve', 'percutaneous approach', '1 electrode array', 'test stimulation']) {
      assert.ok(technique.includes(placeholderDefault), `technique lacks "${placeholderDefault}"`);
    }
  });

  it('the increased-services skeleton is a heading with typical vs actual time, reason and extra work', () => {
    const text = findByPrefix('opnote', 'increased-services');
    const doc = noteBody(text);
    assertSpan(doc[0]!, 'INCREASED PROCEDURAL SERVICES', 'entity.name.section.opnote');
    for (const phrase of ['Typical', 'Actual', 'Reason', 'Additional work']) assert.ok(text.includes(phrase), phrase);
  });

  it('the claim skeleton expands to a header, a dx line and a 64596 service line', () => {
    const doc = claim(findByPrefix('claim', 'claim'));
    for (const key of ['payer', 'patient', 'dos', 'pos', 'note', 'prior-auth', 'npi']) {
      assertSpan(lineWith(doc, `${key}:`), key, 'entity.name.tag.header-key.claim');
    }
    assertSpan(lineWith(doc, 'dx:'), 'dx', 'keyword.other.dx.claim');
    const serviceLine = lineWith(doc, '64596-');
    assertSpan(serviceLine, '64596', 'entity.name.function.procedure-code.cpt.claim');
    assertSpan(serviceLine, 'LT', 'constant.other.modifier.claim');
    assertSpan(serviceLine, '$0.00', 'constant.numeric.currency.claim');
  });
});
