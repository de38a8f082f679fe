import assert from 'node:assert/strict';
import { z } from 'zod';
import { loadKnowledge, lookupIcd10 } from '../../../server/src/core/knowledge';
import { parseBuiltinData } from '../../../server/src/core/knowledge/builtinData';
import codesJson from '../../../server/src/core/knowledge/data/codes.json';
import modifiersJson from '../../../server/src/core/knowledge/data/modifiers.json';
import payersJson from '../../../server/src/core/knowledge/data/payers.json';
import posJson from '../../../server/src/core/knowledge/data/pos.json';
import editsJson from '../../../server/src/core/knowledge/data/edits.json';
import icdDescriptionsJson from '../../../server/src/core/knowledge/data/icd10-descriptions.json';
import billingJson from '../../../server/src/core/knowledge/data/billing.json';

const dataFiles: Record<string, unknown> = {
  'codes.json': codesJson,
  'modifiers.json': modifiersJson,
  'payers.json': payersJson,
  'pos.json': posJson,
  'edits.json': editsJson,
  'icd10-descriptions.json': icdDescriptionsJson,
  'billing.json': billingJson,
};

// Arrays whose items are plain values of their entry, not entries with their own provenance.
const NOT_ENTRIES = new Set(['useInsteadWhen']);

/**
 * Walks raw JSON (independently of the zod schemas): every object inside an array is an entry and
 * every object with a `value` is a field-level fact; both need non-empty `sources` and a boolean `verified`.
 */
function provenanceProblems(node: unknown, path: string, isEntry = false): string[] {
  if (Array.isArray(node)) {
    const key = path.slice(path.lastIndexOf('.') + 1);
    return node.flatMap((item, index) => provenanceProblems(item, `${path}[${index}]`, !NOT_ENTRIES.has(key)));
  }
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const problems: string[] = [];
  if (isEntry || 'value' in record) {
    const sources = record.sources;
    if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === 'string' && s.trim() !== '')) {
      problems.push(`${path}: missing or empty sources`);
    }
    if (typeof record.verified !== 'boolean') problems.push(`${path}: missing verified flag`);
  }
  for (const [key, value] of Object.entries(record)) problems.push(...provenanceProblems(value, `${path}.${key}`));
  return problems;
}

