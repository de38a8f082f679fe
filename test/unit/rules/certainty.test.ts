import * as assert from 'node:assert/strict';
import { inMemoryFileSystem } from '../../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../../server/src/core/service/languageService';
import { DOCS_BASE } from '../../helpers/fixtures';

/** A gap OpNote only fails to find is information; a gap the note shows is the rule's own severity. */
describe('findings as sure as their evidence', () => {
  const service = createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: DOCS_BASE });
  const severityOf = (text: string, rule: string) => service.analyze({ uri: 'file:///note.opnote', version: 1, text }).findings.find((finding) => finding.rule.id === rule)?.severity;
  const implant = 'PROCEDURE: Percutaneous insertion of an integrated peripheral nerve stimulator, superficial peroneal nerve, one electrode array, under ultrasound. Test stimulation concordant.\n';

  it('reports a side not found as information, and a template leaving its side options unchosen as a warning', () => {
    assert.equal(severityOf(`INDICATIONS: foot pain for 14 months; failed PT; trial 70% relief.\n\n${implant}`, 'laterality-missing'), 'information');
    assert.equal(severityOf(`INDICATIONS: foot pain for 14 months; failed PT; trial 70% relief.\n\n${implant}Side: ☐ Left  ☐ Right\n`, 'laterality-missing'), 'warning');
  });

  it('reports necessity elements not found as information, and a value below the threshold as a warning', () => {
    assert.equal(severityOf(`INDICATIONS: Chronic foot pain.\n\n${implant}Side: left\n`, 'necessity-incomplete'), 'information');
    assert.equal(severityOf(`INDICATIONS: foot pain for 2 months; failed PT; trial 70% relief.\n\n${implant}Side: left\n`, 'necessity-incomplete'), 'warning');
  });

  it('tells a revision to code 64598: an error when the note claims 64596, information when it claims no code', () => {
    const revision = 'PROCEDURE: Revision of the right superficial radial nerve integrated stimulator lead: the array was repositioned under ultrasound, no new array placed.\n';
    assert.equal(severityOf(revision, 'revision-or-removal'), 'information');
    assert.equal(severityOf(`${revision}CPT: 64598-RT\n`, 'revision-or-removal'), undefined);
    assert.equal(severityOf(`${revision}CPT: 64596-RT, 64598-RT\n`, 'revision-or-removal'), 'error');
    assert.equal(severityOf(`${revision}CPT: 64596-RT\n`, 'revision-or-removal'), 'error');
    // An option left unchecked claims nothing: "[ ] 64596 [x] 64598" codes the revision as it reads.
    assert.equal(severityOf(`${revision}Codes: [ ] 64596 [ ] 64597 [x] 64598\n`, 'revision-or-removal'), undefined);
  });
});
