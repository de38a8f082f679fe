import { z } from 'zod';
import { ROLES, SEVERITY_SETTINGS, type Role, type SeveritySetting } from '../linting/types';
import type { RuleSeverityMap } from '../linting/severity';
import { describeRefusal, readText, type FileSystem, type Refused } from './fileSystem';
import { parseJsonText } from '../text/json';
import { jsonPathPosition } from '../text/jsonLocation';
import { ancestors, dirname, resolvePath } from './paths';

export const CONFIG_FILE_NAME = '.opnoterc.json';

const severitySchema = z.enum(SEVERITY_SETTINGS as [SeveritySetting, ...SeveritySetting[]]);

/** A finding a reviewer set aside: the rule is off for that file (relative to the configuration's folder, the workspace root). */
const ignoreSchema = z.object({ file: z.string().min(1), rule: z.string().min(1), reason: z.string() }).strict();
type ConfigIgnore = z.infer<typeof ignoreSchema>;

export const configFileSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), severitySchema).optional(),
    role: z.enum(ROLES).optional(),
    ignores: z.array(ignoreSchema).optional(),
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
  readonly role?: Role;
  readonly ignores?: readonly ConfigIgnore[];
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
  const settings = { path, rules, ...(parsed.data.role ? { role: parsed.data.role } : {}), ...(parsed.data.ignores?.length ? { ignores: parsed.data.ignores } : {}) };
  // A mistyped rule in `ignores` would set nothing aside, silently: it is reported like one in `rules`.
  const unknownIgnore = (parsed.data.ignores ?? []).findIndex((ignore) => !knownRuleIds.has(ignore.rule));
  const unknownAt: readonly PropertyKey[] | undefined = unknown.length ? ['rules', unknown[0]] : unknownIgnore >= 0 ? ['ignores', unknownIgnore, 'rule'] : undefined;
  if (!unknownAt) return settings;
  const position = jsonPathPosition(text, unknownAt, unknown.length ? 'key' : 'value');
  if (!unknown.length) return { ...settings, problem: { cause: `${path} sets aside an unknown rule id${position ? ` at ${position}` : ''}`, ignored: false } };
  const more = unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : '';
  return { ...settings, problem: { cause: `${path} names an unknown rule id${position ? ` at ${position}` : ''}${more}`, ignored: false } };
}

/**
 * The text of a configuration file with one more `ignores` entry (a new file when `text` is undefined);
 * undefined when the file is not a JSON object OpNote can add to. Written with two-space indentation.
 */
export function configWithIgnore(text: string | undefined, ignore: ConfigIgnore): string | undefined {
  const json = text === undefined ? { ok: true as const, value: {} } : parseJsonText(text);
  if (!json.ok || typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) return undefined;
  const config = json.value as { ignores?: unknown };
  if (config.ignores !== undefined && !Array.isArray(config.ignores)) return undefined;
  const ignores = (config.ignores as unknown[] | undefined) ?? [];
  if (ignores.some((entry) => ignoreSchema.safeParse(entry).success && (entry as ConfigIgnore).file === ignore.file && (entry as ConfigIgnore).rule === ignore.rule)) return undefined;
  return `${JSON.stringify({ ...config, ignores: [...ignores, ignore] }, null, 2)}\n`;
}

/** The rules `ignores` sets aside for one file (its path as the configuration's folder sees it). */
export function ignoredRulesFor(config: LoadedConfig, path: string): ReadonlySet<string> {
  if (!config.path || !config.ignores) return new Set();
  const root = dirname(config.path);
  return new Set(config.ignores.filter((ignore) => resolvePath(root, ignore.file) === path).map((ignore) => ignore.rule));
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
