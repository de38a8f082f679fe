/**
 * Scores the reader and the rules on labelled documents nobody tuned them to.
 *
 *   npm run eval                      figures for every split of every set
 *   npm run eval -- --misses tune     also each miss of the tuning split (never of the held-out one)
 *   npm run eval -- --json            the figures as one JSON object
 *
 * Sets are the folders of test/corpus/ (notes `*.opnote`, claims `*.claim` with their notes in
 * `notes/`), each document with a `.expected.json` written by someone who never read the code, plus
 * the first held-out sets of test/fixtures. Each corpus document belongs to one split, `tune` or
 * `holdout`, recorded in test/corpus/splits.json; a document new to the file is assigned once
 * (alternating within its set and style, so both splits see every style) and keeps its split.
 * Tune on `tune` only: `holdout` is the honest figure, and its misses are not printed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { factsReport, type FactsReport } from '../server/src/core/facts';
import { kindFromUri } from '../server/src/core/parse/parseDocument';
import { createLanguageService } from '../server/src/core/service/languageService';

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.join(ROOT, 'test', 'corpus');
const SPLITS_FILE = path.join(CORPUS, 'splits.json');
const FIRST_HELD_OUT = [path.join(ROOT, 'test', 'fixtures', 'facts-heldout'), path.join(ROOT, 'test', 'fixtures', 'claims-heldout')];

type Split = 'tune' | 'holdout';
type FactFields = FactsReport['facts'];

interface NecessityLabels {
  readonly painDurationMonths: number | null;
  readonly conservativeCare: boolean;
  readonly objectivePathology: boolean;
  readonly trialPercentRelief: number | null;
}

interface Expected {
  readonly style?: string;
  readonly clean?: boolean;
  readonly facts?: FactFields;
  readonly necessity?: NecessityLabels;
  readonly fires?: readonly string[];
  readonly quiet?: readonly string[];
}

interface LabelledDocument {
  readonly set: string;
  readonly file: string;
  /** Path relative to its set, the key of splits.json. */
  readonly name: string;
  readonly kind: 'opnote' | 'claim';
  readonly expected: Expected;
  split: Split;
}

const FACT_FIELDS: readonly (keyof FactFields)[] = [
  'approach', 'target', 'nerve', 'laterality', 'procedure', 'imaging', 'modalities', 'arrays', 'integrated', 'testing', 'increasedServices', 'codes',
];
/** Necessity is scored on presence until facts carry typed values (months, percent). */
const NECESSITY_FIELDS = ['painDuration', 'conservativeCare', 'objectivePathology', 'trialOutcome'] as const;

/** The flat facts object of the first held-out sets, or the `facts` of the corpus format. */
function readExpected(file: string): Expected {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  if ('approach' in raw) return { facts: raw as unknown as FactFields };
  return raw as Expected;
}

function labelledIn(set: string, dir: string, split: Split): LabelledDocument[] {
  const documents: LabelledDocument[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(opnote|claim)$/.test(entry.name)) {
        const expectedFile = full.replace(/\.(opnote|claim)$/, '.expected.json');
        if (!fs.existsSync(expectedFile)) continue;
        const name = path.relative(dir, full).split(path.sep).join('/');
        documents.push({ set, file: full, name, kind: entry.name.endsWith('.claim') ? 'claim' : 'opnote', expected: readExpected(expectedFile), split });
      }
    }
  };
  walk(dir);
  return documents;
}

