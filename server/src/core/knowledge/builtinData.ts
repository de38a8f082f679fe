// Helpers for the JSON data bundled with OpNote.
import { z } from 'zod';

/** Built-in data ships with the code, so invalid data is a programming error: fail loudly and say where. */
export function parseBuiltinData<S extends z.ZodType>(schema: S, data: unknown, fileName: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new Error(`OpNote built-in knowledge file data/${fileName} is invalid:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

/** Computes a value on first use only, so importing the module stays cheap. */
export function lazy<T>(compute: () => T): () => T {
  let cached: { value: T } | undefined;
  return () => (cached ??= { value: compute() }).value;
}
