import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { automaticallyFixable, claimService, findings, fixAll } from './helpers';

const service = claimService();

const codes = ['64596', '64597', '64598', '64555', '64590', '76942', '77002', '95970', '0587T', 'C1778', '99213'];
const modifiers = ['22', '50', '51', '59', 'XS', 'XU', 'LT', 'RT', 'GA', 'GZ', 'TL', 'PO', 'PN'];
const notes = ['notes/left-spn-one-array.opnote', 'notes/left-peroneal-three-arrays.opnote', 'notes/bilateral-occipital-two-arrays.opnote', 'notes/right-occipital-revision.opnote', 'notes/right-tibial-vague-increased.opnote', 'notes/missing.opnote'];
const payers = ['Medicare', 'Aetna', 'Anthem', 'Cigna', 'Priority Health', 'Acme'];

const serviceLine = fc
  .record({
    code: fc.constantFrom(...codes),
    modifiers: fc.array(fc.constantFrom(...modifiers), { maxLength: 4 }),
    units: fc.option(fc.integer({ min: 1, max: 4 })),
    pointers: fc.option(fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: 1, maxLength: 3 })),
    dos: fc.option(fc.constantFrom('2026-03-14', '2026-04-20', '2026-05-20', '2026-03-15')),
    pos: fc.option(fc.constantFrom('11', '21', '24')),
  })
  .map(({ code, modifiers: mods, units, pointers, dos, pos }) =>
    [[code, ...mods].join('-'), units === null ? '' : `x${units}`, pointers === null ? '' : `ptr:${pointers.join(',')}`, dos === null ? '' : `dos:${dos}`, pos === null ? '' : `pos:${pos}`].filter(Boolean).join(' '),
  );

const claimText = fc
  .record({
    payer: fc.constantFrom(...payers),
    dos: fc.option(fc.constantFrom('2026-03-14', '04/20/2026', '2026-05-20', '2026-05-11')),
    pos: fc.option(fc.constantFrom('22', '24', '21')),
    note: fc.option(fc.constantFrom(...notes)),
    priorAuth: fc.option(fc.constantFrom('', 'PA-1')),
    dx: fc.array(fc.constantFrom('G57.82', 'G57.81', 'G57.8', 'M54.81', 'G57.32', 'M25.561', 'Z99.999'), { maxLength: 3 }),
    lines: fc.array(serviceLine, { maxLength: 6 }),
    crlf: fc.boolean(),
  })
  .map(({ payer, dos, pos, note, priorAuth, dx, lines, crlf }) => {
    const header = [`payer: ${payer}`, dos === null ? '' : `dos: ${dos}`, pos === null ? '' : `pos: ${pos}`, note === null ? '' : `note: ${note}`, priorAuth === null ? '' : `prior-auth: ${priorAuth}`].filter(Boolean);
    const body = [...(dx.length ? [`dx: ${dx.join(', ')}`] : []), ...lines];
    const text = `${header.join('\n')}\n\n${body.join('\n')}\n`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('claim rules on generated claims (fast-check)', function () {
  this.timeout(60000);

  // The automatic fixes of one text never overlap in a way that leaves work for a second pass: the
  // modifier fixes of a line all write the same list, units-exceed fixes a whole session at once, and
  // the session rules judge dates as dos-mismatch corrects them.
  it('never throw, keep every span and fix inside the text, and fix-all is idempotent', () => {
    fc.assert(
      fc.property(claimText, (text) => {
        const found = findings(service, text); // the service throws on any internal rule error
        for (const finding of found) {
          assert.ok(finding.span.start >= 0 && finding.span.end <= text.length && finding.span.start <= finding.span.end);
          for (const fix of finding.fixes ?? []) for (const edit of fix.edits) assert.ok(edit.span.start >= 0 && edit.span.end <= text.length);
        }
        const once = fixAll(service, text);
        assert.equal(fixAll(service, once), once, 'a second fix-all changes nothing');
        assert.deepEqual(automaticallyFixable(service, once), []);
      }),
      { numRuns: 300 },
    );
  });

  // Found by this property: an add-on line matched the session of two primary lines (one dated, one
  // not), so two units-exceed fixes both corrected it and only one could apply per pass.
  for (const text of [
    'payer: Medicare\n\n64596 x2 dos:2026-03-14\n64596 x2\n64597\n',
    'payer: Medicare\n\n64596 x2 dos:2026-03-14\n64597 dos:2026-03-14\n64596 x2\n',
    'payer: Medicare\n\n64597 dos:2026-03-15\n64596 x2 dos:2026-03-15\n64596 x2\n',
  ]) {
    it(`settles in one fix-all: ${JSON.stringify(text.split('\n').slice(2).join(' / '))}`, () => {
      const once = fixAll(service, text);
      assert.equal(fixAll(service, once), once);
      assert.deepEqual(automaticallyFixable(service, once), []);
    });
  }
});
