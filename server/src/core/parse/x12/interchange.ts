// The loops of an 837 over the segment stream: envelopes (ISA/GS/ST ... SE/GE/IEA, with their counts
// and control numbers checked), the hierarchical levels (2000A billing provider, 2000B subscriber,
// 2000C patient) and the claims (2300 CLM with its 2400 LX service lines). Claims are handed to the
// visitor one at a time and not kept, so a file of any number of claims is read in bounded memory.
import type { Span } from '../../text/span';
import type { ParseProblem } from '../model';
import { forEachSegment, type X12Delimiters, type X12Segment } from './segments';

/** 837P: professional (005010X222A1); 837I: institutional (005010X223A2). */
export type X12Format = '837P' | '837I';

export interface X12Claim {
  /** From the transaction's implementation guide id (ST03 / GS08), else from the service lines (SV2: institutional). */
  readonly format: X12Format;
  /** CLM, then every segment of the 2300 loop and its 2400 service lines, in order. */
  readonly segments: readonly X12Segment[];
  /** The segments of the 2000B subscriber level (SBR, NM1*IL, NM1*PR ...) and the 2000C patient level, in order. */
  readonly subscriber: readonly X12Segment[];
  /** The segments of the 2000A billing provider level (NM1*85 ...). */
  readonly billingProvider: readonly X12Segment[];
  /** From CLM to the end of the claim's last segment. */
  readonly span: Span;
}

interface X12Interchange {
  /** ISA to IEA (or to the last segment when IEA is missing). */
  readonly span: Span;
  readonly isa: X12Segment;
  /** ISA13 as written. */
  readonly controlNumber: string;
}

interface X12Visitor {
  /** Return false to stop reading (the problem cap is reached). */
  claim?(claim: X12Claim): boolean | void;
  interchange?(interchange: X12Interchange): void;
}

interface X12Reading {
  /** The format of the first transaction (837P when the file says nothing). */
  readonly format: X12Format;
  readonly segmentCount: number;
}

interface OpenTransaction {
  readonly st: X12Segment;
  count: number;
  readonly hint?: X12Format;
}

interface OpenGroup {
  readonly gs: X12Segment;
  transactions: number;
}

interface OpenInterchange {
  readonly isa: X12Segment;
  groups: number;
}

function formatHint(guide: string): X12Format | undefined {
  if (guide.includes('X222')) return '837P';
  if (guide.includes('X223')) return '837I';
  return undefined;
}

