/**
 * Grammar-aware generators for `npm run fuzz`: documents that read like real dictation, headers,
 * claims and workspace files, made adversarial where real ones are (run-on sentences full of
 * articles, runs of spaces, tabs and `#`, long header values, many aliases, directive id lists) and
 * pumped: a generated fragment repeated k times, from one copy to 256 K characters of them, so that a pattern that
 * is super-linear in some run shows up as an input over its time budget.
 *
 * Every generator is a pure function of its random source, so input `i` of seed `s` is always the
 * same document. To add one (X12 segments, once the product reads them), add an entry to GENERATORS:
 * `npm run fuzz -- --generators <name>` then runs it alone, and the short seeded run in `npm test`
 * covers it.
 */
import { RULES } from '../../server/src/core/rules/index.generated';
import { SEVERITY_SETTINGS } from '../../server/src/core/linting/types';
import { HEADER_KEYS } from '../../server/src/core/parse/headerKeys';
import { SECTION_SYNONYMS } from '../../server/src/core/parse/sectionSynonyms';
import codesFile from '../../server/src/core/knowledge/data/codes.json';
import modifiersFile from '../../server/src/core/knowledge/data/modifiers.json';
import payersFile from '../../server/src/core/knowledge/data/payers.json';
import type { Random } from './mutate';

/** Random choices with the shapes generators need. */
export class Grammar {
  constructor(readonly random: Random) {}

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  list<T>(count: number, make: (i: number) => T): T[] {
    const items: T[] = [];
    for (let i = 0; i < count; i++) items.push(make(i));
    return items;
  }

  /** `count` results of `make` joined. */
  times(count: number, make: (i: number) => string, separator = ''): string {
    return this.list(count, make).join(separator);
  }

  /**
   * A count that is mostly small: log-uniform in [1, small]; now and then (4 % by default) in
   * [small, medium], rarely (0.5 %) in [medium, large]. Keeps a million inputs fast while big ones
   * still come up.
   */
  size(small: number, medium: number, large: number, odds: SizeOdds = USUAL_ODDS): number {
    const roll = this.random();
    const [min, max] = roll < odds.large ? [medium, large] : roll < odds.large + odds.medium ? [small, medium] : [1, small];
    return Math.floor(min * Math.exp(this.random() * Math.log((max + 1) / min)));
  }
}

export interface SizeOdds {
  readonly medium: number;
  readonly large: number;
}

const USUAL_ODDS: SizeOdds = { medium: 0.04, large: 0.005 };

export interface GeneratedDocument {
  readonly kind: 'opnote' | 'claim';
  readonly text: string;
  /** Files beside the document, by path relative to its folder (the note a claim names, payer files, `.opnoterc.json`). */
  readonly files?: Readonly<Record<string, string>>;
  /** What the generator chose, for the failure report (never the text itself). */
  readonly variant: string;
}

export interface Generator {
  readonly name: string;
  readonly description: string;
  /**
   * How often it runs against the others (the mutation source has MUTATION_WEIGHT): sources whose
   * inputs cost more to check run less often, so that a million inputs take half an hour.
   */
  readonly weight: number;
  readonly generate: (g: Grammar) => GeneratedDocument;
}

// ------------------------------------------------------------------ vocabulary

