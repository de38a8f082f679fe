import type { PhysicianQuery, QueryTopic } from './query';

const TOPIC_TITLES: Readonly<Record<QueryTopic, string>> = {
  approach: 'Approach',
  'device-type': 'Device type',
  nerve: 'Target nerve',
  side: 'Side',
  imaging: 'Imaging guidance',
  arrays: 'Number of arrays',
  testing: 'Intraoperative testing',
  'procedure-type': 'Procedure type',
  'increased-services': 'Increased procedural work',
};

/** Table cells hold header values as written: a bar or a line break would end the cell. */
const cell = (value: string | undefined) => (value ?? '—').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** A verbatim excerpt as a block quote, one `>` per line of the note. */
const quote = (text: string) => text.split(/\r\n|\r|\n/).map((line) => `> ${line}`).join('\n');

/** One printable query: who and when, the indicators with their lines, the question, the answers, and how to reply. */
function oneQuery(query: PhysicianQuery, note: string): string {
  const indicators = query.indicators.map((indicator) => `${quote(indicator.text)}\n\n(${note}, line ${indicator.range.start.line + 1})`).join('\n\n');
  const answers = query.options.length ? query.options.map((option) => `- [ ] ${option}${option.startsWith('Other') ? ': ____________________' : ''}`).join('\n') : '____________________________________________\n\n____________________________________________';
  return [
    `# Physician query: ${TOPIC_TITLES[query.topic]}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Patient | ${cell(query.patient)} |`,
    `| Date of service | ${cell(query.dateOfService)} |`,
    `| To | ${cell(query.provider)} |`,
    `| Note | ${cell(note)} |`,
    `| Drafted | ${query.drafted} |`,
    `| Format | ${query.format} |`,
    '',
    '## Clinical indicators in the record',
    '',
    indicators,
    '',
    '## Question',
    '',
    query.question,
    '',
    query.options.length ? '## Response (check one)' : '## Response',
    '',
    answers,
    '',
    'Please answer with a signed and dated addendum to the operative note; this query is not part of the record.',
    '',
    'Provider signature: ____________________  Date: ____________',
    '',
  ].join('\n');
}

/** The printable queries of one note, separated by page breaks; a short line when there is none. */
export function queriesMarkdown(queries: readonly PhysicianQuery[], note: string): string {
  if (queries.length === 0) return `# Physician queries: ${note}\n\nNothing in this note calls for a physician query.\n`;
  return queries.map((query) => oneQuery(query, note)).join('\n---\n\n');
}
