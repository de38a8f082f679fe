import { appendSection, isNeurostimulationNote } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

const SKELETON = 'The procedure took [__ minutes] against a typical [__ minutes] for this placement. Reason: [BMI and nerve depth | scar | anatomy | repositionings | other]. Extra work: [__ what was done beyond the usual].';

export const rule: Rule = {
  meta: {
    id: 'increased-services-unquantified',
    description: 'A modifier-22 / increased-services statement lacks the extra time or effort against typical, or the reason.',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['64596', 'note', 'modifier-22'],
    appliesTo: ['opnote'],
    docs: {
      what: 'The note asks for increased procedural services (modifier 22, "difficult case", an "Increased procedural services" section) but does not state both the extra time or effort compared with the typical case and the reason for it (BMI and depth, scar, anatomy, repositionings). A warning when the note asks for increased services (its own section, or modifier 22 named); information when it only calls the case hard.',
      why: 'CMS requires a concise statement of how the service differed from the usual one, with the operative report; vague phrases ("took longer", "difficult", "obese patient") are rejected and the claim is paid at the normal fee. Some payers pay a set percentage more only with this documentation.',
      fix: 'Write the statement: actual versus typical time (or effort), the cause, and the extra work. The quick fix inserts an "Increased procedural services" section to complete.',
      sources: ['CMS IOM 100-04 ch.12 §40.2.A.10 via ngsmedicare.com', 'Noridian via aapc.com (obesity, adhesions or length alone do not qualify)', 'uhcprovider.com Increased Procedural Services policy'],
      bad: 'This was a difficult case because the patient is obese. Modifier 22.',
      good: 'INCREASED PROCEDURAL SERVICES: 95 minutes against a typical 40; BMI 52 put the sciatic nerve at 9 cm depth and required three repositionings.',
    },
  },
  check({ model, facts }, report) {
    if (!isNeurostimulationNote(facts) || facts.increasedServices.status !== 'unquantified') return;
    const first = facts.increasedServices.evidence[0];
    if (!first) return;
    const hasSection = model.sections.some((section) => section.id === 'increased-services');
    report({
      span: first.span,
      message: facts.increasedServices.claimed
        ? 'Increased services are claimed but not quantified: state the extra time or effort against the typical case, and its reason.'
        : 'The case is called hard but nothing is quantified: if modifier 22 is meant, state the extra time or effort against the typical case, and its reason.',
      detail: 'Reasons such as BMI-related depth, scar, anatomy or repositionings. "Difficult" or "obese" alone is rejected for modifier 22.',
      // A note that only calls the case hard asks for nothing: information, for the author to quantify if 22 is meant.
      unsure: !facts.increasedServices.claimed,
      ...(hasSection ? {} : { fixes: [{ title: 'Insert an "Increased procedural services" section to complete', edits: [appendSection(model, 'increased-services', SKELETON)] }] }),
    });
  },
};
