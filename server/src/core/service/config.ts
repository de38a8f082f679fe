import { z } from 'zod';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../linting/types';
import type { RuleSeverityMap } from '../linting/severity';
import { describeRefusal, readText, type FileSystem, type Refused } from './fileSystem';
import { parseJsonText } from '../text/json';
import { jsonPathPosition } from '../text/jsonLocation';
import { ancestors } from './paths';

export const CONFIG_FILE_NAME = '.opnoterc.json';

const severitySchema = z.enum(SEVERITY_SETTINGS as [SeveritySetting, ...SeveritySetting[]]);

export const configFileSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), severitySchema).optional(),
  })
  .strict();

/** What is wrong with a configuration file, described by kind and position, never by quoting it. */
interface ConfigProblem {
  readonly cause: string;
  /** Whether the whole file was set aside (else only the unknown rule ids were). */
  readonly ignored: boolean;
}

export interface LoadedConfig {
  readonly path?: string;
  readonly rules: RuleSeverityMap;
  readonly problem?: ConfigProblem;
}

/** The problem as the editor reports it: the cause and what OpNote does instead. */
export function configProblemMessage(problem: ConfigProblem): string {
  return `${problem.cause}; ${problem.ignored ? 'OpNote uses the default severities' : 'the other settings apply'}.`;
}

const EMPTY: LoadedConfig = { rules: {} };

/**
 * Parses config text; never throws. Unknown rule ids are a problem but the known ones still apply.
 * Problems are described by kind and position, never by quoting the file: a key may be anything.
 */
export function parseConfig(text: string, path: string, knownRuleIds: ReadonlySet<string>): LoadedConfig {
  const json = parseJsonText(text);
  if (!json.ok) return { path, rules: {}, problem: { cause: `${path} is ${json.message}`, ignored: true } };
  const invalid = (where: readonly PropertyKey[], at: 'key' | 'value', what: string): LoadedConfig => {
    const position = jsonPathPosition(text, where, at);
    return { path, rules: {}, problem: { cause: `${path} is not a valid OpNote configuration${position ? ` at ${position}` : ''}: ${what}`, ignored: true } };
  };
  const parsed = configFileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Zod's message for unknown keys names them; point at the first one instead.
    if (issue.code === 'unrecognized_keys') return invalid([...issue.path, issue.keys[0]], 'key', 'unknown key');
    return invalid(issue.path, 'value', issue.message);
  }
  // Zod's record leaves out a `__proto__` key, which JSON.parse keeps as an own property: read the ids
  // from the parsed file itself, and check the values zod did not see.
  const written = (json.value as { rules?: Record<string, unknown> }).rules ?? {};
  const validated: Record<string, SeveritySetting> = parsed.data.rules ?? {};
  const rules: Record<string, SeveritySetting> = Object.create(null);
  const unknown: string[] = [];
  for (const id of Object.keys(written)) {
    if (!Object.hasOwn(validated, id)) {
      const severity = severitySchema.safeParse(written[id]);
      if (!severity.success) return invalid(['rules', id], 'value', severity.error.issues[0].message);
    }
    if (knownRuleIds.has(id)) rules[id] = validated[id];
    else unknown.push(id);
  }
  if (unknown.length === 0) return { path, rules };
  const position = jsonPathPosition(text, ['rules', unknown[0]], 'key');
  const more = unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : '';
  return { path, rules, problem: { cause: `${path} names an unknown rule id${position ? ` at ${position}` : ''}${more}`, ignored: false } };
}

/** A configuration file that is there but was not read (a directory, a FIFO, too large) is reported, not skipped. */
function notRead(path: string, { refused }: Refused): LoadedConfig {
  return { path, rules: {}, problem: { cause: `${path} was not read: ${describeRefusal(refused)}`, ignored: true } };
}

/** Finds the nearest `.opnoterc.json` above a directory, caching by directory. */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, LoadedConfig>();

  constructor(
    private readonly fileSystem: FileSystem,
    private readonly knownRuleIds: ReadonlySet<string>,
  ) {}

  forDirectory(dir: string): LoadedConfig {
    const cached = this.byDirectory.get(dir);
    if (cached) return cached;
    const chain = ancestors(dir);
    let found = EMPTY;
    for (const candidate of chain) {
      const hit = this.byDirectory.get(candidate);
      if (hit) {
        found = hit;
        break;
      }
      const path = `${candidate === '/' ? '' : candidate}/${CONFIG_FILE_NAME}`;
      const read = readText(this.fileSystem, path);
      if ('text' in read) {
        found = parseConfig(read.text, path, this.knownRuleIds);
        break;
      }
      if (read.refused !== 'missing') {
        found = notRead(path, read);
        break;
      }
    }
    this.byDirectory.set(dir, found);
    return found;
  }

  fromFile(path: string): LoadedConfig {
    const read = readText(this.fileSystem, path);
    return 'text' in read ? parseConfig(read.text, path, this.knownRuleIds) : notRead(path, read);
  }

  clear(): void {
    this.byDirectory.clear();
  }
}
