// Service lines by session, built in one pass per check: the claim rules ask "is there a line of
// these codes in the session of this line" once per line, so a scan of every line per question would
// make a claim of N lines cost N² (a 500 KB claim of 64596 lines is 28,000 lines).
import type { ServiceLine } from '../parse/model';
import { partitionPoint } from '../text/partition';

/** The date of service each line is judged by (the claim facts' `sessionDates`). */
export type SessionDates = ReadonlyMap<ServiceLine, string | undefined>;

/** Finds the first of some lines in the same session as a line: two lines share a session unless their dates of service are known and differ. */
export type SessionLookup = (line: ServiceLine) => ServiceLine | undefined;

/**
 * Indexes `lines` (in claim order) by session date. A line whose date is unknown shares every session,
 * so the answer is the earlier of the first line with the same date and the first line with no date.
 */
export function firstInSession(dates: SessionDates, lines: readonly ServiceLine[]): SessionLookup {
  const firstByDate = new Map<string, ServiceLine>();
  let firstUndated: ServiceLine | undefined;
  for (const line of lines) {
    const date = dates.get(line);
    if (date === undefined) firstUndated ??= line;
    else if (!firstByDate.has(date)) firstByDate.set(date, line);
  }
  const first = lines[0];
  return (line) => {
    const date = dates.get(line);
    if (date === undefined) return first;
    const dated = firstByDate.get(date);
    if (!dated || !firstUndated) return dated ?? firstUndated;
    return dated.line < firstUndated.line ? dated : firstUndated;
  };
}

/** Groups lines by session key (the known date, or '' for the lines whose date is unknown), keeping claim order. */
export function bySessionKey(dates: SessionDates, lines: readonly ServiceLine[]): Map<string, ServiceLine[]> {
  const sessions = new Map<string, ServiceLine[]>();
  for (const line of lines) {
    const key = dates.get(line) ?? '';
    const group = sessions.get(key);
    if (group) group.push(line);
    else sessions.set(key, [line]);
  }
  return sessions;
}

/** The last line above `lineNumber` in a list sorted by line (binary search). */
export function nearestAbove(sorted: readonly ServiceLine[], lineNumber: number): ServiceLine | undefined {
  const above = partitionPoint(sorted.length, (index) => sorted[index].line < lineNumber);
  return above > 0 ? sorted[above - 1] : undefined;
}

/**
 * The lines billed in the session of an edit's code with one of the codes it pairs with, each line
 * once (its first edit wins), for the pair rules (conflicts, pairs to review).
 */
export function pairedInSession<Edit extends { readonly code: string }>(
  dates: SessionDates,
  lines: readonly ServiceLine[],
  edits: readonly Edit[],
  partners: (edit: Edit) => readonly string[],
): Array<{ readonly edit: Edit; readonly line: ServiceLine }> {
  const pairs: Array<{ edit: Edit; line: ServiceLine }> = [];
  const paired = new Set<number>();
  const lookups = new Map<string, SessionLookup>();
  for (const edit of edits) {
    let primaryInSession = lookups.get(edit.code);
    if (!primaryInSession) lookups.set(edit.code, (primaryInSession = firstInSession(dates, lines.filter((line) => line.code.value === edit.code))));
    for (const line of lines) {
      if (paired.has(line.line) || !partners(edit).includes(line.code.value) || !primaryInSession(line)) continue;
      paired.add(line.line);
      pairs.push({ edit, line });
    }
  }
  return pairs;
}
