import * as assert from 'node:assert/strict';
import { repairOcr } from '../../../server/src/core/text/ocr';
import { separatorsAsColons } from '../../../server/src/core/text/fieldSeparators';

describe('OCR repair of scanned notes', () => {
  it('reads digits and capitals through their OCR confusions, offset for offset', () => {
    const scan = 'lNDlCATlONS: pain l8 months. PR0CEDURE: trial 0l/2026 gave 6O% relief at O.8 mA, O2 2 L.';
    const repaired = repairOcr(scan);
    assert.equal(repaired, 'INDICATIONS: pain 18 months. PROCEDURE: trial 01/2026 gave 60% relief at 0.8 mA, O2 2 L.');
    assert.equal(repaired.length, scan.length);
  });

  it('joins a word broken across a line end, moving only its tail', () => {
    const scan = 'OPERATlVE N0TE\nThe intro-\nducer was advanced; the array was de-\nployed.';
    const repaired = repairOcr(scan);
    assert.equal(repaired, 'OPERATIVE NOTE\nThe introducer\n  was advanced; the array was deployed\n .');
    assert.equal(repaired.length, scan.length);
  });

  it('takes capitals broken at a line end for a scan, and joins them', () => {
    const scan = 'INDICATION: RIGHT HIP PAIN X l4 MONTHS. TARGET CONFIRMED WITH FLUORO-\nSCOPY (AP).';
    const repaired = repairOcr(scan);
    assert.equal(repaired, 'INDICATION: RIGHT HIP PAIN X 14 MONTHS. TARGET CONFIRMED WITH FLUOROSCOPY\n  (AP).');
    assert.equal(repaired.length, scan.length);
    assert.equal(repairOcr('RIGHT HIP PAIN X l4 MONTHS.'), 'RIGHT HIP PAIN X l4 MONTHS.');
  });

  it('leaves a note without scan marks alone, lone "l" for left included', () => {
    for (const note of ['l knee, l SPN array placed, well-\nhealed.', 'SpO2 98%, 5 mL lidocaine, lead II placed.']) assert.equal(repairOcr(note), note);
  });
});

describe('field separators of exports', () => {
  it('reads tabs and dot leaders after a short key as its colon, offset for offset', () => {
    const tsv = 'Field\tValue\nNerve\tUlnar\nSide\tRight\nArrays\t1\n';
    assert.equal(separatorsAsColons(tsv), 'Field:Value\nNerve:Ulnar\nSide:Right\nArrays:1\n');
    const dots = 'Nerve ....... Common peroneal\nSide ........ Right\nArrays ...... 1\n';
    const read = separatorsAsColons(dots);
    assert.equal(read, 'Nerve:        Common peroneal\nSide:         Right\nArrays:       1\n');
    assert.equal(read.length, dots.length);
  });

  it('leaves a text with fewer than three such rows alone', () => {
    const note = 'The lead was placed... then tested.\nNerve\tUlnar\n';
    assert.equal(separatorsAsColons(note), note);
  });
});