const ARTICLES = ['the', 'the', 'a', 'an', 'both', 'all', 'two', 'all of the', 'both of the', 'all the', 'the two', 'both the', 'each of the', 'any', 'this', 'these', 'its', 'the remaining', 'the the'];
const MODIFIERS = ['sterile', 'previously placed', 'previously implanted', 'temporary', 'existing', 'old', 'remaining', 'externalized', 'fractured', 'migrated', 'left', 'right', 'superficial', 'deep', 'percutaneous', 'integrated', 'distal', 'proximal', 'small', 'adhesive', 'blue', 'surgical', 'disposable', 'first', 'second', 'additional', 'trial', 'permanent', 'new', 'wireless'];
const OBJECTS = ['drapes', 'instruments', 'dressing', 'dressings', 'sutures', 'needle', 'introducer', 'sheath', 'tape', 'gauze', 'anchor', 'anchors', 'skin staples', 'towels', 'gloves', 'tubing', 'cable', 'transmitter', 'battery', 'receiver', 'pulse generator', 'extension', 'pocket', 'wire', 'Steri-Strips', 'local anesthetic', 'lidocaine', 'sponges', 'clips', 'patient', 'skin', 'fascia', 'nerve', 'tissue'];
const DEVICES = ['electrode array', 'electrode arrays', 'array', 'arrays', 'lead', 'leads', 'microlead', 'microleads', 'lead electrodes', 'electrode', 'stimulator', 'neurostimulator', 'stimulation system', 'system', 'device', 'devices', 'implant', 'IPG'];
const PROCEDURE_NOUNS = ['Removal', 'removal', 'Explantation', 'explant', 'Extraction', 'Retrieval', 'Insertion', 'Implantation', 'Placement', 'Revision', 'Replacement', 'Exchange', 'Repositioning', 'Trial', 'implantation', 'placement'];
const VERBS = ['was removed', 'were removed', 'was explanted', 'was placed', 'were placed', 'was advanced', 'was deployed', 'was withdrawn', 'was repositioned', 'was replaced', 'was tested', 'was identified', 'was exposed', 'was dissected', 'was inserted', 'were retrieved', 'was left in place', 'was not removed', 'was then inserted', 'were exchanged', 'was revised'];
/** Joins inside a noun chain: dictation strings them with "and" far more than with commas. */
const JOINS = [' and ', ' and ', ' and ', ' and all of ', ' and both of ', ' with ', ' of ', ' as well as ', ' together with ', ' and then ', ' or '];
const CLAUSE_JOINS = [' and ', ', ', ' then ', '; ', ' after which ', ' followed by ', ' and then ', ' while ', ' ', ' - ', ' and subsequently '];
const PLACES = ['the left superficial peroneal nerve', 'the right greater occipital nerve', 'the lateral compartment of the leg', 'the dorsum of the foot', 'the exit site', 'the entry site', 'the skin', 'the ankle', 'the popliteal fossa', 'the sciatic nerve', 'the genicular nerves', 'the axillary n.', 'L4-L5', 'the S3 foramen', 'T10', 'the posterior tibial nerve', 'the median nerve', 'both sides', 'the left side'];
const GUIDANCE = ['under ultrasound guidance', 'under fluoroscopic guidance', 'under fluoro', 'with the c-arm', 'US-guided', 'under CT guidance', 'without imaging', 'no fluoroscopy was used', 'under image guidance', 'sonographically'];
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'twenty-one', 'a single', 'a second', 'a third', 'another', 'several', 'multiple', '2', '3', '10', 'x2', '#2', '2nd'];
const ABBREVIATIONS = ['Dr.', 'e.g.', 'i.e.', 'approx.', 'vs.', 'cm.', 'mm.', 'mA', 'mL', 'Pt.', 'pt.', 'L.', 'R.', 'n.', 'St.', 'No.', 'w/', 's/p', 'h/o', 'c/o', 'PNS', 'SCS', 'DRG', 'EBL', 'MAC', 'BMI', 'q.d.', 'p.r.n.', 'U.S.', 'a.m.', 'Fig. 2'];
const TIME_PHRASES = ['last month', 'in January', 'two years ago', 'for 14 months', 'for more than two years', 'since 2019', 'previously', 'today', 'at the end of the case', 'after a 7-day trial', 'following a successful trial', 'during the trial'];
const NEGATIONS = ['no', 'without', 'denies', 'negative for', 'not', 'never', 'ruled out', 'absence of', 'no evidence of', 'declined'];
/** What makes a note about a neurostimulator, without which the procedure facts are not read at all. */
const STIMULATOR_PHRASES = ['peripheral nerve stimulator', 'PNS lead', 'integrated neurostimulator', 'electrode array', 'peripheral nerve stimulation system', 'stimulator lead', 'neurostimulator leads', 'spinal cord stimulator'];
const EXTRAS = [...STIMULATOR_PHRASES, '45 additional minutes due to BMI of 48', '70% pain relief', 'concordant paresthesia at 0.8 mA', 'modifier 22', 'the receiver is built into the array', 'no pulse generator pocket was made', 'an integrated receiver', 'impedance was normal', 'the patient tolerated the procedure well'];

const WORDS = [...MODIFIERS, ...OBJECTS, ...DEVICES];
const SECTION_TITLES = Object.values(SECTION_SYNONYMS).flat();
const HEADER_KEY_NAMES = HEADER_KEYS.flatMap((info) => [info.key, ...info.aliases]);
const RULE_IDS = RULES.map((rule) => rule.meta.id);
const CODES = codesFile.codes.map((entry) => entry.code);
const MODIFIER_CODES = modifiersFile.modifiers.map((entry) => entry.code);
const PAYER_ALIASES = payersFile.payers.flatMap((payer) => payer.aliases);
const PAYER_WORDS = [...PAYER_ALIASES, ...MODIFIERS, 'Alias'];
const DX_CODES = ['G57.82', 'G57.81', 'G57.80', 'G57.8', 'G57.12', 'G58.8', 'M54.81', 'G89.29', 'G89.4', 'M79.2', 'M79.672', 'G56.01', 'N32.81', 'R32', 'Z99.99', 'G57', 'S84.11XA', 'M54.5', 'G8929', 'g57.82', 'U07.1', 'Q99', '1234', 'G57.8212'];
const BAD_DATES = ['2026-02-30', '2026-13-45', '02/30/2026', '2026/03/14', '14 March 2026', '0000-00-00', '9999-99-99', '2026-3-4', ''];
const GOOD_DATES = ['2026-03-14', '2026-02-28', '03/14/2026', '2024-02-29', '2026-12-31'];

