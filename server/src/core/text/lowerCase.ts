/**
 * A note typed in lower case throughout (a message from a phone: "saphenous n pns placed today under
 * us at adductor canal") writes "us" for the ultrasound a capitalised note writes "US"; the reader
 * takes a lower-case "us" for the pronoun. In such a text "us" reads "US", one character for one
 * character, so every offset stays. A text is lower case when, past its `Key: value` fields, fewer
 * than one letter in MAX_CAPITALS_PER_LETTER is a capital (a sentence's first letter alone is about
 * one in seventy).
 */
const FIELD_LINE = /^[ \t]*[A-Za-z][A-Za-z0-9 _/#-]{0,30}:/;
const LOWER_US = /\bus\b/g;
const RECORD_ID = /\b[A-Z]{2,}-\d[\w-]*/g;
const MAX_CAPITALS_PER_LETTER = 1 / 200;
const MIN_LETTERS = 150;

export function capitalisedShorthand(text: string): string {
  LOWER_US.lastIndex = 0;
  if (!LOWER_US.test(text) || !writtenInLowerCase(text)) return text;
  return text.replace(LOWER_US, 'US');
}

function writtenInLowerCase(text: string): boolean {
  let letters = 0;
  let capitals = 0;
  // A text of capitals shows enough of them early: no need to count the rest.
  const enough = text.length * MAX_CAPITALS_PER_LETTER;
  for (const line of text.split('\n')) {
    if (capitals >= enough) return false;
    if (FIELD_LINE.test(line)) continue;
    // A record's id is no writer's capital: "PNS-2026-0933".
    const prose = line.includes('-') ? line.replace(RECORD_ID, '') : line;
    for (let index = 0; index < prose.length; index++) {
      const code = prose.charCodeAt(index);
      if (code >= 0x61 && code <= 0x7a) letters++;
      else if (code >= 0x41 && code <= 0x5a) {
        letters++;
        capitals++;
      }
    }
  }
  return letters >= MIN_LETTERS && capitals < letters * MAX_CAPITALS_PER_LETTER;
}
