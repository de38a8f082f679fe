/**
 * Scores the ConText engine on the public NegEx/ConText annotations (chapmanbe/negex, Apache-2.0)
 * and measures its speed.
 *
 *   tsx scripts/bench-negex.ts            figures
 *   tsx scripts/bench-negex.ts --errors   also the misses on the tuning half (reports 1-60)
 *
 * The data folder is <shared>/benchmarks/negex (see scripts/sharedData.ts for where <shared> is looked up).
 * Tune on reports 1-60 only: 61-120 is the honest figure.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from './sharedData';
import { createAssertionEngine, type AssertionEngine, type AssertionStatus } from '../server/src/core/assertion';

const NEGEX_FILE = 'negex-annotations.tsv';
const CONTEXT_FILE = 'context-annotations.tsv';
const TUNING_LAST_REPORT = 60;
const SPEED_ROUNDS = 20;

export interface BinaryScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export interface NegexScores {
  /** Reports 1-60: the tuning half. */
  tuning: BinaryScore;
  /** Reports 61-120: the held-out half. */
  heldOut: BinaryScore;
  all: BinaryScore;
  /** Rows whose concept is not in its sentence (located by its leading words, or as the whole sentence). */
  approximateConcepts: number;
}

export interface ContextScores {
  historical: BinaryScore;
  hypothetical: BinaryScore;
  otherExperiencer: BinaryScore;
}

/** One annotated concept, located in its sentence. */
export interface BenchmarkCase {
  sentence: string;
  start: number;
  end: number;
  approximate: boolean;
  /** Report numbers whose sentences include this one (context-annotations has none of its own). */
  reports: readonly number[];
}

interface NegexCase extends BenchmarkCase {
  negated: boolean;
}

interface ContextCase extends BenchmarkCase {
  line: string;
  historical: boolean;
  hypothetical: boolean;
  other: boolean;
}

export function benchmarkFolder(): string {
  return path.join(sharedDir() ?? path.resolve(__dirname, '..', '..', 'shared'), 'benchmarks', 'negex');
}

function readTsv(file: string): string[][] {
  const full = path.join(benchmarkFolder(), file);
  if (!existsSync(full)) throw new MissingDataError(full);
  return readFileSync(full, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t').map(unquote));
}

class MissingDataError extends Error {
  constructor(file: string) {
    super(`Benchmark data not found: ${file}`);
  }
}

/** Fields are CSV-quoted when they hold commas: "...", with "" for a quote. */
function unquote(field: string): string {
  const trimmed = field.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/""/g, '"');
  }
  return trimmed;
}

/**
 * First case-insensitive occurrence of the concept; whitespace runs may differ. A few annotations
 * span more than their sentence: then the longest leading part of the concept that is there, else
 * the whole sentence.
 */
function locate(sentence: string, concept: string): { start: number; end: number; approximate: boolean } {
  const words = concept.trim().split(/\s+/).map(escapeRegExp);
  for (let count = words.length; count > 0; count--) {
    const match = new RegExp(words.slice(0, count).join('\\s+'), 'i').exec(sentence);
    if (match) {
      return { start: match.index, end: match.index + match[0].length, approximate: count < words.length };
    }
  }
  return { start: 0, end: sentence.length, approximate: true };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function loadNegexCases(): NegexCase[] {
  return readTsv(NEGEX_FILE).map(([report = '', concept = '', sentence = '', label = '']) => ({
    sentence,
    ...locate(sentence, concept),
    reports: [Number(report)],
    negated: label.toLowerCase() === 'negated',
  }));
}

function loadContextCases(negexCases: readonly NegexCase[]): ContextCase[] {
  const reportsBySentence = new Map<string, number[]>();
  for (const { sentence, reports } of negexCases) {
    const key = sentence.toLowerCase();
    reportsBySentence.set(key, [...(reportsBySentence.get(key) ?? []), ...reports]);
  }
  const rows = readTsv(CONTEXT_FILE);
  return rows.map(([line = '', concept = '', sentence = '', , temporality = '', experiencer = '']) => ({
    line,
    sentence,
    ...locate(sentence, concept),
    reports: reportsBySentence.get(sentence.toLowerCase()) ?? [],
    historical: temporality.toLowerCase() === 'historical',
    hypothetical: temporality.toLowerCase() === 'not particular',
    other: experiencer.toLowerCase() !== 'patient',
  }));
}

function score(pairs: Iterable<readonly [expected: boolean, predicted: boolean]>): BinaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const [expected, predicted] of pairs) {
    if (expected && predicted) tp++;
    else if (predicted) fp++;
    else if (expected) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1, accuracy: (tp + tn) / Math.max(1, tp + fp + fn + tn) };
}

const inTuningHalf = (reports: readonly number[]): boolean =>
  reports.length > 0 && reports.every((report) => report <= TUNING_LAST_REPORT);
const inHeldOutHalf = (reports: readonly number[]): boolean =>
  reports.length > 0 && reports.every((report) => report > TUNING_LAST_REPORT);

