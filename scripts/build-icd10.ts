// Regenerates the bundled ICD-10-CM and HCPCS Level II code lists from the CMS files in the
// shared folder. Run: npx tsx scripts/build-icd10.ts
// The shared folder defaults to ../shared next to the repository; set OPNOTE_SHARED to override
// (the code lists are read from $OPNOTE_SHARED/codesets).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from './sharedData';
import { gunzipSync } from 'node:zlib';
import { CODE_SET_ENCODING, encodeCodeSet } from '../server/src/core/knowledge/compactCodeSet';
import { generatedCodeSetSchema, type GeneratedCodeSet } from '../server/src/core/knowledge/schema';

const repoRoot = path.resolve(__dirname, '..');
const shared = sharedDir() ?? path.join(repoRoot, '..', 'shared');
const dataDir = path.join(repoRoot, 'server/src/core/knowledge/data');

interface CodeSetSpec {
  sourceFile: string;
  outputFile: string;
  codeSystem: string;
  edition: string;
  licence: string;
  pattern: RegExp;
}

const specs: CodeSetSpec[] = [
  {
    sourceFile: 'icd10cm_codes_2026.txt.gz',
    outputFile: 'icd10cm-2026.generated.json',
    codeSystem: 'ICD-10-CM (billable codes)',
    edition: 'FY2026 (October 1, 2025 – September 30, 2026)',
    licence: 'Public domain: ICD-10-CM code list published by CMS (U.S. Government work).',
    // FY2026 has codes with a letter in 2nd position (category QA0), so only the 1st is fixed.
    pattern: /^[A-Z][0-9A-Z]{2,6}$/,
  },
  {
    sourceFile: 'hcpcs_level2_2026q3.txt.gz',
    outputFile: 'hcpcs-2026q3.generated.json',
    codeSystem: 'HCPCS Level II',
    edition: '2026 Q3',
    licence: 'Public domain: HCPCS Level II code list published by CMS (U.S. Government work).',
    pattern: /^[A-Z]\d{4}$/,
  },
];

function readCodes(file: string, pattern: RegExp): { codes: string[]; sha256: string } {
  const gz = readFileSync(file);
  const lines = gunzipSync(gz).toString('utf8').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const bad = lines.filter((line) => !pattern.test(line));
  if (bad.length) throw new Error(`${file}: ${bad.length} unexpected lines, e.g. "${bad[0]}"`);
  return { codes: lines, sha256: createHash('sha256').update(gz).digest('hex') };
}

// One category per line keeps diffs of the generated files readable.
function serialize(codeSet: GeneratedCodeSet): string {
  const categories = Object.entries(codeSet.categories)
    .map(([category, trie]) => `    ${JSON.stringify(category)}: ${JSON.stringify(trie)}`)
    .join(',\n');
  const provenance = JSON.stringify(codeSet.provenance, null, 2).replace(/\n/g, '\n  ');
  return `{\n  "provenance": ${provenance},\n  "categories": {\n${categories}\n  }\n}\n`;
}

for (const spec of specs) {
  const { codes, sha256 } = readCodes(path.join(shared, 'codesets', spec.sourceFile), spec.pattern);
  const codeSet = generatedCodeSetSchema.parse({
    provenance: {
      codeSystem: spec.codeSystem,
      edition: spec.edition,
      publisher: 'Centers for Medicare & Medicaid Services (CMS)',
      sourceFile: spec.sourceFile,
      sourceSha256: sha256,
      licence: spec.licence,
      count: new Set(codes).size,
      generatedBy: 'scripts/build-icd10.ts',
      encoding: CODE_SET_ENCODING,
    },
    categories: encodeCodeSet(codes),
  });
  const text = serialize(codeSet);
  writeFileSync(path.join(dataDir, spec.outputFile), text);
  console.log(`${spec.outputFile}: ${codeSet.provenance.count} codes, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`);
}
