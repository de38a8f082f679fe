/**
 * Mutation fuzzing over real notes and claims: each input is a seed document with one to three
 * mutations (test/helpers/mutate.ts), checked against every invariant of test/helpers/robustness.ts.
 * Input `i` of a run with seed `s` is a pure function of (s, i), so a failure is repeatable.
 */
import { mutate } from './mutate';
import { checkInvariants, InvariantViolation, robustService, seededRandom, type RobustService } from './robustness';
import type { SeedDocument } from './corpus';

export interface FuzzOptions {
  readonly seed: number;
  readonly documents: readonly SeedDocument[];
  /** Stop after this many inputs ... */
  readonly runs?: number;
  /** Start at this input index (to repeat one input of an earlier run). */
  readonly skip?: number;
  /** ... or after this long, whichever comes first. */
  readonly seconds?: number;
  /** Stop at the first failures (default 10). */
  readonly maxFailures?: number;
  readonly onProgress?: (tried: number) => void;
}

export interface FuzzFailure {
  readonly index: number;
  readonly document: string;
  readonly mutations: readonly string[];
  readonly invariant: string;
  readonly message: string;
  readonly text: string;
  readonly kind: 'opnote' | 'claim';
}

export interface FuzzResult {
  readonly tried: number;
  readonly bytes: number;
  readonly elapsedMs: number;
  readonly failures: readonly FuzzFailure[];
  readonly mutationCounts: Readonly<Record<string, number>>;
}

/** Where the fuzzed documents live in the in-memory file system, so that claims find their notes. */
export const FUZZ_ROOT = '/fuzz';

export function fuzzService(documents: readonly SeedDocument[]): RobustService {
  return robustService(Object.fromEntries(documents.map((document) => [`${FUZZ_ROOT}/${document.name}`, document.text])));
}

/** One input of a run: the seed document, the mutations and the mutated text. */
export function fuzzInput(options: FuzzOptions, index: number): { document: SeedDocument; kind: 'opnote' | 'claim'; text: string; mutations: string[]; random: () => number } {
  const random = seededRandom((options.seed * 1_000_003 + index) >>> 0);
  const document = options.documents[Math.floor(random() * options.documents.length)];
  const donors = options.documents.map((d) => d.text);
  const { text, mutations } = mutate(document.text, random, donors);
  // Now and then read a note as a claim and the other way round.
  const kind = random() < 0.1 ? (document.kind === 'claim' ? 'opnote' : 'claim') : document.kind;
  return { document, kind, text, mutations, random };
}

export function fuzz(options: FuzzOptions): FuzzResult {
  const robust = fuzzService(options.documents);
  const started = Date.now();
  const deadline = options.seconds === undefined ? Infinity : started + options.seconds * 1000;
  const runs = options.runs ?? Infinity;
  const failures: FuzzFailure[] = [];
  const mutationCounts: Record<string, number> = {};
  let tried = 0;
  let bytes = 0;
  for (let index = options.skip ?? 0; index < runs && Date.now() < deadline && failures.length < (options.maxFailures ?? 10); index++) {
    const input = fuzzInput(options, index);
    for (const name of input.mutations) mutationCounts[name] = (mutationCounts[name] ?? 0) + 1;
    const uri = `${FUZZ_ROOT}/${input.document.name.replace(/\.(opnote|claim)$/, '')}.mutated.${input.kind}`;
    try {
      checkInvariants(robust, { uri, text: input.text, kind: input.kind }, { random: input.random, probes: 6 });
    } catch (error) {
      const violation = error instanceof InvariantViolation ? error : new InvariantViolation('no exception', String(error));
      failures.push({ index, document: input.document.name, mutations: input.mutations, invariant: violation.invariant, message: violation.message, text: input.text, kind: input.kind });
      robust.internalErrors.length = 0;
    }
    robust.service.forget(uri);
    tried++;
    bytes += input.text.length;
    if (tried % 100 === 0) options.onProgress?.(tried);
  }
  return { tried, bytes, elapsedMs: Date.now() - started, failures, mutationCounts };
}
