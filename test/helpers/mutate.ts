/**
 * Mutations of real notes and claims for fuzzing: byte flips (decoded the way the CLI reads files),
 * truncations (also inside a surrogate pair), splices from other documents, duplicated sections,
 * markup and control characters dropped in, line-ending changes and very long lines.
 */

export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const offset = (random: Random, text: string) => Math.floor(random() * (text.length + 1));

/** Bits of OpNote markup and of trouble, to drop in anywhere. */
export const TOKENS: readonly string[] = [
  '\u0000', '\r', '\r\n', '\n\n', '\ud800', '\udfff', '\uffff', '\ufeff', '\t', '\u2028',
  '---\n', '---', 'date: 2026-02-30\n', 'date: ', 'payer: Medicare\n', 'kind: claim\n', 'kind: opnote\n', 'note: ../x.opnote\n',
  '# ', '## Technique\n', '### ', '#### ', 'PROCEDURE:', 'DESCRIPTION OF PROCEDURE: ', 'Indications: ', 'MODIFIER 22 JUSTIFICATION:\n',
  '// opnote-disable-next-line ', '// opnote-disable\n', '// opnote-enable header-unknown-key\n', '// opnote-disable-line units-exceed', '// opnote-disable-next-line imaging-undocumentd, , -- why\n', '//',
  'dx: G57.82, G89.29, Z99.99\n', 'dx:', '64596-22-LT x2 ptr:A,B,C,D,E $1450.00 pos:24 dos:2026-03-14\n', '64597 x9 ptr:M\n', '64596-', 'x0', 'ptr:', '$', '$-1.5', 'pos:', 'dos:2026-13-45',
  'left', 'right', 'bilateral', ' percutaneous ', ' ultrasound guidance ', ' no fluoroscopy was used ', ' integrated neurostimulator ', ' two electrode arrays ',
  ' the superficial peroneal nerve ', ' implantable pulse generator ', ' 45 additional minutes due to BMI of 48 ', 'Modifiers: 22, LT', '0587T', 'L8680', 'C1767', 'G57.82',
  '1. ', '2) ', 'Dr. ', 'e.g. ', '...', ': ', '::', '"', "'", '\\', '%', '{', '}', '[', ']', '(', ')', '\u00e9', '\u0130', '\u212a', '\ud83d\ude00',
];

export type Mutation = (text: string, random: Random, donors: readonly string[]) => string;

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  /** Flip bits in the UTF-8 bytes and decode with replacement characters, as `opnote check` reads a file. */
  byteFlip(text, random) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return text;
    const flips = 1 + Math.floor(random() * 8);
    for (let i = 0; i < flips; i++) bytes[Math.floor(random() * bytes.length)] ^= 1 << Math.floor(random() * 8);
    return bytes.toString('utf8');
  },
  /** Random bytes over a stretch, then decoded. */
  byteNoise(text, random) {
    const bytes = Buffer.from(text, 'utf8');
    const start = Math.floor(random() * (bytes.length + 1));
    const noise = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
    return Buffer.concat([bytes.subarray(0, start), noise, bytes.subarray(start)]).toString('utf8');
  },
  /** Cut the text anywhere, including between the halves of a surrogate pair. */
  truncate(text, random) {
    return text.slice(0, offset(random, text));
  },
  truncateStart(text, random) {
    return text.slice(offset(random, text));
  },
  /** A piece of another document, dropped in anywhere. */
  splice(text, random, donors) {
    const donor = pick(random, donors);
    const from = offset(random, donor);
    const piece = donor.slice(from, from + Math.floor(random() * 2000));
    const at = offset(random, text);
    return text.slice(0, at) + piece + text.slice(at);
  },
  /** Replace a stretch with a stretch of another document. */
  crossover(text, random, donors) {
    const donor = pick(random, donors);
    const at = offset(random, text);
    return text.slice(0, at) + donor.slice(offset(random, donor));
  },
  /** Copy a section (from a heading line to the next one) right after itself, several times. */
  duplicateSection(text, random) {
    const headings = [...text.matchAll(/^(?:#{1,6}[ \t]|[A-Z][A-Z0-9 /&,()'.-]{1,58}:)/gm)].map((match) => match.index!);
    if (headings.length === 0) return text + text;
    const index = Math.floor(random() * headings.length);
    const start = headings[index];
    const end = headings[index + 1] ?? text.length;
    const section = text.slice(start, end);
    return text.slice(0, end) + section.repeat(1 + Math.floor(random() * 3)) + text.slice(end);
  },
  /** Markup, control characters and lone surrogates dropped in. */
  insertTokens(text, random) {
    let out = text;
    const count = 1 + Math.floor(random() * 6);
    for (let i = 0; i < count; i++) {
      const at = offset(random, out);
      out = out.slice(0, at) + pick(random, TOKENS) + out.slice(at);
    }
    return out;
  },
  deleteStretch(text, random) {
    const at = offset(random, text);
    return text.slice(0, at) + text.slice(at + Math.floor(random() * 400));
  },
  /** Swap or drop whole lines. */
  shuffleLines(text, random) {
    const lines = text.split('\n');
    for (let i = 0; i < 1 + Math.floor(random() * 5); i++) {
      const a = Math.floor(random() * lines.length);
      const b = Math.floor(random() * lines.length);
      if (random() < 0.3) lines.splice(a, 1);
      else [lines[a], lines[b]] = [lines[b], lines[a]];
    }
    return lines.join('\n');
  },
  lineEndings(text, random) {
    return text.replace(/\r\n|\r|\n/g, () => pick(random, ['\r\n', '\r', '\n', '\n\r']));
  },
  /** A 20,000-character line somewhere. */
  longLine(text, random) {
    const at = offset(random, text);
    const unit = pick(random, ['a', 'x ', 'left nerve ', '64596-LT ', '\u00e9', '.', ' ', '#', ':']);
    return text.slice(0, at) + unit.repeat(Math.ceil(20_000 / unit.length)) + text.slice(at);
  },
  /** Many headings nested ever deeper (Markdown levels 1-3 and dictation titles). */
  deepSections(text, random) {
    const at = offset(random, text);
    const lines: string[] = [];
    for (let i = 0; i < 200 + Math.floor(random() * 800); i++) lines.push(random() < 0.7 ? `${'#'.repeat(1 + (i % 3))} Level ${i}` : `SECTION ${i}:`);
    return `${text.slice(0, at)}\n${lines.join('\n')}\n${text.slice(at)}`;
  },
  caseChange(text, random) {
    return random() < 0.5 ? text.toUpperCase() : text.toLowerCase();
  },
};

const NAMES = Object.keys(MUTATIONS);

/** One to three random mutations in a row; returns the text and their names. */
export function mutate(text: string, random: Random, donors: readonly string[]): { text: string; mutations: string[] } {
  const mutations: string[] = [];
  let out = text;
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const name = pick(random, NAMES);
    mutations.push(name);
    out = MUTATIONS[name](out, random, donors);
  }
  return { text: out, mutations };
}
