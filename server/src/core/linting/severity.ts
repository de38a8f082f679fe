import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { RuleMeta, Severity, SeveritySetting } from './types';

export type RuleSeverityMap = Readonly<Record<string, SeveritySetting>>;

/** Later layers win: rule default < .opnoterc.json < editor setting `opnote.rules`. */
export function effectiveSeverity(meta: RuleMeta, ...layers: ReadonlyArray<RuleSeverityMap | undefined>): Severity | 'off' {
  let severity: SeveritySetting = meta.defaultSeverity;
  for (const layer of layers) {
    const setting = layer?.[meta.id];
    if (setting) severity = setting;
  }
  return severity;
}

export const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
