import * as path from 'node:path';
import { kindFromUri } from '../core/parse/parseDocument';
import type { LanguageService } from '../core/service/languageService';
import { readDocumentText } from './check';
import { UsageError } from './collectFiles';

/** `opnote checklist FILE [--format markdown|json]`: the 64596 checklist of a note (or of a claim's note). */
export function checklistOutput(service: LanguageService, file: string | undefined, format: string): string {
  if (!file) throw new UsageError('opnote checklist needs a file');
  if (!['markdown', 'json'].includes(format)) throw new UsageError(`Unknown --format ${format}: use markdown or json`);
  const checklist = service.checklist({ uri: path.resolve(file), version: 0, text: readDocumentText(file), kindHint: kindFromUri(file) });
  if (!checklist) throw new UsageError(`${file} names no readable operative note (note: header)`);
  return format === 'json' ? `${JSON.stringify({ path: file, items: checklist.items, codes: checklist.codes })}\n` : checklist.markdown;
}
