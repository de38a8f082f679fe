import * as assert from 'node:assert/strict';
import { factsOf } from '../../helpers/facts';
import { headerTableCells } from '../../../server/src/core/parse/tables';

describe('header tables: each cell read under its column', () => {

  it('labels the cells of a Markdown table and of a tab-separated one, not a list of fields', () => {
    const markdown = '| Target nerve | Side | Guidance |\n| --- | --- | --- |\n| Intercostal (T7) | R | Ultrasound |\n';
    const cells = headerTableCells(markdown).map((cell) => `${cell.label}=${markdown.slice(cell.span.start, cell.span.end)}`);
    assert.deepEqual(cells, ['Target nerve=Intercostal (T7)', 'Side=R', 'Guidance=Ultrasound']);
    assert.equal(headerTableCells('MRN\tSide\tNerve\nPNS-1\tL\tsural\n').length, 3);
    assert.deepEqual(headerTableCells('Field\tValue\tComment\nSide\tL\t\nNerve\tsural\tankle\n'), []);
    assert.deepEqual(headerTableCells('| Nerve | Ulnar |\n| Side | Left |\n'), []);
  });

  it('reads the side, nerve and imaging of a table row, and a row told as planned as no placement', () => {
    const facts = factsOf('Procedure: percutaneous integrated PNS implant.\n\n| Array | Nerve | Side | Guidance | Status |\n|---|---|---|---|---|\n| 1 | lesser occipital | L | US | placed |\n| 2 | greater occipital | L | - | planned, not placed |\n\nOne array deployed; concordant paresthesia.\n');
    assert.equal(facts.laterality?.value, 'left');
    assert.equal(facts.nerve?.value, 'lesser occipital');
    assert.deepEqual(facts.imaging.modalities, ['ultrasound']);
    assert.equal(facts.arrays?.value, 1);
  });

  it('reads a column answered "none - ..." as denied, under a header row joined to its row', () => {
    const facts = factsOf('PNS case row\n\nMRN\tProc\tNerve\tSide\tImaging\tStim test\tDevice\nPNS-1\tperc PNS implant\tilioinguinal\tR\tnone - landmark technique\tyes 1.0 mA concordant\tintegrated, ext TX\n');
    assert.equal(facts.laterality?.value, 'right');
    assert.equal(facts.nerve?.value, 'ilioinguinal');
    assert.equal(facts.imaging.status, 'negated');
  });
});
