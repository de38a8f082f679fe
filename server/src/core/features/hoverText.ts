/** Shared pieces of hover Markdown: one wording for unverified facts and missing data everywhere. */
export const UNVERIFIED = '⚠ *unverified, check the current CPT book / payer policy*';
export const NO_DATA = 'data not available';

export function sourcesLine(sources: readonly string[]): string {
  return `Sources: ${sources.join('; ')}`;
}

/** Marks a value that a source does not support. */
export function flagged(text: string, verified: boolean): string {
  return verified ? text : `${text} (unverified)`;
}

export function bullets(lines: ReadonlyArray<string | undefined | null | false | 0>): string {
  return lines.filter((line): line is string => typeof line === 'string' && line !== '').map((line) => `- ${line}`).join('\n');
}

export function sections(...parts: ReadonlyArray<string | undefined | null | false | 0>): string {
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join('\n\n');
}
