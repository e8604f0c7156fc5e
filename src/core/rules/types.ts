// The shapes of data/rules/*.yaml (data/schema/rules.schema.json is the authority; docs/rules.md explains them).
import type { DomainId, SourceRef } from '../knowledge/types';
import type { Span } from '../syntax/tree';
import type { SidedCondition } from '../template/conditions';
import type { Resource } from '../template/model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['hint', 'information', 'warning', 'error'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly message: string;
  readonly resource_types: { readonly cfn?: readonly string[]; readonly tf?: readonly string[] };
  readonly domain: DomainId;
  readonly responsibility_item?: string;
  readonly checkability: 'T1' | 'T2';
  readonly controls: readonly string[];
  readonly ct_proactive?: readonly string[];
  readonly matches: { readonly checkov: readonly string[]; readonly cfn_nag: readonly string[]; readonly trivy: readonly string[] };
  readonly severity: Severity;
  readonly applies_when?: SidedCondition;
  readonly subject?: { readonly cfn?: string; readonly tf?: string };
  readonly violation: SidedCondition;
  readonly absent?: {
    readonly severity: Severity | 'off';
    readonly message: string;
    readonly aws_default?: { readonly text: string; readonly since?: string; readonly sources: readonly SourceRef[] };
  };
  readonly rationale: { readonly aws: string; readonly customer: string };
  readonly fix?: RuleFix;
  readonly sources: readonly SourceRef[];
  readonly notes?: string;
}

export interface RuleFix {
  readonly cfn?: { readonly properties: Readonly<Record<string, unknown>> };
  readonly tf?: {
    readonly attributes?: Readonly<Record<string, unknown>>;
    readonly blocks?: string;
    readonly resource?: string;
  };
}

/** Who silenced a finding: our own comment or metadata, the configuration file, or another tool's syntax. */
export type SuppressedBy = 'inline' | 'metadata' | 'config' | 'checkov' | 'cfn_nag' | 'trivy';

export interface Finding {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly message: string;
  readonly resource: Resource;
  readonly span: Span;
  /** `violation`: a value fails; `absent`: nothing is written (maybe an AWS default); `depends`: a parameter decides. */
  readonly kind: 'violation' | 'absent' | 'depends';
  /** The other resource of a cross-resource finding (the bucket policy of a bucket, the group of an ingress rule). */
  readonly related?: readonly { readonly resource: Resource; readonly message: string }[];
  readonly suppressed?: { readonly by: SuppressedBy; readonly reason: string; readonly span: Span };
  /** A `depends` outcome of a rule below `warning`: not reported as a finding, but shown as "depends" in markers. */
  readonly quiet?: boolean;
}
