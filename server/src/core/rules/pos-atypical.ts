import { codeEntry, cite } from '../ruleSupport/claim';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'pos-atypical',
    description: 'Place of service outside the typical sites for 64596 (19/22 outpatient hospital, 24 ASC); 11 office is atypical.',
    defaultSeverity: 'information',
    fixable: false,
    tags: ['claim', '64596', 'place-of-service'],
    appliesTo: ['claim'],
    docs: {
      what: 'On a professional claim, the place of service of a 64596 or 64597 line (its `pos:` item, else the claim\'s `pos:` header) is not among the typical places for the code in `codes.json` (`typicalPos`), described in `pos.json`.',
      why: 'Medicare\'s NCD 160.7 says implanting peripheral nerve stimulator electrodes requires surgery and usually necessitates an operating room, so a percutaneous integrated PNS implant is done in an off-campus (19) or on-campus (22) outpatient hospital or an ambulatory surgical center (24). The office (11) is atypical: an office setting is possible, but payers may question it, and 11 must not be used for ASC services. An inpatient or emergency POS changes how, and whether, the service is paid. This is information only: check the POS against where the procedure was done. The rule reads professional claims only (CMS-1500 / 837P, physicians and ASCs): an institutional claim (UB-04 / 837I) has no place of service, its setting is the type of bill (see `pos-institutional`).',
      fix: 'Use the code of the place where the procedure was done; if the atypical setting is right, leave it (the diagnostic is information only) or disable the rule for the line.',
      sources: ['automatedworldhealth.com/ncd160.7.html (NCD 160.7: electrode implantation usually necessitates an operating room)', 'aafp.org; nctracks; revenuecycleadvisor; whatismedicalinsurancebilling.org (POS codes 11, 19, 22, 24)', '64596 fact sheet §8 (setting and device)'],
      bad: 'payer: Medicare\npos: 21\n\ndx: G57.82\n64596-LT x1 ptr:A',
      good: 'payer: Medicare\npos: 24\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check({ knowledge, claim }, report) {
    // Place of service belongs to professional claims; an institutional claim's setting is its type of bill (pos-institutional).
    if (!claim || claim.claimType !== 'professional') return;
    const reported = new Set<number>();
    for (const line of claim.lines) {
      const typical = codeEntry(knowledge, line.code.value)?.typicalPos;
      if (!typical) continue;
      const place = line.pos ?? claim.headerPos;
      if (!place || typical.value.includes(place.value) || reported.has(place.span.start)) continue;
      const { value: pos, span } = place;
      reported.add(span.start);
      const name = knowledge.pos.get(pos)?.name;
      const sites = typical.value.map((code) => `${code}${knowledge.pos.get(code) ? ` ${knowledge.pos.get(code)!.name.toLowerCase()}` : ''}`).join(', ');
      report({
        span,
        message: `Place of service ${pos}${name ? ` (${name.toLowerCase()})` : ''} is atypical for ${line.code.value}: check the POS and the claim type.`,
        detail: `Typical: ${sites}. ${cite(typical, 'the payer policy')}`,
      });
    }
  },
};
