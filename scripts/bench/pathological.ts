/**
 * Pathological notes (test/helpers/pathological.ts: run-on dictation, runs of spaces and `#`, long
 * header values, sentences without periods) at up to 8 MiB, just under the size cut-off: seconds
 * per MB of `analyze` in a fresh service (what `opnote check` does per file). Then, over stdio, how
 * long a hover on another document waits while the server checks a 1 MB pathological note: hovers
 * are sent one after the other from the didOpen of that note until its diagnostics arrive. The
 * server has checked a 256 KB note of the same kind before (warm, as an editor's server is; another
 * text, so nothing of it is remembered).
 */
import { inMemoryFileSystem } from '../../server/src/core/service/fileSystem';
import { createLanguageService, DEFAULT_MAX_DOCUMENT_SIZE } from '../../server/src/core/service/languageService';
import { LspTestClient } from '../../test/helpers/lspClient';
import { PATHOLOGICAL_INPUTS } from '../../test/helpers/pathological';
import { ms, print, stats, table, type Stats } from './util';

const MB = 1024 * 1024;

export interface PathologicalResult {
  /** Per input: characters and milliseconds at each size. */
  readonly check: readonly { readonly name: string; readonly runs: readonly { readonly chars: number; readonly ms: number }[] }[];
  readonly hover: readonly { readonly name: string; readonly chars: number; readonly checkMs: number; readonly hover: Stats }[];
}

function checkMs(text: string): number {
  const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: 'file:///docs/' });
  const started = process.hrtime.bigint();
  service.analyze({ uri: '/bench/pathological.opnote', version: 1, text });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const SMALL = '---\ndate: 2026-03-14\n---\n\n# Procedure\nPercutaneous insertion, left superficial peroneal nerve.\n';

async function hoverWhileChecking(client: LspTestClient, uri: string, text: string): Promise<{ checkMs: number; hover: Stats }> {
  const published = client.diagnostics(uri, undefined, 120000);
  let done = false;
  const started = Date.now();
  void published.then(() => (done = true));
  client.open(uri, 'opnote', text);
  const waits: number[] = [];
  while (!done) {
    const sent = process.hrtime.bigint();
    await client.request('textDocument/hover', { textDocument: { uri: 'file:///bench/small.opnote' }, position: { line: 4, character: 3 } }, 120000);
    waits.push(Number(process.hrtime.bigint() - sent) / 1e6);
  }
  await published;
  return { checkMs: Date.now() - started, hover: stats(waits) };
}

export async function pathological(quick: boolean): Promise<PathologicalResult> {
  const sizes = quick ? [MB, 4 * MB] : [MB, 2 * MB, 4 * MB, DEFAULT_MAX_DOCUMENT_SIZE - 64 * 1024];
  const check = PATHOLOGICAL_INPUTS.map((input) => ({
    name: input.name,
    runs: sizes.map((size) => {
      const text = input.text(size);
      return { chars: text.length, ms: checkMs(text) };
    }),
  }));
  print(
    table([
      ['note', ...sizes.map((size) => `${(size / MB).toFixed(size % MB ? 2 : 0)} MiB: s/MB`)],
      ...check.map((row) => [row.name, ...row.runs.map((run) => `${(run.ms / 1000 / (run.chars / MB)).toFixed(3)} (${ms(run.ms, 0)})`)]),
    ]),
  );

  const client = new LspTestClient();
  const hover: PathologicalResult['hover'][number][] = [];
  try {
    await client.initialize({ workspace: { configuration: true } });
    client.configuration = { validation: { delay: 0 } };
    const small = client.diagnostics('file:///bench/small.opnote');
    client.open('file:///bench/small.opnote', 'opnote', SMALL);
    await small;
    for (const [index, input] of PATHOLOGICAL_INPUTS.entries()) {
      const warmUp = `file:///bench/warm-up-${index}.opnote`;
      const warm = client.diagnostics(warmUp, undefined, 120000);
      client.open(warmUp, 'opnote', input.text(MB / 4));
      await warm;
      client.notify('textDocument/didClose', { textDocument: { uri: warmUp } });
      const text = input.text(MB);
      hover.push({ name: input.name, chars: text.length, ...(await hoverWhileChecking(client, `file:///bench/pathological-${index}.opnote`, text)) });
    }
    await client.shutdown();
  } finally {
    client.kill();
  }
  print();
  print(
    table([
      ['1 MB note being checked', 'didOpen -> diagnostics', 'hover on another note: p50', 'max', 'n'],
      ...hover.map((row) => [row.name, ms(row.checkMs, 0), ms(row.hover.p50, 2), ms(row.hover.max, 1), `${row.hover.n}`]),
    ]),
  );
  return { check, hover };
}
