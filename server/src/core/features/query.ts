import type { Range } from 'vscode-languageserver-types';
import type { Evidence, NoteFacts } from '../facts/types';
import type { RuleFinding } from '../linting/types';
import { headerField, type DocumentModel } from '../parse/model';
import { sentenceAt } from '../ruleSupport/noteAnchors';
import { isSpace } from '../text/chars';
import type { Span } from '../text/span';

/**
 * Physician queries (ACDIS/AHIMA "Guidelines for Achieving a Compliant Query Practice", 2022 update):
 * when a finding is one only the provider can resolve, the reviewer asks the provider, with the note's
 * own words as clinical indicators, a neutral question and the answers that are clinically reasonable.
 * A query never suggests an answer for a reason outside the record (no codes, payers or payment), and
 * there is none without an indicator in the note.
 */
export type QueryTopic = 'approach' | 'device-type' | 'nerve' | 'side' | 'imaging' | 'arrays' | 'testing' | 'procedure-type' | 'increased-services';
type QueryFormat = 'multiple-choice' | 'open-ended' | 'yes-no';

interface ClinicalIndicator {
  /** Verbatim: the note's text at `range`. */
  readonly text: string;
  readonly range: Range;
}

export interface PhysicianQuery {
  readonly rule: string;
  readonly topic: QueryTopic;
  readonly format: QueryFormat;
  readonly question: string;
  readonly options: readonly string[];
  readonly indicators: readonly ClinicalIndicator[];
  readonly patient?: string;
  readonly dateOfService?: string;
  /** The note's author (the surgeon header), to whom the query goes. */
  readonly provider?: string;
  /** YYYY-MM-DD. */
  readonly drafted: string;
}

const OTHER_OPTION = 'Other (please specify)';
const UNDETERMINED_OPTION = 'Clinically undetermined';

/** At most this many excerpts: a query cites the documentation that prompts it, not the whole note. */
const MAX_INDICATORS = 3;

/**
 * An excerpt that speaks of codes, payers or payment would carry a reimbursement reason into the query:
 * it is not used as an indicator. Code-like tokens: five-digit procedure codes, HCPCS and ICD-10-CM codes.
 */
const REIMBURSEMENT = /\b(?:codes?|coding|coded|cpt|hcpcs|icd|modifiers?|payers?|payors?|payments?|paid|pay|reimburse\w*|denials?|denied|claims?|bill\w*|insurance|insurer|quality|audit\w*|medicare|medicaid|[0-9]{4}[0-9T]|[A-Z][0-9]{2}\.[0-9A-Z]{1,4}|[A-V][0-9]{4})\b/i;

interface Draft {
  readonly topic: QueryTopic;
  readonly format: QueryFormat;
  readonly question: string;
  readonly options: readonly string[];
  /** Where the documentation prompts the query; sentences around them are quoted. */
  readonly prompts: readonly Span[];
}

const multipleChoice = (topic: QueryTopic, question: string, choices: readonly string[], prompts: readonly Span[]): Draft => ({ topic, format: 'multiple-choice', question, options: [...choices, OTHER_OPTION, UNDETERMINED_OPTION], prompts });
const openEnded = (topic: QueryTopic, question: string, prompts: readonly Span[]): Draft => ({ topic, format: 'open-ended', question, options: [], prompts });

const spansOf = (evidence: readonly Evidence[] | undefined): Span[] => (evidence ?? []).map((item) => item.span);

/** The documentation of the procedure itself: what the note says was done. */
function procedureSpans(facts: NoteFacts): Span[] {
  return [...spansOf(facts.procedure?.evidence), ...spansOf(facts.nerve?.evidence), ...spansOf(facts.arrays?.evidence), ...spansOf(facts.target?.evidence)];
}

/** Every mention of a concept, whatever its status ("left foot pain" in the history prompts a side query). */
function mentionSpans(facts: NoteFacts, field: NoteFacts['mentions'][number]['field']): Span[] {
  return facts.mentions.filter((mention) => mention.field === field).map((mention) => mention.span);
}

/** Affirmed mentions of a concept with another value than the fact: the note says both. */
function conflicting(facts: NoteFacts, field: NoteFacts['mentions'][number]['field'], values: readonly string[]): Span[] {
  return facts.mentions.filter((mention) => mention.field === field && mention.status === 'affirmed' && values.includes(mention.value)).map((mention) => mention.span);
}

