import { firstEvidenceSentence, hasConflict, isNeurostimulationNote } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'not-integrated',
    description: 'A separate pulse generator / pocket or an external trial stimulator is documented.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['64596', 'note', 'device'],
    appliesTo: ['opnote'],
    docs: {
      what: 'The note documents a pulse generator placed in a pocket and connected to the array, an extension, or an external trial stimulator: the system is not integrated. An integrated array powered or controlled by an external transmitter, wearable or controller is still integrated and does not fire this rule.',
      why: '64596 is for an integrated system, with the generator or receiver built into the array: no pocket and no connection. NCD 160.7 describes implanted PNS as an implanted receiver with an external generator and antenna, and C1827 / L8683 name external controllers and transmitters, so external power does not make a system conventional; a separately implanted generator does. A percutaneous array with a separate implanted generator is coded 64555 + 64590 (an open one 64575 + 64590); a temporary trial with an external trial stimulator is a trial (64555), not an implant. The message names the codes the note supports.',
      fix: 'If the device is integrated, say so ("receiver integrated in the array; no pulse generator pocket"). If a generator was implanted, code what the note supports instead of 64596 (the message names it): 64555 + 64590 for a percutaneous array, 64575 + 64590 for an open one; a trial with an external stimulator is 64555 alone, with no 64590.',
      sources: ['case2code.codingahead.com 64590 (generator needs pocket and connection)', 'automatedworldhealth.com/ncd160.7.html (NCD 160.7: implanted receiver, external generator and antenna)', 'openpayer C1827 (external paired controller); HCPCS L8683 (external transmitter)', '64596 fact sheet §1, §8 and fact 1'],
      bad: 'The lead was tunneled to a subcutaneous pocket and connected to the pulse generator.',
      good: 'The receiver is integrated in the array; no pulse generator pocket was made.',
    },
  },
  check({ model, facts }, report) {
    if (!isNeurostimulationNote(facts) || hasConflict(facts, 'device') || facts.integrated?.value !== false) return;
    const span = firstEvidenceSentence(model, facts.integrated.evidence);
    if (!span) return;
    const supported = facts.codes.map((code) => (code.units > 1 ? `${code.code} x${code.units}` : code.code)).join(' + ');
    // A trial's external stimulator is not a separate implanted generator: say which the note tells of.
    const what = facts.procedure?.value === 'trial' ? 'a trial with an external stimulator' : 'a separate generator';
    report({
      span,
      message: `This documents ${what}, so the system is not integrated and 64596 does not apply${supported ? `: the note supports ${supported}.` : '.'}`,
      detail: 'A separate generator is a pocket, a connection to an implanted generator, or an external trial stimulator; external power or control of an array with a built-in receiver is still integrated.',
    });
  },
};
