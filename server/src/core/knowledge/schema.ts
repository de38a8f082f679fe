// Zod schemas for OpNote's built-in coding knowledge and for organisation payer files.
// Every entry carries `sources` + `verified` so a consumer can always say where a fact
// comes from and whether it was checked ([S] in the fact sheet → verified: true).
import { z } from 'zod';

export const sourcesSchema = z
  .array(z.string().trim().min(1))
  .min(1)
  .describe('Where the fact comes from (site, page or document name). At least one.');

const provenanceFields = {
  sources: sourcesSchema,
  verified: z.boolean().describe('true only when a cited source supports the fact; partly supported or unverified facts are false.'),
};

/** A single fact whose verification can differ from its entry's (e.g. an unverified field inside a verified entry). */
export function sourcedFact<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, ...provenanceFields });
}

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id such as "blue-plan-x"');
// Partial dates are allowed because policies often give only a year or month.
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

export const procedureCodeSchema = z.string().regex(/^(\d{5}|\d{4}[A-Z]|[A-Z]\d{4})$/, 'must be a CPT, Category III or HCPCS Level II code');
export const modifierCodeSchema = z.string().regex(/^[0-9A-Z]{2}$/, 'must be a two-character modifier');
export const posCodeSchema = z.string().regex(/^\d{2}$/, 'must be a two-digit place-of-service code');

/** MPFS global surgery indicator; only present where a source gives it. */
export const globalPeriodSchema = z.enum(['000', '010', '090', 'ZZZ', 'XXX', 'YYY', 'MMM']);

// ---------------------------------------------------------------- codes

export const codeSystemSchema = z.enum(['cpt', 'cpt-cat3', 'hcpcs']);
export const codeFamilySchema = z.enum([
  'pns-integrated',
  'pns-array',
  'pns-generator',
  'spinal-cord',
  'sacral',
  'cranial',
  'tibial-integrated',
  'imaging-guidance',
  'programming',
  'device',
]);

export const codeAlternativeSchema = z.strictObject({
  when: z.string().min(1),
  codes: z.array(procedureCodeSchema).min(1),
});

export const codeEntrySchema = z.strictObject({
  code: procedureCodeSchema,
  system: codeSystemSchema,
  /** Our own paraphrase; CPT descriptor text is AMA-copyrighted and never stored. */
  summary: z.string().min(1),
  family: codeFamilySchema,
  includes: z.array(z.string().min(1)),
  addOn: sourcedFact(z.boolean().nullable()),
  typicalPos: sourcedFact(z.array(posCodeSchema).min(1)).nullable(),
  globalDays: sourcedFact(globalPeriodSchema).nullable(),
  mue: sourcedFact(z.number().int().positive()).nullable(),
  effectiveFrom: sourcedFact(isoDate).nullable(),
  /** Always null: the fact sheet has no payment amount or RVU; consumers print "data not available". */
  payment: z.null(),
  /** Raw CMS HCPCS file columns, for Level II codes taken from the CMS file. */
  hcpcsFile: z.strictObject({ pricingIndicator: z.string(), coverageCode: z.string() }).optional(),
  useInsteadWhen: z.array(codeAlternativeSchema),
  notes: z.array(z.string().min(1)),
  ...provenanceFields,
});

export const codesFileSchema = z.strictObject({ codes: z.array(codeEntrySchema).min(1) });

// ---------------------------------------------------------------- modifiers

export const modifierRulesSchema = z.strictObject({
  neverOnAddOn: z.boolean().optional(),
  requiresDocumentation: z.string().min(1).optional(),
  /** Wording that on its own does not justify the modifier (e.g. "obese" for 22). */
  insufficientJustifications: z.array(z.string().min(1)).optional(),
  allowedGlobalDays: z.array(globalPeriodSchema).optional(),
  /** Symmetric: a consumer checks both directions. */
  mutuallyExclusiveWith: z.array(modifierCodeSchema).optional(),
  /** Modifiers of one group: at most one of them per claim line. */
  onePerLine: z.string().min(1).optional(),
  preferredOver: z.array(modifierCodeSchema).optional(),
  /** Modifiers this one must not be used to stand in for. */
  notInPlaceOf: z.array(modifierCodeSchema).optional(),
  requiresNcciModifierIndicator: z.literal('1').optional(),
  /** The equivalent modifier on the other claim type (professional ↔ facility). */
  counterpartOnOtherClaimType: z.array(modifierCodeSchema).optional(),
  appliesToPayers: z.array(kebabId).optional(),
});

