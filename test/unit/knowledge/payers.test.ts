import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createPayerFinder, loadKnowledge, mergePayers, parseUserPayerFile, userPayerFileJsonSchema, type Payer } from '../../../server/src/core/knowledge';
import { jsonPathPosition } from '../../../server/src/core/text/jsonLocation';

const knowledge = loadKnowledge();

function userPayer(overrides: Partial<Payer>): Payer {
  return {
    id: 'acme-health',
    name: 'Acme Health',
    aliases: ['Acme', 'Acme Health Plan'],
    coverage: 'covered-with-criteria',
    priorAuthorization: { value: 'required', verified: true, sources: ['Acme provider manual 2026'] },
    criteria: [],
    policies: [{ id: 'ACME-PNS-1', title: 'PNS', stance: 'covered-with-criteria', sources: ['Acme policy portal'], verified: true }],
    notes: [],
    sources: ['Acme contract 2026'],
    verified: true,
    ...overrides,
  };
}

describe('knowledge: findPayer', () => {
  const expectations: Record<string, string | undefined> = {
    UHC: 'uhc',
    'United Healthcare': 'uhc',
    UNITEDHEALTHCARE: 'uhc',
    '  united   health-care ': 'uhc',
    'UHC Medicare Advantage': 'uhc-medicare-advantage',
    'Medicare Part B': 'medicare',
    'Medicare (Noridian JE)': 'medicare',
    'Humana Medicare Advantage': undefined,
    // A Medigap plan follows Medicare, whoever sells it.
    'AARP Medicare Supplement (UnitedHealthcare)': 'medicare',
    'UHC Medicare Supplement Plan G': 'medicare',
    'Aetna Medicare Advantage': undefined,
    Aetna: 'aetna',
    'Anthem Blue Cross': 'anthem',
    'Anthem Blue Cross and Blue Shield of Colorado': 'anthem',
    'Blue Cross Blue Shield': 'bcbs',
    'Blue Cross Blue Shield of Texas': 'hcsc',
    'Premera Blue Cross': 'premera',
    'cigna': 'cigna',
    'Unknown Mutual': undefined,
    '': undefined,
  };
  for (const [header, id] of Object.entries(expectations)) {
    it(`"${header}" → ${id ?? 'no payer'}`, () => assert.equal(knowledge.findPayer(header)?.id, id));
  }

  it('resolves every built-in alias to its own payer (no alias collisions)', () => {
    for (const payer of knowledge.payers) for (const alias of payer.aliases) assert.equal(knowledge.findPayer(alias)?.id, payer.id, alias);
  });

  it('gives organisation payers precedence on equally long aliases', () => {
    const find = createPayerFinder(mergePayers(knowledge.payers, [userPayer({ aliases: ['Cigna'] })]));
    assert.equal(find('Cigna')?.id, 'acme-health');
  });

  it('survives a parent cycle in organisation data', () => {
    const find = createPayerFinder([userPayer({ id: 'a', parentId: 'b', aliases: ['Alpha'] }), userPayer({ id: 'b', parentId: 'a', aliases: ['Alpha Beta'] })]);
    assert.equal(find('Alpha Beta')?.id, undefined);
  });
});

/** "line L, column C" of the n-th (0-based) occurrence of `needle`, found independently of the code under test. */
function positionOf(text: string, needle: string, occurrence = 0): string {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

describe('knowledge: organisation payer files', () => {
  it('accepts a valid file whose payer overrides a built-in one', () => {
    const override = userPayer({ id: 'cigna', name: 'Cigna (our contract)', aliases: ['Cigna'] });
    const result = parseUserPayerFile(JSON.stringify({ $schema: './payers.schema.json', payers: [override, userPayer({})] }));
    assert.deepEqual(result.errors, []);
    const merged = mergePayers(knowledge.payers, result.payers);
    assert.equal(merged.length, knowledge.payers.length + 1);
    assert.equal(merged.find((p) => p.id === 'cigna')?.name, 'Cigna (our contract)');
    assert.equal(createPayerFinder(merged)('Cigna')?.coverage, 'covered-with-criteria');
    assert.equal(createPayerFinder(merged)('Acme Health Plan')?.id, 'acme-health');
    assert.equal(knowledge.payersById.get('cigna')?.coverage, 'not-medically-necessary');
  });

  it('reports bad JSON without throwing', () => {
    const result = parseUserPayerFile('{ "payers": [ ');
    assert.deepEqual(result.payers, []);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]!.path, '$');
    assert.match(result.errors[0]!.message, /not valid JSON/);
  });

  it('reports a wrong shape with JSON paths', () => {
    assert.deepEqual(parseUserPayerFile('[]').errors, [{ message: 'Invalid input: expected object, received array', path: '$', location: { segments: [], at: 'value' } }]);
    // The unknown key is pointed at by position (its object's path plus the key's line and column), not by name.
    assert.deepEqual(parseUserPayerFile('{"payer": []}').errors.map((e) => e.path).sort(), ['$', '$.payers']);
    const { payers, errors } = parseUserPayerFile(JSON.stringify({ payers: [userPayer({}), { id: 'Not Kebab', aliases: [] }, userPayer({ sources: [] })] }));
    assert.deepEqual(payers.map((p) => p.id), ['acme-health']);
    const paths = errors.map((e) => e.path);
    for (const path of ['$.payers[1].id', '$.payers[1].aliases', '$.payers[1].name', '$.payers[2].sources']) assert.ok(paths.includes(path), path);
    assert.equal(errors.find((e) => e.path === '$.payers[1].name')?.message, 'Missing required property');
  });

  it('points at unknown properties and duplicate ids by position, without quoting the key or the id', () => {
    const text = JSON.stringify({ payers: [userPayer({}), { ...userPayer({}), colour: 'blue' }, userPayer({})] }, null, 2);
    const errors = parseUserPayerFile(text).errors;
    assert.deepEqual(
      errors.map((error) => [error.message, error.path, jsonPathPosition(text, error.location.segments, error.location.at)]),
      [
        ['Unknown property', '$.payers[1]', positionOf(text, '"colour"')],
        ['Duplicate payer id (first at $.payers[0])', '$.payers[2].id', positionOf(text, '"acme-health"', 2)],
      ],
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.string(), (text) => Array.isArray(parseUserPayerFile(text).errors)));
    fc.assert(fc.property(fc.jsonValue(), (value) => Array.isArray(parseUserPayerFile(JSON.stringify(value) ?? '').errors)));
    fc.assert(fc.property(fc.jsonValue(), (value) => Array.isArray(parseUserPayerFile(JSON.stringify({ payers: [value] })).errors)));
    for (const input of [undefined, null, 42, '[[[[[[[[[[', '\uFEFF{"payers":[]}', '['.repeat(100_000)]) {
      assert.ok(Array.isArray(parseUserPayerFile(input as string).errors));
    }
    assert.deepEqual(parseUserPayerFile('\uFEFF{"payers":[]}'), { payers: [], errors: [] });
  });

  it('exports a JSON Schema for the file', () => {
    const schema = userPayerFileJsonSchema() as { $schema: string; required: string[]; properties: { payers: { items: { required: string[] } } } };
    assert.match(schema.$schema, /draft-07/);
    assert.deepEqual(schema.required, ['payers']);
    assert.ok(schema.properties.payers.items.required.includes('sources'));
    assert.ok(schema.properties.payers.items.required.includes('verified'));
  });
});
