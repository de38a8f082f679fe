import type { Knowledge } from '../core/knowledge';
import { buildChecklist, lineExcerpt, type ChecklistMark } from '../core/features/checklist';
import type { Severity } from '../core/linting/types';
import type { DocumentKind } from '../core/parse/model';
import { headerField } from '../core/parse/model';
import type { Analysis } from '../core/service/languageService';

/**
 * The audit report's data: per document only what the report shows (findings with their line, the
 * header's payer / surgeon / facility, the 64596 checklist marks), taken from an analysis while it is
 * alive, so the text and model can go at once and no file is read twice.
 */

/** The 64596 components the summary counts, by checklist item id. */
export const AUDIT_COMPONENTS: ReadonlyArray<{ readonly id: string; readonly label: string }> = [
  { id: 'approach', label: 'Percutaneous approach' },
  { id: 'integrated', label: 'Integrated device' },
  { id: 'nerve', label: 'Nerve' },
  { id: 'laterality', label: 'Side' },
  { id: 'imaging', label: 'Imaging guidance' },
  { id: 'arrays', label: 'Arrays' },
  { id: 'testing', label: 'Stimulation testing' },
  { id: 'necessity', label: 'Medical necessity' },
  { id: 'modifier-22', label: 'Modifier 22 justification' },
];

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

const MAX_HEADER_VALUE = 80;

interface AuditFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** The finding's line, trimmed and cut short. */
  readonly evidence: string;
}

export interface AuditDocument {
  readonly path: string;
  readonly kind: DocumentKind;
  readonly payer?: string;
  readonly surgeon?: string;
  readonly facility?: string;
  readonly findings: readonly AuditFinding[];
  /** The checklist mark of each AUDIT_COMPONENTS id, for an operative note that was checked. */
  readonly components?: Readonly<Record<string, ChecklistMark>>;
}

function header(analysis: Analysis, key: string): string | undefined {
  const value = headerField(analysis.model, key)?.value.trim().replace(/\s+/g, ' ');
  if (!value) return undefined;
  return value.length > MAX_HEADER_VALUE ? `${value.slice(0, MAX_HEADER_VALUE - 1)}…` : value;
}

export function auditDocument(path: string, analysis: Analysis, knowledge: Knowledge): AuditDocument {
  const { model, facts, findings } = analysis;
  const payer = header(analysis, 'payer');
  const surgeon = header(analysis, 'surgeon');
  const facility = header(analysis, 'facility');
  const checklist = facts ? buildChecklist(model, facts, findings, knowledge) : undefined;
  const marks = checklist ? Object.fromEntries(checklist.items.filter((item) => AUDIT_COMPONENTS.some((component) => component.id === item.id)).map((item) => [item.id, item.mark])) : undefined;
  return {
    path,
    kind: model.kind,
    ...(payer ? { payer } : {}),
    ...(surgeon ? { surgeon } : {}),
    ...(facility ? { facility } : {}),
    findings: findings.map((finding) => {
      const { line, text } = lineExcerpt(model, finding.span.start);
      return { rule: finding.rule.id, severity: finding.severity, message: finding.message, line, evidence: text };
    }),
    ...(marks ? { components: marks } : {}),
  };
}

export interface GroupRow {
  readonly name: string;
  readonly documents: number;
  readonly findings: number;
  readonly errors: number;
}

interface ComponentRow {
  readonly id: string;
  readonly label: string;
  /** Notes where the component applies (mark other than –). */
  readonly applicable: number;
  /** Of those, notes that document it (✓). */
  readonly documented: number;
}

interface AuditSummary {
  readonly documents: number;
  readonly notes: number;
  readonly claims: number;
  readonly severities: ReadonlyArray<{ readonly severity: Severity; readonly count: number }>;
  readonly components: readonly ComponentRow[];
  /** Every rule that fired, most findings first. */
  readonly rules: ReadonlyArray<GroupRow & { readonly rule: string }>;
  readonly payers: readonly GroupRow[];
  readonly surgeons: readonly GroupRow[];
  readonly facilities: readonly GroupRow[];
}

/** Counts per name (a header value, compared without case; the first spelling is shown). */
function groupBy(documents: readonly AuditDocument[], nameOf: (document: AuditDocument) => string | undefined): GroupRow[] {
  const groups = new Map<string, { name: string; documents: number; findings: number; errors: number }>();
  for (const document of documents) {
    const name = nameOf(document);
    if (name === undefined) continue;
    const key = name.toLowerCase();
    const group = groups.get(key) ?? { name, documents: 0, findings: 0, errors: 0 };
    group.documents++;
    group.findings += document.findings.length;
    group.errors += document.findings.filter((finding) => finding.severity === 'error').length;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.findings - a.findings || a.name.localeCompare(b.name));
}

export function summarizeAudit(documents: readonly AuditDocument[]): AuditSummary {
  const findings = documents.flatMap((document) => document.findings);
  const rules = new Map<string, { rule: string; name: string; documents: number; findings: number; errors: number }>();
  for (const document of documents) {
    const seen = new Set<string>();
    for (const finding of document.findings) {
      const row = rules.get(finding.rule) ?? { rule: finding.rule, name: finding.rule, documents: 0, findings: 0, errors: 0 };
      row.findings++;
      if (finding.severity === 'error') row.errors++;
      if (!seen.has(finding.rule)) row.documents++;
      seen.add(finding.rule);
      rules.set(finding.rule, row);
    }
  }
  const notes = documents.filter((document) => document.components);
  return {
    documents: documents.length,
    notes: documents.filter((document) => document.kind === 'opnote').length,
    claims: documents.filter((document) => document.kind === 'claim').length,
    severities: SEVERITIES.map((severity) => ({ severity, count: findings.filter((finding) => finding.severity === severity).length })),
    components: AUDIT_COMPONENTS.map(({ id, label }) => {
      const marks = notes.map((note) => note.components![id]).filter((mark) => mark !== undefined && mark !== '–');
      return { id, label, applicable: marks.length, documented: marks.filter((mark) => mark === '✓').length };
    }),
    rules: [...rules.values()].sort((a, b) => b.findings - a.findings || a.rule.localeCompare(b.rule)),
    payers: groupBy(documents, (document) => document.payer),
    surgeons: groupBy(documents, (document) => document.surgeon),
    facilities: groupBy(documents, (document) => document.facility),
  };
}
