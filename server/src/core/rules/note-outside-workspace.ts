import type { Rule } from '../linting/types';
import { headerField } from '../parse/model';

/** The `note:` value is the user's own text, but a long one would swamp the message. */
const MAX_QUOTED = 60;

export const rule: Rule = {
  meta: {
    id: 'note-outside-workspace',
    description: 'The operative note named by `note:` lies outside the workspace, so OpNote does not read it.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['claim', 'note', 'cross-document', 'security'],
    appliesTo: ['claim'],
    docs: {
      what: 'The path in `note:` leads out of the workspace: an absolute path elsewhere, `../..` above the workspace folder, a Windows drive path, or a symlink whose target lies outside. The workspace is the editor\'s workspace folders (the claim\'s own folder when the editor names none) and, for `opnote check`, the current folder or the folder given with `--root`. OpNote does not open the file, so nothing outside the workspace reaches the checks, the checklist or the diagnostics.',
      why: 'A claim draft can come from anyone: a `note:` header must not make the checker read, print or hang on files it was never pointed at (`/etc/passwd`, `/proc/self/pagemap`, `/dev/zero`, another patient\'s record). Without the note the note ↔ claim checks (code, array count, side, date of service, modifier 22) cannot run.',
      fix: 'Keep the note inside the workspace and name it relative to the claim (`note: ../notes/2026-03-14-left-spn.opnote`); on the command line, run `opnote check` from the folder that holds both, or pass `--root` with that folder.',
      sources: ['OpNote markup brief (docs/markup.md): `note` is the path of the operative note, relative to the claim file', 'OpNote issue 10 (hardening: no `note:` path reads outside the workspace)'],
      bad: 'payer: Medicare\nnote: ../../../etc/passwd\n\ndx: G57.82\n64596-LT x1 ptr:A',
      good: 'payer: Medicare\nnote: well-documented.opnote\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check({ model, linkedNote }, report) {
    const field = headerField(model, 'note');
    if (!field || linkedNote?.status !== 'outside-workspace') return;
    const value = field.value.trim();
    const quoted = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED - 1)}…` : value;
    report({
      span: field.valueSpan,
      message: `The operative note \`${quoted}\` is outside the workspace, so OpNote did not read it: move it into the workspace.`,
      detail: 'OpNote reads only inside the workspace; without the note, the note ↔ claim checks cannot run.',
    });
  },
};
