// `npm run test:integration`: the tests that start a process or run dist/ (see scripts/test-suites.cjs).
'use strict';
const base = require('./.mocharc.json');
const { suites } = require('./scripts/test-suites.cjs');

// `exit`: once every test has reported, end the run. A child the tests started may leave a socket or
// pipe handle open for a while after it exits (seen once in CI: the run hung after "270 passing"),
// and that must not hold the suite.
// `node-option`: the pump test times each pattern's compiled matcher; V8's regexp tier-up is off for
// the whole run (set at start: setting it later, after patterns have run, is not safe).
module.exports = { ...base, spec: suites().integration, exit: true, 'node-option': ['no-regexp-tier-up'] };
