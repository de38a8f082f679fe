import { cite, lowerFirst } from '../ruleSupport/claim';
import { modifierFix } from '../ruleSupport/modifiers';
import type { Modifier } from '../knowledge';
import type { Fix, Rule } from '../linting/types';

/** The payer id the modifier data uses for Original Medicare (GA/GZ `appliesToPayers`). */
const MEDICARE = 'medicare';

export const rule: Rule = {
  meta: {
    id: 'modifier-59-prefer-x',
    description: 'Modifier 59 where an X modifier (XE, XS, XP, XU) says it more precisely (Medicare).',
    defaultSeverity: 'information',
    fixable: true,
    tags: ['claim', 'modifier', 'modifier-59', 'medicare'],
    appliesTo: ['claim'],
    docs: {
      what: 'A line on a Medicare claim carries 59 (distinct procedural service) and none of the X modifiers that CMS created to say why the service was distinct: XE (separate encounter), XS (separate structure), XP (separate practitioner), XU (unusual non-overlapping service). Which modifiers are preferred over 59 comes from `modifiers.json`.',
      why: 'Since January 1, 2015 (MLN SE1418) CMS accepts the more specific X modifiers, and contractors review 59 more closely. 59 or an X modifier is used only when the NCCI modifier indicator of the pair is 1, never in place of LT/RT or 24/25/57/58/78/79/91, and only one of them per line. On a 64596 claim the pair is usually imaging or another nerve: check that a modifier is needed at all.',
      fix: 'Pick the X modifier that describes the case (one quick fix per modifier; none is preferred, because only the coder knows which applies), or remove 59 if the services are not distinct.',
      sources: ['xifin.com (MLN SE1418, rev. 2020)', 'glaucomaphysician.net (X modifiers)', 'Moda modifier 59 policy (NCCI modifier indicator 1)', 'IBX Medicare Advantage modifier 59 policy'],
      bad: 'payer: Medicare\n\ndx: G57.82, G57.22\n64596-LT x1 ptr:A\n64555-59-RT x1 ptr:B',
      good: 'payer: Medicare\n\ndx: G57.82, G57.22\n64596-LT x1 ptr:A\n64555-XS-RT x1 ptr:B',
    },
  },
  check(context, report) {
    const { claim, knowledge } = context;
    if (!claim || claim.payer?.payer.id !== MEDICARE) return;
    // The modifiers preferred to each modifier (59 → XE, XS, XP, XU), read from the knowledge once per check.
    const preferredTo = new Map<string, Modifier[]>();
    for (const candidate of knowledge.modifiers.values()) {
      for (const other of candidate.rules.preferredOver ?? []) {
        const list = preferredTo.get(other);
        if (list) list.push(candidate);
        else preferredTo.set(other, [candidate]);
      }
    }
    for (const line of claim.lines) {
      const codes = line.modifiers.map((modifier) => modifier.value);
      for (const modifier of line.modifiers) {
        const preferred = preferredTo.get(modifier.value) ?? [];
        if (preferred.length === 0 || preferred.some((candidate) => codes.includes(candidate.code))) continue;
        const fixes = preferred
          .map((candidate) => {
            const replace = { from: modifier.value, to: candidate.code, description: lowerFirst(candidate.title) };
            return modifierFix(knowledge, claim, line, (change) => change.kind === 'replace' && change.from === replace.from && change.to === replace.to, { replace }, false);
          })
          .filter((fix): fix is Fix => fix !== undefined);
        report({
          span: modifier.span,
          message: `Medicare prefers a specific X modifier to ${modifier.value} on ${line.code.value}: ${preferred.map((candidate) => candidate.code).join(', ')}, when the pair's NCCI indicator is 1.`,
          detail:
            `${preferred.map((candidate) => `${candidate.code} ${lowerFirst(candidate.title)}`).join(', ')}. ` +
            `Use one only when the NCCI modifier indicator of the pair is 1 and LT/RT does not already say it. ${cite(preferred[0], 'the current NCCI policy manual')}`,
          fixes,
        });
      }
    }
  },
};
