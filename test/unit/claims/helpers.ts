import * as fs from 'node:fs';
import * as path from 'node:path';
import { automaticFix, fixAllEdits } from '../../../server/src/core/features/codeActions';
import type { RuleFinding, SpanEdit } from '../../../server/src/core/linting/types';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService, type DocumentSettings, type LanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE, FIXTURES } from '../../helpers/fixtures';

const NOTES = path.join(FIXTURES, 'claims', 'notes');

/** The fixture notes, mounted at /w/notes/ in an in-memory file system (hermetic: the core sees only this). */
export function noteFiles(): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(NOTES).map((name) => [`/w/notes/${name}`, fs.readFileSync(path.join(NOTES, name), 'utf8')]));
}

export function claimService(files: Record<string, string> = {}): LanguageService {
  return createLanguageService({
    fileSystem: inMemoryFileSystem({ ...noteFiles(), ...files }),
    docsBaseUri: DOCS_BASE,
    onInternalError: (where, error) => {
      throw new Error(`internal error in ${where}: ${String(error)}`);
    },
  });
}

/** Applies non-overlapping span edits (later offsets first; insertions at one offset keep their order). */
export function applySpanEdits(text: string, edits: readonly SpanEdit[]): string {
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.span.start - a.edit.span.start || b.index - a.index);
  let result = text;
  for (const { edit } of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

let version = 1;

export function analyzeClaim(service: LanguageService, text: string, uri = '/w/a.claim', settings?: DocumentSettings) {
  return service.analyze({ uri, version: version++, text, kindHint: 'claim' }, settings);
}

export function findings(service: LanguageService, text: string, uri = '/w/a.claim'): RuleFinding[] {
  return [...analyzeClaim(service, text, uri).findings];
}

export function ruleIds(service: LanguageService, text: string, uri = '/w/a.claim'): string[] {
  return findings(service, text, uri).map((finding) => finding.rule.id);
}

/** One fix-all pass, as `source.fixAll.opnote` computes it. */
export function fixAll(service: LanguageService, text: string, uri = '/w/a.claim'): string {
  return applySpanEdits(text, fixAllEdits(findings(service, text, uri)));
}

export function automaticallyFixable(service: LanguageService, text: string, uri = '/w/a.claim'): string[] {
  return findings(service, text, uri)
    .filter((finding) => automaticFix(finding) !== undefined)
    .map((finding) => finding.rule.id);
}
