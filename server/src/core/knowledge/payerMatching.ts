// Matches a claim's free-text "payer:" header to a payer by its aliases.
import type { Payer } from './schema';

export type PayerFinder = (headerValue: string) => Payer | undefined;

// "Blue Cross and Blue Shield of Texas" and "Blue Cross Blue Shield Texas" must match alike.
const IGNORED_WORDS = new Set(['and', 'of', 'the']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !IGNORED_WORDS.has(word));
}

/** Spacing-insensitive key: "United Healthcare" and "UnitedHealthcare" both give "unitedhealthcare". */
function matchKey(text: string): string {
  return words(text).join('');
}

// Polynomial hashes of the runs, so that trying a run costs one multiplication per character.
const HASH_BASE = 131;
const HASH_MODULUS = 2147483647;
/** Hash and length in one Map key (keys are shorter than this). */
const LENGTH_SLOTS = 1024;

interface KeyHit {
  readonly entry: number;
  readonly exclusion: boolean;
}

/**
 * The keys (aliases and exclusion words, spacing-insensitive) that a header contains as runs of
 * consecutive whole words. Every run up to the longest key is tried once, found by a rolling hash and
 * confirmed by comparing the text: linear in the header, whatever the number of keys (the schema caps
 * a key's length; a run longer than the longest key is never tried).
 */
class KeyIndex {
  readonly keys: string[] = [];
  readonly hits: KeyHit[][] = [];
  private readonly byHash = new Map<number, number[]>();
  private readonly keyIds = new Map<string, number>();
  private maxLength = 0;

  add(key: string, hit: KeyHit): void {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keyIds.set(key, id);
      this.keys.push(key);
      this.hits.push([]);
      const slot = hashOf(key) * LENGTH_SLOTS + (key.length % LENGTH_SLOTS);
      const ids = this.byHash.get(slot);
      if (ids) ids.push(id);
      else this.byHash.set(slot, [id]);
      this.maxLength = Math.max(this.maxLength, key.length);
    }
    this.hits[id].push(hit);
  }

  /** Ids of the keys found in the header. */
  find(header: string): Set<number> {
    const headerWords = words(header);
    const found = new Set<number>();
    for (let start = 0; start < headerWords.length; start++) {
      let hash = 0;
      let length = 0;
      for (let end = start; end < headerWords.length && length + headerWords[end].length <= this.maxLength; end++) {
        const word = headerWords[end];
        for (let i = 0; i < word.length; i++) hash = (hash * HASH_BASE + word.charCodeAt(i)) % HASH_MODULUS;
        length += word.length;
        const ids = this.byHash.get(hash * LENGTH_SLOTS + (length % LENGTH_SLOTS));
        if (!ids) continue;
        const run = headerWords.slice(start, end + 1).join('');
        for (const id of ids) if (this.keys[id] === run) found.add(id);
      }
    }
    return found;
  }
}

function hashOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * HASH_BASE + key.charCodeAt(i)) % HASH_MODULUS;
  return hash;
}

/**
 * Builds a finder over the given payers. A payer matches when one of its aliases appears in the
 * header as whole words. Among matches: a payer ruled out by `excludeWhenHeaderMentions` is
 * dropped, an ancestor gives way to its descendant (anthem beats bcbs for "Anthem Blue Cross"), then the
 * longest alias wins and, on a tie, the later payer (so organisation files beat built-ins).
 */
export function createPayerFinder(payers: readonly Payer[]): PayerFinder {
  const index = new KeyIndex();
  payers.forEach((payer, entry) => {
    for (const alias of payer.aliases) {
      const key = matchKey(alias);
      if (key) index.add(key, { entry, exclusion: false });
    }
    for (const word of payer.excludeWhenHeaderMentions ?? []) {
      const key = matchKey(word);
      if (key) index.add(key, { entry, exclusion: true });
    }
  });
  const byId = new Map(payers.map((payer) => [payer.id, payer]));

  return (headerValue) => {
    const aliasLength = new Map<number, number>();
    const excluded = new Set<number>();
    for (const id of index.find(headerValue)) {
      for (const hit of index.hits[id]) {
        if (hit.exclusion) excluded.add(hit.entry);
        else aliasLength.set(hit.entry, Math.max(aliasLength.get(hit.entry) ?? 0, index.keys[id].length));
      }
    }
    const matches = [...aliasLength].filter(([entry]) => !excluded.has(entry));
    // Every ancestor of a match; a walk stops at an id already outranked (its ancestors are in), which also ends a parent cycle.
    const outranked = new Set<string>();
    for (const [entry] of matches) {
      for (let id = payers[entry].parentId; id && !outranked.has(id); id = byId.get(id)?.parentId) outranked.add(id);
    }
    let best: { entry: number; length: number } | undefined;
    for (const [entry, length] of matches) {
      if (outranked.has(payers[entry].id)) continue;
      if (!best || length > best.length || (length === best.length && entry > best.entry)) best = { entry, length };
    }
    return best ? payers[best.entry] : undefined;
  };
}
