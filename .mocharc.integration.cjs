// `npm run test:integration`: the tests that start a process or run dist/ (see scripts/test-suites.cjs).
'use strict';
const base = require('./.mocharc.json');
const { suites } = require('./scripts/test-suites.cjs');

module.exports = { ...base, spec: suites().integration };