describe('knowledge: built-in data', () => {
  const knowledge = loadKnowledge();

  it('loads through the zod schemas, once', () => {
    assert.equal(knowledge.codes.size, 55);
    assert.equal(knowledge.modifiers.size, 37);
    assert.ok(knowledge.payers.length >= 7);
    assert.equal(knowledge.pos.size, 4);
    assert.ok(knowledge.edits.length > 0);
    assert.equal(loadKnowledge(), knowledge);
  });

  it('reports invalid built-in data as a descriptive error', () => {
    const schema = z.strictObject({ codes: z.array(z.strictObject({ code: z.string() })) });
    assert.throws(() => parseBuiltinData(schema, { codes: [{ code: 5 }] }, 'codes.json'), /data\/codes\.json is invalid[\s\S]*codes\[0\]\.code/);
  });

  it('every entry and field-level fact has non-empty sources and a verified flag', () => {
    const problems = Object.entries(dataFiles).flatMap(([file, data]) => provenanceProblems(data, file));
    assert.deepEqual(problems, []);
  });

  it('the provenance walk catches an entry without sources or verified flag', () => {
    const bad = { codes: [{ code: '1', addOn: { value: true, verified: false, sources: [] } }] };
    assert.deepEqual(provenanceProblems(bad, 'x'), [
      'x.codes[0]: missing or empty sources',
      'x.codes[0]: missing verified flag',
      'x.codes[0].addOn: missing or empty sources',
    ]);
  });

  it('keeps unverified facts from the fact sheet unverified', () => {
    const code = (id: string) => knowledge.codes.get(id)!;
    assert.equal(code('64596').verified, true);
    assert.equal(code('64598').verified, false);
    assert.equal(code('64597').verified, false);
    assert.deepEqual({ value: code('64597').addOn.value, verified: code('64597').addOn.verified }, { value: true, verified: false });
    assert.equal(code('64596').effectiveFrom?.verified, false);
    // NCD 160.7 (electrode implantation usually needs an operating room): hospital outpatient or ASC, not the office.
    assert.deepEqual(code('64596').typicalPos?.value, ['19', '22', '24']);
    assert.match(code('64596').typicalPos!.sources[0], /ncd160\.7/);
    assert.equal(knowledge.pos.get('11')!.typicalFor64596.value, false);
    // Category III: 0818T is the subcutaneous revision/removal; 0989T is the partner of 0988T.
    assert.match(code('0818T').summary, /revision or removal.*subcutaneous/i);
    assert.match(code('0989T').summary, /revision or removal.*0988T/i);
    assert.deepEqual(code('0989T').sources, ['openpayer.com 0989T']);
    for (const modifier of ['KX', '50', '76', '77', '78', '79']) assert.equal(knowledge.modifiers.get(modifier)!.verified, false, modifier);
    for (const edit of knowledge.edits.filter((e) => e.kind !== 'bundled' || e.primaryCodes.includes('64596'))) {
      assert.equal(edit.verified, false, edit.id);
    }
    assert.equal(knowledge.payersById.get('uhc')!.coverage, 'unknown');
  });

  it('contains no payment figure, RVU or invented global period / MUE', () => {
    for (const [file, data] of Object.entries(dataFiles)) {
      const text = JSON.stringify(data);
      assert.doesNotMatch(text, /\$\s?\d/, `${file} has a dollar amount`);
      assert.doesNotMatch(text, /\bw?RVUs?\b\W{0,3}\d|\d\s*w?RVUs?\b|conversion factor/i, `${file} has an RVU figure`);
    }
    for (const entry of knowledge.codes.values()) assert.equal(entry.payment, null, entry.code);
    const withGlobalDays = [...knowledge.codes.values()].filter((c) => c.globalDays).map((c) => `${c.code}:${c.globalDays!.value}`);
    assert.deepEqual(withGlobalDays.sort(), ['64555:010', '64568:090', '64590:010']);
    const withMue = [...knowledge.codes.values()].filter((c) => c.mue).map((c) => `${c.code}:${c.mue!.value}`);
    assert.deepEqual(withMue, ['64590:1']);
  });

  it('names only the policy ids given in the fact sheet', () => {
    const allowed = new Set(['NCD 160.7', 'NCD 160.7.1', 'LCD L34328', 'CPB 0011', 'CPB 0194', 'SURG.00158', 'MP-623', 'II-149', 'MED205.036', 'MED205.032', '7.01.574', '0539', 'CSO36ID.B', null]);
    for (const payer of knowledge.payers) for (const policy of payer.policies) assert.ok(allowed.has(policy.id), `${payer.id}: ${policy.id}`);
    const uhcMa = knowledge.payersById.get('uhc-medicare-advantage')!.policies[0]!;
    assert.deepEqual([uhcMa.id, uhcMa.title], [null, 'Electrical and Ultrasonic Stimulators']);
  });

  it('refers only to codes, modifiers, payers and places of service that exist', () => {
    const known = (code: string) => assert.ok(knowledge.codes.has(code), `unknown code ${code}`);
    for (const edit of knowledge.edits) {
      if (edit.kind === 'bundled') [...edit.primaryCodes, ...edit.bundledCodes].forEach(known);
      if (edit.kind === 'conflict') [edit.code, ...edit.conflictsWith].forEach(known);
      if (edit.kind === 'requires-primary') [edit.addOnCode, ...edit.primaryCodes].forEach(known);
      if (edit.kind === 'unresolved') [edit.code, ...edit.otherCodes].forEach(known);
      for (const pos of edit.kind === 'bundled' ? edit.placesOfService ?? [] : []) assert.ok(knowledge.pos.has(pos), pos);
    }
    for (const entry of knowledge.codes.values()) {
      entry.useInsteadWhen.flatMap((alternative) => alternative.codes).forEach(known);
      for (const pos of entry.typicalPos?.value ?? []) assert.ok(knowledge.pos.has(pos), `${entry.code}: POS ${pos}`);
    }
    for (const modifier of knowledge.modifiers.values()) {
      const { mutuallyExclusiveWith = [], preferredOver = [], notInPlaceOf = [], counterpartOnOtherClaimType = [], appliesToPayers = [] } = modifier.rules;
      for (const other of [...mutuallyExclusiveWith, ...preferredOver, ...notInPlaceOf, ...counterpartOnOtherClaimType]) {
        assert.ok(knowledge.modifiers.has(other), `${modifier.code} refers to unknown modifier ${other}`);
      }
      for (const payerId of appliesToPayers) assert.ok(knowledge.payersById.has(payerId), payerId);
    }
    for (const payer of knowledge.payers) if (payer.parentId) assert.ok(knowledge.payersById.has(payer.parentId), payer.parentId);
  });

  it('encodes the add-on and conflict facts rules depend on', () => {
    const requiresPrimary = knowledge.edits.find((e) => e.kind === 'requires-primary');
    assert.deepEqual(requiresPrimary && [requiresPrimary.addOnCode, requiresPrimary.primaryCodes], ['64597', ['64596']]);
    const conflicts = knowledge.edits.flatMap((e) => (e.kind === 'conflict' && e.code === '64596' ? e.conflictsWith : []));
    for (const code of ['64555', '64575', '64590', '64598']) assert.ok(conflicts.includes(code), code);
    // Conflicts are about the same device: removing a conventional array or generator is a review pair.
    const reviews = knowledge.edits.flatMap((e) => (e.kind === 'review' && e.code === '64596' ? e.otherCodes : []));
    for (const code of ['64585', '64595']) assert.ok(reviews.includes(code) && !conflicts.includes(code), code);
    const imaging = knowledge.edits.find((e) => e.id === 'imaging-included-in-64596');
    assert.deepEqual(imaging?.kind === 'bundled' && imaging.bundledCodes, ['76942', '77002', '77003', '76000', '77011', '77012']);
    assert.equal(knowledge.modifiers.get('51')!.rules.neverOnAddOn, true);
    assert.deepEqual(knowledge.modifiers.get('22')!.rules.allowedGlobalDays, ['000', '010', '090']);
    assert.match(knowledge.editsNote, /NOT from the CMS NCCI/);
  });

  it('describes only existing, billable ICD-10-CM codes, with laterality matching the code', () => {
    const sideByDigit: Record<string, string> = { '0': 'unspecified', '1': 'right', '2': 'left', '3': 'bilateral' };
    for (const entry of knowledge.icd10.descriptions().values()) {
      assert.ok(lookupIcd10(entry.code).billable, `${entry.code} is not billable`);
      if (/^G5[67]\./.test(entry.code)) assert.equal(entry.laterality, sideByDigit[entry.code.at(-1)!], entry.code);
    }
  });

  it('classifies places of service, anything else is "other"', () => {
    assert.equal(knowledge.posSetting('24'), 'asc');
    assert.equal(knowledge.posSetting('19'), 'off-campus-outpatient-hospital');
    assert.equal(knowledge.posSetting('99'), 'other');
  });
});
