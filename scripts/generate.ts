// Derives the rule registry, the rule docs, the config schema, the `opnote.rules` settings and the
// README rules table from the rule files. `--check` writes nothing and fails when anything is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { derivedFiles, orphanRuleDocs, REGISTRY_FILE, registrySource, ROOT, ruleFileIds, staleFiles } from './generators';

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const registry = registrySource(ruleFileIds());
  const registryStale = !fs.existsSync(REGISTRY_FILE) || fs.readFileSync(REGISTRY_FILE, 'utf8') !== registry;
  if (!check && registryStale) fs.writeFileSync(REGISTRY_FILE, registry);
  const { RULES } = await import('../server/src/core/rules/index.generated');
  const files = derivedFiles(RULES);
  const stale = [...(registryStale ? [path.relative(ROOT, REGISTRY_FILE)] : []), ...staleFiles(files)];
  const orphans = orphanRuleDocs(RULES);
  if (check) {
    for (const file of [...stale, ...orphans]) process.stderr.write(`out of date: ${file}\n`);
    if (stale.length || orphans.length) process.stderr.write('Run `npm run generate`.\n');
    return stale.length || orphans.length ? 1 : 0;
  }
  for (const file of files) {
    const full = path.join(ROOT, file.path);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    if (stale.includes(file.path)) fs.writeFileSync(full, file.content);
  }
  for (const orphan of orphans) fs.rmSync(path.join(ROOT, orphan));
  process.stdout.write(`${stale.length + orphans.length} file(s) updated\n`);
  return 0;
}

main().then((code) => (process.exitCode = code));
