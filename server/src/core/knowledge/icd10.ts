// ICD-10-CM FY2026 lookups over the bundled CMS code list (billable codes only).
import { CodeTable, decodeCodeSet } from './compactCodeSet';
import { lazy, parseBuiltinData } from './builtinData';
import { generatedCodeSetSchema, icd10DescriptionsFileSchema, type CodeSetProvenance, type Icd10Description, type Laterality } from './schema';
import codeSetJson from './data/icd10cm-2026.generated.json';
import descriptionsJson from './data/icd10-descriptions.json';

export interface Icd10Lookup {
  /** Upper case with the dot after the category, e.g. "G57.82". */
  normalized: string;
  /** Billable, or a header that starts at least one billable code (e.g. "G57.8"). */
  exists: boolean;
  billable: boolean;
  category: string;
  /** Our own short description, when we have one. */
  description?: string;
  laterality?: Laterality | null;
  typicalForPns?: boolean;
}

// FY2026 has codes with a letter in 2nd position (QA0), so only the 1st character is fixed.
const ICD10_SHAPE = /^[A-Z][0-9A-Z]{2,6}$/;

const index = lazy(() => {
  const codeSet = parseBuiltinData(generatedCodeSetSchema, codeSetJson, 'icd10cm-2026.generated.json');
  const { descriptions } = parseBuiltinData(icd10DescriptionsFileSchema, descriptionsJson, 'icd10-descriptions.json');
  return {
    codes: new CodeTable(decodeCodeSet(codeSet.categories)),
    provenance: codeSet.provenance,
    descriptions: new Map(descriptions.map((entry) => [entry.code, entry])),
  };
});

function compact(code: string): string {
  return code.trim().toUpperCase().replace(/\./g, '');
}

function withDot(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

/** Looks a code up, with or without the dot, in any case. */
export function lookupIcd10(code: string): Icd10Lookup {
  const key = compact(code);
  const { codes, descriptions } = index();
  const found = ICD10_SHAPE.test(key) ? codes.at(codes.lowerBound(key)) : undefined;
  const billable = found === key;
  const exists = billable || (found?.startsWith(key) ?? false);
  const described = descriptions.get(withDot(key));
  return {
    normalized: withDot(key),
    exists,
    billable,
    category: key.slice(0, 3),
    ...(described && { description: described.description, laterality: described.laterality, typicalForPns: described.typicalForPns }),
  };
}

/** Billable codes (dotted) starting with the prefix, in code order, at most `limit`. */
export function completeIcd10(prefix: string, limit = 50): string[] {
  const key = compact(prefix);
  if (!/^[0-9A-Z]*$/.test(key)) return [];
  const { codes } = index();
  const matches: string[] = [];
  for (let i = codes.lowerBound(key), code = codes.at(i); code?.startsWith(key) && matches.length < limit; code = codes.at(++i)) {
    matches.push(withDot(code));
  }
  return matches;
}

export function icd10Count(): number {
  return index().codes.size;
}

export function icd10Provenance(): CodeSetProvenance {
  return index().provenance;
}

/** Our descriptions keyed by dotted code. */
export function icd10Descriptions(): ReadonlyMap<string, Icd10Description> {
  return index().descriptions;
}
