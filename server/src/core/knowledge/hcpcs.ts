// HCPCS Level II (2026 Q3) membership over the bundled CMS code list. CPT codes are not in it.
import { CodeTable, decodeCodeSet } from './compactCodeSet';
import { lazy, parseBuiltinData } from './builtinData';
import { generatedCodeSetSchema, type CodeSetProvenance } from './schema';
import codeSetJson from './data/hcpcs-2026q3.generated.json';

const index = lazy(() => {
  const codeSet = parseBuiltinData(generatedCodeSetSchema, codeSetJson, 'hcpcs-2026q3.generated.json');
  return { codes: new CodeTable(decodeCodeSet(codeSet.categories)), provenance: codeSet.provenance };
});

export function isHcpcsCode(code: string): boolean {
  const key = code.trim().toUpperCase();
  const { codes } = index();
  return codes.at(codes.lowerBound(key)) === key;
}

export function hcpcsCount(): number {
  return index().codes.size;
}

export function hcpcsProvenance(): CodeSetProvenance {
  return index().provenance;
}
