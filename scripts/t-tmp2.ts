import { PROCEDURE_KINDS } from '../server/src/core/facts/lexicon';
for (const k of PROCEDURE_KINDS) { k.pattern.lastIndex = 0; const m = k.pattern.exec('explant only → lead removed intact under fluoro, tip ✓ seen intact'); if (m) console.log(k.value, m[0]); }
