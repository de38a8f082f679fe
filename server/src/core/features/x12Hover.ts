import type { Hover } from 'vscode-languageserver-types';
import type { Knowledge } from '../knowledge';
import { normalizeIcd10 } from '../parse/claimLines';
import type { CodeMention } from '../parse/model';
import { splitSpan, type X12Delimiters, type X12Segment } from '../parse/x12/segments';
import type { LineIndex } from '../text/lineIndex';
import { spanContains, type Span } from '../text/span';
import { codeHover } from './hoverCodes';
import { bullets, sections } from './hoverText';

/** Segment names and the elements OpNote reads (names, not the implementation guides' text). */
const SEGMENTS: Readonly<Record<string, { readonly name: string; readonly elements?: Readonly<Record<number, string>> }>> = {
  ISA: { name: 'Interchange control header', elements: { 6: 'sender id', 8: 'receiver id', 9: 'date', 11: 'repetition separator', 12: 'version', 13: 'interchange control number', 15: 'usage (P production, T test)', 16: 'component separator' } },
  IEA: { name: 'Interchange control trailer', elements: { 1: 'number of functional groups', 2: 'interchange control number (repeats ISA13)' } },
  GS: { name: 'Functional group header', elements: { 1: 'functional id (HC: health care claim)', 6: 'group control number', 8: 'version / implementation guide' } },
  GE: { name: 'Functional group trailer', elements: { 1: 'number of transaction sets', 2: 'group control number (repeats GS06)' } },
  ST: { name: 'Transaction set header', elements: { 1: 'transaction set id (837)', 2: 'transaction set control number', 3: 'implementation guide (005010X222A1: 837P, 005010X223A2: 837I)' } },
  SE: { name: 'Transaction set trailer', elements: { 1: 'number of segments, ST to SE', 2: 'transaction set control number (repeats ST02)' } },
  BHT: { name: 'Beginning of hierarchical transaction' },
  HL: { name: 'Hierarchical level', elements: { 1: 'id', 2: 'parent id', 3: 'level (20 billing provider, 22 subscriber, 23 patient)', 4: 'has child levels' } },
  SBR: { name: 'Subscriber information', elements: { 1: 'payer responsibility (P primary, S secondary)', 9: 'claim filing indicator (MB Medicare Part B, MA Part A, CI commercial)' } },
  PAT: { name: 'Patient information' },
  NM1: { name: 'Name', elements: { 1: 'entity', 2: 'type (1 person, 2 organisation)', 3: 'last or organisation name', 4: 'first name', 8: 'id qualifier', 9: 'id' } },
  N3: { name: 'Address' },
  N4: { name: 'City, state, ZIP code' },
  REF: { name: 'Reference', elements: { 1: 'qualifier (G1 prior authorization, 9F referral, EA medical record, F8 original claim)', 2: 'reference number' } },
  PER: { name: 'Contact' },
  PRV: { name: 'Provider taxonomy' },
  DMG: { name: 'Demographics' },
  CLM: { name: 'Claim information (loop 2300)', elements: { 1: 'patient control number', 2: 'total claim charge', 5: 'place of service or facility type : qualifier : frequency code', 6: 'provider signature on file', 7: 'assignment', 8: 'benefits assigned', 9: 'release of information' } },
  DTP: { name: 'Date', elements: { 1: 'qualifier (472 service, 434 statement period, 431 onset)', 2: 'format (D8 date, RD8 range)', 3: 'date' } },
  HI: { name: 'Health care diagnosis codes', elements: { 1: 'principal diagnosis (ABK)', 2: 'other diagnosis (ABF)' } },
  CL1: { name: 'Institutional claim code' },
  AMT: { name: 'Amount' },
  NTE: { name: 'Note' },
  LX: { name: 'Service line number (loop 2400)', elements: { 1: 'line number' } },
  SV1: { name: 'Professional service', elements: { 1: 'procedure (HC : code : modifiers)', 2: 'line charge', 3: 'unit basis (UN units, MJ minutes)', 4: 'units', 5: 'place of service', 7: 'diagnosis code pointers (positions in HI)' } },
  SV2: { name: 'Institutional service line', elements: { 1: 'revenue code', 2: 'procedure (HC : code : modifiers)', 3: 'line charge', 4: 'unit basis', 5: 'units' } },
};