export const modifierSchema = z.strictObject({
  code: modifierCodeSchema,
  title: z.string().min(1),
  meaning: z.string().min(1),
  whenToUse: z.string().min(1),
  usedBy: z.enum(['professional', 'facility', 'both']),
  kind: z.enum(['pricing', 'informational']),
  /** "brief" entries exist so that rules know the modifier (e.g. that 59 must not replace it). */
  detail: z.enum(['full', 'brief']),
  rules: modifierRulesSchema,
  notes: z.array(z.string().min(1)),
  ...provenanceFields,
});

export const modifiersFileSchema = z.strictObject({ modifiers: z.array(modifierSchema).min(1) });

// ---------------------------------------------------------------- payers

export const coverageStanceSchema = z.enum([
  'covered',
  'covered-with-criteria',
  'investigational',
  'not-medically-necessary',
  'varies',
  'unknown',
]);

export const payerPolicySchema = z.strictObject({
  id: z.string().min(1).nullable().describe('Policy number exactly as the payer publishes it; null when it has none.'),
  title: z.string().min(1),
  stance: coverageStanceSchema,
  effective: isoDate.optional(),
  plan: z.string().min(1).optional().describe('The plan that publishes the policy, when the payer has several.'),
  notes: z.array(z.string().min(1)).optional(),
  ...provenanceFields,
});

export const criterionThresholdSchema = z.strictObject({
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  unit: z.enum(['days', 'weeks', 'months', 'percent']),
});

export const payerCriterionSchema = z.strictObject({
  id: kebabId.describe('e.g. chronic-pain-duration, failed-conservative-care, objective-pathology, successful-trial'),
  text: z.string().min(1),
  threshold: criterionThresholdSchema.optional(),
  ...provenanceFields,
});

/**
 * The longest alias or exclusion word, in characters: a payer's name, not a document. Matching tries
 * every run of header words up to the longest alias, so an unbounded alias would make each check
 * cost the header's length times the alias's.
 */
export const MAX_ALIAS_LENGTH = 100;
const payerName = z.string().min(1).max(MAX_ALIAS_LENGTH, `must be at most ${MAX_ALIAS_LENGTH} characters (a payer name)`);

export const payerSchema = z.strictObject({
  id: kebabId,
  name: z.string().min(1),
  parentId: kebabId
    .optional()
    .describe('A broader payer this one belongs to (e.g. anthem → bcbs). When both match a claim header, the more specific one wins.'),
  aliases: z
    .array(payerName)
    .min(1)
    .describe('Names matched against a claim "payer:" header, case-insensitively and ignoring punctuation and spacing.'),
  excludeWhenHeaderMentions: z
    .array(payerName)
    .optional()
    .describe('Words that rule this payer out even if an alias matches (e.g. "advantage" for Original Medicare).'),
  coverage: coverageStanceSchema.describe('Stance on implantable peripheral nerve stimulation.'),
  priorAuthorization: sourcedFact(z.enum(['required', 'commonly-required', 'unknown'])),
  criteria: z.array(payerCriterionSchema),
  policies: z.array(payerPolicySchema),
  notes: z.array(z.string().min(1)),
  ...provenanceFields,
});

export const userPayerFileSchema = z.strictObject({
  $schema: z.string().optional(),
  payers: z.array(payerSchema),
});

/** The built-in file also carries the criteria most payers share, for payers that publish none. */
export const builtinPayersFileSchema = z.strictObject({
  payers: z.array(payerSchema).min(1),
  commonCriteria: z.array(payerCriterionSchema).min(1),
});

// ---------------------------------------------------------------- place of service

export const posSettingSchema = z.enum(['office', 'off-campus-outpatient-hospital', 'on-campus-outpatient-hospital', 'asc']);

export const placeOfServiceSchema = z.strictObject({
  code: posCodeSchema,
  name: z.string().min(1),
  setting: posSettingSchema,
  facilityRate: z.boolean(),
  typicalFor64596: sourcedFact(z.boolean()),
  notes: z.array(z.string().min(1)),
  ...provenanceFields,
});

