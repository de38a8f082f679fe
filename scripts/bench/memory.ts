/**
 * Server memory with 100 open documents: 70 notes (corpus transcriptions, or the project's notes) and
 * 30 claims (the project's claim fixtures, with the notes they name on disk), all checked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectDocuments } from '../../test/helpers/corpus';
import { LspTestClient } from '../../test/helpers/lspClient';
import { memoryOf, workspace } from '../../test/helpers/lspSession';
import { megabytes, print, ROOT } from './util';

export interface MemoryResult {
  readonly documents: number;
  readonly notes: number;
  readonly claims: number;
  readonly idleRss: number;
  readonly rss: number;
  readonly peak: number;
}

export async function memory(transcriptions: readonly string[] | undefined): Promise<MemoryResult> {
  const ws = workspace({}, 'opnote-bench-memory-');
  const claimsDir = path.join(ROOT, 'test/fixtures/claims');
  const copy = (from: string, to: string) => {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) copy(path.join(from, entry.name), `${to}/${entry.name}`);
      else ws.write(`${to}/${entry.name}`, fs.readFileSync(path.join(from, entry.name), 'utf8'));
    }
  };
  if (fs.existsSync(claimsDir)) copy(claimsDir, 'claims');
  const claimNames = fs.existsSync(claimsDir) ? fs.readdirSync(claimsDir).filter((name) => name.endsWith('.claim')).sort() : [];
  const projectNotes = projectDocuments().filter((document) => document.kind === 'opnote');
  const client = new LspTestClient();
  try {
    await client.initialize({ workspace: { configuration: true } }, { trusted: true });
    client.configuration = { validation: { delay: 0 } };
    await new Promise((resolve) => setTimeout(resolve, 300));
    const idle = memoryOf(client.process.pid);
    const documents: Array<{ uri: string; languageId: string; text: string }> = [];
    for (let i = 0; i < 70; i++) {
      const text = transcriptions?.length ? transcriptions[i * 31 % transcriptions.length] : projectNotes[i % projectNotes.length].text;
      documents.push({ uri: ws.uri(`notes/note-${i}.opnote`), languageId: 'opnote', text });
    }
    for (let i = 0; documents.length < 100; i++) {
      if (claimNames.length === 0) break;
      const name = claimNames[i % claimNames.length];
      documents.push({ uri: ws.uri(`claims/${i >= claimNames.length ? `copy-${i}-` : ''}${name}`), languageId: 'claim', text: fs.readFileSync(path.join(claimsDir, name), 'utf8') });
    }
    const published = documents.map((document) => client.diagnostics(document.uri, undefined, 60000));
    for (const document of documents) client.open(document.uri, document.languageId, document.text);
    await Promise.all(published);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const loaded = memoryOf(client.process.pid);
    await client.shutdown();
    if (!idle || !loaded) throw new Error('no /proc here: memory is measured on Linux only');
    const result: MemoryResult = {
      documents: documents.length,
      notes: documents.filter((d) => d.languageId === 'opnote').length,
      claims: documents.filter((d) => d.languageId === 'claim').length,
      idleRss: idle.rss,
      rss: loaded.rss,
      peak: loaded.peak,
    };
    print(`server RSS after initialize: ${megabytes(idle.rss)}`);
    print(`server RSS with ${result.documents} open documents (${result.notes} notes${transcriptions ? ' from the corpus' : ''}, ${result.claims} claims), all checked: ${megabytes(loaded.rss)} (peak ${megabytes(loaded.peak)})`);
    return result;
  } finally {
    client.kill();
    ws.remove();
  }
}