function assessAll<T extends BenchmarkCase>(engine: AssertionEngine, cases: readonly T[]): Array<[T, AssertionStatus]> {
  return cases.map((item) => [item, engine.assess(item.sentence, item.start, item.end)]);
}

export function scoreNegex(engine: AssertionEngine = createAssertionEngine()): NegexScores {
  const results = assessAll(engine, loadNegexCases());
  const negation = (rows: typeof results): BinaryScore =>
    score(rows.map(([item, result]) => [item.negated, result.negated] as const));
  return {
    tuning: negation(results.filter(([item]) => inTuningHalf(item.reports))),
    heldOut: negation(results.filter(([item]) => inHeldOutHalf(item.reports))),
    all: negation(results),
    approximateConcepts: results.filter(([item]) => item.approximate).length,
  };
}

export function scoreContext(
  engine: AssertionEngine = createAssertionEngine(),
  filter: (item: BenchmarkCase) => boolean = () => true,
): ContextScores {
  const results = assessAll(engine, loadContextCases(loadNegexCases()).filter(filter));
  return {
    historical: score(results.map(([item, result]) => [item.historical, result.historical] as const)),
    hypothetical: score(results.map(([item, result]) => [item.hypothetical, result.hypothetical] as const)),
    otherExperiencer: score(results.map(([item, result]) => [item.other, result.experiencer === 'other'] as const)),
  };
}

/** Sentences per second over the whole negex set: the median of several rounds after a warm-up round. */
export function measureThroughput(engine: AssertionEngine = createAssertionEngine()): number {
  const cases = loadNegexCases();
  const rates: number[] = [];
  for (let round = 0; round <= SPEED_ROUNDS; round++) {
    const started = process.hrtime.bigint();
    for (const item of cases) engine.assess(item.sentence, item.start, item.end);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (round > 0) rates.push(cases.length / seconds);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] ?? 0;
}

const figure = (value: number): string => value.toFixed(3);

function describe(label: string, s: BinaryScore): string {
  return (
    `${label.padEnd(34)} P ${figure(s.precision)}  R ${figure(s.recall)}  F ${figure(s.f1)}  ` +
    `acc ${figure(s.accuracy)}  (TP ${s.tp} FP ${s.fp} FN ${s.fn} TN ${s.tn})`
  );
}

function printTuningErrors(engine: AssertionEngine): void {
  const show = (tag: string, item: BenchmarkCase): void =>
    console.log(`${tag}\t${item.sentence.slice(item.start, item.end)}\t${item.sentence.replace(/\s+/g, ' ')}`);
  console.log('\nNegation misses, reports 1-60 only:');
  for (const [item, result] of assessAll(engine, loadNegexCases())) {
    if (inTuningHalf(item.reports) && item.negated !== result.negated) show(item.negated ? 'FN' : 'FP', item);
  }
  console.log('\nContext misses, rows whose sentence is only in reports 1-60:');
  for (const [item, result] of assessAll(engine, loadContextCases(loadNegexCases()))) {
    if (!inTuningHalf(item.reports)) continue;
    const miss = (label: string, expected: boolean): void =>
      show(`line ${item.line} ${label} ${expected ? 'FN' : 'FP'}`, item);
    if (item.historical !== result.historical) miss('historical', item.historical);
    if (item.hypothetical !== result.hypothetical) miss('hypothetical', item.hypothetical);
    if (item.other !== (result.experiencer === 'other')) miss('other', item.other);
  }
}

function main(): void {
  const engine = createAssertionEngine();
  const negex = scoreNegex(engine);
  console.log(`NegEx annotations (${NEGEX_FILE}), "negated":`);
  console.log(describe('  reports 1-60 (tuning)', negex.tuning));
  console.log(describe('  reports 61-120 (held out)', negex.heldOut));
  console.log(describe('  all reports', negex.all));
  console.log(`  concepts located approximately: ${negex.approximateConcepts}`);
  const speed = Math.round(measureThroughput(engine)).toLocaleString('en-US');
  console.log(`  speed: ${speed} sentences/s (one core, median of ${SPEED_ROUNDS} rounds over all rows)`);

  const sections: Array<[string, (item: BenchmarkCase) => boolean]> = [
    ['whole file', () => true],
    ['rows whose sentence is only in reports 1-60', (item) => inTuningHalf(item.reports)],
    ['rows whose sentence is only in reports 61-120', (item) => inHeldOutHalf(item.reports)],
  ];
  for (const [label, filter] of sections) {
    const context = scoreContext(engine, filter);
    console.log(`\nConText annotations (${CONTEXT_FILE}), ${label}:`);
    console.log(describe('  historical', context.historical));
    console.log(describe('  hypothetical ("not particular")', context.hypothetical));
    console.log(describe('  experiencer other', context.otherExperiencer));
  }
  if (process.argv.includes('--errors')) printTuningErrors(engine);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof MissingDataError)) throw error;
    console.error(`${error.message}\nSet OPNOTE_SHARED to the "shared" folder that holds benchmarks/negex.`);
    process.exit(2);
  }
}