/** A claim's note follows its claim (notes/NN-slug.opnote ↔ NN-slug.claim). */
function ownerName(name: string): string {
  return name.replace(/^notes\//, '').replace(/\.(opnote|claim)$/, '');
}

/**
 * Loads the recorded splits and assigns the documents new to them: sorted by set, style and name,
 * alternately to tune and holdout, so that both splits see every style. A claim's note goes with it.
 */
function assignSplits(documents: LabelledDocument[]): boolean {
  const recorded: Record<string, Split> = fs.existsSync(SPLITS_FILE) ? JSON.parse(fs.readFileSync(SPLITS_FILE, 'utf8')) : {};
  const groupOf = (document: LabelledDocument) => `${document.set}/${ownerName(document.name)}`;
  const groups = new Map<string, Split>();
  for (const document of documents) {
    const split = recorded[`${document.set}/${document.name}`];
    if (split) groups.set(groupOf(document), split);
  }
  const fresh = documents
    .filter((document) => !document.name.startsWith('notes/') && !groups.has(groupOf(document)))
    .sort((a, b) => a.set.localeCompare(b.set) || (a.expected.style ?? '').localeCompare(b.expected.style ?? '') || a.name.localeCompare(b.name));
  fresh.forEach((document, index) => groups.set(groupOf(document), index % 2 === 0 ? 'tune' : 'holdout'));
  let changed = false;
  for (const document of documents) {
    const key = `${document.set}/${document.name}`;
    document.split = groups.get(groupOf(document)) ?? 'tune';
    if (recorded[key] !== document.split) {
      recorded[key] = document.split;
      changed = true;
    }
  }
  if (changed) fs.writeFileSync(SPLITS_FILE, JSON.stringify(Object.fromEntries(Object.entries(recorded).sort(([a], [b]) => a.localeCompare(b))), null, 2) + '\n');
  return changed;
}

interface Tally {
  documents: number;
  fields: { right: number; total: number; byField: Record<string, { right: number; total: number }> };
  expectations: { met: number; total: number };
  rules: Record<string, { tp: number; fp: number; fn: number }>;
  clean: { documents: number; flagged: number };
  misses: string[];
}

const newTally = (): Tally => ({ documents: 0, fields: { right: 0, total: 0, byField: {} }, expectations: { met: 0, total: 0 }, rules: {}, clean: { documents: 0, flagged: 0 }, misses: [] });

function same(a: unknown, b: unknown): boolean {
  const norm = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(norm).map((item) => JSON.stringify(item)).sort() : value === undefined ? null : value;
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

function score(field: string, right: boolean, tally: Tally, where: string, detail: string) {
  const entry = (tally.fields.byField[field] ??= { right: 0, total: 0 });
  entry.total++;
  tally.fields.total++;
  if (right) {
    entry.right++;
    tally.fields.right++;
  } else tally.misses.push(`${where}: ${field} ${detail}`);
}

function evaluate(documents: readonly LabelledDocument[]): Tally {
  const service = createLanguageService({
    fileSystem: {
      readFile: (file) => {
        try {
          return fs.readFileSync(file, 'utf8');
        } catch {
          return undefined;
        }
      },
    },
    docsBaseUri: 'https://opnote.invalid/docs/rules/',
  });
  const tally = newTally();
  for (const document of documents) {
    tally.documents++;
    const where = `${document.set}/${document.name}`;
    const analysis = service.analyze({ uri: document.file, version: 1, text: fs.readFileSync(document.file, 'utf8'), kindHint: kindFromUri(document.file) });
    const { expected } = document;
    if (document.kind === 'opnote' && expected.facts && analysis.facts) {
      const actual = factsReport(analysis.facts, analysis.model.lines).facts;
      for (const field of FACT_FIELDS) {
        if (!(field in expected.facts)) continue;
        score(field, same(actual[field], expected.facts[field]), tally, where, `expected ${JSON.stringify(expected.facts[field])}, read ${JSON.stringify(actual[field])}`);
      }
      if (expected.necessity) {
        const labels: Record<(typeof NECESSITY_FIELDS)[number], boolean> = {
          painDuration: expected.necessity.painDurationMonths !== null,
          conservativeCare: expected.necessity.conservativeCare === true,
          objectivePathology: expected.necessity.objectivePathology === true,
          trialOutcome: expected.necessity.trialPercentRelief !== null,
        };
        for (const field of NECESSITY_FIELDS) {
          const read = analysis.facts.necessity[field] !== null;
          score(`necessity.${field}`, read === labels[field], tally, where, `expected ${labels[field] ? 'present' : 'absent'}, read ${read ? 'present' : 'absent'}`);
        }
      }
    }
    const fired = new Map<string, string>();
    for (const finding of analysis.findings) if (!fired.has(finding.rule.id) || finding.severity === 'error') fired.set(finding.rule.id, finding.severity);
    const fires = new Set(expected.fires ?? []);
    const quiet = new Set(expected.quiet ?? []);
    const rule = (id: string) => (tally.rules[id] ??= { tp: 0, fp: 0, fn: 0 });
    for (const id of fires) {
      tally.expectations.total++;
      if (fired.has(id)) {
        tally.expectations.met++;
        rule(id).tp++;
      } else {
        rule(id).fn++;
        tally.misses.push(`${where}: ${id} expected to fire, quiet`);
      }
    }
    for (const id of quiet) {
      tally.expectations.total++;
      if (fired.has(id)) tally.misses.push(`${where}: ${id} expected quiet, fired`);
      else tally.expectations.met++;
    }
    // A document labelled with facts only (the first held-out notes) has no rule expectations.
    for (const [id, severity] of expected.fires ? fired : []) {
      if (fires.has(id)) continue;
      if (quiet.has(id) || severity === 'error' || severity === 'warning') rule(id).fp++;
    }
    if (expected.clean) {
      tally.clean.documents++;
      // A rule the writer expected to fire is no false warning, even on a document they call clean
      // (a correct 64598 note draws revision-or-removal, which tells the code).
      const loud = [...fired].filter(([id, severity]) => (severity === 'error' || severity === 'warning') && !fires.has(id)).map(([id]) => id);
      if (loud.length) {
        tally.clean.flagged++;
        tally.misses.push(`${where}: clean, but ${loud.join(', ')} fired`);
      }
    }
  }
  return tally;
}

const percent = (right: number, total: number) => (total ? `${((100 * right) / total).toFixed(1)}%` : 'n/a');
const ratio = (numerator: number, denominator: number) => (denominator ? (numerator / denominator).toFixed(3) : 'n/a');

function print(label: string, tally: Tally, showMisses: boolean) {
  console.log(`\n## ${label}: ${tally.documents} documents`);
  console.log(`fields right: ${tally.fields.right}/${tally.fields.total} (${percent(tally.fields.right, tally.fields.total)})`);
  console.log(`rule expectations met: ${tally.expectations.met}/${tally.expectations.total} (${percent(tally.expectations.met, tally.expectations.total)})`);
  console.log(`clean documents with a warning or error: ${tally.clean.flagged} of ${tally.clean.documents}`);
  const fields = Object.entries(tally.fields.byField).filter(([, entry]) => entry.right < entry.total);
  if (fields.length) console.log(`fields with misses: ${fields.map(([field, entry]) => `${field} ${entry.right}/${entry.total}`).join(', ')}`);
  console.log('| rule | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|');
  for (const [id, counts] of Object.entries(tally.rules).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`| ${id} | ${counts.tp} | ${counts.fp} | ${counts.fn} | ${ratio(counts.tp, counts.tp + counts.fp)} | ${ratio(counts.tp, counts.tp + counts.fn)} |`);
  }
  if (showMisses) for (const miss of tally.misses) console.log(`  miss ${miss}`);
}

function main() {
  const args = process.argv.slice(2);
  const missesOf = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : undefined;
  if (missesOf !== undefined && missesOf !== 'tune' && missesOf !== 'first-held-out') {
    console.error('--misses takes "tune" or "first-held-out": the held-out split stays unseen.');
    process.exit(2);
  }
  const corpus: LabelledDocument[] = [];
  if (fs.existsSync(CORPUS)) {
    for (const entry of fs.readdirSync(CORPUS, { withFileTypes: true }).filter((item) => item.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      corpus.push(...labelledIn(entry.name, path.join(CORPUS, entry.name), 'tune'));
    }
  }
  if (assignSplits(corpus)) console.error(`assigned new documents to splits in ${path.relative(ROOT, SPLITS_FILE)}`);
  const firstHeldOut = FIRST_HELD_OUT.filter((dir) => fs.existsSync(dir)).flatMap((dir) => labelledIn(path.basename(dir), dir, 'holdout'));
  const holdout = corpus.filter((document) => document.split === 'holdout');
  const results = {
    tune: evaluate(corpus.filter((document) => document.split === 'tune')),
    holdout: evaluate(holdout),
    firstHeldOut: evaluate(firstHeldOut),
  };
  // Per set, so that a set written after the tuning (all held out) is reported on its own.
  const holdoutBySet = Object.fromEntries([...new Set(holdout.map((document) => document.set))].map((set) => [set, evaluate(holdout.filter((document) => document.set === set))]));
  if (args.includes('--json')) {
    const figures = Object.fromEntries(Object.entries(results).map(([key, tally]) => [key, { ...tally, misses: key === 'holdout' ? tally.misses.length : tally.misses }]));
    const bySet = Object.fromEntries(Object.entries(holdoutBySet).map(([set, tally]) => [set, { ...tally, misses: tally.misses.length }]));
    console.log(JSON.stringify({ ...figures, holdoutBySet: bySet }));
    return;
  }
  console.log('# OpNote evaluation (npm run eval)');
  print('tune split (tuning allowed)', results.tune, missesOf === 'tune');
  print('holdout split (never tuned on; misses not shown)', results.holdout, false);
  console.log('\n| holdout by set | documents | fields right | rule expectations met | clean with a warning or error |\n|---|---|---|---|---|');
  for (const [set, tally] of Object.entries(holdoutBySet)) {
    console.log(`| ${set} | ${tally.documents} | ${percent(tally.fields.right, tally.fields.total)} | ${percent(tally.expectations.met, tally.expectations.total)} | ${tally.clean.flagged} of ${tally.clean.documents} |`);
  }
  print('first held-out fixture sets (test/fixtures/*-heldout)', results.firstHeldOut, missesOf === 'first-held-out');
}

main();
