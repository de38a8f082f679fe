import type { LineIndex, Range } from '../text/lineIndex';
import type { Evidence, NoteFacts } from './types';

/** The facts in the shape of the `opnote facts` contract (one JSON object per file). */
export interface FactsReport {
  readonly facts: {
    approach: string | null;
    target: string | null;
    nerve: string | null;
    laterality: string | null;
    procedure: string | null;
    imaging: string;
    modalities: string[];
    arrays: number | null;
    integrated: boolean | null;
    testing: string;
    increasedServices: string;
    codes: Array<{ code: string; units: number }>;
  };
  /** The medical-necessity elements of the indications; evidence under `necessity.<element>`. */
  readonly necessity: {
    painDurationMonths: number | null;
    /** The failed conservative treatments, as written (lower case); empty when none is documented. */
    conservativeCare: string[];
    objectivePathology: string | null;
    trialPercentRelief: number | null;
    trialAnalgesicReductionPercent: number | null;
  };
  readonly evidence: Record<string, Range[]>;
}

export function factsReport(facts: NoteFacts, lines: LineIndex): FactsReport {
  const evidence: Record<string, Range[]> = {};
  const add = (field: string, items: readonly Evidence[] | undefined) => {
    if (items?.length) evidence[field] = items.map((item) => lines.rangeOf(item.span));
  };
  add('approach', facts.approach?.evidence);
  add('target', facts.target?.evidence);
  add('nerve', facts.nerve?.evidence);
  add('laterality', facts.laterality?.evidence);
  add('procedure', facts.procedure?.evidence);
  add('imaging', facts.imaging.evidence);
  add('modalities', facts.imaging.status === 'documented' ? facts.imaging.evidence : undefined);
  add('arrays', facts.arrays?.evidence);
  add('integrated', facts.integrated?.evidence);
  add('testing', facts.testing.evidence);
  add('increasedServices', facts.increasedServices.evidence);
  const { painDuration, conservativeCare, objectivePathology, trialOutcome } = facts.necessity;
  add('necessity.painDuration', painDuration?.evidence);
  add('necessity.conservativeCare', conservativeCare?.evidence);
  add('necessity.objectivePathology', objectivePathology?.evidence);
  add('necessity.trialOutcome', trialOutcome?.evidence);
  if (facts.codes.length) add('codes', [...(facts.procedure?.evidence ?? []), ...(facts.target?.evidence ?? [])]);
  return {
    facts: {
      approach: facts.approach?.value ?? null,
      target: facts.target?.value ?? null,
      nerve: facts.nerve?.value ?? null,
      laterality: facts.laterality?.value ?? null,
      procedure: facts.procedure?.value ?? null,
      imaging: facts.imaging.status,
      modalities: [...facts.imaging.modalities],
      arrays: facts.arrays?.value ?? null,
      integrated: facts.integrated?.value ?? null,
      testing: facts.testing.status,
      increasedServices: facts.increasedServices.status,
      codes: facts.codes.map((code) => ({ code: code.code, units: code.units })),
    },
    necessity: {
      painDurationMonths: painDuration?.months ?? null,
      conservativeCare: [...(conservativeCare?.treatments ?? [])],
      objectivePathology: objectivePathology?.value ?? null,
      trialPercentRelief: trialOutcome?.percentRelief ?? null,
      trialAnalgesicReductionPercent: trialOutcome?.analgesicReductionPercent ?? null,
    },
    evidence,
  };
}
