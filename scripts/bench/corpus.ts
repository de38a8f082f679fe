/**
 * The benchmark corpus: the shared folder's 2,377 transcriptions written out as .opnote files in a
 * temporary folder (read from the shared folder at run time, never copied into the project). Reused
 * between runs while its manifest matches.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusTranscriptions } from '../../test/helpers/corpus';

export interface BenchCorpus {
  readonly dir: string;
  readonly files: number;
  /** UTF-8 bytes of all files. */
  readonly bytes: number;
  readonly texts: readonly string[];
}

export function benchCorpus(): BenchCorpus | undefined {
  const texts = corpusTranscriptions();
  if (!texts) return undefined;
  const digest = crypto.createHash('sha1');
  for (const text of texts) digest.update(text).update('\0');
  const id = digest.digest('hex').slice(0, 12);
  const dir = path.join(os.tmpdir(), `opnote-bench-corpus-${id}`);
  const manifest = path.join(dir, '.manifest');
  if (!fs.existsSync(manifest) || fs.readFileSync(manifest, 'utf8') !== `${texts.length}`) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    texts.forEach((text, i) => fs.writeFileSync(path.join(dir, `note-${String(i).padStart(4, '0')}.opnote`), text));
    fs.writeFileSync(manifest, `${texts.length}`);
  }
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  return { dir, files: texts.length, bytes, texts };
}
