import assert from 'node:assert/strict';
import { completeIcd10, icd10Count, isHcpcsCode, lookupIcd10 } from '../../../server/src/core/knowledge';
import { decodeCodeSet, encodeCodeSet } from '../../../server/src/core/knowledge/compactCodeSet';
import { hcpcsCount } from '../../../server/src/core/knowledge/hcpcs';
import { icd10Provenance } from '../../../server/src/core/knowledge/icd10';

describe('knowledge: compact code sets', () => {
  it('round-trips a code list through the trie encoding', () => {
    const codes = ['A09', 'G5700', 'G5701', 'G5710', 'T85111A', 'T85111D', 'T8519XA'];
    const encoded = encodeCodeSet([...codes].reverse());
    assert.deepEqual(encoded, { A09: '', G57: '0(01)1(0)', T85: '1(1(1(AD))9(X(A)))' });
    assert.deepEqual(decodeCodeSet(encoded), codes);
  });

  it('refuses a list it cannot encode faithfully', () => {
    assert.throws(() => encodeCodeSet(['G57', 'G5700']), /prefix/);
    assert.throws(() => encodeCodeSet(['G5(']), /cannot encode/);
  });
});

describe('knowledge: ICD-10-CM', () => {
  it('holds the full FY2026 list, as its provenance says', () => {
    assert.equal(icd10Count(), 74719);
    assert.equal(icd10Provenance().count, 74719);
    assert.match(icd10Provenance().publisher, /CMS/);
  });

  it('looks codes up with or without dot, in any case', () => {
    for (const input of ['G57.82', 'g5782', ' g57.82 ']) {
      const result = lookupIcd10(input);
      assert.equal(result.normalized, 'G57.82');
      assert.equal(result.billable, true);
      assert.equal(result.exists, true);
      assert.equal(result.category, 'G57');
      assert.equal(result.laterality, 'left');
      assert.ok(result.description);
    }
  });

  it('treats headers as existing but not billable', () => {
    for (const header of ['G57.8', 'G57.9', 'G57']) {
      assert.deepEqual([lookupIcd10(header).exists, lookupIcd10(header).billable], [true, false], header);
    }
    assert.equal(lookupIcd10('G57.93').billable, true);
    assert.equal(lookupIcd10('M79.2').billable, true);
  });

  it('rejects codes that do not exist', () => {
    for (const input of ['Z99.999', 'G5', 'G57.84', '', 'not a code', 'G57.8.2x']) {
      assert.deepEqual([lookupIcd10(input).exists, lookupIcd10(input).billable], [false, false], input);
    }
    assert.equal(lookupIcd10('Z99.999').normalized, 'Z99.999');
  });

  it('completes a prefix in code order and respects the limit', () => {
    assert.deepEqual(completeIcd10('G57.8'), ['G57.80', 'G57.81', 'G57.82', 'G57.83']);
    assert.deepEqual(completeIcd10('g578', 2), ['G57.80', 'G57.81']);
    const many = completeIcd10('S', 200);
    assert.equal(many.length, 200);
    assert.deepEqual([...many].sort(), many);
    assert.deepEqual(completeIcd10('G57', 0), []);
    assert.deepEqual(completeIcd10('Z99.999'), []);
    assert.deepEqual(completeIcd10('G5(', 5), []);
  });
});

describe('knowledge: HCPCS Level II', () => {
  it('knows Level II codes and not CPT codes', () => {
    assert.equal(hcpcsCount(), 8725);
    for (const code of ['L8679', 'l8696', 'C1827', ' C1897 ']) assert.equal(isHcpcsCode(code), true, code);
    for (const code of ['64596', 'L8697', 'C182', '']) assert.equal(isHcpcsCode(code), false, code);
  });
});
