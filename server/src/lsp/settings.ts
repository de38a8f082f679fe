import { DEFAULT_MAX_DOCUMENT_SIZE, type DocumentSettings } from '../core/service/languageService';
import type { RuleSeverityMap } from '../core/linting/severity';
import { ROLES, SEVERITY_SETTINGS, type Role, type SeveritySetting } from '../core/linting/types';

/** The `opnote.*` settings as the client sends them (resource scope). */
export interface EditorSettings {
  readonly rules?: unknown;
  readonly validation?: { readonly delay?: unknown };
  readonly maxNumberOfProblems?: unknown;
  readonly maxDocumentSize?: unknown;
  readonly role?: unknown;
}

export interface ResolvedSettings {
  readonly document: DocumentSettings;
  readonly delayMs: number;
}

export const DEFAULT_DELAY_MS = 200;

function sanitizeRules(value: unknown): RuleSeverityMap | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const rules: Record<string, SeveritySetting> = {};
  for (const [id, severity] of Object.entries(value)) {
    if (SEVERITY_SETTINGS.includes(severity as SeveritySetting)) rules[id] = severity as SeveritySetting;
  }
  return rules;
}

function nonNegativeNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function roleOf(value: unknown): Role {
  return ROLES.includes(value as Role) ? (value as Role) : 'author';
}

/** Anything the client sends is untrusted input: keep what is well-formed, default the rest. */
export function resolveSettings(raw: EditorSettings | null | undefined, trusted: boolean): ResolvedSettings {
  const rules = sanitizeRules(raw?.rules);
  return {
    document: {
      ...(rules ? { rules } : {}),
      maxNumberOfProblems: nonNegativeNumber(raw?.maxNumberOfProblems, 1000),
      maxDocumentSize: nonNegativeNumber(raw?.maxDocumentSize, DEFAULT_MAX_DOCUMENT_SIZE),
      role: roleOf(raw?.role),
      trusted,
    },
    delayMs: nonNegativeNumber(raw?.validation?.delay, DEFAULT_DELAY_MS),
  };
}
