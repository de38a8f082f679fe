import { cite, lowerFirst } from '../ruleSupport/claim';
import { modifierInfo } from '../ruleSupport/modifiers';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'modifier-conflict',
    description: 'Two modifiers on one line that exclude each other (50 with LT/RT, 51 with 59/X, GA with GZ, 73 with 74, PN with PO, two of 59/XE/XS/XP/XU).',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['claim', 'modifier'],
    appliesTo: ['claim'],
    docs: {
      what: 'A service line carries two modifiers that must not be used together. The pairs come from `modifiers.json`: `mutuallyExclusiveWith` (checked in both directions) and `onePerLine` groups, of which a line takes one modifier (59, XE, XS, XP and XU form one group).',
      why: 'Contradictory modifiers make the line ambiguous and it is rejected or priced wrongly: 50 (bilateral) with LT or RT says both "both sides" and "one side"; 59/X with 51 on the same code is excluded by payer policy; GA (ABN on file) and GZ (no ABN) cannot both be true; one of 59 or the X modifiers says why the service is distinct, and a second one only muddies it; 73 and 74 describe different discontinuation points; PO and PN are the two off-campus department types, never both.',
      fix: 'Keep the modifier that matches the operative note and remove the other.',
      sources: ['IBX Medicare Advantage modifier 59 policy (not with 51)', 'fcso.com MM6563 (GA/GZ)', 'revenuecycleadvisor; hcpro (PO/PN)', '64596 fact sheet §5', 'IBX MA policy (only one of 59/X per line)'],
      bad: 'payer: Medicare\n\ndx: G57.83\n64596-50-LT x1 ptr:A',
      good: 'payer: Medicare\n\ndx: G57.83\n64596-50 x1 ptr:A',
    },
  },
  check({ knowledge, claim }, report) {
    for (const line of claim?.lines ?? []) {
      line.modifiers.forEach((modifier, index) => {
        const info = modifierInfo(knowledge, modifier.value);
        const group = info?.rules.onePerLine;
        const earlier = line.modifiers.slice(0, index).find((other) => {
          const otherInfo = modifierInfo(knowledge, other.value);
          return (
            info?.rules.mutuallyExclusiveWith?.includes(other.value) ||
            otherInfo?.rules.mutuallyExclusiveWith?.includes(modifier.value) ||
            (group !== undefined && otherInfo?.rules.onePerLine === group)
          );
        });
        if (!earlier || !info) return;
        const otherInfo = modifierInfo(knowledge, earlier.value) ?? info;
        report({
          span: modifier.span,
          message: `${modifier.value} and ${earlier.value} exclude each other on one line: keep the one the operative note supports.`,
          detail:
            `${modifier.value}: ${lowerFirst(info.title)}${otherInfo !== info ? `; ${earlier.value}: ${lowerFirst(otherInfo.title)}` : ''}. The line is rejected or priced wrongly. ` +
            cite(info.verified ? otherInfo : info, 'the payer policy'),
        });
      });
    }
  },
};
