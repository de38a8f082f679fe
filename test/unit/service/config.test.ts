import * as assert from 'node:assert/strict';
import { configProblemMessage, parseConfig } from '../../../server/src/core/service/config';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE } from '../../helpers/fixtures';

const PATH = '/w/.opnoterc.json';
const KNOWN = new Set(['date-malformed', 'line-syntax']);
/** A key name that must never reach a diagnostic (users paste anything into configuration files). */
const SECRET = 'patient-jane-doe';

/** Issue 10, findings 8 and 10: configuration problems are described by kind and position, and `__proto__` is not a way around validation. */
describe('service: .opnoterc.json problems', () => {
  for (const [what, text, problem] of [
    ['there is an unknown top-level key', `{\n  "${SECRET}": {}\n}`, `${PATH} is not a valid OpNote configuration at line 2, column 3: unknown key; OpNote uses the default severities.`],
    ['there is an unknown severity under any key', `{ "rules": {\n    "${SECRET}": "loud" } }`, `${PATH} is not a valid OpNote configuration at line 2, column 25: Invalid option: expected one of "error"|"warning"|"information"|"hint"|"off"; OpNote uses the default severities.`],
    ['there are unknown rule ids', `{ "rules": { "date-malformed": "warning",\n  "${SECRET}": "off", "other-${SECRET}": "off" } }`, `${PATH} names an unknown rule id at line 2, column 3 (and 1 more); the other settings apply.`],
  ] as const) {
    it(`say where ${what}, without quoting the key`, () => {
      const config = parseConfig(text, PATH, KNOWN);
      assert.ok(config.problem);
      assert.equal(configProblemMessage(config.problem), problem);
      assert.ok(!problem.includes('jane'));
    });
  }

  it('keep the known rules of a file that also names unknown ones', () => {
    assert.deepEqual({ ...parseConfig('{ "rules": { "date-malformed": "warning", "nope": "off" } }', PATH, KNOWN).rules }, { 'date-malformed': 'warning' });
  });

  it('report `__proto__` among the rules as an unknown rule id, and check its value like any other', () => {
    const named = parseConfig('{"rules":{"__proto__":"off","date-malformed":"warning"}}', PATH, KNOWN);
    assert.deepEqual(named.problem, { cause: `${PATH} names an unknown rule id at line 1, column 11`, ignored: false });
    assert.deepEqual({ ...named.rules }, { 'date-malformed': 'warning' });
    assert.equal(Object.getPrototypeOf(named.rules), null, 'the severities are a null-prototype map');
    const nested = parseConfig('{"rules":{"__proto__":{"date-malformed":"off"}}}', PATH, KNOWN);
    assert.match(nested.problem?.cause ?? '', /is not a valid OpNote configuration at line 1, column 23: Invalid option/);
    assert.equal(nested.rules['date-malformed'], undefined);
  });

  it('a `__proto__` rules entry is a config-invalid diagnostic, and cannot switch a rule off', () => {
    const service = createLanguageService({ fileSystem: inMemoryFileSystem({ [PATH]: '{"rules":{"__proto__":{"date-malformed":"off"}}}' }), docsBaseUri: DOCS_BASE });
    const { diagnostics } = service.analyze({ uri: '/w/a.opnote', version: 1, text: 'date: 2026-02-30\n\nPROCEDURE: Removal of a foreign body.\n' });
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['config-invalid', 2], ['date-malformed', 1]]);
  });
});
