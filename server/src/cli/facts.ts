import { factsReport } from '../core/facts';
import { kindFromUri } from '../core/parse/parseDocument';
import type { LanguageService } from '../core/service/languageService';
import * as path from 'node:path';
import { readDocumentText } from './check';
import { UsageError } from './collectFiles';

/** `opnote facts FILE...`: one JSON line per file with the facts and their evidence ranges. */
export function factsLines(service: LanguageService, files: readonly string[]): string {
  if (files.length === 0) throw new UsageError('opnote facts needs at least one file');
  return files
    .map((file) => {
      const analysis = service.analyze({ uri: path.resolve(file), version: 0, text: readDocumentText(file), kindHint: kindFromUri(file) === 'claim' ? 'claim' : 'opnote' });
      if (!analysis.facts) throw new UsageError(`${file} is a claim; opnote facts reads operative notes`);
      return JSON.stringify({ path: file, ...factsReport(analysis.facts, analysis.model.lines) });
    })
    .join('\n')
    .concat('\n');
}
