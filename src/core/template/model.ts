import type { MapNode, Problem, Span, SyntaxNode } from '../syntax/tree';
import type { LineIndex } from '../syntax/lineIndex';

/** The four kinds of infrastructure file the core analyses (the CLI's `format` field). */
export type TemplateFormat = 'cloudformation-yaml' | 'cloudformation-json' | 'terraform-hcl' | 'terraform-json';

export type Dialect = 'cfn' | 'tf';

export function dialectOf(format: TemplateFormat): Dialect {
  return format.startsWith('cloudformation') ? 'cfn' : 'tf';
}

/** One resource declared in a template: a CloudFormation resource or a Terraform resource/data/module block. */
export interface Resource {
  /** CloudFormation logical ID, or Terraform address (`aws_s3_bucket.logs`, `data.aws_iam_policy_document.x`). */
  readonly id: string;
  /** The type exactly as written (`AWS::S3::Bucket`, `aws_s3_bucket`). */
  readonly type: string;
  readonly typeSpan: Span;
  /** The span of the logical ID key or of the whole block header. */
  readonly idSpan: Span;
  /** The whole declaration, for "which resource is the cursor in". */
  readonly span: Span;
  /** `Properties` (CloudFormation) or the block body (Terraform); undefined when there is none. */
  readonly properties: MapNode | undefined;
  /** CloudFormation `Metadata` of the resource (suppressions for us and for other tools live there). */
  readonly metadata?: MapNode;
  /** CloudFormation: the whole declaration map (`Type`, `Properties`…), where a quick fix adds `Properties`. */
  readonly declaration?: MapNode;
  /** `provider` is a Terraform provider block (`provider "aws" {…}`); its type is the provider's name. */
  readonly kind: 'resource' | 'data' | 'module' | 'provider';
}

/** What the core knows about one file after parsing. */
export interface Template {
  readonly format: TemplateFormat;
  readonly resources: readonly Resource[];
  /** Terraform `provider` blocks (hard-coded credentials are a finding there); absent in CloudFormation. */
  readonly providers?: readonly Resource[];
  readonly problems: readonly Problem[];
  /** Names that resolve to values the template cannot know (parameters, pseudo parameters, variables). */
  readonly parameters: ReadonlySet<string>;
  /** The default value of each parameter or variable that has one, to say what a rule would find with it. */
  readonly parameterDefaults?: ReadonlyMap<string, SyntaxNode>;
  /** Logical IDs of the template's resources, so a `Ref` to one is known to be a resource reference. */
  readonly resourceIds: ReadonlySet<string>;
  readonly lines: LineIndex;
}

/** The resource whose declaration contains `offset`, or undefined. */
export function resourceAt(template: Template, offset: number): Resource | undefined {
  for (const resource of template.resources) {
    if (offset >= resource.span.start && offset <= resource.span.end) return resource;
  }
  return undefined;
}

/** The resource whose type token contains `offset` (the hover target), or undefined. */
export function resourceTypeAt(template: Template, offset: number): Resource | undefined {
  for (const resource of template.resources) {
    if (offset >= resource.typeSpan.start && offset <= resource.typeSpan.end) return resource;
  }
  return undefined;
}
