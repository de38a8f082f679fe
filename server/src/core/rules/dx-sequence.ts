import type { Rule } from '../linting/types';

/** ICD-10-CM category G89 (pain, not elsewhere classified): the code the guideline sequences first. */
const PAIN_CATEGORY = /^G89(\.|$)/;
/** The codes of a neurostimulator inserted for pain control. */
const STIMULATOR_CODES = new Set(['64596', '64597']);

export const rule: Rule = {
  meta: {
    id: 'dx-sequence',
    description: 'On a 64596/64597 line the pain code (G89.x) is pointed to after the underlying condition; for a stimulator inserted for pain control it is listed first.',
    defaultSeverity: 'information',
    fixable: true,
    tags: ['claim', 'diagnosis', 'sequencing'],
    appliesTo: ['claim'],
    docs: {
      what: 'A 64596 or 64597 line points to a G89 pain code (G89.2x chronic pain, G89.4 ...) but its first pointer is another diagnosis, usually the underlying condition (a mononeuropathy, a nerve injury).',
      why: 'ICD-10-CM Official Guidelines I.C.6.b.1.b.i: when the encounter is for inserting a neurostimulator for pain control, the pain code is first-listed. The exception: when the encounter treats the underlying condition and the stimulator is inserted in the same encounter, the condition comes first. That is why this is information only: check what the encounter was for.',
      fix: 'Point to the G89 code first and the underlying condition after it (quick fix: reorders the line\'s pointers). If the encounter treated the condition itself, leave the order and disable the rule for the line.',
      sources: ['ICD-10-CM Official Guidelines for Coding and Reporting FY2026, I.C.6.b.1.b.i (agescodingtech.com ch.6; ikshealth.com "Coding Pain")', '64596 fact sheet §8 (coding rules)'],
      bad: 'payer: Medicare\n\ndx: G57.82, G89.29\n64596-LT x1 ptr:A,B',
      good: 'payer: Medicare\n\ndx: G89.29, G57.82\n64596-LT x1 ptr:A,B',
    },
  },
  check({ claim }, report) {
    if (!claim) return;
    for (const line of claim.lines) {
      if (!STIMULATOR_CODES.has(line.code.value) || !line.pointers) continue;
      const pointed = claim.pointedDiagnoses.get(line) ?? [];
      const painIndex = pointed.findIndex((entry) => PAIN_CATEGORY.test(entry.code.value));
      if (painIndex <= 0) continue;
      const letters = line.pointers.letters;
      const pain = pointed[painIndex];
      const reordered = [pain.letter, ...letters.map((letter) => letter.value).filter((letter) => letter !== pain.letter)];
      const span = { start: letters[0].span.start, end: letters[letters.length - 1].span.end };
      report({
        span,
        message: `${line.code.value} points to ${pointed[0].code.value} before the pain code ${pain.code.value}: for a stimulator inserted for pain control, the pain code is listed first (I.C.6.b.1.b.i).`,
        fixes: [{ title: `Point to ${pain.code.value} first (ptr:${reordered.join(',')})`, edits: [{ span, newText: reordered.join(',') }] }],
      });
    }
  },
};
