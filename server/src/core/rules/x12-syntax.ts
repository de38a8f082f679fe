import { reportParseProblems } from '../linting/parseProblems';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'x12-syntax',
    description: 'A segment or element of an X12 837 file cannot be read, or its envelope does not add up.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['claim', 'syntax', 'x12'],
    appliesTo: ['claim'],
    docs: {
      what: 'Part of an 837P or 837I file is not what the X12 syntax or the claim loops call for: a segment without a valid id, an element that should hold a code, an amount, a date or a number and does not (CLM05, HI, SV1, SV2, DTP), a service line (LX) without its SV1 or SV2, a file without an ISA; or the envelope does not add up: the segment count in SE01, control numbers that SE02, GE02 and IEA02 do not repeat, a missing SE, GE or IEA trailer. The diagnostic covers exactly the segment or element; every other claim in the file is still checked.',
      why: 'A clearinghouse rejects a file whose envelope or syntax is wrong before any payer sees a claim in it, and an element OpNote cannot read is one it cannot check against the note or the payer.',
      fix: 'Correct the element as the message says (a two-digit place of service in CLM05-1, `HC:64596:LT` in SV101, an ICD-10-CM code without the period in HI, a CCYYMMDD date in DTP03), or regenerate the file from the billing system so that the trailers count and repeat the control numbers.',
      sources: ['ASC X12 005010 standard: ISA/IEA, GS/GE and ST/SE envelope segments', 'Public 837P (005010X222A1) and 837I (005010X223A2) companion guides (docs/x12.md lists the ones used)'],
    },
  },
  check: reportParseProblems('x12-syntax'),
};
