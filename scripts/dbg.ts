import { parseDocument } from '../server/src/core/parse';
import { extractFacts } from '../server/src/core/facts';
import * as fs from 'node:fs';
const text = fs.readFileSync(process.argv[2], 'utf8');
const model = parseDocument({ uri: 'x.opnote', version: 1, text });
for (const s of model.sections) console.log('S', s.id, JSON.stringify(s.title));
const f = extractFacts(model);
for (const m of f.mentions) if (!process.argv[3] || m.field === process.argv[3]) console.log(m.field, m.value, m.status, model.lines.lineAt(m.span.start), JSON.stringify(text.slice(m.span.start, m.span.end)));