/** Reads an 837 file with the delimiters its ISA declares (`readDelimiters`); problems (syntax and envelope) go to `problems`, claims to the visitor. Never throws. */
export function readInterchange(text: string, delimiters: X12Delimiters, problems: ParseProblem[], visitor: X12Visitor): X12Reading {
  const value = (segment: X12Segment, index: number): string => {
    const span = segment.elements[index];
    return span ? text.slice(span.start, span.end) : '';
  };
  const at = (segment: X12Segment, index: number): Span => segment.elements[index] ?? { start: segment.span.end, end: segment.span.end };
  const mismatch = (segment: X12Segment, index: number, message: string) => problems.push({ rule: 'x12-syntax', span: at(segment, index), message });

  let interchange: OpenInterchange | undefined;
  let group: OpenGroup | undefined;
  let transaction: OpenTransaction | undefined;
  let firstFormat: X12Format | undefined;
  let groupHint: X12Format | undefined;
  let billingProvider: X12Segment[] = [];
  let subscriber: X12Segment[] = [];
  let patient: X12Segment[] = [];
  let context: X12Segment[] | undefined;
  let claim: X12Segment[] | undefined;
  let last: X12Segment | undefined;
  let segmentCount = 0;
  let stopped = false;

  const flushClaim = () => {
    if (!claim) return;
    const segments = claim;
    claim = undefined;
    if (stopped || !visitor.claim) return;
    const format = transaction?.hint ?? groupHint ?? (segments.some((segment) => segment.id === 'SV2') ? '837I' : '837P');
    firstFormat ??= format;
    const span = { start: segments[0].span.start, end: segments[segments.length - 1].span.end };
    const levels = patient.length ? [...subscriber, ...patient] : subscriber;
    if (visitor.claim({ format, segments, subscriber: levels, billingProvider, span }) === false) stopped = true;
  };
  const closeInterchange = (end: Span) => {
    if (interchange) visitor.interchange?.({ span: { start: interchange.isa.span.start, end: end.end }, isa: interchange.isa, controlNumber: value(interchange.isa, 13).trim() });
    interchange = undefined;
  };
  /** A trailer's 01 counts what its envelope holds and its 02 repeats the header's control number. */
  const checkTrailer = (trailer: X12Segment, count: number, counted: string, header: X12Segment, control: number, controlName: string) => {
    if (value(trailer, 1).trim() !== String(count)) mismatch(trailer, 1, `${trailer.id}01 says ${countText(value(trailer, 1))} ${counted}, but there are ${count}.`);
    if (value(trailer, 2).trim() !== value(header, control).trim()) mismatch(trailer, 2, `${trailer.id}02 does not repeat the ${controlName} of its ${header.id} (${header.id}${String(control).padStart(2, '0')}).`);
  };
  const missing = (what: string, where: X12Segment) => problems.push({ rule: 'x12-syntax', span: where.span, message: what });

  forEachSegment(text, delimiters, problems, (segment) => {
    if (stopped) return;
    segmentCount++;
    if (transaction) transaction.count++;
    switch (segment.id) {
      case 'ISA':
        flushClaim();
        if (interchange && last) {
          missing('The interchange before this ISA has no IEA trailer.', segment);
          closeInterchange(last.span);
        }
        interchange = { isa: segment, groups: 0 };
        break;
      case 'GS':
        flushClaim();
        if (group) missing('The functional group before this GS has no GE trailer.', segment);
        group = { gs: segment, transactions: 0 };
        groupHint = formatHint(value(segment, 8));
        if (interchange) interchange.groups++;
        break;
      case 'ST': {
        flushClaim();
        if (transaction) missing('The transaction set before this ST has no SE trailer.', segment);
        const hint = formatHint(value(segment, 3)) ?? groupHint;
        transaction = { st: segment, count: 1, ...(hint ? { hint } : {}) };
        if (group) group.transactions++;
        if (value(segment, 1) !== '837') mismatch(segment, 1, 'OpNote reads 837 claim transactions; this transaction set is another kind (ST01), so it is not checked as claims.');
        billingProvider = [];
        subscriber = [];
        patient = [];
        context = undefined;
        break;
      }
      case 'SE':
        flushClaim();
        if (!transaction) {
          missing('This SE trailer has no ST header before it.', segment);
          break;
        }
        checkTrailer(segment, transaction.count, 'segments (ST to SE, both included)', transaction.st, 2, 'transaction set control number');
        transaction = undefined;
        context = undefined;
        break;
      case 'GE':
        flushClaim();
        if (transaction) missing('The transaction set before this GE has no SE trailer.', segment);
        transaction = undefined;
        if (!group) {
          missing('This GE trailer has no GS header before it.', segment);
          break;
        }
        checkTrailer(segment, group.transactions, 'transaction sets', group.gs, 6, 'group control number');
        group = undefined;
        groupHint = undefined;
        break;
      case 'IEA':
        flushClaim();
        if (group) missing('The functional group before this IEA has no GE trailer.', segment);
        group = undefined;
        if (!interchange) {
          missing('This IEA trailer has no ISA header before it.', segment);
          break;
        }
        checkTrailer(segment, interchange.groups, 'functional groups', interchange.isa, 13, 'interchange control number');
        closeInterchange(segment.span);
        break;
      case 'HL': {
        flushClaim();
        const level = value(segment, 3).trim();
        // 20 information source (billing provider), 22 subscriber, 23 patient (dependent of the subscriber).
        if (level === '20') {
          billingProvider = [segment];
          subscriber = [];
          patient = [];
          context = billingProvider;
        } else if (level === '22') {
          subscriber = [segment];
          patient = [];
          context = subscriber;
        } else if (level === '23') {
          patient = [segment];
          context = patient;
        } else {
          context = undefined;
        }
        break;
      }
      case 'CLM':
        flushClaim();
        claim = [segment];
        break;
      default:
        if (claim) claim.push(segment);
        else context?.push(segment);
    }
    last = segment;
  });
  flushClaim();
  if (last && !stopped) {
    if (transaction) missing('The file ends inside a transaction set: its SE trailer is missing.', last);
    if (group) missing('The file ends inside a functional group: its GE trailer is missing.', last);
    if (interchange) {
      missing('The file ends without the IEA trailer of its interchange.', last);
      closeInterchange(last.span);
    }
  }
  return { format: firstFormat ?? groupHint ?? '837P', segmentCount };
}

/** A count as a message shows it: digits only, never other file content. */
function countText(raw: string): string {
  const trimmed = raw.trim();
  return /^\d{1,9}$/.test(trimmed) ? trimmed : 'no number of';
}