const ENTITIES: Readonly<Record<string, string>> = { '40': 'receiver', '41': 'submitter', '71': 'attending provider', '72': 'operating physician', '77': 'service facility', '82': 'rendering provider', '85': 'billing provider', DN: 'referring provider', DK: 'ordering provider', IL: 'subscriber', PR: 'payer', QC: 'patient' };

interface X12HoverContext {
  readonly knowledge: Knowledge;
  readonly delimiters: X12Delimiters;
  readonly lines: LineIndex;
  readonly text: string;
  /** For a CLM: which note the claim was linked to, as a sentence. */
  readonly claimNote?: string;
}

/** Names the segment under the cursor and its elements, and decodes the code under it (procedure, modifier, revenue code, POS, diagnosis). */
export function x12Hover(segment: X12Segment, offset: number, context: X12HoverContext): Hover {
  const { text, delimiters, knowledge } = context;
  const value = (span: Span | undefined) => (span ? text.slice(span.start, span.end) : '');
  const info = SEGMENTS[segment.id];
  const index = segment.elements.findIndex((span, at) => at > 0 && spanContains(span, offset));
  const entity = segment.id === 'NM1' ? ENTITIES[value(segment.elements[1])] : undefined;
  const title = `**${segment.id}** ${info?.name ?? 'segment OpNote does not read'}${entity ? `: ${entity}` : ''}`;
  const listed = Object.entries(info?.elements ?? {}).map(([at, name]) => {
    const position = `${segment.id}${at.padStart(2, '0')}`;
    const written = value(segment.elements[Number(at)]);
    const line = `${position} ${name}${written ? `: \`${written.replace(/`/g, "'")}\`` : ''}`;
    return Number(at) === index ? `**${line}**` : line;
  });
  const decoded = index > 0 ? decode(segment, index, offset) : undefined;
  const range = index > 0 ? segment.elements[index] : segment.span;
  return { contents: { kind: 'markdown', value: sections(title, segment.id === 'CLM' && context.claimNote, bullets(listed), decoded) }, range: context.lines.rangeOf(range) };

  function decode(at: X12Segment, element: number, cursor: number): string | undefined {
    const parts = splitSpan(text, at.elements[element], delimiters.component);
    const part = parts.findIndex((span) => spanContains(span, cursor));
    const mention = (code: string, system: CodeMention['system'], span: Span) => codeHover({ code, system, span }, knowledge);
    const procedureElement = (at.id === 'SV1' && element === 1) || (at.id === 'SV2' && element === 2);
    if (procedureElement && part >= 1) {
      const code = value(parts[part]);
      if (part === 1) return mention(code, /^\d{4}T$/.test(code) ? 'cpt-cat3' : /^\d/.test(code) ? 'cpt' : 'hcpcs', parts[part]);
      return code ? mention(code, 'modifier', parts[part]) : undefined;
    }
    if (at.id === 'HI' && part === 1) {
      const raw = value(parts[1]);
      return mention(normalizeIcd10(raw) ?? raw, 'icd10cm', parts[1]);
    }
    const pos = (at.id === 'SV1' && element === 5) || (at.id === 'CLM' && element === 5 && part === 0 && !isInstitutional());
    if (pos) {
      const code = value(parts[0]);
      const place = knowledge.pos.get(code);
      return place ? `Place of service **${code}**: ${place.name}` : `Place of service **${code}**: not a code OpNote knows.`;
    }
    if (at.id === 'SV2' && element === 1) return `Revenue code **${value(at.elements[1])}** (UB-04 form locator 42).`;
    return undefined;
  }

  function isInstitutional(): boolean {
    // CLM05-2 is the facility code qualifier: A for an institutional type of bill, B for a place of service.
    const parts = splitSpan(text, segment.elements[5], delimiters.component);
    return value(parts[1]) === 'A';
  }
}
