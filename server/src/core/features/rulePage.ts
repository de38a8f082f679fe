import type { RuleMeta } from '../linting/types';

/**
 * A rule's page in Markdown, from its metadata: the page under docs/rules/ (with a generator line on
 * top), the help a SARIF log embeds, and the page VS Code renders.
 */
export function rulePageMarkdown(meta: RuleMeta): string {
  const kinds = meta.appliesTo.map((kind) => (kind === 'opnote' ? 'operative notes' : 'claims')).join(' and ');
  const example = (label: string, text?: string) => (text ? `\n### ${label}\n\n\`\`\`\n${text}\n\`\`\`\n` : '');
  return `# ${meta.id}

${meta.description}

| | |
| --- | --- |
| Default severity | ${meta.defaultSeverity} |
| Fixable | ${meta.fixable ? 'yes (quick fix)' : 'no'} |
| Applies to | ${kinds} |
| Tags | ${meta.tags.join(', ')} |

## What it checks

${meta.docs.what}

## Why it matters

${meta.docs.why}

## How to fix

${meta.docs.fix}
${example('Fires on', meta.docs.bad)}${example('Quiet on', meta.docs.good)}
## Sources

${meta.docs.sources.map((source) => `- ${source}`).join('\n')}

## Turning it off

\`\`\`
// opnote-disable-next-line ${meta.id}
\`\`\`

or in \`.opnoterc.json\`: \`{ "rules": { "${meta.id}": "off" } }\`.
`;
}