// ------------------------------------------------------------------ fragments

function nounPhrase(g: Grammar, deviceShare = 0.25): string {
  const words: string[] = [];
  for (let i = g.chance(0.15) ? 0 : g.int(1, g.chance(0.2) ? 4 : 1); i > 0; i--) words.push(g.pick(ARTICLES));
  for (let i = g.int(0, 3); i > 0; i--) words.push(g.pick(MODIFIERS));
  words.push(g.chance(deviceShare) ? g.pick(DEVICES) : g.pick(OBJECTS));
  return words.join(' ');
}

/** "Removal of the sterile drapes and all of the instruments and the ...": long, article-rich, rarely ending in a device. */
function procedureClause(g: Grammar): string {
  const parts = [nounPhrase(g, 0.05)];
  for (let i = g.size(8, 30, 120) - 1; i > 0; i--) parts.push(g.pick(JOINS), nounPhrase(g, 0.05));
  return `${g.pick(PROCEDURE_NOUNS)} of ${parts.join('')}`;
}

function clause(g: Grammar): string {
  switch (g.int(0, 9)) {
    case 0:
    case 1:
      return procedureClause(g);
    case 2:
      return `${nounPhrase(g, 0.5)} ${g.pick(VERBS)}${g.chance(0.5) ? ` ${g.pick(['along', 'near', 'over', 'from', 'at', 'to'])} ${g.pick(PLACES)}` : ''}`;
    case 3:
      return `${g.pick(NUMBER_WORDS)} ${g.chance(0.5) ? `${g.pick(MODIFIERS)} ` : ''}${g.pick(DEVICES)} ${g.pick(VERBS)} ${g.pick(GUIDANCE)}`;
    case 4:
      return `${g.pick(NEGATIONS)} ${nounPhrase(g)}${g.chance(0.3) ? ` ${g.pick(TIME_PHRASES)}` : ''}`;
    case 5:
      return `${g.pick(ABBREVIATIONS)} ${nounPhrase(g)} ${g.pick(ABBREVIATIONS)}`;
    case 6:
      return `${g.pick(['1.', '2)', 'a.', '(3)', '-', '*', '#1', 'iv.'])} ${nounPhrase(g, 0.4)}${g.chance(0.5) ? '\n' : ' '}${g.pick(['2.', '3)', 'b.', '(4)', '-'])} ${nounPhrase(g, 0.4)}`;
    case 7:
      return `${g.pick(GUIDANCE)} ${nounPhrase(g, 0.5)} ${g.pick(VERBS)} ${g.pick(TIME_PHRASES)}`;
    case 8:
      return g.pick(EXTRAS);
    default:
      return `${g.pick(PLACES)} ${g.pick(VERBS)} ${g.pick(['x', 'x ', '#', ''])}${g.int(0, 12)}`;
  }
}

/** One sentence of dictation: clauses joined into run-ons, often without a period. */
function sentence(g: Grammar): string {
  let text = clause(g);
  for (let i = g.size(3, 16, 60) - 1; i > 0; i--) text += g.pick(CLAUSE_JOINS) + clause(g);
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return text + g.pick(['.', '.', '.', '', ';', ' ...', '.\n', ':', '!', '?', ' -']);
}

function paragraph(g: Grammar): string {
  return g.times(g.size(3, 12, 40), () => sentence(g), g.chance(0.8) ? ' ' : '\n');
}

function sectionTitle(g: Grammar): string {
  return g.chance(0.8) ? g.pick(SECTION_TITLES) : g.times(g.int(1, 9), () => g.pick(WORDS), ' ');
}

