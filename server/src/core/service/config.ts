import { z } from 'zod';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../linting/types';
import type { RuleSeverityMap } from '../linting/severity';
import { describeRefusal, readText, type FileSystem, type Refused } from './fileSystem';
import { parseJsonText } from '../text/json';
import { ancestors } from './paths';

export const CONFIG_FILE_NAME = '.opnoterc.json';

export const configFileSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), z.enum(SEVERITY_SETTINGS as [SeveritySetting, ...SeveritySetting[]])).optional(),
  })
  .strict();

export interface LoadedConfig {
  readonly path?: string;
  readonly rules: RuleSeverityMap;
  /** A clear, text-free description of what is wrong with the file; the file is then ignored. */
  readonly problem?: string;
}

const EMPTY: LoadedConfig = { rules: {} };

/** Parses config text; never throws. Unknown rule ids are a problem but the known ones still apply. */
export function parseConfig(text: string, path: string, knownRuleIds: ReadonlySet<string>): LoadedConfig {
  const json = parseJsonText(text);
  if (!json.ok) return { path, rules: {}, problem: `${path} is ${json.message}; OpNote uses the default severities.` };
  const parsed = configFileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? ` at \`${issue.path.join('.')}\`` : '';
    return { path, rules: {}, problem: `${path} is not a valid OpNote configuration${where}: ${issue.message}; OpNote uses the default severities.` };
  }
  const rules = parsed.data.rules ?? {};
  const unknown = Object.keys(rules).filter((id) => !knownRuleIds.has(id));
  return {
    path,
    rules,
    ...(unknown.length ? { problem: `${path} names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `\`${id}\``).join(', ')}; the other settings apply.` } : {}),
  };
}

/** A configuration file that is there but was not read (a directory, a FIFO, too large) is reported, not skipped. */
function notRead(path: string, { refused }: Refused): LoadedConfig {
  return { path, rules: {}, problem: `${path} was not read: ${describeRefusal(refused)}; OpNote uses the default severities.` };
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