export const posFileSchema = z.strictObject({ placesOfService: z.array(placeOfServiceSchema).min(1) });

// ---------------------------------------------------------------- institutional billing

const revenueCodeValue = z.string().regex(/^\d{4}$/, 'must be a four-digit revenue code such as 0360');

const revenueCodeSchema = z.strictObject({
  code: revenueCodeValue,
  name: z.string().min(1),
  use: z.string().min(1),
  ...provenanceFields,
});

/** The first two digits of a type of bill: the facility type and its classification (13 = hospital outpatient). */
const billTypeSchema = z.strictObject({
  prefix: z.string().regex(/^\d{2}$/),
  name: z.string().min(1),
  setting: z.enum(['hospital-outpatient', 'asc']),
  notes: z.array(z.string().min(1)),
  ...provenanceFields,
});

/** The last digit of a type of bill: the claim frequency (1 = admit through discharge). */
const billFrequencySchema = z.strictObject({
  digit: z.string().regex(/^\d$/),
  name: z.string().min(1),
  ...provenanceFields,
});

/** Medicare's outpatient code editor: a device-intensive procedure on a hospital outpatient claim needs a device code line. */
const deviceEditSchema = z.strictObject({
  procedureCodes: z.array(procedureCodeSchema).min(1),
  billTypePrefixes: z.array(z.string().regex(/^\d{2}$/)).min(1),
  deviceCodes: z.array(procedureCodeSchema).min(1),
  /** Payers whose hospital claims need one of `deviceCodes` (C-codes); for others any device code of the pack counts. */
  cCodePayers: z.array(kebabId),
  /** Modifiers with which a line bypasses the edit (discontinued or reduced procedures). */
  bypassModifiers: z.array(modifierCodeSchema),
  /** The editor's reason code. */
  reason: z.string().min(1),
  deviceIntensive: sourcedFact(z.boolean().nullable()),
  text: z.string().min(1),
  ...provenanceFields,
});

const deviceCreditSchema = z.strictObject({
  valueCode: z.string().regex(/^[0-9A-Z]{2}$/),
  conditionCodes: z.array(z.string().regex(/^[0-9A-Z]{2}$/)).min(1),
  ascModifiers: z.array(modifierCodeSchema).min(1),
  text: z.string().min(1),
  ...provenanceFields,
});

const discontinuedSchema = z.strictObject({
  professional: z.array(modifierCodeSchema).min(1),
  beforeAnesthesia: modifierCodeSchema,
  afterAnesthesia: modifierCodeSchema,
  text: z.string().min(1),
  ...provenanceFields,
});

const stagedSchema = z.strictObject({
  /** The trial placement codes whose global period a permanent implant may fall in. */
  trialCodes: z.array(procedureCodeSchema).min(1),
  modifier: modifierCodeSchema,
  text: z.string().min(1),
  ...provenanceFields,
});

const sameDayEmSchema = z.strictObject({
  emCodes: sourcedFact(z.strictObject({ from: z.string().regex(/^\d{5}$/), to: z.string().regex(/^\d{5}$/) })),
  minorModifier: modifierCodeSchema,
  majorModifier: modifierCodeSchema,
  /** The global period that makes a procedure major (57 applies only before these). */
  majorGlobal: globalPeriodSchema,
  text: z.string().min(1),
  ...provenanceFields,
});

export const billingFileSchema = z.strictObject({
  revenueCodes: z.array(revenueCodeSchema).min(1),
  billTypes: z.array(billTypeSchema).min(1),
  billFrequencies: z.array(billFrequencySchema).min(1),
  deviceEdit: deviceEditSchema,
  deviceCredit: deviceCreditSchema,
  discontinued: discontinuedSchema,
  staged: stagedSchema,
  sameDayEm: sameDayEmSchema,
});

// ---------------------------------------------------------------- edits

const editBase = {
  id: kebabId,
  reason: z.string().min(1),
  ...provenanceFields,
};

export const bundledEditSchema = z.strictObject({
  kind: z.literal('bundled'),
  primaryCodes: z.array(procedureCodeSchema).min(1),
  bundledCodes: z.array(procedureCodeSchema).min(1),
  /** Only in these places of service; absent = everywhere. */
  placesOfService: z.array(posCodeSchema).optional(),
  ...editBase,
});