function heading(g: Grammar): string {
  const title = sectionTitle(g);
  switch (g.int(0, 5)) {
    case 0:
      return `${'#'.repeat(g.int(1, 3))} ${title.charAt(0).toUpperCase()}${title.slice(1)}`;
    case 1:
      return `${' '.repeat(g.int(0, 4))}${'#'.repeat(g.int(1, 7))}${g.pick([' ', '\t', '', '  '])}${title}${g.chance(0.15) ? ` ${'#'.repeat(g.size(4, 400, 100_000))} x` : g.pick(['', ' #', ' ###', '#', '  ', '\t#\t'])}`;
    case 2:
      return `${g.chance(0.2) ? `${g.int(1, 12)}${g.pick(['.', ')'])} ` : ''}${title.toUpperCase()}${g.pick([':', ' :', '\t:', ': ', ':://'])}`;
    case 3:
      return `${title.replace(/\b\w/g, (c) => c.toUpperCase())}:${g.chance(0.5) ? ` ${sentence(g)}` : ''}`;
    case 4:
      return `${title.toUpperCase()}${' '.repeat(g.size(3, 600, 100_000))}:`;
    default:
      return `${g.pick(['', '  ', '\t'])}${title.toUpperCase().slice(0, g.int(1, 70))}${g.pick([':', '', '.'])} ${g.chance(0.5) ? sentence(g) : ''}`;
  }
}

/** A known section's heading in either style, the text starting on its line or the next. */
function titled(g: Grammar, title: string): string {
  return g.chance(0.5) ? `${'#'.repeat(g.int(1, 3))} ${title}\n` : `${title.toUpperCase()}:${g.pick([' ', '\n'])}`;
}

function headerValue(g: Grammar, key: string): string {
  const normalized = key.toLowerCase();
  if (/date|dos/.test(normalized)) return g.chance(0.7) ? g.pick(GOOD_DATES) : g.pick(BAD_DATES);
  if (/pos|place/.test(normalized)) return g.pick(['24', '11', '22', '19', '99', 'ASC', '']);
  if (/payer|payor|insur|plan|carrier/.test(normalized)) return g.pick(PAYER_ALIASES);
  if (/kind|type/.test(normalized)) return g.pick(['opnote', 'claim', 'note', '']);
  if (/note/.test(normalized)) return g.pick(['note.opnote', '../note.opnote', 'missing.opnote', 'note.claim', '']);
  switch (g.int(0, 5)) {
    case 0:
      return `${g.pick(OBJECTS)}${' '.repeat(g.size(2, 2000, 200_000))}${g.pick(['x', '', '\t', '#'])}`;
    case 1:
      return g.times(g.size(3, 400, 100_000), () => g.pick([' ', '\t', ' \t', '#', '# ', 'a ']));
    case 2:
      return g.times(g.size(4, 60, 3000), () => g.pick(WORDS), ' ');
    case 3:
      return g.pick(['http://example.invalid/x', 'a: b: c', '---', '//', '// opnote-disable', '"quoted"', '\u00e9\u0130\u212a', 'DEMO-0001']);
    default:
      return `${g.pick(['Demo Surgeon, MD', 'DEMO-0001', 'Demo ASC', '1234567893'])}${g.pick(['', '  ', '\t', ' #'])}`;
  }
}

function headerLine(g: Grammar, keys: readonly string[] = HEADER_KEY_NAMES): string {
  const key = g.chance(0.85) ? g.pick(keys) : g.pick(['Unknown Key', 'x', 'A'.repeat(g.int(30, 45)), 'Modifier 22', 'PROCEDURE', 'http', 'key_with_underscores', 'Date Of Service']);
  const spaced = g.chance(0.2) ? key.toUpperCase().replace(/-/g, g.pick([' ', '_', '-'])) : key;
  return `${g.pick(['', '', ' ', '\t', '   '])}${spaced}${g.pick(['', '', ' ', '\t'])}${g.pick([':', ':', ': ', ':\t', '::', ' = '])}${g.pick(['', ' ', '\t', '  '])}${headerValue(g, key)}`;
}

function header(g: Grammar, kind: 'opnote' | 'claim'): string {
  const keys = HEADER_KEYS.filter((info) => info.kinds.includes(kind)).flatMap((info) => [info.key, ...info.aliases]);
  const lines = g.times(g.size(4, 20, 200), () => (g.chance(0.08) ? g.pick(['// a comment', '# comment', '', '// opnote-disable-next-line header-unknown-key']) : headerLine(g, keys)), '\n');
  switch (g.int(0, 3)) {
    case 0:
      return `---\n${lines}\n---\n\n`;
    case 1:
      return `---${g.pick(['', ' ', '\t', '  \t'])}\n${lines}\n${g.pick(['---', '--- ', '----', '', '...'])}\n`;
    case 2:
      return `${lines}\n\n`;
    default:
      return `${lines}\n`;
  }
}

