import type { Payer } from '../knowledge/schema';
import { bullets, sections, sourcesLine, UNVERIFIED } from './hoverText';

const STANCE: Readonly<Record<Payer['coverage'], string>> = {
  covered: 'covered',
  'covered-with-criteria': 'covered when the criteria are met',
  investigational: 'investigational (not covered)',
  'not-medically-necessary': 'not medically necessary (not covered)',
  varies: 'varies by plan',
  unknown: 'data not available',
};

/** Hover Markdown for the payer a header names: stance on implantable PNS, prior auth, policies, criteria. */
export function payerHover(payer: Payer | undefined, written: string): string {
  if (!payer) return `OpNote has no policy data for \`${written.trim()}\`; coverage and prior authorization: data not available. Your organisation can add it in \`.opnote/payers/*.json\`.`;
  return sections(
    `**${payer.name}**: implantable peripheral nerve stimulation is ${STANCE[payer.coverage]}.`,
    bullets([
      `Prior authorization: ${payer.priorAuthorization.value === 'unknown' ? 'data not available' : payer.priorAuthorization.value.replace('-', ' ')}${payer.priorAuthorization.verified ? '' : ' (unverified)'}`,
      ...payer.policies.map((policy) => `${policy.id ?? 'Policy'}: ${policy.title} (${STANCE[policy.stance]}${policy.verified ? '' : ', unverified'})`),
      ...payer.criteria.map((criterion) => `Criterion: ${criterion.text}`),
    ]),
    !payer.verified && UNVERIFIED,
    sourcesLine(payer.sources),
  );
}
