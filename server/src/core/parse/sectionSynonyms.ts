/**
 * Section titles as written, normalised (lower case, single spaces, no punctuation), mapped to
 * canonical section ids. Rules and the checklist look sections up by id, never by title.
 */
export const SECTION_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'preop-dx': ['preoperative diagnosis', 'preoperative diagnoses', 'pre operative diagnosis', 'pre operative diagnoses', 'preop diagnosis', 'preprocedure diagnosis', 'pre procedure diagnosis', 'pre procedural diagnosis', 'preoperative dx'],
  'postop-dx': ['postoperative diagnosis', 'postoperative diagnoses', 'post operative diagnosis', 'post operative diagnoses', 'postop diagnosis', 'postprocedure diagnosis', 'post procedure diagnosis', 'postoperative dx'],
  diagnosis: ['diagnosis', 'diagnoses', 'dx', 'pre and postoperative diagnosis', 'preoperative and postoperative diagnosis', 'preoperative and postoperative diagnoses'],
  procedure: ['procedure', 'procedures', 'proc', 'procs', 'proc performed', 'procedure today', 'procedure performed', 'procedures performed', 'operation', 'operations', 'operation performed', 'operations performed', 'name of procedure', 'name of operation', 'title of procedure', 'title of operation', 'operative procedure', 'operative procedures', 'surgical procedure', 'procedure s', 'procedures planned and performed', 'summary'],
  technique: ['description of procedure', 'description of the procedure', 'description of operation', 'description of the operation', 'technique', 'operative technique', 'procedure in detail', 'procedure details', 'details of procedure', 'details of the procedure', 'details', 'procedure description', 'operative description', 'detailed description of procedure', 'procedure note', 'operative note', 'description', 'narrative', 'operative report', 'summary of procedure', 'procedure summary', 'steps', 'procedure steps', 'operative steps', 'what we did', 'operative narrative', 'procedure narrative', 'description of technique', 'intraop log', 'intraoperative log', 'procedure log', 'case log', 'course', 'procedure course', 'operative course', 'intraoperative course', 'procedural course', 'today', 'today s procedure', 'procedure performed today', 'intraprocedure', 'intra procedure', 'intraoperative', 'intra operative', 'intraop', 'intra op', 'intraoperative details', 'intraop details', 'operative events', 'description of events'],
  indications: ['indications', 'indication', 'indications for procedure', 'indications for the procedure', 'indications for operation', 'indications for surgery', 'history', 'brief history', 'clinical history', 'history of present illness', 'reason for procedure', 'reason for operation', 'reason for surgery', 'medical necessity', 'clinical indications', 'hpi', 'subjective', 'why we are doing this', 'indication summary', 'indications summary', 'summary of indications', 'background', 'clinical background', 'clinical summary', 'pertinent history', 'interval history', 'history and indications', 'hx', 'h/o', 'ind', 'indic'],
  anesthesia: ['anesthesia', 'anesthetic', 'type of anesthesia', 'anesthesia type', 'anaesthesia', 'sedation'],
  findings: ['findings', 'operative findings', 'intraoperative findings', 'finding'],
  complications: ['complications', 'complication', 'intraoperative complications'],
  ebl: ['estimated blood loss', 'ebl', 'blood loss'],
  implants: ['implants', 'implant', 'devices', 'device', 'implanted devices', 'implanted device', 'hardware', 'device information', 'implant device', 'device implanted', 'devices implanted', 'leads implanted', 'pros dev implant'],
  disposition: ['disposition', 'plan', 'postoperative plan', 'condition', 'condition at end of procedure', 'recommendations', 'follow up', 'followup'],
  'increased-services': ['increased procedural services', 'modifier 22 justification', 'increased services', 'modifier 22', 'justification for modifier 22', 'unusual circumstances'],
  testing: ['intraoperative testing', 'stimulation testing', 'testing', 'intraoperative stimulation testing', 'trial stimulation'],
  imaging: ['imaging', 'imaging guidance', 'fluoroscopy', 'fluoroscopy time', 'guidance'],
  specimens: ['specimens', 'specimen', 'specimens removed'],
  drains: ['drains', 'drain'],
  fluids: ['fluids', 'iv fluids', 'fluids given'],
  staff: ['surgeon', 'surgeons', 'assistant', 'assistants', 'assistant surgeon', 'attending', 'attending physician'],
  consent: ['consent', 'informed consent'],
  impression: ['impression', 'diagnostic impression', 'assessment', 'conclusion', 'impression and plan', 'assessment and plan'],
};

/** Fallbacks for titles the table misses, tried in order on the normalised title. */
const TITLE_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^pre ?(operative|op|procedur\w*)\b.*\b(diagnos|dx\b)/, 'preop-dx'],
  [/^post ?(operative|op|procedur\w*)\b.*\b(diagnos|dx\b)/, 'postop-dx'],
  [/^(indications?|reasons?) for\b/, 'indications'],
  [/^(description|details?) of\b|\bin detail$|^procedure details?$/, 'technique'],
  [/^(operative |surgical )?(procedures?|operations?) performed$/, 'procedure'],
  [/^(title|name)s? of (the )?(procedures?|operations?)$/, 'procedure'],
  [/^(?:modifier|mod\.?) ?-?22\b|\bincreased (procedural )?services?\b/, 'increased-services'],
  // "Procedure this admission (08/26/2026)", "Procedure(s) today": the procedure line; not one planned or its details.
  [/^procedures?\b(?!.*\b(?:planned|scheduled|proposed|intended|details?|note|summary|description|detail|narrative|steps?|log)\b)/, 'procedure'],
];