function directive(g: Grammar): string {
  const kind = g.pick(['opnote-disable-next-line', 'opnote-disable-line', 'opnote-disable', 'opnote-enable', 'opnote-disable-next-line', 'opnote-disablenext', 'OPNOTE-DISABLE']);
  const count = g.chance(0.2) ? 0 : g.size(3, 60, 5000);
  const ids = g.times(count, () => (g.chance(0.8) ? g.pick(RULE_IDS) : g.pick(['not-a-rule', 'x', 'imaging-undocumentd', '-', '--', '123', 'ALL', '*'])), g.pick([', ', ',', ' ', ' , ', ',,', '\t']));
  return `${g.pick(['', ' ', '\t'])}//${g.pick([' ', '', '  ', '\t'])}${kind} ${ids}${g.chance(0.3) ? ` -- ${g.pick(['reason', 'checked with Dr. X', '--', ''])}` : ''}`;
}

function claimLine(g: Grammar): string {
  const code = g.chance(0.85) ? g.pick(CODES) : g.pick(['64596x', '6459', '99999', 'A1234', '0587t', '64596//x', '64596.', 'l8680']);
  const modifiers = g.times(g.chance(0.4) ? 0 : g.size(2, 6, 40), () => `-${g.chance(0.9) ? g.pick(MODIFIER_CODES) : g.pick(['2', '222', '', 'lt', '--', 'X'])}`);
  const items: string[] = [];
  if (g.chance(0.8)) items.push(`x${g.pick([1, 1, 1, 2, 3, 0, 9, 99, 999, 1000])}`);
  if (g.chance(0.7)) items.push(`ptr:${g.times(g.size(2, 6, 40), () => g.pick(['A', 'B', 'C', 'D', 'E', 'L', 'M', 'a', '', 'AB']), ',')}`);
  if (g.chance(0.5)) items.push(g.pick(['$1450.00', '$180', '$1,450.00', '$0', '$-1.5', '$1.234', '$', '$12,34', '$999,999,999.99']));
  if (g.chance(0.3)) items.push(`pos:${g.pick(['24', '11', '22', '19', '99', '2', 'ASC'])}`);
  if (g.chance(0.3)) items.push(`dos:${g.chance(0.6) ? g.pick(GOOD_DATES) : g.pick(BAD_DATES)}`);
  if (g.chance(0.1)) items.push(g.pick(['x2', 'ptr:A', '$1', 'unknown', '//', '// comment', 'dx:']));
  for (let i = items.length - 1; i > 0 && g.chance(0.3); i--) {
    const j = g.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  const spacing = g.pick([' ', '  ', '\t', ' \t ']);
  return `${g.pick(['', '', ' ', '\t'])}${code}${modifiers}${items.length ? spacing : ''}${items.join(spacing)}${g.chance(0.1) ? ` // ${g.pick(['checked', 'see note', ''])}` : ''}`;
}

function dxLine(g: Grammar): string {
  const codes = g.times(g.size(3, 14, 200), () => g.pick(DX_CODES), g.pick([', ', ',', ' ', '; ', ' , ']));
  return `${g.pick(['dx', 'DX', 'Dx', ' dx', 'dx '])}:${g.pick([' ', '', '\t'])}${codes}`;
}

/** A short, well-formed 64596 note for a claim to name. */
function linkedNote(g: Grammar): string {
  return `---\ndate: ${g.pick(GOOD_DATES)}\n---\n\n# Procedure\n${sentence(g)}\n\n# Description of procedure\n${paragraph(g)}\n`;
}

function claimDocument(g: Grammar, extraHeader = ''): string {
  const head = header(g, 'claim').replace(/\n+$/, '\n');
  const lines = g.times(g.size(3, 30, 400), () => (g.chance(0.15) ? dxLine(g) : g.chance(0.06) ? directive(g) : g.chance(0.04) ? g.pick(['', '// comment', 'free text line', '---']) : claimLine(g)), '\n');
  return `${extraHeader}${head}\n${dxLine(g)}\n${lines}${g.chance(0.8) ? '\n' : ''}`;
}

// ------------------------------------------------------------------ payer and configuration files

function payerEntry(g: Grammar, id: string, aliases: readonly string[]): Record<string, unknown> {
  return {
    id,
    name: `Fuzz payer ${id}`,
    ...(g.chance(0.3) ? { parentId: g.pick(['bcbs', 'medicare', 'fuzz-payer-0', id]) } : {}),
    aliases,
    ...(g.chance(0.3) ? { excludeWhenHeaderMentions: g.list(g.size(2, 20, 200), () => g.pick(['advantage', 'part c', 'mapd', ...MODIFIERS])) } : {}),
    coverage: g.pick(['covered', 'covered-with-criteria', 'investigational', 'not-medically-necessary', 'varies', 'unknown']),
    priorAuthorization: { value: g.pick(['required', 'commonly-required', 'unknown']), verified: false, sources: ['fuzz'] },
    criteria: [],
    policies: [],
    notes: [],
    sources: ['fuzz'],
    verified: false,
  };
}

const ALIAS_WORDS = [...MODIFIERS, ...OBJECTS, 'Blue', 'Cross', 'Shield', 'of', 'the', 'and', 'Health', 'Plan'];

function shortAlias(g: Grammar): string {
  switch (g.int(0, 3)) {
    case 0:
      return g.pick(PAYER_ALIASES);
    case 1:
      return g.times(g.int(1, 5), () => g.pick(ALIAS_WORDS), ' ');
    case 2:
      return g.pick(['-', ' ', 'the', 'of and', '\u00e9', 'a'.repeat(g.int(1, 40))]);
    default:
      return `Alias ${g.int(0, 1_000_000)}`;
  }
}

/**
 * Short aliases, a few to tens of thousands; rarely 130,000 to 250,000 of them (more than a spread
 * into one call takes on a 1 MB stack); or a few long ones (up to 200,000 characters).
 */
function aliases(g: Grammar): string[] {
  if (g.chance(0.002)) return g.list(g.int(130_000, 250_000), (i) => (g.chance(0.9) ? `A${i}` : shortAlias(g)));
  if (g.chance(0.7)) return g.list(g.size(3, 300, 20_000), () => shortAlias(g));
  return g.list(g.int(1, 3), () => g.times(g.size(8, 2000, 200_000), () => g.pick(['a', 'b', ' ', '-', 'z', '9', 'Blue ', 'of '])));
}

function payerFile(g: Grammar): string {
  const payers = g.times(g.size(2, 12, 60), (i) => JSON.stringify(payerEntry(g, g.chance(0.9) ? `fuzz-payer-${i}` : g.pick(['medicare', 'aetna', 'Bad Id', 'fuzz-payer-0']), aliases(g))), ',');
  const text = `{${g.chance(0.2) ? '"$schema": "x", ' : ''}${g.chance(0.1) ? '"__proto__": {"payers": []}, ' : ''}"payers": [${payers}]}`;
  switch (g.int(0, 9)) {
    case 0:
      return text.slice(0, g.int(0, text.length));
    case 1:
      return text.replace(/"aliases":/, '"__proto__": {"x": 1}, "aliases":');
    case 2:
      return `\ufeff${text}`;
    default:
      return text;
  }
}

function configFile(g: Grammar): string {
  const entries = g.times(g.size(3, 60, 20_000), () => {
    const id = g.chance(0.7) ? g.pick(RULE_IDS) : g.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'not-a-rule', '', 'x'.repeat(g.size(4, 100, 10_000))]);
    const value = g.chance(0.9) ? JSON.stringify(g.pick(SEVERITY_SETTINGS)) : g.pick(['"warn"', '2', 'null', '{}', '[]', 'true']);
    return `${JSON.stringify(id)}: ${value}`;
  }, ', ');
  switch (g.int(0, 7)) {
    case 0:
      return `{"__proto__": {"rules": {${entries}}}}`;
    case 1:
      return `{"rules": {${entries}}, "extends": "x"}`;
    case 2:
      return `{"rules": {${entries}`;
    case 3:
      return g.pick(['', '[]', 'null', '"rules"', '{"rules": []}', '{"rules": null}', '\u0000\u0001']);
    default:
      return `{${g.chance(0.2) ? '"$schema": "./schemas/opnoterc.schema.json", ' : ''}"rules": {${entries}}}`;
  }
}

