/**
 * Big claims (issue 10): `opnote check --format json` on generated claims of the shapes that were
 * quadratic (one units-exceed session of many lines, many sessions, many modifier fixes, imaging and
 * conflict lines, everything disabled so that no rule stops at the problem cap), up to 8 MB. Prints
 * the best wall time of the runs, CPU time of the check (wall time on an idle machine), seconds per MB
 * and the size of the JSON report (it holds the diagnostics as the server would send them).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './util';

const HEADER = 'payer: Medicare\ndos: 2026-03-14\npos: 24\n\ndx: G57.82\n';
const session = (i: number) => `dos:${2000 + Math.floor(i / 336)}-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

/** Claim shapes: a header, then the body repeated past `bytes`; cut to whole lines within `bytes` (the size limit is 8 MiB). */
const CLAIM_SHAPES: ReadonlyArray<{ name: string; body: (bytes: number) => string; lastLineBreak?: false }> = [
  { name: 'one session of 64596 lines', body: (bytes) => '64596-LT x1 ptr:A\n'.repeat(Math.ceil(bytes / 18)) },
  { name: 'the same, last line without a line break', body: (bytes) => '64596-LT x1 ptr:A\n'.repeat(Math.ceil(bytes / 18)), lastLineBreak: false },
  { name: 'many sessions (a date per line)', body: (bytes) => Array.from({ length: Math.ceil(bytes / 40) }, (_, i) => `64596-LT x2 ptr:A ${session(i)}\n64597 x1\n`).join('') },
  { name: 'modifier fixes on every line', body: (bytes) => '64597-LT-51-22 x1 ptr:A\n64596-59-LT x1 junk\n'.repeat(Math.ceil(bytes / 44)) },
  { name: 'imaging and conflicting codes', body: (bytes) => '64596-LT x1\n76942 x1\n64555 x1\n64597 x1\n'.repeat(Math.ceil(bytes / 39)) },
  { name: 'everything disabled (no problem cap)', body: (bytes) => '// opnote-disable\n' + '64597-LT-51-22 x1 ptr:A\n64596-59-LT x2 junk\n76942 x1\n'.repeat(Math.ceil(bytes / 52)) },
];

function claimText(shape: (typeof CLAIM_SHAPES)[number], bytes: number): string {
  const text = HEADER + shape.body(bytes);
  const whole = text.slice(0, text.lastIndexOf('\n', bytes - 1) + 1);
  return shape.lastLineBreak === false ? whole.slice(0, -1) : whole;
}

export interface ClaimFigure {
  readonly shape: string;
  readonly bytes: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly secondsPerMb: number;
  readonly reportBytes: number;
}

/** CPU time of a child process (user + system), read from /usr/bin/time where it exists. */
function runCheck(file: string): { wallMs: number; cpuMs: number; reportBytes: number } {
  const timed = fs.existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const args = [...(timed ? ['-f', '%U %S', process.execPath] : []), `${ROOT}/dist/cli.js`, 'check', '--format', 'json', file];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = timed ? /([\d.]+) ([\d.]+)\s*$/.exec(result.stderr) : null;
  return { wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : wallMs, reportBytes: Buffer.byteLength(result.stdout) };
}

export function claims(sizesMb: readonly number[], runs: number): ClaimFigure[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-claims-'));
  const figures: ClaimFigure[] = [];
  try {
    for (const shape of CLAIM_SHAPES) {
      for (const mb of sizesMb) {
        const text = claimText(shape, Math.floor(mb * 1024 * 1024));
        const file = path.join(dir, 'big.claim');
        fs.writeFileSync(file, text);
        const samples = Array.from({ length: mb >= 4 ? 1 : runs }, () => runCheck(file));
        const best = samples.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
        const bytes = Buffer.byteLength(text);
        figures.push({ shape: shape.name, bytes, wallMs: best.wallMs, cpuMs: best.cpuMs, secondsPerMb: best.cpuMs / 1000 / (bytes / (1024 * 1024)), reportBytes: best.reportBytes });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
