// Organisation-owned payer files (workspace .opnote/payers/*.json): { "payers": [...] }.
import { parseJsonText } from '../text/json';
import { z } from 'zod';
import { payerSchema, userPayerFileSchema, type Payer } from './schema';

export interface PayerFileError {
  /** What is wrong, in words that never quote the file (no key names, no values). */
  message: string;
  /** JSONPath of the offending value, e.g. "$.payers[0].aliases"; for an unknown key, of the object that has it. */
  path: string;
  /** Where the problem is, for `jsonPathPosition`: the value at `segments`, or the key itself. */
  location: { readonly segments: readonly PropertyKey[]; readonly at: 'key' | 'value' };
}

export interface UserPayerFileResult {
  /** The valid payers; an invalid payer is left out and reported in `errors`. */
  payers: Payer[];
  errors: PayerFileError[];
}

// Checks the envelope only, so that one bad payer does not hide the good ones.
const envelopeSchema = userPayerFileSchema.extend({ payers: z.array(z.unknown()) });

function jsonPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment) =>
      typeof segment === 'number' ? `[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(String(segment)) ? `.${String(segment)}` : `[${JSON.stringify(String(segment))}]`,
    )
    .reduce((path, part) => path + part, '$');
}

// Zod's default "expected array, received undefined" reads badly to someone editing a file.
// JSON has no undefined, so an undefined input is always a missing property.
const friendlierMessages: z.core.$ZodErrorMap = (issue) => (issue.input === undefined ? 'Missing required property' : undefined);

function listedPayers(data: unknown): unknown[] {
  const payers = typeof data === 'object' && data !== null ? (data as { payers?: unknown }).payers : undefined;
  return Array.isArray(payers) ? payers : [];
}

function fileError(message: string, segments: readonly PropertyKey[], location: PayerFileError['location'] = { segments, at: 'value' }): PayerFileError {
  return { message, path: jsonPath(segments), location };
}

function toErrors(error: z.ZodError, prefix: readonly PropertyKey[]): PayerFileError[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    // Zod's message names unknown keys: say what is wrong and point at each key by position instead.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => fileError('Unknown property', path, { segments: [...path, key], at: 'key' }));
    return [fileError(issue.message, path)];
  });
}

/** Parses and validates a payer file. Never throws: every problem comes back in `errors`. */
export function parseUserPayerFile(jsonText: string): UserPayerFileResult {
  try {
    if (typeof jsonText !== 'string') return { payers: [], errors: [fileError('Expected the text of a JSON file', [])] };
    const json = parseJsonText(jsonText);
    if (!json.ok) return { payers: [], errors: [fileError(`The file is ${json.message}`, [])] };
    const data = json.value;
    const envelope = envelopeSchema.safeParse(data, { error: friendlierMessages });
    const errors: PayerFileError[] = envelope.success ? [] : toErrors(envelope.error, []);
    // A stray top-level key is no reason to drop the payers: validate them whenever there is a list.
    const candidates = listedPayers(data);
    const payers: Payer[] = [];
    const firstIndexById = new Map<string, number>();
    candidates.forEach((candidate, index) => {
      const result = payerSchema.safeParse(candidate, { error: friendlierMessages });
      if (!result.success) {
        for (const error of toErrors(result.error, ['payers', index])) errors.push(error);
        return;
      }
      const earlier = firstIndexById.get(result.data.id);
      if (earlier !== undefined) {
        errors.push(fileError(`Duplicate payer id (first at $.payers[${earlier}])`, ['payers', index, 'id']));
        return;
      }
      firstIndexById.set(result.data.id, index);
      payers.push(result.data);
    });
    return { payers, errors };
  } catch {
    // Validation should never throw; if it does, report (without the error's text, which may quote the file) instead of breaking the language server.
    return { payers: [], errors: [fileError('Could not read the payer file', [])] };
  }
}

/** Built-ins with user payers applied: a user payer replaces the built-in one with the same id; new ids come last. */
export function mergePayers(builtin: readonly Payer[], user: readonly Payer[]): Payer[] {
  const userById = new Map(user.map((payer) => [payer.id, payer]));
  const builtinIds = new Set(builtin.map((payer) => payer.id));
  return [...builtin.map((payer) => userById.get(payer.id) ?? payer), ...[...userById.values()].filter((payer) => !builtinIds.has(payer.id))];
}

/** JSON Schema (draft-07, which VS Code validates natively) for `.opnote/payers/*.json`. */
export function userPayerFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(userPayerFileSchema, { target: 'draft-7' }),
    title: 'OpNote payer file',
    description: 'Organisation-owned payer coverage data for OpNote. A payer with the id of a built-in payer replaces it.',
  };
}
