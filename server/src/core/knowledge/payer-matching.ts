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

/** Every run of consecutive header words, joined without spaces, up to maxLength characters. */
function wordRuns(header: string, maxLength: number): Set<string> {
  const headerWords = words(header);
  const runs = new Set<string>();
  for (let start = 0; start < headerWords.length; start++) {
    let run = '';
    for (let end = start; end < headerWords.length && run.length <= maxLength; end++) {
      run += headerWords[end];
      runs.add(run);
    }
  }
  return runs;
}

/**
 * Builds a finder over the given payers. A payer matches when one of its aliases appears in the
 * header as whole words. Among matches: a payer ruled out by `excludeWhenHeaderMentions` is
 * dropped, an ancestor gives way to its descendant (anthem beats bcbs for "Anthem Blue Cross"), then the
 * longest alias wins and, on a tie, the later payer (so organisation files beat built-ins).
 */
export function createPayerFinder(payers: readonly Payer[]): PayerFinder {
  const entries = payers.map((payer, order) => ({
    payer,
    order,
    aliasKeys: payer.aliases.map(matchKey).filter(Boolean),
    exclusionKeys: (payer.excludeWhenHeaderMentions ?? []).map(matchKey).filter(Boolean),
  }));
  const byId = new Map(payers.map((payer) => [payer.id, payer]));
  const ancestorIds = (payer: Payer): string[] => {
    const ids: string[] = [];
    // The guard stops on a parent cycle, which an organisation file could contain.
    for (let id = payer.parentId; id && !ids.includes(id); id = byId.get(id)?.parentId) ids.push(id);
    return ids;
  };
  const maxLength = Math.max(0, ...entries.flatMap((entry) => [...entry.aliasKeys, ...entry.exclusionKeys].map((key) => key.length)));

  return (headerValue) => {
    const runs = wordRuns(headerValue, maxLength);
    const matches = entries
      .filter((entry) => !entry.exclusionKeys.some((key) => runs.has(key)))
      .map((entry) => ({ ...entry, aliasLength: Math.max(-1, ...entry.aliasKeys.filter((key) => runs.has(key)).map((key) => key.length)) }))
      .filter((match) => match.aliasLength >= 0);
    const outranked = new Set(matches.flatMap((match) => ancestorIds(match.payer)));
    const best = matches
      .filter((match) => !outranked.has(match.payer.id))
      .sort((a, b) => b.aliasLength - a.aliasLength || b.order - a.order)[0];
    return best?.payer;
  };
}
