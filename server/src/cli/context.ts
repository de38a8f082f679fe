import { createAssertionEngine } from '../core/assertion';

interface ContextRequest {
  sentence?: unknown;
  concept?: unknown;
}

/**
 * `opnote context`: reads JSON Lines `{"sentence", "concept"}` and writes one JSON line per input.
 * The concept is found case-insensitively (first occurrence); a line that cannot be read gets
 * `{"error": ...}` so that output lines stay aligned with input lines.
 */
export function contextLines(input: string): string {
  const engine = createAssertionEngine();
  const out: string[] = [];
  for (const line of input.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    let request: ContextRequest;
    try {
      request = JSON.parse(line) as ContextRequest;
    } catch {
      out.push(JSON.stringify({ error: 'not a JSON object' }));
      continue;
    }
    if (typeof request?.sentence !== 'string' || typeof request.concept !== 'string') {
      out.push(JSON.stringify({ error: 'expected {"sentence": string, "concept": string}' }));
      continue;
    }
    const at = request.sentence.toLowerCase().indexOf(request.concept.toLowerCase());
    const [start, end] = at >= 0 ? [at, at + request.concept.length] : [0, request.sentence.length];
    const { negated, historical, hypothetical, experiencer } = engine.assess(request.sentence, start, end);
    out.push(JSON.stringify({ negated, historical, hypothetical, experiencer }));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
