import { factLocation, isAddOn, isProcedureLine, noteName } from '../ruleSupport/claim';
import { hasAnyModifier } from '../ruleSupport/facility';
import { modifierFix } from '../ruleSupport/modifiers';
import type { Fix, Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'discontinued-procedure',
    description: 'The linked note documents a procedure started and stopped, and the claim line lacks 53 (professional) or 73/74 (institutional: before/after anesthesia).',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['claim', 'modifier', 'discontinued'],
    appliesTo: ['claim'],
    docs: {
      what: 'The operative note named by `note:` documents that the procedure was aborted or discontinued (stopped before the array was deployed), and a peripheral-nerve stimulation line (64596, 64555 ...; add-on lines such as 64597 go with their primary) has no discontinued-procedure modifier for its claim type: 53 on a professional claim (CMS-1500 / 837P), 73 or 74 on an institutional one (UB-04 / 837I). On an institutional claim it also fires when the modifier contradicts the note: 73 while the note documents anesthesia given, or 74 while it says the procedure stopped before anesthesia.',
      why: 'A procedure started and stopped is not the full service: the physician reports it with 53, the hospital outpatient department or ASC with 73 (stopped after preparation but before anesthesia) or 74 (after anesthesia was given). Billed without the modifier, the claim asks for the full procedure the note does not support. Hospitals report 52, 73 and 74 on outpatient claims, and these modifiers also bypass the device edit. The note\'s anesthesia statement decides between 73 and 74; when the note does not say, check it.',
      fix: 'Add the modifier (quick fix): 53 on the professional claim; 74 on the facility claim when anesthesia had been given, 73 when it had not. If the procedure was completed after all, correct the note.',
      sources: ['hiacode.com (January 2026 modifier article): 53 physicians, 73/74 ASC and hospital outpatient', 'Noridian JF modifier 73 page', 'cgsmedicare.com device tool (hospitals report 52, 73, 74; they bypass the device edit)', '64596 fact sheet §5, §8 and fact 8'],
      bad: 'payer: Medicare\nnote: aborted.opnote\n\ndx: G89.29\n64596-LT x1 ptr:A',
      good: 'payer: Medicare\nnote: aborted.opnote\n\ndx: G89.29\n64596-53-LT x1 ptr:A',
    },
  },
  check({ knowledge, claim }, report) {
    const discontinued = claim?.note?.facts.discontinued;
    if (!claim?.note || !discontinued) return;
    const { professional, beforeAnesthesia, afterAnesthesia } = knowledge.billing.discontinued;
    const related = [factLocation(claim.note, discontinued, 'The note documents the procedure as stopped.')];
    const name = noteName(claim.note);
    for (const line of claim.lines) {
      // An add-on goes with its primary line: the primary carries the modifier of the session.
      if (!isProcedureLine(knowledge, line) || isAddOn(knowledge, line.code.value)) continue;
      if (claim.claimType === 'professional') {
        if (hasAnyModifier(line, professional)) continue;
        const fix = modifierFix(knowledge, claim, line, (change) => change.kind === 'add' && change.modifier === professional[0], { add: professional[0] });
        report({
          span: line.code.span,
          message: `The note (${name}) documents the procedure as discontinued: the physician's ${line.code.value} line takes modifier ${professional[0]}.`,
          related,
          ...(fix ? { fixes: [fix] } : {}),
        });
        continue;
      }
      const expected = discontinued.value === 'before-anesthesia' ? beforeAnesthesia : discontinued.value === 'after-anesthesia' ? afterAnesthesia : undefined;
      const has = line.modifiers.find((modifier) => modifier.value === beforeAnesthesia || modifier.value === afterAnesthesia);
      if (has && (!expected || has.value === expected)) continue;
      const when = discontinued.value === 'before-anesthesia' ? 'before anesthesia' : 'after anesthesia was given';
      if (has && expected) {
        const fix = modifierFix(knowledge, claim, line, (change) => change.kind === 'replace', { replace: { from: has.value, to: expected } });
        report({
          span: has.span,
          message: `The note (${name}) documents the procedure as stopped ${when}: the facility line takes ${expected}, not ${has.value}.`,
          related,
          ...(fix ? { fixes: [fix] } : {}),
        });
        continue;
      }
      const choices = expected ? [expected] : [beforeAnesthesia, afterAnesthesia];
      const fixes = choices
        .map((modifier) => modifierFix(knowledge, claim, line, (change) => change.kind === 'add' && change.modifier === modifier, { add: modifier }, expected !== undefined))
        .filter((fix): fix is Fix => fix !== undefined);
      report({
        span: line.code.span,
        message: expected
          ? `The note (${name}) documents the procedure as stopped ${when}: the facility's ${line.code.value} line takes modifier ${expected}.`
          : `The note (${name}) says the procedure was stopped: the facility's ${line.code.value} line takes ${beforeAnesthesia} (before anesthesia) or ${afterAnesthesia} (after); check which.`,
        related,
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
};
