import { codeEntry } from '../ruleSupport/claim';
import { billTypeEntry, hasAnyModifier } from '../ruleSupport/facility';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'device-code-missing',
    description: 'A hospital outpatient claim (UB-04, type of bill 13x) bills 64596/64597 with no device HCPCS line (C1778, C1816, C1889 ...).',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['claim', 'institutional', 'device', '64596'],
    appliesTo: ['claim'],
    docs: {
      what: 'The claim is institutional with a hospital outpatient type of bill (13x) and a 64596 or 64597 line, and no line bills a device code from the knowledge pack (`billing.json`: C1767, C1778, C1787, C1816, C1820, C1823, C1827, C1889, C1897; for a payer other than Medicare any device code of the pack, the L-codes too). A line with 52, 73 or 74 (reduced or discontinued) is not checked.',
      why: 'Medicare\'s outpatient code editor returns a device-intensive procedure billed without a device code (reason W7092, cgsmedicare.com device tool); C1889 is the device code when no specific one exists, and lines with 52, 73 or 74 bypass the edit. Whether 64596 is device-intensive in 2026 is unverified (the OPPS addenda for 64596 were not found), so this is a warning to check, not a certain denial. Hospitals report the device on its own line with its C-code and revenue code (e.g. 0278); ASCs generally do not bill device codes separately, so the rule is about type of bill 13x only.',
      fix: 'Add the device line (e.g. `C1778 x1 rev:0278 $4200.00`, or the C-code that describes the implanted device; C1889 when none does). If the device was furnished at no cost, check the device-credit rules (value code FD with condition code 49, 50 or 53).',
      sources: ['cgsmedicare.com device tool (medicare_dynamic/j15/device_tool): W7092, C1889, 52/73/74 bypass', 'repository wamuir/hcpcs, groups/c.md (C-code descriptors)', 'CMS HCPCS Level II 2026 Q3 code list (the codes exist)', '64596 fact sheet §8 (setting and device: device-intensive status of 64596 in 2026 unverified)'],
      bad: 'claim-type: institutional\nbill-type: 131\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:0360 ptr:A $9800.00',
      good: 'claim-type: institutional\nbill-type: 131\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:0360 ptr:A $9800.00\nC1778 x1 rev:0278 $4200.00',
    },
  },
  check({ knowledge, claim }, report) {
    if (!claim || claim.claimType !== 'institutional') return;
    const edit = knowledge.billing.deviceEdit;
    const billType = billTypeEntry(knowledge, claim);
    if (!billType || !edit.billTypePrefixes.includes(billType.prefix)) return;
    // Medicare hospitals report the device with a C-code; another payer may take an L-code.
    const payer = claim.payer?.payer;
    const cCodesOnly = !payer || edit.cCodePayers.includes(payer.id) || (payer.parentId !== undefined && edit.cCodePayers.includes(payer.parentId));
    const isDeviceLine = (code: string) => edit.deviceCodes.includes(code) || (!cCodesOnly && codeEntry(knowledge, code)?.family === 'device');
    if (claim.lines.some((line) => isDeviceLine(line.code.value))) return;
    for (const line of claim.lines) {
      if (!edit.procedureCodes.includes(line.code.value) || hasAnyModifier(line, edit.bypassModifiers)) continue;
      report({
        span: line.code.span,
        message: `${line.code.value} on a hospital outpatient claim has no device code line (e.g. C1778, C1889): Medicare's code editor may return it (${edit.reason}${edit.deviceIntensive.verified ? '' : '; device-intensive unverified'}).`,
      });
    }
  },
};