const TOPIC_WORDS: Readonly<Record<QueryTopic, string>> = {
  approach: 'the approach used for the array placement',
  'device-type': 'the type of stimulator system placed',
  nerve: 'the target nerve',
  side: 'the side of the procedure',
  imaging: 'the imaging guidance',
  arrays: 'the number of electrode arrays placed',
  testing: 'the intraoperative test stimulation',
  'procedure-type': 'the type of procedure performed',
  'increased-services': 'the work of the procedure compared with the typical one',
};

/** A conflict's topic as the rule names it: a topic, or the facts field it is read from ("laterality", "integrated"). */
const TOPIC_ALIASES: Readonly<Record<string, QueryTopic>> = { laterality: 'side', integrated: 'device-type', device: 'device-type', procedure: 'procedure-type', increasedservices: 'increased-services', modality: 'imaging' };

function topicOf(name: string): QueryTopic | undefined {
  const key = name.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (Object.hasOwn(TOPIC_WORDS, key)) return key as QueryTopic;
  return TOPIC_ALIASES[key.replace(/-/g, '')];
}

/** What another rule (documentation-conflict) attaches: the topic and the spans that disagree. */
function conflictData(finding: RuleFinding): { topic: QueryTopic; spans: Span[] } | undefined {
  const data = (finding as { data?: unknown }).data as { topic?: unknown; evidence?: unknown } | undefined;
  const topic = typeof data?.topic === 'string' ? topicOf(data.topic) : undefined;
  if (!data || !topic) return undefined;
  // `evidence` is one reading per side of the conflict: `{ value, spans }` (documentation-conflict's data).
  const spans = (Array.isArray(data.evidence) ? data.evidence : []).flatMap((reading: unknown) => {
    const readingSpans = (reading as { spans?: unknown })?.spans;
    return (Array.isArray(readingSpans) ? readingSpans : []).flatMap((span: unknown) => {
      const { start, end } = (span ?? {}) as { start?: unknown; end?: unknown };
      return typeof start === 'number' && typeof end === 'number' ? [{ start, end }] : [];
    });
  });
  return { topic, spans: [finding.span, ...spans] };
}

type Drafter = (facts: NoteFacts, finding: RuleFinding) => Draft | undefined;

/** The findings a provider can resolve, by rule. A rule that is absent here never prompts a query. */
const DRAFTERS: Readonly<Record<string, Drafter>> = {
  'laterality-missing': (facts) =>
    multipleChoice('side', 'Please clarify, based on your clinical judgment, the side on which the stimulator array was placed in this procedure.', ['Left', 'Right', 'Bilateral'], [...mentionSpans(facts, 'laterality'), ...procedureSpans(facts)]),
  'imaging-undocumented': (facts) =>
    multipleChoice('imaging', 'Please clarify, based on your clinical judgment, the imaging, if any, used to guide the needle and the array in this procedure.', ['Ultrasound', 'Fluoroscopy', 'CT', 'No imaging guidance was used'], [...procedureSpans(facts), ...mentionSpans(facts, 'imaging')]),
  'nerve-missing': (facts) => openEnded('nerve', 'Please document the peripheral nerve along which the stimulator array was placed in this procedure.', [...mentionSpans(facts, 'nerve'), ...procedureSpans(facts)]),
  'array-count-missing': (facts) => openEnded('arrays', 'Please document the number of electrode arrays placed in this procedure.', [...mentionSpans(facts, 'arrays'), ...procedureSpans(facts)]),
  // "Not performed" is documentation; only silence is asked about.
  'testing-undocumented': (facts) => (facts.testing.status === 'absent' ? openEnded('testing', 'Please document the intraoperative test stimulation, if any, and the response observed.', procedureSpans(facts)) : undefined),
  'increased-services-unquantified': (facts) =>
    openEnded('increased-services', 'Please document the time or effort of this procedure compared with the typical procedure, and the clinical circumstances that caused the difference.', spansOf(facts.increasedServices.evidence)),
  // Documented approach, device or procedure is the provider's to state: the note is asked only when it says two things.
  'wrong-approach': (facts) => {
    const other = conflicting(facts, 'approach', ['percutaneous']);
    return other.length ? multipleChoice('approach', 'Please clarify the approach used to place the stimulator array in this procedure.', ['Percutaneous', 'Open (through an incision exposing the nerve)'], [...spansOf(facts.approach?.evidence), ...other]) : undefined;
  },
  'not-integrated': (facts) => {
    const other = conflicting(facts, 'integrated', ['integrated']);
    return other.length
      ? multipleChoice('device-type', 'Please clarify the type of stimulator system placed in this procedure.', ['Electrode array with an integrated receiver, no separate generator', 'Electrode array connected to a separately implanted pulse generator', 'Temporary external stimulator'], [...spansOf(facts.integrated?.evidence), ...other])
      : undefined;
  },
  'trial-not-implant': (facts) => procedureTypeDraft(facts),
  'revision-or-removal': (facts) => procedureTypeDraft(facts),
  'documentation-conflict': (_facts, finding) => {
    const conflict = conflictData(finding);
    if (!conflict) return undefined;
    return { topic: conflict.topic, format: 'yes-no', question: `The documentation of ${TOPIC_WORDS[conflict.topic]} differs between the excerpts below. Please clarify: is the first excerpt accurate for this procedure? If not, please document what applies.`, options: ['Yes', 'No', UNDETERMINED_OPTION], prompts: conflict.spans };
  },
};

