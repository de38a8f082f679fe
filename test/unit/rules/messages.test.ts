import * as assert from 'node:assert/strict';
import { fixtureService } from '../../helpers/fixtures';

/** Messages that name codes name the ones the note supports, not a fixed alternative. */
describe('rule messages follow the note', () => {
  const service = fixtureService();
  const message = (text: string, rule: string) => service.analyze({ uri: '/w/n.opnote', version: 1, text }).findings.find((finding) => finding.rule.id === rule)?.message;

  it('not-integrated names 64555 + 64590 for a percutaneous array with a separate generator, 64575 + 64590 for an open one', () => {
    const percutaneous =
      'PROCEDURE: Percutaneous placement of a peripheral nerve stimulator lead, left superficial peroneal nerve, under ultrasound guidance.\n' +
      'DESCRIPTION: One lead was placed percutaneously under ultrasound guidance. The lead was tunneled to a subcutaneous pocket in the flank and connected to the implantable pulse generator.\n';
    assert.match(message(percutaneous, 'not-integrated') ?? '', /the note supports 64555 \+ 64590\./);
    const open =
      'PROCEDURE: Open placement of a peripheral nerve stimulator electrode, left superficial peroneal nerve.\n' +
      'DESCRIPTION: A 4 cm incision was made and the nerve was exposed. One electrode array was placed under fluoroscopy. The lead was tunneled to a subcutaneous pocket and connected to the implantable pulse generator.\n';
    assert.match(message(open, 'not-integrated') ?? '', /the note supports 64575 \+ 64590\./);
  });
});
