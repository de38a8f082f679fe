import * as assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-types';
import { inMemoryFileSystem } from '../../server/src/core/service/fileSystem';
import { createLanguageService, type LanguageService } from '../../server/src/core/service/languageService';
import { DOCS_BASE } from '../helpers/fixtures';
import { applyEdits, lineTable } from '../helpers/textEdits';

/**
 * Big claims stay linear (issue 10, finding 4): N findings of one units-exceed session share one fix,
 * the diagnostics do not carry it N times, code actions offer it once, and grouping lines by session
 * costs one pass. Growth is judged by ratios with wide margins (linear: 8x; quadratic: 64x), on sizes
 * of output where possible and otherwise on the best of five timings.
 */

const HEADER = 'payer: Medicare\ndos: 2026-03-14\npos: 24\n\ndx: G57.82\n';
/** Every finding is kept, so what the service sends grows with the claim and nothing hides behind the cap. */
const ALL = { maxNumberOfProblems: Number.MAX_SAFE_INTEGER };

function service(files: Record<string, string> = {}): { service: LanguageService; errors: string[] } {
  const errors: string[] = [];
  return { service: createLanguageService({ fileSystem: inMemoryFileSystem(files), docsBaseUri: DOCS_BASE, onInternalError: (where) => errors.push(where) }), errors };
}

let version = 1;
const document = (text: string, uri = 'file:///w/a.claim') => ({ uri, version: version++, text, kindHint: 'claim' as const });

/** The best of five runs, in milliseconds (the least disturbed by other work on the machine). */
function bestTime(work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const repeatedPrimary = (lines: number) => HEADER + '64596-LT x1 ptr:A\n'.repeat(lines);

describe('robustness: big claims stay linear', function () {
  this.timeout(60000);

  it('the diagnostics of one units-exceed session grow linearly with its lines (the session fix is not copied into each)', () => {
    const { service: svc } = service();
    const size = (lines: number) => JSON.stringify(svc.analyze(document(repeatedPrimary(lines)), ALL).diagnostics).length;
    const small = size(250);
    const large = size(2000);
    assert.ok(large / small < 16, `8 times the lines gave ${(large / small).toFixed(1)} times the diagnostics (${small} -> ${large} bytes)`);
  });

  it('the findings of a session share one fix, offered once for the whole document, deferred for a client that resolves', () => {
    const { service: svc } = service();
    const doc = document(repeatedPrimary(300));
    const findings = svc.analyze(doc, ALL).findings.filter((finding) => finding.rule.id === 'units-exceed');
    assert.equal(findings.length, 299);
    assert.equal(new Set(findings.map((finding) => finding.fixes?.[0])).size, 1, 'one fix object for the session');
    const table = lineTable(doc.text);
    const whole = { start: { line: 0, character: 0 }, end: { line: table.starts.length - 1, character: 0 } };
    const sessionFix = (actions: CodeAction[]) => actions.filter((action) => action.title.startsWith('Keep one 64596 line'));
    const eager = sessionFix(svc.codeActions(doc, whole, { only: ['quickfix'] }, ALL, false));
    assert.equal(eager.length, 1);
    assert.equal(eager[0].diagnostics?.length, 299, 'the one action lists every diagnostic it settles');
    const [lazy] = sessionFix(svc.codeActions(doc, whole, { only: ['quickfix'] }, ALL, true));
    assert.equal(lazy.edit, undefined, 'a client that resolves fetches the edit when the fix is picked');
    const resolved = svc.resolveCodeAction(doc, lazy, ALL);
    assert.deepEqual(resolved.edit, eager[0].edit);
    const fixed = applyEdits(doc.text, resolved.edit!.changes![doc.uri]);
    assert.equal(fixed, `${HEADER}64596-LT x1 ptr:A\n64597-LT x299 ptr:A\n`);
    assert.ok(!svc.analyze(document(fixed), ALL).findings.some((finding) => finding.rule.id === 'units-exceed'));
  });

  it('checking grows linearly with the number of sessions (lines are grouped by session in one pass)', () => {
    const { service: svc, errors } = service();
    const sessions = (count: number) =>
      HEADER + Array.from({ length: count }, (_, i) => `64596-LT x2 ptr:A dos:${2000 + Math.floor(i / 336)}-${String(1 + ((i / 28) % 12 | 0)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}\n64597-LT x1 ptr:A\n`).join('');
    const time = (count: number) => bestTime(() => svc.analyze(document(sessions(count)), ALL));
    time(400); // the first runs are slower while V8 compiles the checking code
    const small = time(400);
    const large = time(3200);
    assert.ok(large / small < 24, `8 times the sessions took ${(large / small).toFixed(1)} times as long (${small.toFixed(1)} -> ${large.toFixed(1)} ms)`);
    assert.deepEqual(errors, []);
  });

  it('a fix that removes the last line (no line break after it) and the line above it returns edits that do not overlap', () => {
    const { service: svc } = service();
    const doc = document(`${HEADER}64596-LT x1 ptr:A\n64596-LT x1 ptr:A\n64596-LT x1 ptr:A`);
    const lastLine = { start: { line: 7, character: 0 }, end: { line: 7, character: 17 } };
    const fix = svc.codeActions(doc, lastLine, { only: ['quickfix'] }, {}, false).find((action) => action.title.startsWith('Keep one 64596 line'))!;
    // applyEdits applies edits as a client does, and rejects overlapping ones.
    assert.equal(applyEdits(doc.text, fix.edit!.changes![doc.uri]), `${HEADER}64596-LT x1 ptr:A\n64597-LT x2 ptr:A`);
  });

  it('code actions asked again and again on one version settle fix-all once (a client without resolve support gets it in every answer)', () => {
    // Found by the fuzzer: 452 unreadable lines made every code action request re-check the claim up to ten times.
    const { service: svc } = service();
    const text = HEADER + 'L8688-XE-73  x1000  $1450.00  pos:ASC // checked\n'.repeat(452);
    const everywhere = { start: { line: 0, character: 0 }, end: { line: 460, character: 0 } };
    const ask = (doc: ReturnType<typeof document>) => svc.codeActions(doc, everywhere, { only: ['source.fixAll.opnote'] }, {}, false);
    // Each run a new version: what one request costs when nothing is known yet.
    const once = bestTime(() => ask(document(text)));
    const twenty = bestTime(() => {
      const doc = document(text);
      for (let request = 0; request < 20; request++) ask(doc);
    });
    // Settling again per request would cost 20x; once per version about 1x.
    assert.ok(twenty < once * 6, `20 requests on one version took ${twenty.toFixed(0)} ms, one request ${once.toFixed(0)} ms`);
  });
});
