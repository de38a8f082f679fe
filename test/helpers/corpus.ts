/**
 * Documents to fuzz and measure with. The project's own fixtures and examples are always there; the
 * shared corpus of real transcriptions (copyrighted by its site) is read from the shared folder at run
 * time, never copied into the project, and is simply absent on machines without it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { sharedPath } from '../../scripts/sharedData';

export const ROOT = path.resolve(__dirname, '../..');

export interface SeedDocument {
  readonly name: string;
  readonly kind: 'opnote' | 'claim';
  readonly text: string;
}

/** Every .opnote and .claim under test/fixtures and examples. */
export function projectDocuments(): SeedDocument[] {
  const found: SeedDocument[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(opnote|claim)$/.test(entry.name)) found.push({ name: path.relative(ROOT, full), kind: entry.name.endsWith('.claim') ? 'claim' : 'opnote', text: fs.readFileSync(full, 'utf8') });
    }
  };
  for (const dir of ['test/fixtures', 'examples', 'test/editors/fixtures']) if (fs.existsSync(path.join(ROOT, dir))) walk(path.join(ROOT, dir));
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

export const CORPUS_FILE = ['corpus', 'mtsamples_all_unique.jsonl.gz'] as const;

/** The transcriptions of the shared corpus, or undefined when the shared folder is not there. */
export function corpusTranscriptions(): string[] | undefined {
  const file = sharedPath(...CORPUS_FILE);
  if (!file) return undefined;
  return zlib
    .gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { transcription?: unknown }).transcription)
    .filter((text): text is string => typeof text === 'string' && text.length > 0);
}
