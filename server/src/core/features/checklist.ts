import type { Range } from 'vscode-languageserver-types';
import type { Evidence, ImplantRecordPart, NoteFacts } from '../facts/types';
import type { Knowledge } from '../knowledge';
import type { RuleFinding } from '../linting/types';
import type { DocumentModel } from '../parse/model';

export type ChecklistMark = '✓' | '✗' | '!' | '–';

/** A mark in words, for a view that shows status by colour and must not rely on colour alone. */
export type ChecklistStatus = 'documented' | 'contradicts' | 'missing' | 'not-applicable';

const STATUS: Readonly<Record<ChecklistMark, ChecklistStatus>> = { '✓': 'documented', '✗': 'contradicts', '!': 'missing', '–': 'not-applicable' };

interface ChecklistEvidence {
  /** 1-based line of the supporting words. */
  readonly line: number;
  /** A window of the note around the supporting words (white space folded, `…` where it was cut), for a table cell. */
  readonly text: string;
  /** The supporting words inside `text`, as offsets into it. */
  readonly highlight: { readonly start: number; readonly end: number };
  /** Where the supporting words are in the note, to reveal them. */
  readonly range: Range;
}

export interface ChecklistItem {
  readonly id: string;
  readonly component: string;
  readonly mark: ChecklistMark;
  readonly status: ChecklistStatus;
  /** What OpNote read, in a few words ("ultrasound", "2 arrays: 64596 x1 + 64597 x1"). */
  readonly finding: string;
  readonly evidence?: ChecklistEvidence;
}

export interface Checklist {
  /** The note the checklist reads (a claim's checklist reads the note its `note:` names). */
  readonly noteUri: string;
  readonly items: readonly ChecklistItem[];
  readonly codes: readonly { code: string; units: number }[];
}

/** About a line of a narrow table cell; the supporting words sit in the middle of it. */
const EXCERPT_LENGTH = 100;
/** How far a cut may move to land between words. */
const WORD_SNAP = 15;

const folded = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The excerpt of the lines that hold `span`, centred on it: long dictation lines are cut on both sides
 * (at a word when one is near), so the supporting words are visible however far along the line they are.
 */
function evidenceExcerpt(model: DocumentModel, span: { readonly start: number; readonly end: number }): ChecklistEvidence {
  const { text, lines } = model;
  const firstLine = lines.lineAt(span.start);
  let regionStart = lines.lineStart(firstLine);
  const regionEnd = lines.lineEnd(lines.lineAt(Math.max(span.start, span.end - 1)));
  while (regionStart < span.start && /\s/.test(text[regionStart])) regionStart += 1;
  const hitEnd = Math.min(span.end, span.start + EXCERPT_LENGTH);
  const room = EXCERPT_LENGTH - (hitEnd - span.start);
  // Half the room on each side; what one side cannot use goes to the other.
  const left = Math.min(span.start - regionStart, Math.max(Math.ceil(room / 2), room - (regionEnd - hitEnd)));
  const right = Math.min(regionEnd - hitEnd, room - left);
  const cutStart = span.start - left;
  const cutEnd = hitEnd + right;
  // Only a few characters either side of a cut are searched for a space, so the work stays bounded on any line.
  const spaceAfterCut = text.slice(cutStart, Math.min(span.start, cutStart + WORD_SNAP)).indexOf(' ');
  const windowStart = cutStart > regionStart && spaceAfterCut >= 0 ? cutStart + spaceAfterCut + 1 : cutStart;
  const spaceBeforeCut = text.slice(Math.max(hitEnd, cutEnd - WORD_SNAP), cutEnd).lastIndexOf(' ');
  const windowEnd = cutEnd < regionEnd && spaceBeforeCut >= 0 ? Math.max(hitEnd, cutEnd - WORD_SNAP) + spaceBeforeCut : cutEnd;
  const before = `${windowStart > regionStart ? '…' : ''}${folded(text.slice(windowStart, span.start))}`;
  const hit = folded(text.slice(span.start, hitEnd));
  const after = `${folded(text.slice(hitEnd, windowEnd)).trimEnd()}${windowEnd < regionEnd || hitEnd < span.end ? '…' : ''}`;
  return {
    line: firstLine + 1,
    text: before + hit + after,
    highlight: { start: before.length, end: before.length + hit.length },
    range: { start: lines.positionAt(span.start), end: lines.positionAt(span.end) },
  };
}