function procedureTypeDraft(facts: NoteFacts): Draft | undefined {
  const other = conflicting(facts, 'procedure', ['insertion', 'replacement', 'revision', 'removal', 'trial'].filter((kind) => kind !== facts.procedure?.value));
  return other.length
    ? multipleChoice('procedure-type', 'Please clarify the procedure performed in this session.', ['Insertion of a permanent system', 'Replacement of a system', 'Revision of a system', 'Removal of a system', 'Temporary trial'], [...spansOf(facts.procedure?.evidence), ...other])
    : undefined;
}

/**
 * Finding a sentence reads its section: a note with thousands of mentions is asked about its first
 * few prompts only, so a query (and every code action that asks whether there is one) stays linear.
 */
const MAX_PROMPTS = 4 * MAX_INDICATORS;

/** The whole sentence around each prompt, trimmed, once each, in note order, without reimbursement words. */
function indicatorsOf(model: DocumentModel, prompts: readonly Span[]): ClinicalIndicator[] {
  const seen = new Set<number>();
  const sentences: Span[] = [];
  const inOrder = prompts.filter((prompt) => prompt.start >= model.header.span.end).sort((a, b) => a.start - b.start);
  for (const prompt of inOrder.slice(0, MAX_PROMPTS)) {
    if (sentences.length === MAX_INDICATORS) break;
    if (sentences.some((sentence) => sentence.start <= prompt.start && prompt.start < sentence.end)) continue;
    const sentence = trimmed(model.text, sentenceAt(model, prompt.start));
    if (sentence.end <= sentence.start || seen.has(sentence.start)) continue;
    seen.add(sentence.start);
    if (!REIMBURSEMENT.test(model.text.slice(sentence.start, sentence.end))) sentences.push(sentence);
  }
  return sentences.map((span) => ({ text: model.text.slice(span.start, span.end), range: model.lines.rangeOf(span) }));
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

interface QueryInput {
  readonly model: DocumentModel;
  readonly facts: NoteFacts | undefined;
  readonly findings: readonly RuleFinding[];
  /** The day the query is drafted (injected so tests can fix it). */
  readonly today: Date;
}

/** The query for one finding, or undefined when a provider cannot resolve it or nothing in the note supports asking. */
export function draftQuery(input: QueryInput, finding: RuleFinding): PhysicianQuery | undefined {
  const { model, facts } = input;
  // Another target (spinal cord, sacral nerve) is a different procedure altogether, not a gap to ask about.
  if (model.kind !== 'opnote' || !facts || (facts.target !== null && facts.target.value !== 'peripheral-nerve')) return undefined;
  const draft = DRAFTERS[finding.rule.id]?.(facts, finding);
  if (!draft) return undefined;
  const indicators = indicatorsOf(model, draft.prompts);
  if (indicators.length === 0) return undefined;
  const patient = headerField(model, 'patient')?.value;
  const date = headerField(model, 'date');
  const provider = headerField(model, 'surgeon')?.value;
  return {
    rule: finding.rule.id,
    topic: draft.topic,
    format: draft.format,
    question: draft.question,
    options: draft.options,
    indicators,
    ...(patient ? { patient } : {}),
    ...(date ? { dateOfService: date.isoDate ?? date.value } : {}),
    ...(provider ? { provider } : {}),
    drafted: input.today.toISOString().slice(0, 10),
  };
}

/** One query per finding a provider can resolve, optionally of one rule only; one per topic. */
export function draftQueries(input: QueryInput, rule?: string): PhysicianQuery[] {
  const topics = new Set<QueryTopic>();
  const queries: PhysicianQuery[] = [];
  for (const finding of input.findings) {
    if (rule !== undefined && finding.rule.id !== rule) continue;
    const query = draftQuery(input, finding);
    if (!query || topics.has(query.topic)) continue;
    topics.add(query.topic);
    queries.push(query);
  }
  return queries;
}
