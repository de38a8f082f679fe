// One CLM (2300 loop) mapped onto the claim model the draft markup produces, so that every claim rule
// runs on it unchanged. Header fields and service-line tokens carry the spans of the segment elements
// they come from; what cannot be read is an `x12-syntax` problem on its element, and the rest is kept.
import type { LineIndex } from '../../text/lineIndex';
import type { Span } from '../../text/span';
import { normalizeIcd10, PROCEDURE_CODE } from '../claimLines';
import { parseServiceDate } from '../dates';
import type { CodeMention, DiagnosisEntry, DocumentModel, HeaderField, ParseProblem, ServiceLine, Token } from '../model';
import type { X12Claim } from './interchange';
import { splitSpan, type X12Delimiters, type X12Segment } from './segments';

const LETTERS = 'ABCDEFGHIJKL';
/** HI qualifiers of the diagnoses a service line can point to: principal (ABK/BK) and other (ABF/BF). */
const POINTABLE_DIAGNOSIS = new Set(['ABK', 'BK', 'ABF', 'BF']);
/** Other ICD-10-CM qualifiers of an institutional HI (admitting, reason for visit, external cause): shown, not pointed to. */
const OTHER_DIAGNOSIS = new Set(['ABJ', 'BJ', 'APR', 'PR', 'ABN', 'BN']);

export interface MappedClaim {
  readonly model: DocumentModel;
  /** NM1*IL NM109 (subscriber) or NM1*QC NM109 (patient): the member id a note's `patient:` may name. */
  readonly memberId?: string;
  /** The date the note is matched by: the claim's service date, else its first line's. */
  readonly serviceDate?: string;
}

export interface ClaimSource {
  readonly uri: string;
  readonly version: number;
  /** The file text with every segment terminator read as a line break (same length, same offsets). */
  readonly text: string;
  readonly lines: LineIndex;
  readonly delimiters: X12Delimiters;
}

/**
 * A claim that dates only its lines: the first dated line's date stands for the claim, as a draft's
 * `dos:` header does (a header field on that date), and a line keeps its own date only where it differs.
 */
export function claimDateFromLines(fields: HeaderField[], lines: ServiceLine[]): string | undefined {
  const dated = lines.find((line) => line.dos)?.dos;
  if (!dated) return undefined;
  fields.push({ rawKey: 'dos', key: 'dos', known: true, keySpan: dated.span, value: dated.value, valueSpan: dated.span, span: dated.span, isoDate: dated.value });
  for (const [at, { dos: date, ...line }] of lines.entries()) if (date?.value === dated.value) lines[at] = line;
  return dated.value;
}

