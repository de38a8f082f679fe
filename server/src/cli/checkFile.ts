import * as fs from 'node:fs';
import * as path from 'node:path';
import { setRegionMemoLimits } from '../core/facts';
import { kindFromUri } from '../core/parse/parseDocument';
import type { DocumentSettings, LanguageService } from '../core/service/languageService';
import { toCheckedFile, type CheckedFile } from './report';

/** Reads a file as UTF-8; bad bytes become U+FFFD, which the unreadable-text rule reports. */
export function readDocumentText(file: string): string {
  // With the encoding given, Node decodes in one native call (no Buffer in between); same text.
  return fs.readFileSync(file, 'utf8');
}

/** Reads and checks one file; only the findings are kept, so the text and model can go at once. */
export function checkFile(service: LanguageService, file: string, settings: DocumentSettings): CheckedFile {
  const analysis = service.analyze({ uri: path.resolve(file), version: 0, text: readDocumentText(file), kindHint: kindFromUri(file) }, settings);
  return toCheckedFile(file, analysis);
}

/**
 * A batch reads every file once: the facts memo that spares an editor re-reading unchanged sections
 * would only cost memory and collector time here.
 */
export function prepareBatch(): void {
  setRegionMemoLimits(0);
}