function evidenceLine(model: DocumentModel, evidence: readonly Evidence[] | undefined): ChecklistEvidence | undefined {
  const first = evidence?.[0];
  return first ? evidenceExcerpt(model, first.span) : undefined;
}

/** The 1-based line holding `offset` and an excerpt centred on it, for a coder to find it. */
export function lineExcerpt(model: DocumentModel, offset: number): { readonly line: number; readonly text: string } {
  const { line, text } = evidenceExcerpt(model, { start: offset, end: offset });
  return { line, text };
}

function item(model: DocumentModel, id: string, component: string, mark: ChecklistMark, finding: string, evidence?: readonly Evidence[]): ChecklistItem {
  const line = evidenceLine(model, evidence);
  return { id, component, mark, status: STATUS[mark], finding, ...(line ? { evidence: line } : {}) };
}

/** What the indications document, from the typed facts: "pain 19 months; failed: gabapentin, pt; trial 65% relief over 7 days". */
function necessityText(necessity: NoteFacts['necessity']): string {
  const { painDuration, conservativeCare, trialOutcome } = necessity;
  const parts = [
    painDuration && (painDuration.months === null ? 'pain duration given without a number' : `pain ${painDuration.months} months`),
    conservativeCare && `failed: ${conservativeCare.treatments.join(', ')}`,
    trialOutcome &&
      `trial ${[trialOutcome.percentRelief !== null && `${trialOutcome.percentRelief}% relief`, trialOutcome.analgesicReductionPercent !== undefined && `${trialOutcome.analgesicReductionPercent}% less analgesic use`].filter(Boolean).join(', ')}${trialOutcome.days !== undefined ? ` over ${trialOutcome.days} days` : ''}`,
  ];
  return parts.filter(Boolean).join('; ');
}

/**
 * The rules that judge each component: ✗ when a rule that says "contradicts 64596" fired, ! when a
 * rule that says "missing or incomplete" fired. The marks come from the findings, so the checklist
 * and the diagnostics cannot disagree.
 */
export const CHECKLIST_RULES: Readonly<Record<string, { readonly contradicts: readonly string[]; readonly missing: readonly string[] }>> = {
  approach: { contradicts: ['wrong-approach'], missing: [] },
  integrated: { contradicts: ['not-integrated'], missing: [] },
  nerve: { contradicts: ['wrong-target'], missing: ['nerve-missing'] },
  laterality: { contradicts: [], missing: ['laterality-missing'] },
  imaging: { contradicts: ['imaging-negated'], missing: ['imaging-undocumented'] },
  arrays: { contradicts: [], missing: ['array-count-missing'] },
  procedure: { contradicts: ['trial-not-implant', 'revision-or-removal'], missing: [] },
  testing: { contradicts: [], missing: ['testing-undocumented'] },
  necessity: { contradicts: [], missing: ['necessity-incomplete'] },
  'modifier-22': { contradicts: [], missing: ['increased-services-unquantified'] },
  // No rule judges these two: the item says what the note gives and what to check.
  'implant-record': { contradicts: [], missing: [] },
  'device-credit': { contradicts: [], missing: [] },
};

const IMPLANT_RECORD_WORDS: Readonly<Record<ImplantRecordPart, string>> = { manufacturer: 'manufacturer', model: 'model', 'lot-serial': 'lot/serial number' };

