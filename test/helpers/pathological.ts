/**
 * Notes built to be hard on the checker, at any size: what made patterns quadratic or exponential
 * before (issue 10) and what else a long document can do (no sentence marks, one endless line). Used
 * by test/robustness/pathological.test.ts and by `npm run bench` (scripts/bench/pathological.ts).
 */

/** A run-on dictated sentence: "Removal of" and then articles and nouns, but never a device. */
export const RUN_ON_REMOVAL =
  'Removal of the sterile drapes and all of the instruments and the towels and both of the basins and all of the sponges and the needles and two of the clamps and the suction tubing and all of the gowns and the gloves and both of the light handles and all of the remaining supplies off the field and the back table and the mayo stand and all of the counts were correct and the patient tolerated the procedure well and all of the staff and the surgeon and the anesthesiologist and both of the nurses and all of the technicians agreed that the room and the equipment and all of the cables were cleared and the case closed';

const HEADER = '---\ndate: 2026-03-14\n---\n\n';
/** A stimulator implant, so that every concept pattern reads the rest of the note. */
const IMPLANT = 'Percutaneous implantation of an integrated PNS electrode array.\n';

/** A note with a line `words` long in the given place; `size` is its length in characters, roughly. */
export interface PathologicalInput {
  readonly name: string;
  readonly text: (size: number) => string;
}

const fill = (unit: string, size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

export const PATHOLOGICAL_INPUTS: readonly PathologicalInput[] = [
  { name: 'run-on removal dictation', text: (size) => `${HEADER}# Procedure\n${IMPLANT}${fill(`${RUN_ON_REMOVAL}. `, size)}\n` },
  { name: 'run-on removal, no sentence marks', text: (size) => `${HEADER}# Procedure\n${IMPLANT}${fill(`${RUN_ON_REMOVAL} and `, size)}\n` },
  { name: 'space run in a header value', text: (size) => `surgeon: Dr A${' '.repeat(size)}x\ndate: 2026-03-14\n\n# Procedure\n${IMPLANT}` },
  { name: 'space run in a heading', text: (size) => `${HEADER}# Procedure${' '.repeat(size)}x\n${IMPLANT}` },
  { name: "'#' run in a heading", text: (size) => `${HEADER}# Procedure ${'#'.repeat(size)}x\n${IMPLANT}` },
  { name: 'long header value', text: (size) => `surgeon: ${fill('Dr Anne Smith, ', size)}\ndate: 2026-03-14\n\n# Procedure\n${IMPLANT}` },
  { name: 'a copied-forward block on every paragraph', text: (size) => `${HEADER}# Procedure\n${IMPLANT}\n${fill('Copied from 01/02/2026 (trial note):\ntrial lead placed under ultrasound\n\n', size)}` },
  {
    name: 'long sentence without periods',
    text: (size) =>
      `${HEADER}# Description of procedure\n${fill('under ultrasound guidance the introducer needle was advanced percutaneously and the integrated electrode array was placed along the left superficial peroneal nerve and stimulation testing produced paresthesias and ', size)}\n`,
  },
];
