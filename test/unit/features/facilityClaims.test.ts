import * as assert from 'node:assert/strict';
import type { CompletionList } from 'vscode-languageserver-types';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE } from '../../helpers/fixtures';
import { at, hoverText } from '../../helpers/hover';

const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: DOCS_BASE });


const doc = (text: string) => ({ uri: '/w/facility.claim', version: 1, text });
const labels = (list: CompletionList) => list.items.map((item) => item.label);

const FACILITY = 'claim-type: institutional\nbill-type: 131\ntrial-date: 2026-03-06\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:0360 ptr:A\nC1778 x1 rev:0278\nJ2001 x1 rev:0251\n64596-FB-LT x1 rev:0360 dos:2026-05-01\n';

describe('institutional claims: hover and completion of the claim form, type of bill and revenue codes', () => {
  it('hovers decode the claim form, the type of bill and revenue codes with their sources', () => {
    assert.match(hoverText(service.hover(doc(FACILITY), at(FACILITY, 'institutional', 3))), /\*\*institutional\*\* claim \(UB-04 \/ 837I\)/);
    const billType = hoverText(service.hover(doc(FACILITY), at(FACILITY, '131')));
    assert.match(billType, /Hospital outpatient/);
    assert.match(billType, /admit through discharge/);
    assert.match(billType, /formjuicer\.com/);
    const asc = 'claim-type: institutional\nbill-type: 831\npayer: Aetna\n\ndx: G89.29\n64596-LT x1 rev:0360\n';
    assert.match(hoverText(service.hover(doc(asc), at(asc, '831'))), /ambulatory surgery center[\s\S]*ASCs bill Medicare on the CMS-1500/);
    const unknownBillType = 'claim-type: institutional\nbill-type: 0721\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:0360\n';
    assert.match(hoverText(service.hover(doc(unknownBillType), at(unknownBillType, '0721', 2))), /not in OpNote's pack: check/);
    const operatingRoom = hoverText(service.hover(doc(FACILITY), at(FACILITY, '0360')));
    assert.match(operatingRoom, /\*\*Revenue code 0360\*\* Operating room services/);
    assert.match(operatingRoom, /Sources: /);
    assert.match(hoverText(service.hover(doc(FACILITY), at(FACILITY, '0251'))), /not in OpNote's knowledge pack: check/);
  });

  it('the 64596 hover and the FB modifier hover name the device-credit rules (FD with condition codes 49/50/53; FB/FC)', () => {
    assert.match(hoverText(service.hover(doc(FACILITY), at(FACILITY, '64596'))), /value code FD with condition code 49, 50, 53; ASCs modifier FB or FC/);
    assert.match(hoverText(service.hover(doc(FACILITY), at(FACILITY, 'FB'))), /\*\*Modifier FB\*\*[\s\S]*value code FD/);
  });

  it('the pos key of an institutional claim says it is not used there', () => {
    const withPos = 'claim-type: institutional\nbill-type: 131\npos: 22\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:0360\n';
    assert.match(hoverText(service.hover(doc(withPos), at(withPos, 'pos'))), /Not used on an institutional claim/);
    const professional = withPos.replace('claim-type: institutional\nbill-type: 131\n', '');
    assert.doesNotMatch(hoverText(service.hover(doc(professional), at(professional, 'pos'))), /Not used/);
  });

  it('the trial-date key has a hover', () => {
    assert.match(hoverText(service.hover(doc(FACILITY), at(FACILITY, 'trial-date'))), /\*\*trial-date\*\*.*modifier 58/);
  });

  it('completion offers the claim forms, the types of bill and the revenue codes of the pack', () => {
    const form = 'claim-type: \npayer: Medicare\n';
    assert.deepEqual(labels(service.complete(doc(form), { line: 0, character: 12 })), ['professional', 'institutional', 'CMS-1500', '837P', 'UB-04', '837I']);
    const alias = 'form: U\n';
    assert.ok(labels(service.complete(doc(alias), { line: 0, character: 7 })).includes('UB-04'));
    const billType = 'claim-type: institutional\nbill-type: 1\n';
    assert.deepEqual(labels(service.complete(doc(billType), { line: 1, character: 12 })), ['131', '831']);
    const revenue = 'claim-type: institutional\nbill-type: 131\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:03\n';
    assert.deepEqual(labels(service.complete(doc(revenue), { line: 5, character: 18 })), ['0320', '0360', '0361']);
    const keys = labels(service.complete(doc('payer: Medicare\n'), { line: 1, character: 0 }));
    for (const key of ['claim-type', 'bill-type', 'trial-date']) assert.ok(keys.includes(key), key);
  });
});

describe('checklist: implant record and device credit', () => {
  const checklistOf = (text: string) => service.checklist({ uri: '/w/n.opnote', version: 1, text })!;
  const REPLACEMENT =
    'PROCEDURE: Percutaneous replacement of the integrated peripheral nerve stimulator, left superficial peroneal nerve, one array.\n\n' +
    'DESCRIPTION OF PROCEDURE: Under ultrasound guidance the failed array was removed and a new integrated array was deployed percutaneously. ' +
    'Test stimulation produced paresthesia. The receiver is built into the array.\n\nIMPLANTS: integrated array, model DN-100, lot 48213.\n';

  it('says which parts of the implant record the note lacks', () => {
    const record = checklistOf(REPLACEMENT).items.find((item) => item.id === 'implant-record')!;
    assert.equal(record.mark, '–');
    assert.equal(record.finding, 'not documented: manufacturer');
    assert.equal(record.evidence?.text, 'IMPLANTS: integrated array, model DN-100, lot 48213.');
  });

  it('a replacement lists the device-credit reporting to check; an insertion does not', () => {
    const credit = checklistOf(REPLACEMENT).items.find((item) => item.id === 'device-credit');
    assert.ok(credit, 'a device-credit item');
    assert.match(credit.finding, /value code FD with condition code 49\/50\/53 \(hospital\), modifier FB\/FC \(ASC\)/);
    const insertion = REPLACEMENT.replace('replacement of', 'insertion of').replace('the failed array was removed and ', '');
    assert.equal(checklistOf(insertion).items.find((item) => item.id === 'device-credit'), undefined);
  });
});
