// Organisation payer files: `.opnote/payers/*.json` in the nearest ancestor folder of a document that
// has a `.opnote/payers/` folder, read through the injected file system, validated with zod and merged
// over the built-in payers (a payer with a built-in id replaces it; new ids are added). Cached by
// directory like ConfigResolver; `clear()` forgets everything (a payer file changed).
import type { PayerFileProblem, PayerFilesInfo } from '../linting/types';
import { createPayerFinder, mergePayers, parseUserPayerFile, type Knowledge, type Payer, type PayerFinder } from '../knowledge';
import { jsonPathPosition } from '../text/jsonLocation';
import { describeRefusal, readText, type FileSystem } from './fileSystem';
import { ancestors } from './paths';

export const PAYER_FOLDER = '.opnote/payers';

export interface LoadedPayerFiles extends PayerFilesInfo {
  readonly findPayer: PayerFinder;
  readonly payers: readonly Payer[];
}

export function loadPayerFile(path: string, text: string): { payers: Payer[]; problem?: PayerFileProblem } {
  const result = parseUserPayerFile(text);
  if (result.errors.length === 0) return { payers: result.payers };
  const first = result.errors[0];
  // Only the first problem is shown, so only its position is looked up (one pass over the text).
  const position = first.location.segments.length ? jsonPathPosition(text, first.location.segments, first.location.at) : undefined;
  return { payers: result.payers, problem: { path, jsonPath: first.path, ...(position ? { position } : {}), message: first.message, count: result.errors.length } };
}

export class PayerFileResolver {
  private readonly byDirectory = new Map<string, LoadedPayerFiles | null>();
  private readonly byFolder = new Map<string, LoadedPayerFiles>();

  constructor(
    private readonly fileSystem: FileSystem,
    private readonly knowledge: Knowledge,
  ) {}

  /** The payer files in effect for documents in `dir`, or undefined when no ancestor has `.opnote/payers/`. */
  forDirectory(dir: string): LoadedPayerFiles | undefined {
    const cached = this.byDirectory.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let found: LoadedPayerFiles | null = null;
    if (this.fileSystem.readDirectory) {
      for (const candidate of ancestors(dir)) {
        const hit = this.byDirectory.get(candidate);
        if (hit !== undefined) {
          found = hit;
          break;
        }
        const folder = `${candidate === '/' ? '' : candidate.replace(/\/$/, '')}/${PAYER_FOLDER}`;
        const names = this.fileSystem.readDirectory(folder);
        if (names !== undefined) {
          found = this.load(folder, names);
          break;
        }
      }
    }
    this.byDirectory.set(dir, found);
    return found ?? undefined;
  }

  private load(folder: string, names: readonly string[]): LoadedPayerFiles {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const files = names.filter((name) => name.toLowerCase().endsWith('.json')).sort().map((name) => `${folder}/${name}`);
    const userById = new Map<string, Payer>();
    const problems: PayerFileProblem[] = [];
    for (const path of files) {
      const read = readText(this.fileSystem, path);
      if ('refused' in read) {
        problems.push({ path, jsonPath: '$', message: `Not read: ${describeRefusal(read.refused)}`, count: 1 });
        continue;
      }
      const { payers, problem } = loadPayerFile(path, read.text);
      if (problem) problems.push(problem);
      // A later file (in name order) wins over an earlier one for the same id.
      for (const payer of payers) {
        userById.delete(payer.id);
        userById.set(payer.id, payer);
      }
    }
    const payers = mergePayers(this.knowledge.payers, [...userById.values()]);
    const loaded: LoadedPayerFiles = { folder, files, problems, payers, findPayer: createPayerFinder(payers) };
    this.byFolder.set(folder, loaded);
    return loaded;
  }

  clear(): void {
    this.byDirectory.clear();
    this.byFolder.clear();
  }
}
