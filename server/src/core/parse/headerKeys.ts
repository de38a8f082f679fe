import type { DocumentKind } from './model';

export type HeaderValueType = 'text' | 'date' | 'pos' | 'kind' | 'claim-type' | 'bill-type';

export type ClaimType = 'professional' | 'institutional';

const PROFESSIONAL_NAMES = ['professional', 'cms1500', '837p', 'hcfa1500'];
const INSTITUTIONAL_NAMES = ['institutional', 'ub04', '837i', 'cms1450'];

/**
 * The claim form a `claim-type:` (or `form:`) value names, also inside other words ("institutional
 * (UB-04)", "CMS-1500 form"); undefined for a value that names none, or both.
 */
export function claimTypeOf(value: string): ClaimType | undefined {
  const normalized = value.trim().toLowerCase().replace(/[\s_-]+/g, '');
  const professional = PROFESSIONAL_NAMES.some((name) => normalized.includes(name));
  const institutional = INSTITUTIONAL_NAMES.some((name) => normalized.includes(name));
  if (professional === institutional) return undefined;
  return professional ? 'professional' : 'institutional';
}

/** The spellings `claim-type:` offers in completion, with the form each names. */
export const CLAIM_TYPE_VALUES: readonly { readonly value: string; readonly claimType: ClaimType; readonly detail: string }[] = [
  { value: 'professional', claimType: 'professional', detail: 'CMS-1500 / 837P: physicians and ASCs (the default)' },
  { value: 'institutional', claimType: 'institutional', detail: 'UB-04 / 837I: hospitals, with revenue codes and a type of bill' },
  { value: 'CMS-1500', claimType: 'professional', detail: 'professional claim form' },
  { value: '837P', claimType: 'professional', detail: 'professional electronic claim' },
  { value: 'UB-04', claimType: 'institutional', detail: 'institutional claim form' },
  { value: '837I', claimType: 'institutional', detail: 'institutional electronic claim' },
];

/**
 * A type of bill as three digits: `131`, `0131` with the leading zero of the UB-04 form, or `13:A:1`
 * as the 837I writes it (facility code, qualifier, frequency); undefined when it is not one.
 */
export function billTypeOf(value: string): string | undefined {
  const trimmed = value.trim();
  const digits = /^0?(\d{3})$/.exec(trimmed);
  if (digits) return digits[1];
  const x12 = /^(\d{2}):[A-Z]:(\d)$/i.exec(trimmed);
  return x12 ? `${x12[1]}${x12[2]}` : undefined;
}

export interface HeaderKeyInfo {
  readonly key: string;
  readonly description: string;
  readonly valueType: HeaderValueType;
  readonly kinds: readonly DocumentKind[];
  /** Normalised spellings that mean this key (see normalizeKey). */
  readonly aliases: readonly string[];
}

/** Header keys of both document kinds (markup brief: "Operative note" and "Claim draft"). */
export const HEADER_KEYS: readonly HeaderKeyInfo[] = [
  { key: 'patient', description: 'Patient identifier (never required to be a name).', valueType: 'text', kinds: ['opnote', 'claim'], aliases: ['patient-id', 'mrn', 'patient-name', 'account'] },
  { key: 'date', description: 'Date of service of the procedure (YYYY-MM-DD; MM/DD/YYYY accepted).', valueType: 'date', kinds: ['opnote'], aliases: ['date-of-service', 'dos', 'date-of-procedure', 'procedure-date', 'date-of-surgery', 'surgery-date', 'service-date', 'date-of-operation'] },
  { key: 'dos', description: 'Date of service on the claim (YYYY-MM-DD; MM/DD/YYYY accepted).', valueType: 'date', kinds: ['claim'], aliases: ['date', 'date-of-service', 'service-date', 'dates-of-service', 'date-s-of-service', 'dos-from', 'date-of-service-from', 'from-date', 'service-from-date'] },
  { key: 'surgeon', description: 'Performing surgeon or physician.', valueType: 'text', kinds: ['opnote'], aliases: ['physician', 'provider', 'attending', 'operator', 'performing-physician'] },
  { key: 'facility', description: 'Facility where the procedure was done.', valueType: 'text', kinds: ['opnote'], aliases: ['location', 'site', 'hospital'] },
  { key: 'pos', description: 'Place-of-service code (11 office, 19/22 outpatient hospital, 24 ASC).', valueType: 'pos', kinds: ['opnote', 'claim'], aliases: ['place-of-service', 'pos-code', 'place-of-service-code'] },
  { key: 'payer', description: 'Payer (insurer) the claim goes to.', valueType: 'text', kinds: ['opnote', 'claim'], aliases: ['payor', 'insurance', 'insurer', 'plan', 'carrier', 'payer-name', 'payor-name', 'insurance-name', 'insurance-company', 'health-plan', 'primary-payer', 'primary-insurance'] },
  { key: 'note', description: 'Path of the operative note that supports the claim, relative to the claim file.', valueType: 'text', kinds: ['claim'], aliases: ['operative-note', 'op-note', 'opnote', 'operative-report', 'op-report', 'procedure-note', 'linked-note', 'note-file'] },
  { key: 'prior-auth', description: 'Prior authorization number.', valueType: 'text', kinds: ['claim'], aliases: ['prior-authorization', 'authorization', 'auth', 'pa', 'prior-auth-number', 'authorization-number', 'precertification', 'precert', 'pre-cert', 'referral-authorization'] },
  { key: 'npi', description: 'Rendering provider NPI.', valueType: 'text', kinds: ['claim'], aliases: ['rendering-npi', 'provider-npi', 'rendering-provider-npi', 'npi-number'] },
  { key: 'claim-type', description: 'Claim form: `professional` (CMS-1500 / 837P, physicians and ASCs; the default) or `institutional` (UB-04 / 837I, hospitals).', valueType: 'claim-type', kinds: ['claim'], aliases: ['form', 'claim-form'] },
  { key: 'bill-type', description: 'Type of bill of an institutional claim (UB-04 form locator 4), e.g. `131` hospital outpatient.', valueType: 'bill-type', kinds: ['claim'], aliases: ['type-of-bill', 'tob'] },
  { key: 'trial-date', description: 'Date of the stimulation trial placement by the same physician (YYYY-MM-DD): a permanent implant inside the trial code\'s global period takes modifier 58.', valueType: 'date', kinds: ['claim'], aliases: ['date-of-trial', 'trial-dos'] },
  { key: 'kind', description: 'Overrides the document kind: `opnote` or `claim`.', valueType: 'kind', kinds: ['opnote', 'claim'], aliases: ['type', 'document-kind'] },
];

/** Keys are case-insensitive and `-`, `_` and spaces are equivalent. */
/** Lower case, words joined by `-`: "Date(s) of Service" is `date-s-of-service`, "PRIOR_AUTH" is `prior-auth`. */
export function normalizeKey(raw: string): string {
  return raw.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function resolveHeaderKey(raw: string, kind: DocumentKind): HeaderKeyInfo | undefined {
  const normalized = normalizeKey(raw);
  const forKind = HEADER_KEYS.filter((info) => info.kinds.includes(kind));
  return (
    forKind.find((info) => info.key === normalized) ?? forKind.find((info) => info.aliases.includes(normalized))
  );
}

/** A key that either kind knows; used to decide whether the top of a file is a header at all. */
export function isAnyHeaderKey(raw: string): boolean {
  return resolveHeaderKey(raw, 'opnote') !== undefined || resolveHeaderKey(raw, 'claim') !== undefined;
}