export const conflictEditSchema = z.strictObject({
  kind: z.literal('conflict'),
  code: procedureCodeSchema,
  conflictsWith: z.array(procedureCodeSchema).min(1),
  ...editBase,
});

export const requiresPrimaryEditSchema = z.strictObject({
  kind: z.literal('requires-primary'),
  addOnCode: procedureCodeSchema,
  primaryCodes: z.array(procedureCodeSchema).min(1),
  ...editBase,
});

/** A pair whose bundling is unknown: rules should ask for review rather than flag an error. */
export const unresolvedEditSchema = z.strictObject({
  kind: z.literal('unresolved'),
  code: procedureCodeSchema,
  otherCodes: z.array(procedureCodeSchema).min(1),
  ...editBase,
});

/** A pair that is legitimate when the two lines describe different devices: rules ask which (information). */
export const reviewEditSchema = z.strictObject({
  kind: z.literal('review'),
  code: procedureCodeSchema,
  otherCodes: z.array(procedureCodeSchema).min(1),
  ...editBase,
});

export const editSchema = z.discriminatedUnion('kind', [
  bundledEditSchema,
  conflictEditSchema,
  requiresPrimaryEditSchema,
  unresolvedEditSchema,
  reviewEditSchema,
]);

export const editsFileSchema = z.strictObject({
  /** These edits are inferred from code descriptors and the fact sheet, not taken from CMS NCCI PTP/MUE files. */
  derivation: z.literal('cpt-descriptors-not-ncci'),
  note: z.string().min(1),
  edits: z.array(editSchema).min(1),
});

// ---------------------------------------------------------------- ICD-10-CM

export const lateralitySchema = z.enum(['left', 'right', 'bilateral', 'unspecified']);

export const icd10DescriptionSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$/, 'must be a dotted ICD-10-CM code such as G57.82'),
  /** Written by us, not the CMS title. */
  description: z.string().min(1),
  laterality: lateralitySchema.nullable(),
  typicalForPns: z.boolean(),
  notes: z.array(z.string().min(1)),
  ...provenanceFields,
});

export const icd10DescriptionsFileSchema = z.strictObject({ descriptions: z.array(icd10DescriptionSchema).min(1) });

/** Compact code lists written by scripts/build-icd10.ts (see compactCodeSet.ts for the encoding). */
export const generatedCodeSetSchema = z.strictObject({
  provenance: z.strictObject({
    codeSystem: z.string().min(1),
    edition: z.string().min(1),
    publisher: z.string().min(1),
    sourceFile: z.string().min(1),
    sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
    licence: z.string().min(1),
    count: z.number().int().positive(),
    generatedBy: z.string().min(1),
    encoding: z.string().min(1),
  }),
  categories: z.record(z.string().regex(/^[0-9A-Z]{3}$/), z.string().regex(/^[0-9A-Z()]*$/)),
});

// ---------------------------------------------------------------- types

export type CodeEntry = z.infer<typeof codeEntrySchema>;
export type CodeFamily = z.infer<typeof codeFamilySchema>;
export type Modifier = z.infer<typeof modifierSchema>;
export type CoverageStance = z.infer<typeof coverageStanceSchema>;
export type PayerCriterion = z.infer<typeof payerCriterionSchema>;
export type Payer = z.infer<typeof payerSchema>;
export type PosSetting = z.infer<typeof posSettingSchema>;
export type PlaceOfService = z.infer<typeof placeOfServiceSchema>;
export type Edit = z.infer<typeof editSchema>;
export type BundledEdit = z.infer<typeof bundledEditSchema>;
export type ConflictEdit = z.infer<typeof conflictEditSchema>;
export type ReviewEdit = z.infer<typeof reviewEditSchema>;
export type RequiresPrimaryEdit = z.infer<typeof requiresPrimaryEditSchema>;
export type Laterality = z.infer<typeof lateralitySchema>;
export type Icd10Description = z.infer<typeof icd10DescriptionSchema>;
export type BillType = z.infer<typeof billTypeSchema>;
export type Billing = z.infer<typeof billingFileSchema>;
export type GeneratedCodeSet = z.infer<typeof generatedCodeSetSchema>;
export type CodeSetProvenance = GeneratedCodeSet['provenance'];
