/**
 * Editor latency through the LSP over stdio, as an editor sees it: from sending didChange to
 * receiving publishDiagnostics for that version, and hover round trips, for a typical 5 KB note and a
 * 1 MB document (validation.delay 0 through workspace/configuration).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspTestClient } from '../../test/helpers/lspClient';
import { ms, print, ROOT, stats, table, type Stats } from './util';

export interface LatencyResult {
  readonly note5k: { readonly chars: number; readonly change: Stats; readonly hover: Stats };
  readonly doc1m: { readonly chars: number; readonly change: Stats; readonly hover: Stats };
}

/** A 64596 note of about 5 KB from the project's examples and fixtures (the same on every machine). */
export function typicalNote(): string {
  const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
  let note = read('examples/well-documented.opnote');
  const extras = fs.readdirSync(path.join(ROOT, 'test/fixtures/facts')).filter((name) => name.endsWith('.opnote')).sort();
  for (const name of extras) {
    if (note.length >= 5000) break;
    // Their bodies as more sections (headers dropped: one header per note).
    note += `\n${read(`test/fixtures/facts/${name}`).replace(/^---[\s\S]*?---\n/, '').replace(/^(?:[A-Za-z -]+:.*\n)+\n/, '')}`;
  }
  return note.slice(0, 5120).replace(/[^\n]*$/, '');
}

/** About 1 MB: the typical note followed by corpus transcriptions, or by itself again without the corpus. */
export function largeDocument(note: string, transcriptions: readonly string[] | undefined): string {
  const parts = [note];
  let length = note.length;
  for (let i = 0; length < 1024 * 1024; i++) {
    const next = transcriptions?.length ? transcriptions[i % transcriptions.length] : note;
    parts.push(next);
    length += next.length + 2;
  }
  return parts.join('\n\n');
}

async function measure(client: LspTestClient, uri: string, text: string, changes: number, hovers: number): Promise<{ change: Stats; hover: Stats }> {
  const lines = text.split('\n');
  const editLine = Math.max(0, lines.findIndex((line) => /^# Indications/.test(line)) + 1);
  const hoverLine = Math.max(0, lines.findIndex((line) => /^# Procedure/.test(line)));
  let version = 1;
  const first = client.diagnostics(uri, undefined, 60000);
  client.open(uri, 'opnote', text);
  await first;
  const changeTimes: number[] = [];
  const warmup = Math.max(3, Math.round(changes / 10));
  for (let i = 0; i < warmup + changes; i++) {
    version++;
    const insert = version % 2 === 0;
    const range = { start: { line: editLine, character: 0 }, end: { line: editLine, character: insert ? 0 : 1 } };
    const published = client.diagnostics(uri, (params) => params.version === version, 60000);
    const sent = process.hrtime.bigint();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert ? 'x' : '' }] });
    await published;
    if (i >= warmup) changeTimes.push(Number(process.hrtime.bigint() - sent) / 1e6);
  }
  const hoverTimes: number[] = [];
  for (let i = 0; i < hovers + 10; i++) {
    const sent = process.hrtime.bigint();
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: 3 } }, 60000);
    if (!hover) throw new Error('no hover on the Procedure heading');
    if (i >= 10) hoverTimes.push(Number(process.hrtime.bigint() - sent) / 1e6);
  }
  return { change: stats(changeTimes), hover: stats(hoverTimes) };
}

export async function latency(transcriptions: readonly string[] | undefined, quick: boolean): Promise<LatencyResult> {
  const note = typicalNote();
  const big = largeDocument(note, transcriptions);
  const client = new LspTestClient();
  try {
    await client.initialize({ workspace: { configuration: true } });
    client.configuration = { validation: { delay: 0 } };
    const small = await measure(client, 'file:///bench/typical.opnote', note, quick ? 50 : 200, quick ? 50 : 200);
    const large = await measure(client, 'file:///bench/large.opnote', big, quick ? 10 : 30, quick ? 20 : 50);
    await client.shutdown();
    const result: LatencyResult = { note5k: { chars: note.length, ...small }, doc1m: { chars: big.length, ...large } };
    print(
      table([
        ['document', 'request', 'p50', 'p95', 'max', 'n'],
        [`5 KB note (${note.length} chars)`, 'didChange -> publishDiagnostics', ms(small.change.p50, 2), ms(small.change.p95, 2), ms(small.change.max, 1), `${small.change.n}`],
        ['', 'hover', ms(small.hover.p50, 2), ms(small.hover.p95, 2), ms(small.hover.max, 1), `${small.hover.n}`],
        [`1 MB document (${big.length} chars${transcriptions ? ', corpus text' : ''})`, 'didChange -> publishDiagnostics', ms(large.change.p50), ms(large.change.p95), ms(large.change.max), `${large.change.n}`],
        ['', 'hover', ms(large.hover.p50, 2), ms(large.hover.p95, 2), ms(large.hover.max, 1), `${large.hover.n}`],
      ]),
    );
    return result;
  } finally {
    client.kill();
  }
}
