// Compact encoding of a code list (ICD-10-CM, HCPCS Level II) so it can be bundled as JSON.
//
// Codes are grouped by their first three characters. Each group's remaining characters form a
// trie written as a string: a character followed by "(...)" has children, one without is a code.
//   G57: G5700 G5701 G5710  →  "G57": "0(01)1(0)"
// An empty string means the 3-character category is itself the only code.
// The encoding needs a prefix-free list (no code is the start of another), which holds for
// billable ICD-10-CM codes and for HCPCS Level II; the encoder checks it.

export const CODE_SET_ENCODING =
  'Codes grouped by their first 3 characters; each value is the trie of the remaining characters, ' +
  'where a character followed by "(...)" has children and a character without is a code; "" = the category itself.';

type TrieNode = Map<string, TrieNode>;

/** Encodes a list of codes (no dots, upper case). Throws if the list cannot be encoded faithfully. */
export function encodeCodeSet(codes: readonly string[]): Record<string, string> {
  const sorted = [...new Set(codes)].sort();
  for (const code of sorted) {
    if (!/^[0-9A-Z]{3,}$/.test(code)) throw new Error(`cannot encode code "${code}": expected 3+ characters A-Z/0-9`);
  }
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.startsWith(sorted[i - 1]!)) {
      throw new Error(`cannot encode: "${sorted[i - 1]}" is a prefix of "${sorted[i]}"`);
    }
  }
  const tries = new Map<string, TrieNode>();
  for (const code of sorted) {
    const category = code.slice(0, 3);
    let node = tries.get(category) ?? new Map();
    tries.set(category, node);
    for (const char of code.slice(3)) {
      const child: TrieNode = node.get(char) ?? new Map();
      node.set(char, child);
      node = child;
    }
  }
  const encoded: Record<string, string> = {};
  for (const [category, trie] of tries) encoded[category] = serializeTrie(trie);
  return encoded;
}

function serializeTrie(node: TrieNode): string {
  let out = '';
  for (const char of [...node.keys()].sort()) {
    const child = node.get(char)!;
    out += child.size ? `${char}(${serializeTrie(child)})` : char;
  }
  return out;
}

/** Decodes to a sorted array of codes (no dots). */
export function decodeCodeSet(categories: Readonly<Record<string, string>>): string[] {
  const codes: string[] = [];
  for (const category of Object.keys(categories).sort()) {
    const trie = categories[category]!;
    if (trie === '') {
      codes.push(category);
      continue;
    }
    const prefixes = [category];
    for (let i = 0; i < trie.length; i++) {
      const char = trie[i]!;
      if (char === ')') {
        prefixes.pop();
        continue;
      }
      const code = prefixes[prefixes.length - 1] + char;
      if (trie[i + 1] === '(') {
        prefixes.push(code);
        i++;
      } else {
        codes.push(code);
      }
    }
  }
  return codes;
}

/**
 * A sorted code list held as one string of fixed-width records (padded with spaces, which sort
 * before every code character), searched by binary search: 74,719 ICD-10-CM codes take about half a
 * megabyte instead of several as separate strings in the server's memory.
 */
export class CodeTable {
  private readonly records: string;
  private readonly width: number;
  readonly size: number;

  constructor(sorted: readonly string[]) {
    this.width = sorted.reduce((max, code) => Math.max(max, code.length), 1);
    this.records = sorted.map((code) => code.padEnd(this.width)).join('');
    this.size = sorted.length;
  }

  at(index: number): string | undefined {
    if (index < 0 || index >= this.size) return undefined;
    return this.records.slice(index * this.width, (index + 1) * this.width).trimEnd();
  }

  /** Index of the first code >= value. */
  lowerBound(value: string): number {
    const key = value.length >= this.width ? value : value.padEnd(this.width);
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.records.slice(mid * this.width, (mid + 1) * this.width) < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
