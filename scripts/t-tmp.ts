import { parseDocument } from '../server/src/core/parse';
import { extractFacts } from '../server/src/core/facts';
import * as fs from 'node:fs';
const text = fs.readFileSync(process.argv[2], 'utf8');
const f = extractFacts(parseDocument({ uri: 'x.opnote', version: 1, text }));
console.log(JSON.stringify({ arrays: f.arrays?.value, lat: f.laterality?.value, proc: f.procedure?.value, nerve: f.nerve?.value, codes: f.codes }));
