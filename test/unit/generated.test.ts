import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules/index.generated';
import { derivedFiles, orphanRuleDocs, REGISTRY_FILE, registrySource, ROOT, ruleFileIds, staleFiles } from '../../scripts/generators';

describe('rule registry, settings schema and rule docs agree', () => {
  it('the registry holds exactly the rule files', () => {
    assert.equal(fs.readFileSync(REGISTRY_FILE, 'utf8'), registrySource(ruleFileIds()), 'run `npm run generate`');
    assert.deepEqual(RULES.map((rule) => rule.meta.id), ruleFileIds());
  });

  it('every rule id is kebab-case, unique and named like its file', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('every rule documents what, why, how to fix and its sources', () => {
    for (const { meta } of RULES) {
      for (const field of ['what', 'why', 'fix'] as const) assert.ok(meta.docs[field].length > 20, `${meta.id}: docs.${field}`);
      assert.ok(meta.docs.sources.length > 0, `${meta.id}: docs.sources`);
      assert.ok(meta.description.length > 10, `${meta.id}: description`);
    }
  });

  it('docs/rules, the config schema, package.json and the README table are in step with the rules', () => {
    assert.deepEqual(staleFiles(derivedFiles(RULES)), [], 'run `npm run generate`');
    assert.deepEqual(orphanRuleDocs(RULES), []);
  });

  it('the settings schema lists every rule with the same severities as the config schema', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/opnoterc.schema.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['opnote.rules'].properties;
    assert.deepEqual(Object.keys(setting).sort(), RULES.map((rule) => rule.meta.id).sort());
    assert.deepEqual(setting, schema.properties.rules.properties);
  });
});
