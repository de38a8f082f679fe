import assert from 'node:assert/strict';
import { splitSentences } from '../../../server/src/core/assertion';

/** The sentences of `text` as strings. */
function split(text: string, start?: number, end?: number): string[] {
  return splitSentences(text, start, end).map(({ start: from, end: to }) => text.slice(from, to));
}

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks', () => {
    assert.deepEqual(split('The lead was placed. Was it stable? Yes! Done.'), [
      'The lead was placed.',
      'Was it stable?',
      'Yes!',
      'Done.',
    ]);
  });

  it('returns trimmed UTF-16 offsets into the text', () => {
    const text = '  Café placé — ok.  Ünder ultrasound.  ';
    assert.deepEqual(splitSentences(text), [
      { start: 2, end: 18 },
      { start: 20, end: 37 },
    ]);
  });

  it('splits only the requested range', () => {
    const text = 'Skip this. The lead was placed. It held. Skip that.';
    const start = text.indexOf('The');
    const end = text.indexOf(' Skip that');
    assert.deepEqual(split(text, start, end), ['The lead was placed.', 'It held.']);
    assert.equal(splitSentences(text, start, end)[0]?.start, start);
  });

  it('keeps titles, Latin abbreviations and numbering inside the sentence', () => {
    const first = 'Dr. Smith and Mr. Jones agreed, e.g. on lidocaine, i.e. 1%, approx. 5 mL vs. 10 mL.';
    assert.deepEqual(split(`${first} Lead No. 2 was used.`), [first, 'Lead No. 2 was used.']);
  });

  it('ends at a unit abbreviation only before a capitalised word', () => {
    assert.deepEqual(split('Lidocaine 5 mL. was injected and 2 cm. of lead advanced. Then 10 mg. The lead held.'), [
      'Lidocaine 5 mL. was injected and 2 cm. of lead advanced.',
      'Then 10 mg.',
      'The lead held.',
    ]);
  });

  it('ends at a full word before a lower-case word, as dictation without capitals writes', () => {
    assert.deepEqual(split('The nerve was localized. there is no separate generator. one array was deployed 2 mins. later'), [
      'The nerve was localized.',
      'there is no separate generator.',
      'one array was deployed 2 mins. later',
    ]);
  });

  it('reads dictated punctuation as punctuation in speech-recognition text', () => {
    const dictated = 'the nerve was localized comma then tested period there is no generator period new paragraph one array placed';
    assert.deepEqual(split(dictated), ['the nerve was localized comma then tested period', 'there is no generator period', 'new paragraph', 'one array placed']);
    assert.deepEqual(split('The trial period was 7 days. It helped.'), ['The trial period was 7 days.', 'It helped.']);
  });

  it('keeps decimals and clock times inside the sentence', () => {
    assert.deepEqual(split('Stimulation at 0.5 mA was felt at 1 p.m. and again at 1:30 p.m. today. It held.'), [
      'Stimulation at 0.5 mA was felt at 1 p.m. and again at 1:30 p.m. today.',
      'It held.',
    ]);
  });

  it('keeps the number of a list item with its item', () => {
    assert.deepEqual(split('Indications: 1. Chronic shoulder pain. 2. Failed therapy.'), [
      'Indications: 1. Chronic shoulder pain.',
      '2. Failed therapy.',
    ]);
    assert.deepEqual(split('FINDINGS: 1. Lead intact 2. No hematoma'), [
      'FINDINGS:',
      '1. Lead intact',
      '2. No hematoma',
    ]);
  });

  it('ends an ALL-CAPS heading at its colon, but not a time or a mixed-case label in a sentence', () => {
    assert.deepEqual(split('DESCRIPTION OF PROCEDURE: The patient was placed prone at 10:15. Note: stable.'), [
      'DESCRIPTION OF PROCEDURE:',
      'The patient was placed prone at 10:15.',
      'Note: stable.',
    ]);
  });

  it('ends at blank lines and at line breaks between list items and headings', () => {
    const text = [
      'INDICATIONS:',
      '1. Chronic pain of the',
      '   right shoulder',
      '2. Failed conservative care',
      '',
      'PLAN',
      'Follow up in two weeks',
      'EBL: minimal',
      'Complications: none',
    ].join('\n');
    assert.deepEqual(split(text), [
      'INDICATIONS:',
      '1. Chronic pain of the\n   right shoulder',
      '2. Failed conservative care',
      'PLAN',
      'Follow up in two weeks',
      // A capitalised label with a short value is a field, read whole.
      'EBL: minimal',
      'Complications: none',
    ]);
    assert.deepEqual(split('DESCRIPTION OF PROCEDURE: The patient was placed prone and prepped.'), ['DESCRIPTION OF PROCEDURE:', 'The patient was placed prone and prepped.']);
  });

  it('does not end at a line wrap inside a running sentence', () => {
    const text = 'The lead was advanced under\r\nultrasound guidance and the\r\nPatient tolerated it well.';
    assert.deepEqual(split(text), [text]);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    assert.deepEqual(split('He said "stop." (It was placed.) Done.'), ['He said "stop."', '(It was placed.)', 'Done.']);
  });

  it('returns nothing for blank text', () => {
    assert.deepEqual(splitSentences(' \n\t\n '), []);
  });

  it('takes linear time on long and adversarial text', () => {
    const inputs = [
      'The lead was placed at 1. 2. 3. level. '.repeat(20_000),
      '\n'.repeat(200_000),
      'A'.repeat(200_000) + ':',
      'e.g. '.repeat(50_000),
      'word '.repeat(100_000),
    ];
    for (const text of inputs) {
      const started = process.hrtime.bigint();
      splitSentences(text);
      const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
      assert.ok(milliseconds < 500, `${text.length} characters took ${milliseconds.toFixed(0)} ms`);
    }
  });
});
