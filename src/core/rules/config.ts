// `.srm-lens.yaml` at the repository root: the one configuration the extension and the CLI both read, so the
// editor and CI agree. Parsed here from its text (the host reads the file); anything invalid is reported, not fatal.
import { parse } from 'yaml';
import { SEVERITIES } from './types';
import type { Severity } from './types';

export const CONFIG_FILE_NAME = '.srm-lens.yaml';

export interface LensConfig {
  /** Per-rule severity, or `off` to not run the rule. */
  readonly rules: ReadonlyMap<string, Severity | 'off'>;
  /** Glob patterns (relative to the configuration's folder) of files not analysed. */
  readonly ignore: readonly string[];
  /** Findings silenced for some paths, with the reason (reported as suppressed `by: config`). */
  readonly suppress: readonly { readonly rule: string; readonly paths: readonly string[]; readonly reason: string }[];
  readonly minimumSeverity: Severity | undefined;
  /** What was wrong with the file, one message each. */
  readonly problems: readonly string[];
}

export const EMPTY_CONFIG: LensConfig = { rules: new Map(), ignore: [], suppress: [], minimumSeverity: undefined, problems: [] };

const isSeverity = (value: unknown): value is Severity => typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);

export function parseLensConfig(text: string): LensConfig {
  const problems: string[] = [];
  let raw: unknown;
  try {
    raw = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    return { ...EMPTY_CONFIG, problems: [`${CONFIG_FILE_NAME} is not valid YAML: ${String((error as Error).message).split('\n')[0]}`] };
  }
  if (raw === null || raw === undefined) return EMPTY_CONFIG;
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ...EMPTY_CONFIG, problems: [`${CONFIG_FILE_NAME} must be a map`] };
  const map = raw as Record<string, unknown>;
  const rules = new Map<string, Severity | 'off'>();
  if (map['rules'] !== undefined) {
    if (typeof map['rules'] !== 'object' || map['rules'] === null || Array.isArray(map['rules'])) problems.push('rules: must map rule ids to a severity or off');
    else {
      for (const [id, value] of Object.entries(map['rules'] as Record<string, unknown>)) {
        if (value === 'off' || value === false || isSeverity(value)) rules.set(id, value === false ? 'off' : value);
        else problems.push(`rules.${id}: expected error, warning, information, hint or off`);
      }
    }
  }
  const strings = (key: string, value: unknown): string[] => {
    if (value === undefined) return [];
    const list = typeof value === 'string' ? [value] : value;
    if (Array.isArray(list) && list.every((item) => typeof item === 'string')) return list as string[];
    problems.push(`${key}: expected a path pattern or a list of them`);
    return [];
  };
  const ignore = strings('ignore', map['ignore']);
  const suppress: { rule: string; paths: string[]; reason: string }[] = [];
  if (map['suppress'] !== undefined) {
    if (!Array.isArray(map['suppress'])) problems.push('suppress: expected a list of {rule, paths, reason}');
    else {
      for (const [i, entry] of (map['suppress'] as unknown[]).entries()) {
        const item = (entry ?? {}) as Record<string, unknown>;
        if (typeof item['rule'] !== 'string') {
          problems.push(`suppress[${i}]: needs a rule id`);
          continue;
        }
        const paths = item['paths'] === undefined ? ['**'] : strings(`suppress[${i}].paths`, item['paths']);
        suppress.push({ rule: item['rule'], paths, reason: typeof item['reason'] === 'string' ? item['reason'] : '' });
      }
    }
  }
  const minimum = map['minimum_severity'];
  if (minimum !== undefined && !isSeverity(minimum)) problems.push('minimum_severity: expected error, warning, information or hint');
  return { rules, ignore, suppress, minimumSeverity: isSeverity(minimum) ? minimum : undefined, problems };
}

/** True when a path (relative, `/`-separated) matches a pattern: `**` any folders, `*` and `?` within a name. */
export function matchesGlob(path: string, pattern: string): boolean {
  return globRegex(pattern).test(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}

const globCache = new Map<string, RegExp>();

function globRegex(pattern: string): RegExp {
  let regex = globCache.get(pattern);
  if (regex) return regex;
  let source = '';
  const text = pattern.replace(/^\.\//, '').replace(/\/$/, '/**');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '*' && text[i + 1] === '*') {
      const slash = text[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A pattern without a slash matches the name at any depth, as in .gitignore.
  regex = new RegExp(text.includes('/') ? `^${source}$` : `(?:^|/)${source}$`);
  globCache.set(pattern, regex);
  return regex;
}

export function isIgnored(config: LensConfig, relativePath: string): boolean {
  return config.ignore.some((pattern) => matchesGlob(relativePath, pattern));
}

/** The configuration's suppressions that apply to one file. */
export function configSuppressionsFor(config: LensConfig, relativePath: string): ReadonlyMap<string, string> {
  const result = new Map<string, string>();
  for (const entry of config.suppress) {
    if (entry.paths.some((pattern) => matchesGlob(relativePath, pattern))) result.set(entry.rule, entry.reason);
  }
  return result;
}
