// OpNote's coding knowledge: CPT/HCPCS entries, modifiers, payers, places of service, edits and
// ICD-10-CM/HCPCS code sets, all bundled as JSON and validated through the zod schemas.
import { lazy, parseBuiltinData } from './builtinData';
import { completeIcd10, icd10Count, icd10Descriptions, icd10Provenance, lookupIcd10 } from './icd10';
import { hcpcsCount, hcpcsProvenance, isHcpcsCode } from './hcpcs';
import { createPayerFinder, type PayerFinder } from './payerMatching';
import {
  billingFileSchema,
  builtinPayersFileSchema,
  codesFileSchema,
  editsFileSchema,
  modifiersFileSchema,
  posFileSchema,
  type Billing,
  type CodeEntry,
  type CodeSetProvenance,
  type Edit,
  type Icd10Description,
  type Modifier,
  type Payer,
  type PayerCriterion,
  type PlaceOfService,
  type PosSetting,
} from './schema';
import codesJson from './data/codes.json';
import modifiersJson from './data/modifiers.json';
import payersJson from './data/payers.json';
import posJson from './data/pos.json';
import editsJson from './data/edits.json';
import billingJson from './data/billing.json';

export interface Knowledge {
  /** Keyed by upper-case code ("64596", "0587T", "L8679"). */
  codes: ReadonlyMap<string, CodeEntry>;
  /** Keyed by upper-case modifier ("59", "XS"). */
  modifiers: ReadonlyMap<string, Modifier>;
  payers: readonly Payer[];
  payersById: ReadonlyMap<string, Payer>;
  /** Criteria most payers share, for payers that publish none (all unverified as a set). */
  commonCriteria: readonly PayerCriterion[];
  /** Matches a claim "payer:" header against the built-in payers' aliases. */
  findPayer: PayerFinder;
  pos: ReadonlyMap<string, PlaceOfService>;
  /** The setting of a place-of-service code; anything we do not list is "other". */
  posSetting(code: string): PosSetting | 'other';
  edits: readonly Edit[];
  /** Institutional (UB-04) billing: revenue codes, types of bill, the device edit, device credits and the modifiers of discontinued, staged and same-day services. */
  billing: Billing;
  revenueCodes: ReadonlyMap<string, Billing['revenueCodes'][number]>;
  /** Where the edits come from (descriptors, not NCCI files): show it next to any edit-based finding. */
  editsNote: string;
  icd10: {
    lookup: typeof lookupIcd10;
    complete: typeof completeIcd10;
    count: typeof icd10Count;
    descriptions: () => ReadonlyMap<string, Icd10Description>;
    provenance: () => CodeSetProvenance;
  };
  hcpcs: {
    isCode: typeof isHcpcsCode;
    count: typeof hcpcsCount;
    provenance: () => CodeSetProvenance;
  };
}

function byKey<T, K>(entries: readonly T[], key: (entry: T) => K): ReadonlyMap<K, T> {
  return new Map(entries.map((entry) => [key(entry), entry]));
}

/** Parses the built-in data once (throws a descriptive error if it is invalid) and returns lookups. The ICD-10/HCPCS lists decode on first use. */
export const loadKnowledge: () => Knowledge = lazy(() => {
  const { codes } = parseBuiltinData(codesFileSchema, codesJson, 'codes.json');
  const { modifiers } = parseBuiltinData(modifiersFileSchema, modifiersJson, 'modifiers.json');
  const { payers, commonCriteria } = parseBuiltinData(builtinPayersFileSchema, payersJson, 'payers.json');
  const { placesOfService } = parseBuiltinData(posFileSchema, posJson, 'pos.json');
  const { edits, note } = parseBuiltinData(editsFileSchema, editsJson, 'edits.json');
  const billing = parseBuiltinData(billingFileSchema, billingJson, 'billing.json');
  const pos = byKey(placesOfService, (entry) => entry.code);
  return {
    codes: byKey(codes, (entry) => entry.code),
    modifiers: byKey(modifiers, (entry) => entry.code),
    payers,
    payersById: byKey(payers, (payer) => payer.id),
    commonCriteria,
    findPayer: createPayerFinder(payers),
    pos,
    posSetting: (code) => pos.get(code.trim())?.setting ?? 'other',
    edits,
    editsNote: note,
    billing,
    revenueCodes: byKey(billing.revenueCodes, (entry) => entry.code),
    icd10: { lookup: lookupIcd10, complete: completeIcd10, count: icd10Count, descriptions: icd10Descriptions, provenance: icd10Provenance },
    hcpcs: { isCode: isHcpcsCode, count: hcpcsCount, provenance: hcpcsProvenance },
  };
});

export { createPayerFinder, type PayerFinder } from './payerMatching';
export { mergePayers, parseUserPayerFile, userPayerFileJsonSchema, type PayerFileError, type UserPayerFileResult } from './userPayers';
export { completeIcd10, icd10Count, lookupIcd10, type Icd10Lookup } from './icd10';
export { isHcpcsCode } from './hcpcs';
export type * from './schema';
