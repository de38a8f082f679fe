import type { LanguageService } from '../core/service/languageService';
import { batchSettings, checkFile } from './checkFile';
import { progressLine, streamEach, type Output, type ProgressStream } from './checkStream';
import { collectFiles, type IgnoreFilter } from './collectFiles';
import { jsonWriter } from './formatJson';
import { sarifWriter } from './formatSarif';
import { textWriter } from './formatText';
import { Tally } from './report';

export { readDocumentText } from './checkFile';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  readonly inputs: readonly string[];
  readonly format: Format;
  readonly configFile?: string;
  /** `--notes DIR`: where an X12 claim's note is looked for (default: the file's own folder tree). */
  readonly notesFolder?: string;
  readonly version: string;
  /** The workspace's `.opnoteignore` (none with `--no-ignore`). */
  readonly ignore?: IgnoreFilter;
  /** Where the progress line of a long run goes on a terminal (stderr); none when undefined. */
  readonly progress?: ProgressStream;
}

/**
 * Checks the files one at a time and writes the report as it goes (nothing but the counts is kept from
 * one file to the next); resolves to the exit code: 1 when a finding has error severity.
 */
export async function checkFiles(service: LanguageService, options: CheckOptions, output: Output): Promise<number> {
  const files = collectFiles(options.inputs, options.ignore ? { ignore: options.ignore } : {});
  const settings = { ...batchSettings(options.configFile), ...(options.notesFolder ? { notesFolder: options.notesFolder } : {}) };
  const writer = options.format === 'json' ? jsonWriter() : options.format === 'sarif' ? sarifWriter(service.rules, options.version) : textWriter();
  const tally = new Tally();
  // Only beside text output: JSON and SARIF go to tools.
  const progress = progressLine(options.format === 'text' ? options.progress : undefined, 'files');
  // The head is written with the first file, so that a usage error leaves stdout empty.
  let head = writer.begin();
  const afterHead = (text: string) => {
    const chunk = head + text;
    head = '';
    return chunk;
  };
  await streamEach(
    files,
    (file) => {
      const checked = checkFile(service, file, settings);
      tally.add(checked);
      progress.tick();
      return afterHead(writer.file(checked));
    },
    output,
  );
  progress.done();
  await output.write(afterHead(writer.end(tally)));
  return tally.summary().errors > 0 ? 1 : 0;
}