// ------------------------------------------------------------------ pumping

interface Pump {
  readonly name: string;
  readonly kind: 'opnote' | 'claim';
  /** Prefix, the fragment to repeat, suffix. */
  readonly parts: (g: Grammar) => readonly [string, string, string];
}

/** Runs that real documents contain, and that a super-linear pattern pays for in time. */
const PUMPS: readonly Pump[] = [
  { name: 'removal-articles', kind: 'opnote', parts: (g) => [`# Procedure\n${g.pick(STIMULATOR_PHRASES)} removal.\n\n# Technique\n${g.pick(PROCEDURE_NOUNS)} of `, `${g.pick(ARTICLES)} ${g.chance(0.5) ? `${g.pick(OBJECTS)} and ` : ''}`, `${g.pick([', ', '. ', '- '])}${g.pick(DEVICES)} ${g.pick(VERBS)}.`] },
  { name: 'run-on-clauses', kind: 'opnote', parts: (g) => [`# Procedure\n${g.pick(STIMULATOR_PHRASES)}.\n\n# Description of procedure\n`, `${clause(g)}${g.pick(CLAUSE_JOINS)}`, g.pick(['.', '', '\n'])] },
  { name: 'header-value-spaces', kind: 'opnote', parts: (g) => [`${g.pick(['', '---\n'])}${g.pick(HEADER_KEY_NAMES)}: ${g.pick(['', 'Demo'])}`, g.pick([' ', '\t', ' \t', '  x']), `${g.pick(['x', '', '#', ':'])}\n\n# Procedure\n${sentence(g)}\n`] },
  { name: 'header-lines', kind: 'opnote', parts: (g) => [g.pick(['---\n', '']), `${headerLine(g)}\n`, g.pick(['---\n', '\n', ''])] },
  { name: 'markdown-heading-spaces', kind: 'opnote', parts: (g) => [`${'#'.repeat(g.int(1, 3))} ${sectionTitle(g)}`, g.pick([' ', '\t', ' \t']), g.pick(['x', '#', '# x', '', '\n'])] },
  { name: 'markdown-heading-hashes', kind: 'opnote', parts: (g) => [`${'#'.repeat(g.int(1, 3))} ${sectionTitle(g)} `, g.pick(['#', '# ', '#\t', '##  ']), g.pick(['x', '', ' x', '\n'])] },
  { name: 'dictation-heading-spaces', kind: 'opnote', parts: (g) => [sectionTitle(g).toUpperCase(), g.pick([' ', '\t', ' A', 'A ']), g.pick([':', 'x', ': text', ''])] },
  { name: 'headings', kind: 'opnote', parts: (g) => ['', `${heading(g)}\n`, ''] },
  { name: 'sentences', kind: 'opnote', parts: (g) => [`# Procedure\n${g.pick(STIMULATOR_PHRASES)}.\n\n# Description of procedure\n`, `${sentence(g)} `, ''] },
  { name: 'directive-ids', kind: 'opnote', parts: (g) => [`${g.pick(['// opnote-disable-next-line ', '// opnote-disable ', '//opnote-enable '])}`, `${g.pick(RULE_IDS)}${g.pick([', ', ',', ' '])}`, `${g.pick([' -- reason', ''])}\n# Procedure\nx\n`] },
  { name: 'directive-lines', kind: 'claim', parts: (g) => ['payer: Medicare\n\n', `${directive(g)}\n`, '64596 x1\n'] },
  { name: 'claim-lines', kind: 'claim', parts: (g) => [`payer: ${g.pick(PAYER_ALIASES)}\ndos: 2026-03-14\n\ndx: G57.82\n`, `${claimLine(g)}\n`, ''] },
  { name: 'addon-lines', kind: 'claim', parts: (g) => ['payer: Aetna\ndos: 2026-03-14\npos: 24\n\ndx: G57.82\n64596-LT x1 ptr:A\n', `64597${g.pick(['', '-LT', '-RT', '-59'])} x${g.int(1, 9)} ptr:A\n`, ''] },
  { name: 'dx-list', kind: 'claim', parts: (g) => ['payer: Medicare\n\ndx: ', `${g.pick(DX_CODES)}${g.pick([', ', ',', ' '])}`, '\n64596 x1 ptr:A\n'] },
  { name: 'modifiers', kind: 'claim', parts: (g) => ['payer: Medicare\n\ndx: G57.82\n64596', `-${g.pick(MODIFIER_CODES)}`, ' x1 ptr:A\n'] },
  { name: 'payer-words', kind: 'claim', parts: (g) => ['payer: ', `${g.pick([...PAYER_ALIASES, ...MODIFIERS])} `, '\n\ndx: G57.82\n64596 x1\n'] },
  { name: 'line-breaks', kind: 'opnote', parts: (g) => ['# Procedure', g.pick(['\r', '\n', '\r\n', '\n\r', '\u2028', ' \n']), 'x'] },
];

