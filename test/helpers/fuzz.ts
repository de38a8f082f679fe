/**
 * The inputs of `npm run fuzz` and how one is checked. Input `i` of seed `s` is a pure function of
 * (s, i) and the sources in play: a mutation of a real note or claim (test/helpers/mutate.ts), or a
 * document from a grammar-aware generator (test/helpers/fuzzGrammar.ts), now and then mutated too.
 * Each input is checked against every invariant of test/helpers/robustness.ts;
 * test/helpers/fuzzPool.ts runs them on worker threads with a time budget per input.
 */
import { Grammar, GENERATORS, type Generator } from './fuzzGrammar';
import { mutate } from './mutate';
import { checkInvariants, InvariantViolation, robustService, seededRandom, type RobustService } from './robustness';
import type { SeedDocument } from './corpus';

/** The source that mutates the seed documents; every other source is a generator. */
export const MUTATION = 'mutation';
const MUTATION_WEIGHT = 1;
/** The built-in sources; `generatorModules` add more. */
export const SOURCE_NAMES: readonly string[] = [MUTATION, ...GENERATORS.map((generator) => generator.name)];

export interface FuzzSources {
  readonly seed: number;
  /** Documents to mutate, and donors for splices. */
  readonly documents: readonly SeedDocument[];
  /** Names from SOURCE_NAMES or the generator modules; each input comes from one of them, chosen by their weights. */
  readonly sources: readonly string[];
  /**
   * Absolute paths of modules that export `generators: Generator[]`, used beside GENERATORS: a way
   * to try a generator (X12 segments, say) before it joins the registry, and to plant failures.
   */
  readonly generatorModules?: readonly string[];
}

export interface FuzzInput {
  readonly index: number;
  readonly source: string;
  /** What made it (the seed document and mutations, or the generator's choices), for the report. */
  readonly detail: string;
  readonly kind: 'opnote' | 'claim';
  readonly uri: string;
  readonly text: string;
  /** Files the input brings into the workspace, by absolute path. */
  readonly files: Readonly<Record<string, string>>;
  /** Made from a transcription of the shared corpus: its text must not be written into the project. */
  readonly fromCorpus: boolean;
  readonly random: () => number;
}

/** Where the fuzzed documents live in the in-memory file system, so that claims find their notes. */
export const FUZZ_ROOT = '/fuzz';
/** Generated documents and their files, apart from FUZZ_ROOT so that their payer and config files reach no seed document. */
export const GENERATED_ROOT = '/generated';
/** Mutations that copy text from other documents (which may be corpus transcriptions). */
const DONOR_MUTATIONS: ReadonlySet<string> = new Set(['splice', 'crossover']);
/** How often a generated document goes through the mutations too. */
const MUTATE_GENERATED = 0.15;

export function fuzzService(documents: readonly SeedDocument[]): RobustService {
  return robustService(Object.fromEntries(documents.map((document) => [`${FUZZ_ROOT}/${document.name}`, document.text])));
}

function isCorpusDocument(document: SeedDocument): boolean {
  return document.name.startsWith('corpus/');
}

const loadedModules = new Map<string, readonly Generator[]>();

/** The built-in generators and those of `config.generatorModules`. */
export function generatorsOf(config: Pick<FuzzSources, 'generatorModules'>): readonly Generator[] {
  const extra = (config.generatorModules ?? []).flatMap((file) => {
    let generators = loadedModules.get(file);
    if (!generators) loadedModules.set(file, (generators = (require(file) as { generators: readonly Generator[] }).generators));
    return generators;
  });
  return [...GENERATORS, ...extra];
}

function weightOf(name: string, generators: readonly Generator[]): number {
  if (name === MUTATION) return MUTATION_WEIGHT;
  const generator = generators.find((candidate) => candidate.name === name);
  if (!generator) throw new Error(`unknown fuzz source ${name}; known: ${[MUTATION, ...generators.map((known) => known.name)].join(', ')}`);
  return generator.weight;
}

const randomOf = (config: FuzzSources, index: number) => seededRandom((config.seed * 1_000_003 + index) >>> 0);

function pickSource(config: FuzzSources, random: () => number): string {
  const generators = generatorsOf(config);
  const weights = config.sources.map((name) => weightOf(name, generators));
  let left = random() * weights.reduce((sum, weight) => sum + weight, 0);
  for (let i = 0; i < weights.length; i++) {
    left -= weights[i];
    if (left < 0) return config.sources[i];
  }
  return config.sources[config.sources.length - 1];
}

/** Which source input `index` comes from, without making it. */
export function fuzzSource(config: FuzzSources, index: number): string {
  return pickSource(config, randomOf(config, index));
}

/** Input `index` of a run. */
export function fuzzInput(config: FuzzSources, index: number): FuzzInput {
  const random = randomOf(config, index);
  const source = pickSource(config, random);
  const donors = config.documents.map((document) => document.text);
  if (source === MUTATION) {
    const document = config.documents[Math.floor(random() * config.documents.length)];
    const { text, mutations } = mutate(document.text, random, donors);
    // Now and then read a note as a claim and the other way round.
    const kind = random() < 0.1 ? (document.kind === 'claim' ? 'opnote' : 'claim') : document.kind;
    const uri = `${FUZZ_ROOT}/${document.name.replace(/\.(opnote|claim)$/, '')}.mutated.${kind}`;
    return { index, source, detail: `${document.name} as ${kind}; ${mutations.join(' + ')}`, kind, uri, text, files: {}, fromCorpus: isCorpusDocument(document), random };
  }
  const generated = generatorsOf(config)
    .find((generator) => generator.name === source)!
    .generate(new Grammar(random));
  const mutated = donors.length > 0 && random() < MUTATE_GENERATED ? mutate(generated.text, random, donors) : undefined;
  const files: Record<string, string> = {};
  for (const [relative, text] of Object.entries(generated.files ?? {})) files[`${GENERATED_ROOT}/${relative}`] = text;
  return {
    index,
    source,
    detail: `${generated.variant}${mutated ? `; ${mutated.mutations.join(' + ')}` : ''}`,
    kind: generated.kind,
    uri: `${GENERATED_ROOT}/fuzz.${generated.kind}`,
    text: mutated?.text ?? generated.text,
    files,
    fromCorpus: (mutated?.mutations ?? []).some((name) => DONOR_MUTATIONS.has(name)) && config.documents.some(isCorpusDocument),
    random,
  };
}

/** Characters the input asks the service to read: the document and its files. */
export function inputSize(input: FuzzInput): number {
  return Object.values(input.files).reduce((sum, text) => sum + text.length, input.text.length);
}

export interface CheckFailure {
  readonly invariant: string;
  readonly message: string;
}

/**
 * Checks one input against every invariant; returns the first broken one, undefined when all hold.
 */
export function checkInput(robust: RobustService, input: FuzzInput): CheckFailure | undefined {
  const paths = Object.keys(input.files);
  for (const path of paths) robust.files[path] = input.files[path];
  // Configuration and payer files are cached by folder: forget them when an input brings or takes some.
  if (paths.length > 0) robust.service.configurationChanged();
  try {
    checkInvariants(robust, { uri: input.uri, text: input.text, kind: input.kind }, { random: input.random, probes: 6 });
    return undefined;
  } catch (error) {
    const violation = error instanceof InvariantViolation ? error : new InvariantViolation('no exception', error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { invariant: violation.invariant, message: violation.message };
  } finally {
    robust.internalErrors.length = 0;
    for (const path of paths) delete robust.files[path];
    if (paths.length > 0) robust.service.configurationChanged();
    robust.service.forget(input.uri);
  }
}