/** Manufacturer, model and lot/serial: ✓ when the note gives all three, else – with what it lacks (no rule holds it against the note). */
function implantRecordItem(model: DocumentModel, record: NoteFacts['implantRecord']): ChecklistItem {
  const parts = Object.keys(IMPLANT_RECORD_WORDS) as ImplantRecordPart[];
  const missing = parts.filter((part) => !record.parts.includes(part)).map((part) => IMPLANT_RECORD_WORDS[part]);
  const component = 'Implant record (manufacturer, model, lot/serial)';
  if (missing.length === 0) return item(model, 'implant-record', component, '✓', 'manufacturer, model and lot/serial documented', record.evidence);
  return item(model, 'implant-record', component, '–', `not documented: ${missing.join(', ')}`, record.evidence);
}

/** A replacement may be a warranty replacement: the device-credit reporting to check (value code FD, FB/FC). */
function deviceCreditItem(model: DocumentModel, facts: NoteFacts, knowledge: Knowledge): ChecklistItem | undefined {
  if (facts.procedure?.value !== 'replacement') return undefined;
  const { valueCode, conditionCodes, ascModifiers } = knowledge.billing.deviceCredit;
  return item(
    model,
    'device-credit',
    'Device credit (replacement under warranty or recall)',
    '–',
    `check: a device credit is value code ${valueCode} with condition code ${conditionCodes.join('/')} (hospital), modifier ${ascModifiers.join('/')} (ASC)`,
    facts.procedure.evidence,
  );
}

/** The mark the findings give a component; what the facts say stays the item's text and evidence. */
function judged(entry: ChecklistItem, findings: readonly RuleFinding[]): ChecklistItem {
  const rules = CHECKLIST_RULES[entry.id];
  const fired = (ids: readonly string[]) => findings.find((finding) => ids.includes(finding.rule.id));
  const contradiction = fired(rules.contradicts);
  if (contradiction) return { ...entry, mark: '✗', status: STATUS['✗'] };
  const gap = fired(rules.missing);
  if (gap) return { ...entry, mark: '!', status: STATUS['!'], finding: entry.id === 'necessity' ? gap.message : entry.finding };
  if (entry.mark === '✓' || entry.mark === '–') return entry;
  // The facts are short of 64596 here, but no rule holds it against this note (another procedure, or the rule is off).
  return { ...entry, mark: '–', status: STATUS['–'] };
}

