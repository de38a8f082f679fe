// A FHIR R4 `Claim` resource (JSON) mapped onto the claim model a draft produces, so that the claim
// rules run on it unchanged; tokens carry the spans of the JSON values they come from.
import type { Claim, ClaimItem, CodeableConcept } from 'fhir/r4';
import { parseJsonText } from '../../text/json';
import { jsonValueSpan } from '../../text/jsonLocation';
import { LineIndex } from '../../text/lineIndex';
import type { Span } from '../../text/span';
import { normalizeIcd10, PROCEDURE_CODE } from '../claimLines';
import { parseServiceDate } from '../dates';
import type { CodeMention, DiagnosisEntry, DocumentModel, HeaderField, ParseProblem, ServiceLine, Token } from '../model';
import type { SourceDocument } from '../parseDocument';
import { claimDateFromLines, type MappedClaim } from '../x12/claimModel';

const LETTERS = 'ABCDEFGHIJKL';

/** A `.json` file that holds a FHIR `Claim` resource. */
export function isFhirClaimDocument(document: Pick<SourceDocument, 'uri' | 'text'>): boolean {
  return /\.json$/i.test(document.uri) && /"resourceType"\s*:\s*"Claim"/.test(document.text.slice(0, 65536));
}

type Path = readonly PropertyKey[];

