import { SEVERITIES } from './rules/types';
import type { Severity } from './rules/types';

/** The default of `srmLens.analysis.maxFileSize` and `srm-lens scan --max-size`, in MB. */
export const DEFAULT_MAX_FILE_SIZE_MB = 5;

/** The extension's settings, as the core sees them: typed, defaulted and sanitised. */
export interface Settings {
  readonly hoverEnabled: boolean;
  readonly diagnosticsEnabled: boolean;
  /** Findings below this severity are not shown in the Problems panel. */
  readonly minimumSeverity: Severity;
  /** Per-rule severity or `off`, over the rule's own and the configuration file's. */
  readonly ruleSeverities: ReadonlyMap<string, Severity | 'off'>;
  /** `open`: diagnostics for open files; `workspace`: also every template of the workspace, kept current. */
  readonly scope: 'open' | 'workspace';
  /** Larger files are not analysed (one message says so), in MB: `srmLens.analysis.maxFileSize`. */
  readonly maxFileSizeMB: number;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  hoverEnabled: true,
  diagnosticsEnabled: true,
  minimumSeverity: 'hint',
  ruleSeverities: new Map(),
  scope: 'open',
  maxFileSizeMB: DEFAULT_MAX_FILE_SIZE_MB,
});

const isSeverity = (value: unknown): value is Severity => typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);

/** Reads raw configuration values (any shape) into Settings, falling back to defaults for anything invalid. */
export function parseSettings(raw: { readonly get: (key: string) => unknown }): Settings {
  const hover = raw.get('hover.enabled');
  const diagnostics = raw.get('diagnostics.enabled');
  const minimum = raw.get('diagnostics.minimumSeverity');
  const scope = raw.get('diagnostics.scope');
  const rules = raw.get('diagnostics.rules');
  const maxFileSize = raw.get('analysis.maxFileSize');
  const ruleSeverities = new Map<string, Severity | 'off'>();
  if (typeof rules === 'object' && rules !== null && !Array.isArray(rules)) {
    for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
      if (value === 'off' || isSeverity(value)) ruleSeverities.set(id, value);
    }
  }
  return {
    hoverEnabled: typeof hover === 'boolean' ? hover : DEFAULT_SETTINGS.hoverEnabled,
    diagnosticsEnabled: typeof diagnostics === 'boolean' ? diagnostics : DEFAULT_SETTINGS.diagnosticsEnabled,
    minimumSeverity: isSeverity(minimum) ? minimum : DEFAULT_SETTINGS.minimumSeverity,
    ruleSeverities,
    scope: scope === 'workspace' ? 'workspace' : 'open',
    maxFileSizeMB: typeof maxFileSize === 'number' && maxFileSize > 0 && Number.isFinite(maxFileSize) ? maxFileSize : DEFAULT_MAX_FILE_SIZE_MB,
  };
}