/** Maps one claim; its element problems go to `problems`. */
export function claimDocument(source: ClaimSource, claim: X12Claim, problems: ParseProblem[]): MappedClaim {
  const { text, delimiters } = source;
  const value = (span: Span | undefined) => (span ? text.slice(span.start, span.end).trim() : '');
  const components = (span: Span | undefined) => (span ? splitSpan(text, span, delimiters.component) : []);
  const problem = (span: Span, message: string) => problems.push({ rule: 'x12-syntax', span, message });
  const codes: CodeMention[] = [];

  const [clm, ...rest] = claim.segments;
  const fields: HeaderField[] = [];
  const field = (key: string, keySpan: Span, valueSpan: Span, fieldValue = value(valueSpan), isoDate?: string) => {
    fields.push({ rawKey: key, key, known: true, keySpan, value: fieldValue, valueSpan, span: clm.span, ...(isoDate ? { isoDate } : {}) });
  };
  const clmId = clm.elements[0];
  const patient = clm.elements[1];
  if (!patient || value(patient) === '') problem(patient ?? clm.span, 'CLM01, the patient control number, is empty: the claim cannot be matched to its note.');
  field('patient', clmId, patient ?? clmId);
  field('claim-type', clmId, clmId, claim.format === '837I' ? 'institutional' : 'professional');
  const charge = clm.elements[2];
  if (charge && !/^\d+(\.\d{1,2})?$/.test(value(charge))) problem(charge, 'CLM02, the total claim charge, is not an amount (digits with up to two decimals).');
  readFacilityCode(clm.elements[5]);

  const firstLine = rest.findIndex((segment) => segment.id === 'LX');
  const claimLevel = firstLine < 0 ? rest : rest.slice(0, firstLine);
  const claimDate = claimLevel.find((segment) => segment.id === 'DTP' && ['472', '434'].includes(value(segment.elements[1])));
  const claimIso = claimDate ? readDate(claimDate) : undefined;
  if (claimDate?.elements[3]) field('dos', claimDate.elements[0], claimDate.elements[3], value(claimDate.elements[3]), claimIso);
  const payer = claim.subscriber.find((segment) => segment.id === 'NM1' && value(segment.elements[1]) === 'PR');
  if (payer?.elements[3]) field('payer', payer.elements[0], payer.elements[3]);
  const priorAuth = claimLevel.find((segment) => segment.id === 'REF' && value(segment.elements[1]) === 'G1');
  if (priorAuth?.elements[2]) field('prior-auth', priorAuth.elements[0], priorAuth.elements[2]);
  const rendering = claimLevel.find((segment) => segment.id === 'NM1' && value(segment.elements[1]) === '82') ?? claim.billingProvider.find((segment) => segment.id === 'NM1' && value(segment.elements[1]) === '85');
  if (rendering?.elements[9]) field('npi', rendering.elements[0], rendering.elements[9]);

  const diagnoses: DiagnosisEntry[] = [];
  const dxLines: Span[] = [];
  for (const segment of claimLevel) if (segment.id === 'HI') readDiagnoses(segment);

  const lines: ServiceLine[] = [];
  let loop: X12Segment[] | undefined;
  const flushLine = () => {
    if (loop) readServiceLine(loop);
    loop = undefined;
  };
  for (const segment of firstLine < 0 ? [] : rest.slice(firstLine)) {
    if (segment.id === 'LX') {
      flushLine();
      loop = [segment];
    } else loop?.push(segment);
  }
  flushLine();

  // An 837P dates its lines (2400 DTP*472), not the claim.
  const claimDos = claimDate ? claimIso : claimDateFromLines(fields, lines);
  const memberSegment = claim.subscriber.find((segment) => segment.id === 'NM1' && value(segment.elements[1]) === 'QC' && value(segment.elements[9]) !== '') ?? claim.subscriber.find((segment) => segment.id === 'NM1' && value(segment.elements[1]) === 'IL');
  const memberId = value(memberSegment?.elements[9]);
  const serviceDate = claimDos;
  const model: DocumentModel = {
    uri: source.uri,
    version: source.version,
    kind: 'claim',
    text,
    lines: source.lines,
    header: { style: 'key-value', fields, span: clm.span },
    sections: [],
    comments: [],
    directives: [],
    codes,
    claim: { diagnoses, dxLines, lines },
    problems: [],
    placeholders: [],
  };
  return { model, ...(memberId ? { memberId } : {}), ...(serviceDate ? { serviceDate } : {}) };

  /** CLM05: place of service (837P) or facility type code (837I), facility code qualifier, frequency code. */
  function readFacilityCode(span: Span | undefined): void {
    if (!span) return;
    const [code, , frequency] = components(span);
    const facility = value(code);
    if (!/^\d{2}$/.test(facility)) {
      problem(code ?? span, claim.format === '837I' ? 'CLM05-1, the facility type code, is two digits (13: hospital outpatient).' : 'CLM05-1, the place of service, is a two-digit code (11 office, 22 outpatient hospital, 24 ASC).');
      return;
    }
    if (claim.format === '837I') field('bill-type', clm.elements[0], span, `${facility}${value(frequency)}`);
    else field('pos', clm.elements[0], code);
  }

  /** D8 (CCYYMMDD) or RD8 (CCYYMMDD-CCYYMMDD: the first date is the one OpNote matches). */
  function readDate(segment: X12Segment): string | undefined {
    const format = value(segment.elements[2]);
    const span = segment.elements[3];
    const written = value(span);
    const match = (format === 'RD8' ? /^(\d{4})(\d{2})(\d{2})-\d{8}$/ : /^(\d{4})(\d{2})(\d{2})$/).exec(written);
    const iso = match ? parseServiceDate(`${match[1]}-${match[2]}-${match[3]}`) : undefined;
    if (!iso) problem(span ?? segment.span, format === 'D8' || format === 'RD8' ? `DTP03 is not a real date in the ${format} format (${format === 'D8' ? 'CCYYMMDD' : 'CCYYMMDD-CCYYMMDD'}).` : 'DTP02, the date format, is D8 (one date) or RD8 (a range) here.');
    return iso;
  }

  function readDiagnoses(segment: X12Segment): void {
    dxLines.push(segment.span);
    for (const element of segment.elements.slice(1)) {
      const [qualifierSpan, codeSpan] = components(element);
      const qualifier = value(qualifierSpan);
      if (qualifier === '') continue;
      const pointable = POINTABLE_DIAGNOSIS.has(qualifier);
      if (!pointable && !OTHER_DIAGNOSIS.has(qualifier)) continue;
      const code = normalizeIcd10(value(codeSpan));
      if (!code || !codeSpan) {
        problem(codeSpan ?? element, `The ${qualifier} diagnosis is not an ICD-10-CM code (a letter, a digit, then up to five characters, written without the period: G5782).`);
        continue;
      }
      codes.push({ code, system: 'icd10cm', span: codeSpan });
      if (!pointable) continue;
      if (diagnoses.length >= LETTERS.length) problem(element, 'A claim holds at most 12 diagnoses a service line can point to.');
      else diagnoses.push({ letter: LETTERS[diagnoses.length], code: { value: code, span: codeSpan } });
    }
  }

  function readServiceLine(segments: readonly X12Segment[]): void {
    const service = segments.find((segment) => segment.id === 'SV1' || segment.id === 'SV2');
    if (!service) {
      problem(segments[0].span, `This service line (LX) has no ${claim.format === '837I' ? 'SV2' : 'SV1'} segment.`);
      return;
    }
    const institutional = service.id === 'SV2';
    // SV1: procedure, charge, unit basis, units, place of service, -, pointers. SV2: revenue code, procedure, charge, unit basis, units.
    const offset = institutional ? 1 : 0;
    const procedure = components(service.elements[1 + offset]);
    const revenue = institutional ? readRevenueCode(service.elements[1]) : undefined;
    const qualifier = value(procedure[0]);
    const codeSpan = procedure[1];
    const code = value(codeSpan);
    if (!codeSpan || (qualifier !== 'HC' && qualifier !== '')) {
      if (institutional && !codeSpan) return; // a revenue code alone (room, supplies): no procedure to check.
      problem(procedure[0] ?? service.span, `${service.id}0${1 + offset}-1 is HC here (a CPT or HCPCS procedure code follows it).`);
      return;
    }
    if (PROCEDURE_CODE.exec(code)?.[1] !== code) {
      problem(codeSpan, `${service.id}0${1 + offset}-2 is not a CPT or HCPCS code (five characters: 64596, L8679).`);
      return;
    }
    codes.push({ code, system: /^\d{4}T$/.test(code) ? 'cpt-cat3' : /^\d/.test(code) ? 'cpt' : 'hcpcs', span: codeSpan });
    const modifiers: Token<string>[] = [];
    for (const span of procedure.slice(2, 6)) {
      const modifier = value(span);
      if (modifier === '') continue;
      if (!/^[0-9A-Z]{2}$/.test(modifier)) problem(span, 'A modifier is two capital letters or digits (22, LT, XS).');
      else {
        modifiers.push({ value: modifier, span });
        codes.push({ code: modifier, system: 'modifier', span });
      }
    }
    const line: { -readonly [K in keyof ServiceLine]: ServiceLine[K] } = { span: service.span, line: source.lines.lineAt(service.span.start), code: { value: code, span: codeSpan }, modifiers };
    const charge = service.elements[2 + offset];
    if (charge && value(charge) !== '') {
      if (/^\d+(\.\d{1,2})?$/.test(value(charge))) line.charge = { value: Number(value(charge)), span: charge };
      else problem(charge, `${service.id}0${2 + offset}, the line charge, is not an amount.`);
    }
    const units = service.elements[4 + offset];
    if (units && value(units) !== '') {
      if (/^[1-9]\d{0,2}$/.test(value(units))) line.units = { value: Number(value(units)), span: units };
      else problem(units, `${service.id}0${4 + offset}, the units, is not a whole number from 1 to 999.`);
    }
    if (!institutional) {
      const pos = service.elements[5];
      if (pos && value(pos) !== '') {
        if (/^\d{2}$/.test(value(pos))) line.pos = { value: value(pos), span: pos };
        else problem(pos, 'SV105, the place of service, is a two-digit code.');
      }
      const pointers = service.elements[7];
      if (pointers && value(pointers) !== '') line.pointers = readPointers(pointers);
    }
    if (revenue) line.revenueCode = revenue;
    const date = segments.find((segment) => segment.id === 'DTP' && value(segment.elements[1]) === '472');
    const iso = date ? readDate(date) : undefined;
    if (date && iso) line.dos = { value: iso, span: date.elements[3] };
    lines.push(line);
  }

  function readRevenueCode(span: Span | undefined): Token<string> | undefined {
    const written = value(span);
    if (span && /^\d{3,4}$/.test(written)) return { value: written.padStart(4, '0'), span };
    problem(span ?? clm.span, 'SV201, the revenue code, is four digits (0360 operating room).');
    return undefined;
  }

  /** SV107: up to four diagnosis code pointers (1-12) into the claim's HI diagnoses, as the letters A-L. */
  function readPointers(span: Span): ServiceLine['pointers'] {
    const letters: Token<string>[] = [];
    for (const part of components(span).slice(0, 4)) {
      const pointer = value(part);
      if (/^(?:[1-9]|1[0-2])$/.test(pointer)) letters.push({ value: LETTERS[Number(pointer) - 1], span: part });
      else if (pointer !== '') problem(part, 'A diagnosis code pointer is a number from 1 to 12 (the position of the diagnosis in HI).');
    }
    return { letters, span };
  }
}
