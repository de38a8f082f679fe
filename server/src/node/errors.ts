/**
 * A log line for an internal error that cannot carry note text: the error's class and the stack
 * frames, never its message (a message may quote the document, e.g. a JSON parse error).
 */
export function describeInternalError(where: string, error: unknown): string {
  if (!(error instanceof Error)) return `OpNote internal error in ${where} (${typeof error})`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 6)
    .join('\n');
  return `OpNote internal error in ${where}: ${error.name}\n${frames}`;
}