export function fhirClaimDocument(source: SourceDocument): MappedClaim {
  const { text } = source;
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const codes: CodeMention[] = [];
  const fields: HeaderField[] = [];
  const diagnoses: DiagnosisEntry[] = [];
  const serviceLines: ServiceLine[] = [];
  const model = (): DocumentModel => ({
    uri: source.uri,
    version: source.version,
    kind: 'claim',
    text,
    lines,
    header: { style: 'key-value', fields, span: fields[0]?.span ?? { start: 0, end: 0 } },
    sections: [],
    comments: [],
    directives: [],
    codes,
    claim: { diagnoses, dxLines: [], lines: serviceLines },
    problems,
    placeholders: [],
  });
  const parsed = parseJsonText(text);
  const resource = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Partial<Claim>) : undefined;
  if (!resource || resource.resourceType !== 'Claim') {
    problems.push({ rule: 'line-syntax', span: lines.lineSpan(0), message: parsed.ok ? 'This JSON is not a FHIR Claim resource (`"resourceType": "Claim"`).' : `The FHIR Claim is ${parsed.message}.` });
    return { model: model() };
  }
  const spanOf = (path: Path): Span => jsonValueSpan(text, path) ?? lines.lineSpan(0);
  const field = (key: string, path: Path, value: string, isoDate?: string) => {
    const span = spanOf(path);
    fields.push({ rawKey: key, key, known: true, keySpan: span, value, valueSpan: span, span, ...(isoDate ? { isoDate } : {}) });
  };
  const problem = (path: Path, message: string) => problems.push({ rule: 'line-syntax', span: spanOf(path), message });
  const code = (concept: CodeableConcept | undefined) => (typeof concept?.coding?.[0]?.code === 'string' ? concept.coding[0].code.trim() : undefined);
  const isoOf = (value: unknown) => (typeof value === 'string' ? parseServiceDate(value.slice(0, 10)) : undefined);

  const patient = resource.patient?.identifier?.value ?? resource.patient?.reference?.replace(/^Patient\//, '');
  if (typeof patient === 'string') field('patient', resource.patient?.identifier?.value !== undefined ? ['patient', 'identifier', 'value'] : ['patient', 'reference'], patient);
  const type = code(resource.type);
  if (type) field('claim-type', ['type', 'coding', 0, 'code'], type);
  const period = resource.billablePeriod?.start;
  if (typeof period === 'string') field('dos', ['billablePeriod', 'start'], period, isoOf(period));
  const payer = resource.insurer?.display ?? resource.insurance?.[0]?.coverage?.display;
  if (typeof payer === 'string') field('payer', resource.insurer?.display !== undefined ? ['insurer', 'display'] : ['insurance', 0, 'coverage', 'display'], payer);
  const priorAuth = resource.insurance?.[0]?.preAuthRef?.[0];
  if (typeof priorAuth === 'string') field('prior-auth', ['insurance', 0, 'preAuthRef', 0], priorAuth);

  // Diagnoses by their sequence number; an item points to them with diagnosisSequence.
  const letterOfSequence = new Map<number, string>();
  const ordered = (resource.diagnosis ?? []).map((entry, index) => ({ entry, index })).sort((a, b) => (a.entry.sequence ?? 0) - (b.entry.sequence ?? 0));
  for (const { entry, index } of ordered) {
    const path = ['diagnosis', index, 'diagnosisCodeableConcept', 'coding', 0, 'code'];
    const normalized = normalizeIcd10(code(entry.diagnosisCodeableConcept) ?? '');
    if (!normalized) {
      problem(path, 'This diagnosis is not an ICD-10-CM code (diagnosisCodeableConcept.coding[0].code, e.g. G57.82).');
      continue;
    }
    if (diagnoses.length >= LETTERS.length) continue;
    const span = spanOf(path);
    letterOfSequence.set(entry.sequence, LETTERS[diagnoses.length]);
    diagnoses.push({ letter: LETTERS[diagnoses.length], code: { value: normalized, span } });
    codes.push({ code: normalized, system: 'icd10cm', span });
  }

  (resource.item ?? []).forEach((item, index) => readItem(item, index));
  // As in an 837P, the first dated item stands for the claim's date when the claim has no billable period.
  const billable = fields.find((candidate) => candidate.key === 'dos');
  const serviceDate = billable ? billable.isoDate : claimDateFromLines(fields, serviceLines);
  return { model: model(), ...(serviceDate ? { serviceDate } : {}) };

  function readItem(item: ClaimItem, index: number): void {
    const at = (...rest: PropertyKey[]): Path => ['item', index, ...rest];
    const procedure = code(item.productOrService);
    if (!procedure || PROCEDURE_CODE.exec(procedure)?.[1] !== procedure) {
      problem(procedure ? at('productOrService', 'coding', 0, 'code') : at(), 'This item has no CPT or HCPCS code in productOrService.coding[0].code (five characters: 64596, L8679).');
      return;
    }
    const codeSpan = spanOf(at('productOrService', 'coding', 0, 'code'));
    codes.push({ code: procedure, system: /^\d{4}T$/.test(procedure) ? 'cpt-cat3' : /^\d/.test(procedure) ? 'cpt' : 'hcpcs', span: codeSpan });
    const modifiers: Token<string>[] = [];
    (item.modifier ?? []).forEach((concept, position) => {
      const modifier = code(concept);
      const span = spanOf(at('modifier', position, 'coding', 0, 'code'));
      if (!modifier || !/^[0-9A-Z]{2}$/.test(modifier)) problems.push({ rule: 'line-syntax', span, message: 'A modifier is two capital letters or digits (22, LT, XS).' });
      else if (modifiers.length < 4) {
        modifiers.push({ value: modifier, span });
        codes.push({ code: modifier, system: 'modifier', span });
      }
    });
    const line: { -readonly [K in keyof ServiceLine]: ServiceLine[K] } = { span: spanOf(at()), line: lines.lineAt(codeSpan.start), code: { value: procedure, span: codeSpan }, modifiers };
    const units = item.quantity?.value;
    if (units !== undefined) {
      if (Number.isInteger(units) && units >= 1 && units <= 999) line.units = { value: units, span: spanOf(at('quantity', 'value')) };
      else problem(at('quantity', 'value'), 'quantity.value, the units, is a whole number from 1 to 999.');
    }
    const charge = item.net?.value ?? item.unitPrice?.value;
    if (typeof charge === 'number') line.charge = { value: charge, span: spanOf(item.net?.value !== undefined ? at('net', 'value') : at('unitPrice', 'value')) };
    const sequences = item.diagnosisSequence ?? [];
    if (sequences.length) {
      const letters = sequences.slice(0, 4).flatMap((sequence, position) => {
        const letter = letterOfSequence.get(sequence);
        return letter ? [{ value: letter, span: spanOf(at('diagnosisSequence', position)) }] : [];
      });
      line.pointers = { letters, span: spanOf(at('diagnosisSequence')) };
    }
    const pos = code(item.locationCodeableConcept);
    if (pos && /^\d{2}$/.test(pos)) line.pos = { value: pos, span: spanOf(at('locationCodeableConcept', 'coding', 0, 'code')) };
    const revenue = code(item.revenue);
    if (revenue && /^\d{3,4}$/.test(revenue)) line.revenueCode = { value: revenue.padStart(4, '0'), span: spanOf(at('revenue', 'coding', 0, 'code')) };
    const date = isoOf(item.servicedDate);
    if (date) line.dos = { value: date, span: spanOf(at('servicedDate')) };
    else if (item.servicedDate !== undefined) problem(at('servicedDate'), 'servicedDate is not a real date (YYYY-MM-DD).');
    serviceLines.push(line);
  }
}
