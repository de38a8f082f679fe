import type { ConceptMention, EvidenceStatus, NoteFacts } from '../facts/types';
import type { Knowledge } from '../knowledge';
import { UNVERIFIED } from './hoverText';

const STATUS: Readonly<Record<EvidenceStatus, string>> = {
  affirmed: 'documented',
  negated: 'negated (the note says it was not done)',
  historical: 'historical (an earlier procedure, not this one)',
  hypothetical: 'hypothetical (planned or conditional)',
  'other-experiencer': 'about someone other than the patient',
  unchosen: 'not chosen (a template option left unchecked or a placeholder left to fill)',
};

const IMAGING_CODES: Readonly<Record<string, string>> = { ultrasound: '76942', fluoroscopy: '77002', ct: '77012' };

function imagingLine(mention: ConceptMention): string {
  const head = `*Imaging guidance: ${mention.value === 'imaging' ? 'imaging (no modality named)' : mention.value}, ${STATUS[mention.status]}*`;
  if (mention.status !== 'affirmed' || mention.value === 'imaging') return head;
  return `${head} — included in 64596; do not report ${IMAGING_CODES[mention.value] ?? 'the imaging guidance code'} separately.`;
}

/** One line per fact kind: what the text says and what it means for the 64596 claim. */
function factLine(mention: ConceptMention, facts: NoteFacts): string {
  const status = STATUS[mention.status];
  switch (mention.field) {
    case 'imaging':
      return imagingLine(mention);
    case 'approach':
      return `*Approach: ${mention.value}, ${status}*${mention.value === 'open' && mention.status === 'affirmed' ? ' — an open approach is 64575, not 64596.' : ' — 64596 is percutaneous.'}`;
    case 'nerve':
      return `*Target nerve: ${mention.value}, ${status}*${facts.nerve ? ` — the note's nerve: ${facts.nerve.value}.` : ''}`;
    case 'target':
      return `*Target: ${mention.value.replace(/-/g, ' ')}, ${status}*${mention.value === 'peripheral-nerve' ? '' : ' — 64596 is only for a peripheral nerve.'}`;
    case 'laterality':
      return `*Side: ${mention.value}, ${status}*${mention.status === 'affirmed' && mention.value !== 'bilateral' ? ` — claim modifier ${mention.value === 'left' ? 'LT' : 'RT'}.` : ''}`;
    case 'procedure':
      return `*Procedure: ${mention.value}, ${status}*${facts.procedure ? ` — the note's procedure: ${facts.procedure.value}.` : ''}`;
    case 'arrays': {
      const arrays = facts.arrays?.value;
      const claim = arrays === undefined ? '' : arrays > 1 ? ` — claim: 64596 x1 + 64597 x${arrays - 1}.` : ' — claim: 64596 x1.';
      return `*Electrode arrays: ${mention.value}, ${status}*${claim}`;
    }
    case 'integrated':
      return `*Device: ${mention.value === 'integrated' ? 'integrated (generator/receiver in the array)' : 'separate generator or external stimulator'}, ${status}*`;
    case 'testing':
      return `*Intraoperative stimulation testing, ${status}*`;
    case 'increasedServices':
      return `*Increased procedural services: ${facts.increasedServices.status}* — modifier 22 needs extra time or effort against typical and its reason.`;
    case 'necessity':
      return `*Medical necessity element: ${mention.value}, ${status}*`;
    case 'discontinued':
      return `*Procedure discontinued, ${status}*${facts.discontinued ? ` (${facts.discontinued.value.replace(/-/g, ' ')}) — claim: 53 on the physician's line; 73 (before anesthesia) or 74 (after) on the facility claim.` : ''}`;
    case 'implantRecord':
      return `*Implant record: ${mention.value.replace('lot-serial', 'lot/serial number')}, ${status}* — the record names the device's manufacturer, model and lot/serial number.`;
  }
}

/** Hover Markdown for the fact evidence under the cursor, or undefined. */
export function factHover(mentions: readonly ConceptMention[], facts: NoteFacts, knowledge: Knowledge): string | undefined {
  if (mentions.length === 0) return undefined;
  const lines = mentions.map((mention) => factLine(mention, facts));
  const imagingIncluded = knowledge.codes.get('64596')?.includes.some((item) => item.includes('imaging')) ?? false;
  const unverified = mentions.some((mention) => mention.field === 'arrays' || (mention.field === 'procedure' && (mention.value === 'revision' || mention.value === 'removal' || mention.value === 'trial')));
  return [...new Set(lines)].join('\n\n') + (imagingIncluded && mentions.some((m) => m.field === 'imaging') ? '\n\nSource: openpayer.com 64596 descriptor (imaging guidance included)' : '') + (unverified ? `\n\n${UNVERIFIED}` : '');
}
