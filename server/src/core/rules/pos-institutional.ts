import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'pos-institutional',
    description: 'A place of service (`pos:`) on an institutional (UB-04) claim, which has no place of service: its setting is the type of bill.',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['claim', 'institutional', 'place-of-service'],
    appliesTo: ['claim'],
    docs: {
      what: 'The claim is institutional (`claim-type: institutional`, `form: UB-04` / `837I`) and has a `pos:` header or a `pos:` item on a line.',
      why: 'Place-of-service codes belong to professional claims (CMS-1500 item 24B, 837P CLM05-1). Hospitals bill on the UB-04 / 837I with revenue codes and no POS: the setting is the type of bill (13x hospital outpatient). OpNote does not use a POS on an institutional claim, so `pos-atypical` is quiet there; a POS here usually means the claim was copied from the professional one. Information only.',
      fix: 'Remove the `pos:` and give the type of bill (`bill-type: 131`). If the claim is really the physician\'s or the ASC\'s, write `claim-type: professional` (or leave the key out).',
      sources: ['health-samurai.io rcmbox x12 837i; emrpms.blogspot.com 837P 5010 documentation (64596 fact sheet §8: hospitals bill on the 837I/UB-04 with revenue codes and no POS)'],
      bad: 'claim-type: institutional\nbill-type: 131\npos: 22\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:0360 ptr:A\nC1778 x1 rev:0278',
      good: 'claim-type: institutional\nbill-type: 131\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:0360 ptr:A\nC1778 x1 rev:0278',
    },
  },
  check({ claim }, report) {
    if (!claim || claim.claimType !== 'institutional') return;
    const message = 'Place of service is not used on an institutional (UB-04) claim: its setting is the type of bill (bill-type:).';
    if (claim.headerPos) report({ span: claim.headerPos.span, message });
    for (const line of claim.lines) if (line.pos) report({ span: line.pos.span, message });
  },
};
