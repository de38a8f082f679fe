import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';

/** Position of the first occurrence of `needle` in `text` (plus an offset into it). */
export function at(text: string, needle: string, into = 1) {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `text holds "${needle}"`);
  const before = text.slice(0, offset + into).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The Markdown of a hover, which must be there. */
export function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}
