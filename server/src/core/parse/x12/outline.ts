// What the outline and folding show of an 837: interchanges, their claims, each claim's service lines.
import { LineIndex } from '../../text/lineIndex';
import type { Span } from '../../text/span';
import type { ParseProblem, ServiceLine } from '../model';
import { claimDocument } from './claimModel';
import { readInterchange, type X12Format } from './interchange';
import { readDelimiters, type X12Delimiters } from './segments';

export interface X12OutlineClaim {
  readonly span: Span;
  /** The CLM segment. */
  readonly clm: Span;
  /** CLM01 as written. */
  readonly patientControlNumber: string;
  readonly format: X12Format;
  readonly lines: readonly ServiceLine[];
}

interface X12OutlineInterchange {
  readonly span: Span;
  readonly isa: Span;
  readonly controlNumber: string;
  readonly claims: readonly X12OutlineClaim[];
}

export interface X12Outline {
  readonly interchanges: readonly X12OutlineInterchange[];
  /** Claims outside any ISA ... IEA (a file without an ISA). */
  readonly looseClaims: readonly X12OutlineClaim[];
}

/**
 * The text with each segment terminator read as a line break (same length, same offsets), so spans
 * index the file while every segment is a line of its own for the claim rules, which tell service
 * lines apart by line number. A terminator already followed by a line break becomes a space, so that
 * the lines of a file written one segment per line keep their numbers.
 */
export function segmentLines(text: string, delimiters: X12Delimiters): string {
  if (delimiters.segment === '\n' || delimiters.segment === '\r') return text;
  const pieces = text.split(delimiters.segment);
  const parts: string[] = [pieces[0]];
  for (let at = 1; at < pieces.length; at++) parts.push(/^[\r\n]/.test(pieces[at]) ? ' ' : '\n', pieces[at]);
  return parts.join('');
}

export function readOutline(uri: string, text: string): X12Outline {
  const problems: ParseProblem[] = [];
  const delimiters = readDelimiters(text, problems);
  const segmented = segmentLines(text, delimiters);
  const source = { uri, version: -1, text: segmented, lines: new LineIndex(segmented), delimiters };
  const interchanges: X12OutlineInterchange[] = [];
  let claims: X12OutlineClaim[] = [];
  readInterchange(text, delimiters, problems, {
    claim(claim) {
      const { model } = claimDocument(source, claim, problems);
      const patient = model.header.fields.find((field) => field.key === 'patient');
      claims.push({ span: claim.span, clm: claim.segments[0].span, patientControlNumber: patient?.value ?? '', format: claim.format, lines: model.claim?.lines ?? [] });
    },
    interchange(interchange) {
      interchanges.push({ ...interchange, isa: interchange.isa.span, claims });
      claims = [];
    },
  });
  return { interchanges, looseClaims: claims };
}
