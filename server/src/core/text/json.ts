/**
 * JSON.parse for files users own (configuration, payer files). V8's messages quote the text around
 * the error, and that text may be a patient note passed by mistake, so a failure says only where
 * it is: line and column.
 */
/** On failure `message` reads "not valid JSON (line 3, column 5)", to follow "<file> is". */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    if (!position) return { ok: false, message: 'not valid JSON' };
    const before = source.slice(0, Math.min(Number(position[1]), source.length)).split(/\r\n|\r|\n/);
    return { ok: false, message: `not valid JSON (line ${before.length}, column ${before[before.length - 1].length + 1})` };
  }
}
