import type { Span } from '../text/span';

/** The clinical context of the text that supports a fact. Only `affirmed` text says "done now". */
export type EvidenceStatus = 'affirmed' | 'negated' | 'historical' | 'hypothetical' | 'other-experiencer' | 'unchosen';

export interface Evidence {
  readonly span: Span;
  readonly status: EvidenceStatus;
}

export interface Fact<T> {
  readonly value: T;
  /** The text that supports the value (affirmed for this procedure). */
  readonly evidence: readonly Evidence[];
}

export type Approach = 'percutaneous' | 'open';
export type Target = 'peripheral-nerve' | 'spinal-cord' | 'dorsal-root-ganglion' | 'sacral-nerve' | 'cranial-nerve' | 'brain' | 'other';
export type Laterality = 'left' | 'right' | 'bilateral';
export type ProcedureKind = 'insertion' | 'replacement' | 'revision' | 'removal' | 'trial';
export type Modality = 'ultrasound' | 'fluoroscopy' | 'ct';
export type DocumentedStatus = 'documented' | 'negated' | 'absent';
export type IncreasedServicesStatus = 'quantified' | 'unquantified' | 'absent';

/** A procedure started and stopped: before or after anesthesia was given (73 / 74 on a facility claim), or the note does not say. */
export type Discontinued = 'before-anesthesia' | 'after-anesthesia' | 'unspecified';

/** The parts of an implant record a note may give: the device's manufacturer, model, lot or serial number. */
export type ImplantRecordPart = 'manufacturer' | 'model' | 'lot-serial';

export interface SupportedCode {
  readonly code: string;
  readonly units: number;
}

/** How long the pain has lasted, normalised ("x 19 mo", "since 2023" against the date of service). */
interface PainDuration {
  /** Months; null when the note gives no number ("for several years", "since 2023" with no date of service). */
  readonly months: number | null;
  readonly evidence: readonly Evidence[];
}

/** What the stimulation trial achieved. Medicare accepts at least 50% less pain or 50% less analgesic use. */
export interface TrialOutcome {
  /** Percent pain relief, stated or computed from pain scores before and after (8/10 → 2/10 is 75). Null when only the analgesic reduction is given. */
  readonly percentRelief: number | null;
  readonly analgesicReductionPercent?: number;
  /** Length of the trial in days, when the note gives it. */
  readonly days?: number;
  readonly evidence: readonly Evidence[];
}

/** The treatments that failed, in the words of the note, lower case ("gabapentin", "physical therapy"). */
interface ConservativeCare {
  readonly treatments: readonly string[];
  readonly evidence: readonly Evidence[];
}

/** Medical-necessity elements of the indications (fact sheet §6 and the payer criteria). */
export interface NecessityFacts {
  readonly painDuration: PainDuration | null;
  readonly conservativeCare: ConservativeCare | null;
  readonly objectivePathology: Fact<string> | null;
  readonly trialOutcome: TrialOutcome | null;
  /**
   * The note tells a trial's outcome in words the reader could not turn into a figure ("the trial
   * went well, pain much better"): a missing trial outcome is then not a sure gap.
   */
  readonly trialOutcomeUnread: boolean;
  /** Likewise the pain's duration told without a number OpNote reads ("long-standing", "since childhood", "began after the fall"). */
  readonly painDurationUnread: boolean;
}

/**
 * Every concept the extractor found, with its context status, whether or not it made it into a
 * fact: hovers show them ("under ultrasound guidance" → imaging, ultrasound, affirmed).
 */
export interface ConceptMention {
  readonly field: keyof Omit<NoteFacts, 'mentions' | 'codes' | 'necessity' | 'conflicts' | 'nerveUnread' | 'imagingUnread' | 'lateralityUnread' | 'arraysUncounted'> | 'necessity';
  /** The concept's value ("ultrasound", "open", "superficial peroneal", "2"). */
  readonly value: string;
  readonly span: Span;
  readonly status: EvidenceStatus;
}

/** What a conflict is about; the names are a contract (a physician query is made from each). */
export type ConflictTopic = 'side' | 'imaging' | 'approach' | 'device' | 'nerve' | 'procedure' | 'arrays' | 'testing';

/** One of the things the note says on a topic, with the text that says it ("left" here, "right" there). */
export interface ConflictReading {
  readonly value: string;
  readonly evidence: readonly Evidence[];
}

/** The note's evidence on one topic disagrees with itself: the side written both left and right, imaging both used and not. */
export interface DocumentationConflict {
  readonly topic: ConflictTopic;
  readonly readings: readonly ConflictReading[];
}

/** What the operative note documents for the procedure performed in this note. */
export interface NoteFacts {
  readonly approach: Fact<Approach> | null;
  readonly target: Fact<Target> | null;
  /** Canonical nerve name, lower case ("superficial peroneal", "greater occipital"). */
  readonly nerve: Fact<string> | null;
  readonly laterality: Fact<Laterality> | null;
  readonly procedure: Fact<ProcedureKind> | null;
  readonly imaging: { readonly status: DocumentedStatus; readonly modalities: readonly Modality[]; readonly evidence: readonly Evidence[] };
  readonly arrays: Fact<number> | null;
  readonly integrated: Fact<boolean> | null;
  readonly testing: { readonly status: DocumentedStatus; readonly evidence: readonly Evidence[] };
  /** `claimed`: the note asks for increased services (its own section, or "modifier 22" / "increased services" in words), not only calls the case hard. */
  readonly increasedServices: { readonly status: IncreasedServicesStatus; readonly evidence: readonly Evidence[]; readonly claimed?: boolean };
  readonly necessity: NecessityFacts;
  /** Set when the note documents that the procedure was stopped before the array was deployed (aborted, discontinued). */
  readonly discontinued: Fact<Discontinued> | null;
  /** The implant record parts the note documents (manufacturer, model, lot/serial), in that order. */
  readonly implantRecord: { readonly parts: readonly ImplantRecordPart[]; readonly evidence: readonly Evidence[] };
  /** The codes the documentation supports, e.g. [{64596, 1}, {64597, 1}]. */
  readonly codes: readonly SupportedCode[];
  /** Topics on which the evidence conflicts; a fact keeps its likelier reading, and the rules that trust it stay quiet. */
  readonly conflicts: readonly DocumentationConflict[];
  /** A nerve is named that the lexicon does not know ("the lateral antebrachial cutaneous nerve"): a missing nerve is not a sure gap. */
  readonly nerveUnread: boolean;
  /** Imaging guidance is told in words of a device OpNote does not read as a modality ("the probe", "doppler"): no sure gap either. */
  readonly imagingUnread: boolean;
  /** A side is written ("left", "R", "bilat") where OpNote does not read it as the procedure's side: a missing side is not a sure gap. */
  readonly lateralityUnread: boolean;
  /** Arrays are told as placed without their number ("the leads were deployed"): a sure gap of the count. */
  readonly arraysUncounted: boolean;
  readonly mentions: readonly ConceptMention[];
}
