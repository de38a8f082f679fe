import * as fs from 'node:fs';
import * as path from 'node:path';
import { applySpanEdits, automaticFix, fixAllEdits } from '../../../server/src/core/features/codeActions';
import type { RuleFinding } from '../../../server/src/core/linting/types';
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

/** One round of fix-all (`source.fixAll.opnote` repeats rounds until nothing is left to fix). */
export function fixAll(service: LanguageService, text: string, uri = '/w/a.claim'): string {
  return applySpanEdits(text, fixAllEdits(findings(service, text, uri)));
}

export function automaticallyFixable(service: LanguageService, text: string, uri = '/w/a.claim'): string[] {
  return findings(service, text, uri)
    .filter((finding) => automaticFix(finding) !== undefined)
    .map((finding) => finding.rule.id);
}