/**
 * How long a pumped run is, in characters: mostly up to 256, 5 % up to 16 K, 1 % up to 256 K (a
 * quadratic pattern shows only past tens of KB; a big input costs a thousand small ones).
 */
const PUMP_ODDS: SizeOdds = { medium: 0.05, large: 0.01 };

function pumped(g: Grammar): GeneratedDocument {
  const pump = g.pick(PUMPS);
  const [prefix, fragment, suffix] = pump.parts(g);
  const k = Math.max(1, Math.floor(g.size(256, 16_384, 262_144, PUMP_ODDS) / Math.max(1, fragment.length)));
  return { kind: pump.kind, text: prefix + fragment.repeat(k) + suffix, variant: `${pump.name} x${k}` };
}

// ------------------------------------------------------------------ the registry

export const GENERATORS: readonly Generator[] = [
  {
    name: 'dictation',
    weight: 4,
    description: 'operative-note dictation: sections, run-on sentences, article runs after "Removal of", lists, numbers as words, abbreviations',
    generate: (g) => {
      const layout = g.pick(['operative', 'operative', 'sections', 'paragraph']);
      const sections = g.size(3, 12, 40);
      const free = g.times(sections, () => `${heading(g)}\n${paragraph(g)}`, g.pick(['\n\n', '\n', '\n\n\n']));
      const body =
        layout === 'paragraph'
          ? paragraph(g)
          : layout === 'sections'
            ? free
            : // As real notes go: a procedure line naming the stimulator, then the narrative where the facts are read.
              `${titled(g, 'Procedure')}${g.pick(PROCEDURE_NOUNS)} of ${g.pick(ARTICLES)} ${g.pick(STIMULATOR_PHRASES)}${g.chance(0.5) ? ` ${g.pick(GUIDANCE)}` : ''}.\n\n` +
              `${titled(g, g.pick(['Description of procedure', 'Technique', 'Procedure in detail']))}${paragraph(g)}\n\n${free}`;
      return { kind: 'opnote', text: g.chance(0.3) ? header(g, 'opnote') + body : body, variant: `${layout}, ${sections} sections` };
    },
  },
  {
    name: 'header',
    weight: 3,
    description: 'headers: key: value lines (long values, runs of spaces, tabs and #), front matter open or closed, comments inside',
    generate: (g) => {
      const kind = g.chance(0.7) ? 'opnote' : 'claim';
      const body = kind === 'claim' ? `dx: G57.82\n${claimLine(g)}\n` : `# Procedure\n${sentence(g)}\n`;
      return { kind, text: header(g, kind) + (g.chance(0.8) ? body : ''), variant: kind };
    },
  },
  {
    name: 'headings',
    weight: 2,
    description: 'Markdown and ALL-CAPS headings: levels, numbering, trailing # runs, spaces before the colon, known and unknown titles',
    generate: (g) => {
      const count = g.size(8, 60, 1000);
      return { kind: 'opnote', text: g.times(count, () => `${heading(g)}\n${g.chance(0.5) ? `${sentence(g)}\n` : ''}`), variant: `${count} headings` };
    },
  },
  {
    name: 'directives',
    weight: 2,
    description: 'comments and opnote-disable/enable directives with many (known, unknown, repeated) rule ids, in notes and claims',
    generate: (g) => {
      const kind = g.chance(0.6) ? 'opnote' : 'claim';
      const lines = g.size(4, 30, 300);
      const text = g.times(lines, () => (g.chance(0.5) ? directive(g) : kind === 'claim' ? claimLine(g) : g.chance(0.3) ? heading(g) : sentence(g)), '\n');
      return { kind, text: `${kind === 'claim' ? 'payer: Medicare\n\n' : ''}${text}\n`, variant: `${kind}, ${lines} lines` };
    },
  },
  {
    name: 'claim',
    weight: 0.6,
    description: 'claim drafts: header, dx lists, service lines with codes, modifiers, units, ptr:, $, pos:, dos:, comments; with the note they name',
    generate: (g) => {
      const withNote = g.chance(0.7);
      const text = claimDocument(g, withNote ? 'note: note.opnote\n' : '');
      return { kind: 'claim', text, ...(withNote ? { files: { 'note.opnote': linkedNote(g) } } : {}), variant: withNote ? 'with its note' : 'without a note' };
    },
  },
  {
    name: 'payer',
    weight: 0.4,
    description: 'organisation payer files (.opnote/payers/*.json): many and long aliases, exclusions, parent cycles, __proto__ keys, broken JSON; with a claim whose payer: header is long',
    generate: (g) => {
      const files = g.int(1, 3);
      const payerFiles: Record<string, string> = {};
      for (let i = 0; i < files; i++) payerFiles[`.opnote/payers/${g.pick(['acme', 'org', 'z', '__proto__', 'constructor'])}${i}.json`] = payerFile(g);
      const payerHeader = `payer: ${g.times(g.size(3, 200, 20_000), () => (g.chance(0.1) ? String(g.int(0, 99)) : g.pick(PAYER_WORDS)), ' ')}\n`;
      return { kind: 'claim', text: `${payerHeader}${claimDocument(g)}`, files: payerFiles, variant: `${files} payer files` };
    },
  },
  {
    name: 'config',
    weight: 0.5,
    description: '.opnoterc.json: known and unknown rule ids, every severity, __proto__ and constructor keys, many keys, broken JSON',
    generate: (g) => {
      const kind = g.chance(0.5) ? 'opnote' : 'claim';
      const text = kind === 'claim' ? claimDocument(g) : `${header(g, 'opnote')}${heading(g)}\n${paragraph(g)}\n`;
      return { kind, text, files: { '.opnoterc.json': configFile(g) }, variant: kind };
    },
  },
  {
    name: 'pump',
    weight: 1.5,
    description: 'structured pumping: prefix + a generated fragment repeated k times + suffix, the run log-uniform from 1 character to 256 K',
    generate: pumped,
  },
];

