import { isSpace } from '../text/chars';
import type { Span } from '../text/span';
import { finish, type Steps } from '../text/steps';

/**
 * The matching budget: a sentence longer than MAX_SENTENCE characters (a table, a dictation that
 * never stops, junk) is read in windows of about that size, so that a pattern works on a bounded text
 * however long the sentence is, and even a pattern that is slow on long texts costs milliseconds.
 * Each window owns the matches that start in its first part and reads WINDOW_OVERLAP characters into
 * the next one, so a match that starts just before a cut is still found whole. Cuts fall after a
 * space where there is one nearby, so no word is split and `\b` reads as in the whole text.
 */
export const MAX_SENTENCE = 2000;
export const WINDOW_OVERLAP = 200;
/** How far a cut may move to reach a space. */
const MAX_WORD = 64;

export interface Window extends Span {
  /** Matches that start at or after `start + owned` belong to the next window. */
  readonly owned: number;
}

/** Just after a space at or after `at` (within MAX_WORD characters), else `at` itself. */
function cutNear(text: string, at: number, end: number): number {
  const limit = Math.min(end, at + MAX_WORD);
  for (let cut = at; cut <= limit; cut++) if (cut === end || isSpace(text.charCodeAt(cut - 1))) return cut;
  return at;
}

/** The windows text[start, end) is read in: the whole of it when it is short enough. */
export function windowsOf(text: string, start: number, end: number): Window[] {
  if (end - start <= MAX_SENTENCE) return [{ start, end, owned: end - start }];
  const windows: Window[] = [];
  for (let at = start; at < end; ) {
    const next = at + MAX_SENTENCE >= end ? end : cutNear(text, at + MAX_SENTENCE, end);
    const reach = next >= end ? end : cutNear(text, Math.min(end, next + WINDOW_OVERLAP), end);
    windows.push({ start: at, end: reach, owned: next - at });
    at = next;
  }
  return windows;
}

/** Whether `pattern` matches somewhere in text[start, end), read in windows like a long sentence. */
export function occursIn(text: string, pattern: RegExp, start = 0, end = text.length): boolean {
  return finish(occursInSteps(text, pattern, start, end));
}

/** occursIn with a step after each window read, for a search over a whole long note. */
export function* occursInSteps(text: string, pattern: RegExp, start = 0, end = text.length): Steps<boolean> {
  for (const window of windowsOf(text, start, end)) {
    if (text.slice(window.start, window.end).search(pattern) >= 0) return true;
    yield;
  }
  return false;
}
