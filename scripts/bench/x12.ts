/**
 * X12 837P files of 1,000, 10,000 and 100,000 claims (issue 15): `opnote check --format json`, process
 * start included. Each claim bills 64596-LT and 76942 (bundled: one imaging-bundled finding per claim),
 * with note-missing and imaging-bundled off in the `.opnoterc.json` so that no check stops at the
 * problem cap and every claim is checked. Prints wall time, CPU time, peak RSS (from /usr/bin/time)
 * and microseconds per claim: memory should grow with the file's bytes, not with its claims.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build837 } from '../../test/helpers/x12';
import { ROOT } from './util';

export interface X12Figure {
  readonly claims: number;
  readonly bytes: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssBytes: number;
  readonly microsecondsPerClaim: number;
}

function file837(claims: number): string {
  return build837({
    claims: Array.from({ length: claims }, (_, i) => ({ pcn: `PCN${i}`, dx: ['G57.82'], lines: [{ code: '64596', modifiers: ['LT'], charge: 1450, date: '20260314' }, { code: '76942', charge: 120, date: '20260314' }] })),
  });
}

export function x12(counts: readonly number[], runs: number): X12Figure[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-x12-'));
  const figures: X12Figure[] = [];
  try {
    fs.writeFileSync(path.join(dir, '.opnoterc.json'), JSON.stringify({ rules: { 'note-missing': 'off', 'imaging-bundled': 'off' } }));
    for (const count of counts) {
      const file = path.join(dir, `batch-${count}.837`);
      fs.writeFileSync(file, file837(count));
      const bytes = fs.statSync(file).size;
      let best: X12Figure | undefined;
      for (let run = 0; run < runs; run++) {
        const started = process.hrtime.bigint();
        const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, `${ROOT}/dist/cli.js`, 'check', '--format', 'json', file], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
        const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
        const timed = /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(result.stderr);
        if (result.status !== 0 || !timed) throw new Error(`opnote check failed on ${count} claims (exit ${result.status})`);
        const cpuMs = (Number(timed[1]) + Number(timed[2])) * 1000;
        const figure = { claims: count, bytes, wallMs, cpuMs, peakRssBytes: Number(timed[3]) * 1024, microsecondsPerClaim: (cpuMs * 1000) / count };
        if (!best || figure.cpuMs < best.cpuMs) best = figure;
      }
      figures.push(best!);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
