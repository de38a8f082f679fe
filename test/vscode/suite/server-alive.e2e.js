// Root hook: before any test, the OpNote server must publish diagnostics for the first scenario
// document. A server that crashes or never answers fails the run here once, within one step
// time-out, instead of every test waiting out its own.
'use strict';
const h = require('../helpers');

before('the OpNote server publishes diagnostics', async function () {
  const document = await h.openFixture(h.scenarios.documents[0].file);
  await h.waitForDiagnostics(
    document.uri,
    (diagnostics) => diagnostics.some((d) => d.source === 'opnote'),
    'first diagnostics from the OpNote server (did it start? see the OpNote output channel)',
  );
});