/** The 64596 components, each ✓ (supported), ✗ (contradicts 64596), ! (missing or incomplete) or – (not applicable or not checked). */
export function buildChecklist(model: DocumentModel, facts: NoteFacts, findings: readonly RuleFinding[], knowledge: Knowledge): Checklist {
  const { approach, integrated, target, nerve, laterality, imaging, arrays, procedure, testing, increasedServices, necessity } = facts;
  const peripheral = target === null || target.value === 'peripheral-nerve';
  const missingNecessity = [
    !necessity.painDuration && 'pain duration',
    !necessity.conservativeCare && 'failed conservative care',
    procedure?.value !== 'replacement' && !necessity.trialOutcome && 'trial outcome',
  ].filter((gap): gap is string => typeof gap === 'string');
  const items: ChecklistItem[] = [
    approach
      ? item(model, 'approach', 'Percutaneous approach', approach.value === 'percutaneous' ? '✓' : '✗', approach.value === 'percutaneous' ? 'percutaneous' : 'open approach: 64575, not 64596', approach.evidence)
      : item(model, 'approach', 'Percutaneous approach', '!', 'approach not stated'),
    integrated
      ? item(model, 'integrated', 'Integrated system (no separate generator)', integrated.value ? '✓' : '✗', integrated.value ? 'integrated' : 'separate generator or external stimulator', integrated.evidence)
      : item(model, 'integrated', 'Integrated system (no separate generator)', '!', 'not stated'),
    !peripheral && target
      ? item(model, 'nerve', 'Peripheral nerve named', '✗', `target is ${target.value.replace(/-/g, ' ')}`, target.evidence)
      : nerve
        ? item(model, 'nerve', 'Peripheral nerve named', '✓', `${nerve.value} nerve`, nerve.evidence)
        : item(model, 'nerve', 'Peripheral nerve named', '!', 'no nerve named'),
    laterality
      ? item(model, 'laterality', 'Side', '✓', laterality.value === 'bilateral' ? 'bilateral' : `${laterality.value} (${laterality.value === 'left' ? 'LT' : 'RT'})`, laterality.evidence)
      : item(model, 'laterality', 'Side', '!', 'no side documented'),
    imaging.status === 'documented'
      ? item(model, 'imaging', 'Imaging guidance (included in 64596)', '✓', imaging.modalities.join(', '), imaging.evidence)
      : item(model, 'imaging', 'Imaging guidance (included in 64596)', imaging.status === 'negated' ? '✗' : '!', imaging.status === 'negated' ? 'the note says none was used' : 'no modality documented', imaging.evidence),
    arrays
      ? item(model, 'arrays', 'Arrays and 64597 units', '✓', arrays.value > 1 ? `${arrays.value} arrays: 64596 x1 + 64597 x${arrays.value - 1}` : '1 array: 64596 x1', arrays.evidence)
      : item(model, 'arrays', 'Arrays and 64597 units', procedure?.value === 'revision' || procedure?.value === 'removal' ? '–' : '!', procedure?.value === 'revision' || procedure?.value === 'removal' ? 'no array inserted' : 'number of arrays not stated'),
    procedure
      ? item(model, 'procedure', 'Insertion or replacement (not revision, removal or trial)', procedure.value === 'insertion' || procedure.value === 'replacement' ? '✓' : '✗', procedure.value, procedure.evidence)
      : item(model, 'procedure', 'Insertion or replacement (not revision, removal or trial)', '!', 'procedure not identified'),
    testing.status === 'documented'
      ? item(model, 'testing', 'Intraoperative stimulation testing', '✓', 'documented', testing.evidence)
      : item(model, 'testing', 'Intraoperative stimulation testing', '!', testing.status === 'negated' ? 'not performed' : 'not documented', testing.evidence),
    missingNecessity.length === 0
      ? item(model, 'necessity', 'Medical necessity (duration, failed care, trial)', '✓', necessityText(necessity), necessity.painDuration?.evidence)
      : item(model, 'necessity', 'Medical necessity (duration, failed care, trial)', '!', `missing: ${missingNecessity.join(', ')}`),
    increasedServices.status === 'absent'
      ? item(model, 'modifier-22', 'Modifier 22 justification', '–', 'not claimed')
      : item(model, 'modifier-22', 'Modifier 22 justification', increasedServices.status === 'quantified' ? '✓' : '!', increasedServices.status === 'quantified' ? 'extra time/effort and reason stated' : 'claimed but not quantified', increasedServices.evidence),
    implantRecordItem(model, facts.implantRecord),
  ];
  const credit = deviceCreditItem(model, facts, knowledge);
  if (credit) items.push(credit);
  return { noteUri: model.uri, items: items.map((entry) => judged(entry, findings)), codes: facts.codes };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function checklistMarkdown(checklist: Checklist, title: string): string {
  const rows = checklist.items.map((entry) => `| ${entry.mark} | ${cell(entry.component)} | ${cell(entry.finding)} | ${entry.evidence ? `line ${entry.evidence.line}: ${cell(entry.evidence.text)}` : ''} |`);
  const codes = checklist.codes.length ? checklist.codes.map((code) => `${code.code} x${code.units}`).join(', ') : 'none: the documentation does not support 64596 or a related code';
  return [
    `# 64596 checklist: ${cell(title)}`,
    '',
    '| | Component | OpNote reads | Evidence |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `**Codes the documentation supports:** ${codes}`,
    '',
    '✓ supported · ✗ contradicts 64596 · ! missing or incomplete · – not applicable',
    '',
  ].join('\n');
}