const TITLE_TO_ID: ReadonlyMap<string, string> = new Map(
  Object.entries(SECTION_SYNONYMS).flatMap(([id, titles]) => titles.map((title) => [title, id] as const)),
);

/** Lower case, single spaces, no punctuation, and no parenthesis: "Procedure performed (2026-10-06, Dr. X)" is "procedure performed". */
export function normalizeTitle(title: string): string {
  return title
    .replace(/\([^()]*\)/g, ' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Titles repeat from note to note ("PREOPERATIVE DIAGNOSIS"): answers are kept, up to a bound. */
const idByTitle = new Map<string, string | null>();
const MAX_REMEMBERED_TITLES = 4096;

/** Canonical id for a heading title, or undefined when the title is not in the table. */
export function canonicalSectionId(title: string): string | undefined {
  const remembered = idByTitle.get(title);
  if (remembered !== undefined) return remembered ?? undefined;
  const normalized = normalizeTitle(title);
  const id = idOfNormalized(normalized) ?? compoundTitleId(title) ?? misspeltId(normalized);
  if (idByTitle.size >= MAX_REMEMBERED_TITLES) idByTitle.clear();
  idByTitle.set(title, id ?? null);
  return id;
}

/**
 * A known title misspelt ("PROCEEDURE", "TECHNIQE", "Indicatons"): one slip (a letter added, dropped,
 * changed or two swapped) in a title of seven letters or more, two in one of eleven or more.
 */
function misspeltId(normalized: string): string | undefined {
  // Misspelt headings are short ("PROCEEDURE", "DESCRIPTOIN OF PROCEDURE"); a long unknown title is another heading.
  if (normalized.length < 7 || normalized.length > 30) return undefined;
  const allowed = normalized.length >= 11 ? 2 : 1;
  // A slip seldom falls on the first letter: only the titles that share it are compared.
  const letters = letterCounts(normalized);
  for (const [title, id, counts] of TITLES_BY_FIRST_LETTER.get(normalized[0]) ?? []) {
    if (Math.abs(title.length - normalized.length) <= allowed && lettersApart(letters, counts) <= allowed && editDistance(normalized, title, allowed) <= allowed) return id;
  }
  return undefined;
}

const ALPHABET = 27;

/** How often each letter (and, in the last slot, anything else) occurs. */
function letterCounts(text: string): Uint8Array {
  const counts = new Uint8Array(ALPHABET);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index) - 97;
    counts[code >= 0 && code < 26 ? code : 26]++;
  }
  return counts;
}

/** A lower bound of the edit distance from the letters alone: a slip changes at most two counts by one each. */
function lettersApart(a: Uint8Array, b: Uint8Array): number {
  let apart = 0;
  for (let index = 0; index < ALPHABET; index++) apart += Math.abs(a[index] - b[index]);
  return Math.ceil(apart / 2);
}

/** The titles of seven letters or more, by their first letter, with their letter counts. */
const TITLES_BY_FIRST_LETTER: ReadonlyMap<string, ReadonlyArray<readonly [string, string, Uint8Array]>> = (() => {
  const byLetter = new Map<string, [string, string, Uint8Array][]>();
  for (const [title, id] of TITLE_TO_ID) {
    if (title.length < 7) continue;
    const entry: [string, string, Uint8Array] = [title, id, letterCounts(title)];
    const bucket = byLetter.get(title[0]);
    if (bucket) bucket.push(entry);
    else byLetter.set(title[0], [entry]);
  }
  return byLetter;
})();

/** Damerau-Levenshtein distance (adjacent swaps count one), or more than `limit` once it is sure to exceed it. */
function editDistance(a: string, b: string, limit: number): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/** A title of parts ("History / necessity", "Findings & disposition") is the section of its first part, or of the part that names the procedure. */
function compoundTitleId(title: string): string | undefined {
  const parts = title.split(/[/&]|\band\b/i);
  if (parts.length < 2) return undefined;
  // "PLAN / PROCEDURE TODAY": a part that names today's procedure makes the section its account.
  const ids = parts.map((part) => idOfNormalized(normalizeTitle(part)));
  return ids.find((id) => id === 'procedure' || id === 'technique') ?? ids[0];
}

/** The section a normalised title is, by the synonym table or a title pattern. */
function idOfNormalized(normalized: string): string | undefined {
  return TITLE_TO_ID.get(normalized) ?? TITLE_PATTERNS.find(([pattern]) => pattern.test(normalized))?.[1];
}

/** Human titles for each id (the first synonym, capitalised), for completion and quick fixes. */
export function sectionDisplayTitle(id: string): string {
  const first = SECTION_SYNONYMS[id]?.[0] ?? id;
  return first.charAt(0).toUpperCase() + first.slice(1);
}
