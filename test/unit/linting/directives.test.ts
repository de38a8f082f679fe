import * as assert from 'node:assert/strict';
import { MAX_DIRECTIVE_RULES } from '../../../server/src/core/parse/directives';
import { parseDocument } from '../../../server/src/core/parse/parseDocument';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE } from '../../helpers/fixtures';

/** Issue 10, finding 10: a directive naming 500,000 rule ids cost 6 s per MB; only the first ids are read. */
describe('directives with very many rule ids', () => {
  const ids = Array.from({ length: 500_000 }, (_, i) => `r${i}`);
  const claim = (directive: string) => `payer: Medicare\ndos: 2026-03-14\n\ndx: G57.82\n${directive}\n64596-LT x1 ptr:A bogus\n`;

  it(`read the first ${MAX_DIRECTIVE_RULES} ids and mark the rest as not read`, () => {
    const text = claim(`// opnote-disable-next-line ${ids.join(', ')} -- reason`);
    const [directive] = parseDocument({ uri: '/w/a.claim', version: 1, text }).directives;
    assert.equal(directive.rules.length, MAX_DIRECTIVE_RULES);
    assert.equal(directive.rules[MAX_DIRECTIVE_RULES - 1].id, `r${MAX_DIRECTIVE_RULES - 1}`);
    assert.equal(text.slice(directive.ignored!.start, directive.ignored!.end), ids.slice(MAX_DIRECTIVE_RULES).join(', '));
  });

  it('report the ids that are not read once, and the ids that are read still take effect', () => {
    const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: DOCS_BASE });
    const text = claim(`// opnote-disable-next-line line-syntax, ${ids.join(', ')}`);
    const findings = service.analyze({ uri: '/w/a.claim', version: 1, text }).findings;
    const directiveFindings = findings.filter((finding) => finding.rule.id === 'directive-unknown-rule');
    assert.equal(directiveFindings.length, MAX_DIRECTIVE_RULES, `${MAX_DIRECTIVE_RULES - 1} unknown ids and one note about the rest`);
    const overflow = directiveFindings[directiveFindings.length - 1];
    assert.match(overflow.message, new RegExp(`names more than ${MAX_DIRECTIVE_RULES} rule ids: OpNote reads the first ${MAX_DIRECTIVE_RULES} and ignores the rest`));
    assert.equal(text.slice(overflow.span.start, overflow.span.start + 5), `r${MAX_DIRECTIVE_RULES - 1}, `);
    assert.ok(!findings.some((finding) => finding.rule.id === 'line-syntax'), 'line-syntax, named first, is disabled on the next line');
  });
});
