// What the fuzzers feed the core: the test fixtures, mutated, and random YAML, JSON, HCL and Terraform JSON built from
// the words templates use. Shared by the property tests of `npm test` and by `npm run fuzz` (scripts/fuzz.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';

/** One input: which generator made it, the file name (its extension picks the parser), and the text. */
export interface FuzzCase {
  readonly kind: string;
  readonly fileName: string;
  readonly text: string;
}

const FIXTURE_FILE = /\.(ya?ml|json|tf)$/;

function* filesBelow(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesBelow(path);
    else if (FIXTURE_FILE.test(entry.name)) yield path;
  }
}

/** The fixtures of test/fixtures (templates of every language, and each rule's pass and fail files). */
export function loadFixtures(root: string): { readonly name: string; readonly text: string }[] {
  const folder = join(root, 'test', 'fixtures');
  return [...filesBelow(folder)].sort().map((path) => ({ name: relative(folder, path), text: readFileSync(path, 'utf8') }));
}

// ---- Mutations --------------------------------------------------------------------------------------------------

/** Pieces of YAML, JSON and HCL syntax, and of the hostile inputs of issue 11, inserted at random places. */
const TOKENS = [
  '{', '}', '[', ']', '- ', ': ', ',', '"', "'", '\n', '\r\n', '\r', '  ', '\t', '#', '//', '/*', '\\', '\u0000', '\uFEFF',
  '!Ref ', '!GetAtt ', '!Sub ', '!If ', '&a ', '*a', '<<: *a', '---', '...', '|', '>-', '? ', '${', '${var.x}', '%{ if x }',
  'Fn::If', 'Ref', 'Type: ', 'AWS::S3::Bucket', 'aws_s3_bucket', 'resource "aws_s3_bucket" "x" {', 'jsonencode(', '<<EOT\n',
  'constructor', '__proto__', 'toString', '\u001b[2J', '\u202e', '``', '<img src=x onerror=alert(1)>', 'é', '😀', '\uD800',
];

type Mutation =
  | { readonly op: 'delete' | 'duplicate'; readonly at: number; readonly length: number }
  | { readonly op: 'insert'; readonly at: number; readonly token: string }
  | { readonly op: 'repeat-line'; readonly at: number; readonly times: number }
  | { readonly op: 'swap-lines'; readonly at: number; readonly other: number }
  | { readonly op: 'truncate'; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), length: fc.nat({ max: 300 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8, unit: 'binary' })) }),
  fc.record({ op: fc.constant('repeat-line' as const), at: fc.nat(), times: fc.integer({ min: 2, max: 400 }) }),
  fc.record({ op: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, change: Mutation): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  switch (change.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'duplicate':
      return text.slice(0, at + change.length) + text.slice(at, at + change.length) + text.slice(at + change.length);
    case 'insert':
      return text.slice(0, at) + change.token + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'repeat-line':
    case 'swap-lines': {
      const lines = text.split('\n');
      const i = change.at % lines.length;
      if (change.op === 'repeat-line') lines.splice(i, 1, ...Array<string>(change.times).fill(lines[i]!));
      else {
        const j = change.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return lines.join('\n');
    }
  }
}

/** A text with a few random mutations applied. */
function mutated(base: fc.Arbitrary<FuzzCase>, maxMutations: number): fc.Arbitrary<FuzzCase> {
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: maxMutations })).map(([input, changes]) => ({
    ...input,
    kind: `${input.kind}, mutated`,
    text: changes.reduce(mutate, input.text),
  }));
}

/** A fixture of test/fixtures with 1 to 8 mutations. */
export function mutatedFixture(fixtures: readonly { readonly name: string; readonly text: string }[]): fc.Arbitrary<FuzzCase> {
  const fixture = fc.constantFrom(...fixtures).map((file) => ({ kind: 'fixture', fileName: file.name, text: file.text }));
  return mutated(fixture, 8);
}

// ---- Random CloudFormation (YAML and JSON) -----------------------------------------------------------------------

const CFN_TYPES = [
  'AWS::S3::Bucket', 'AWS::S3::BucketPolicy', 'AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::EC2::SecurityGroup',
  'AWS::EC2::Instance', 'AWS::RDS::DBInstance', 'AWS::Lambda::Function', 'AWS::Serverless::Function', 'AWS::SQS::Queue',
  'AWS::SNS::Topic', 'AWS::KMS::Key', 'AWS::DynamoDB::Table', 'AWS::ECS::TaskDefinition', 'AWS::CloudTrail::Trail',
  'AWS::S3::Buckt', 'Custom::Thing', 'constructor', '__proto__',
];
const CFN_KEYS = [
  'AWSTemplateFormatVersion', 'Resources', 'Type', 'Properties', 'Parameters', 'Default', 'Conditions', 'Metadata', 'Globals',
  'Transform', 'Ref', 'Fn::GetAtt', 'Fn::If', 'Fn::Sub', 'Fn::Join', 'Condition', 'PolicyDocument', 'Statement', 'Effect', 'Action',
  'Principal', 'Resource', 'BucketName', 'BucketEncryption', 'VersioningConfiguration', 'Status', 'Tags', 'Key', 'Value',
  'SecurityGroupIngress', 'CidrIp', 'FromPort', 'ToPort', 'PubliclyAccessible', 'StorageEncrypted', 'MasterUserPassword',
  'Environment', 'Variables', 'srm-lens', 'ignore', 'id', 'reason', 'checkov', 'skip', 'constructor', '__proto__', 'toString',
];
const CFN_SCALARS = [
  '2010-09-09', 'AWS::Serverless-2016-10-31', 'Enabled', 'Allow', 'Deny', '*', 's3:*', '*:*', '0.0.0.0/0', '::/0', 'aws:kms',
  'arn:aws:s3:::bucket/*', '${AWS::Region}', '${Bucket.Arn}', 'AKIAIOSFODNN7EXAMPLE', 'tcp', 'true', 'false',
];

const scalar = fc.oneof(
  fc.constantFrom(...CFN_SCALARS, ...CFN_TYPES),
  fc.string({ maxLength: 16 }),
  fc.integer({ min: -1, max: 70000 }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(fc.constantFrom(...CFN_KEYS), fc.string({ maxLength: 10 }));

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 5 },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
}));

const logicalId = fc.oneof(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/), fc.constantFrom('constructor', '__proto__', 'A\nB', 'Evil``<b>'));

/** A CloudFormation-shaped document: resources of real (and a few bogus) types with random properties. */
const cfnDocument = fc.record(
  {
    AWSTemplateFormatVersion: fc.constant('2010-09-09'),
    Transform: fc.constantFrom('AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions'),
    Parameters: fc.dictionary(logicalId, fc.record({ Type: fc.constant('String'), Default: scalar }), { maxKeys: 3 }),
    Resources: fc.dictionary(
      logicalId,
      fc.record({ Type: fc.constantFrom(...CFN_TYPES), Properties: fc.dictionary(key, value, { maxKeys: 6 }), Metadata: value }, { requiredKeys: ['Type'] }),
      { maxKeys: 6 },
    ),
  },
  { requiredKeys: ['Resources'] },
);

/** Random CloudFormation as YAML: block or flow style, intrinsic maps turned into short-form tags now and then. */
export const randomYaml: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.oneof(cfnDocument, value), fc.constantFrom('block' as const, 'flow' as const, 'any' as const), fc.boolean())
  .map(([document, collectionStyle, shortTags]) => {
    let text = stringify(document, { collectionStyle, lineWidth: 0 });
    if (shortTags) text = text.replace(/\b(Ref|Fn::(GetAtt|If|Sub|Join)): /g, (_m, name: string) => `!${name.replace('Fn::', '')} `);
    return { kind: 'random YAML', fileName: 'random.yaml', text };
  });

/** Random CloudFormation as JSON. */
export const randomJson: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.oneof(cfnDocument, value), fc.boolean())
  .map(([document, pretty]) => ({ kind: 'random JSON', fileName: 'random.json', text: JSON.stringify(document, null, pretty ? 2 : undefined) ?? 'null' }));

// ---- Random Terraform (HCL and JSON) -----------------------------------------------------------------------------

const TF_TYPES = [
  'aws_s3_bucket', 'aws_s3_bucket_versioning', 'aws_s3_bucket_public_access_block', 'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_policy', 'aws_iam_policy', 'aws_iam_role', 'aws_iam_role_policy', 'aws_security_group', 'aws_instance', 'aws_db_instance',
  'aws_lambda_function', 'aws_sqs_queue', 'aws_kms_key', 'aws_ecs_task_definition', 'aws_cloudtrail', 'awscc_s3_bucket', 'aws_s3_buckt',
  'google_storage_bucket',
];
const TF_ATTRIBUTES = [
  'bucket', 'name', 'policy', 'acl', 'status', 'enabled', 'cidr_blocks', 'from_port', 'to_port', 'protocol', 'kms_key_id', 'sse_algorithm',
  'publicly_accessible', 'storage_encrypted', 'password', 'block_public_acls', 'restrict_public_buckets', 'enable_key_rotation',
  'container_definitions', 'environment', 'variables', 'tags', 'count', 'for_each', 'depends_on', 'constructor', '__proto__',
];
const TF_BLOCKS = ['versioning_configuration', 'rule', 'apply_server_side_encryption_by_default', 'ingress', 'egress', 'statement', 'condition', 'principals', 'lifecycle'];

const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const hclString = fc.oneof(
  fc.constantFrom(...CFN_SCALARS, 'AES256', 'aws:kms', 'private', 'public-read'),
  fc.string({ maxLength: 12 }).map((text) => text.replace(/["\\$%\n\r]/g, '')),
);

const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    hclString.map((text) => JSON.stringify(text)),
    fc.integer({ min: -1, max: 70000 }).map(String),
    fc.constantFrom('true', 'false', 'null'),
    fc.tuple(fc.constantFrom(...TF_TYPES), name, fc.constantFrom('id', 'arn', 'json')).map(([type, id, attribute]) => `${type}.${id}.${attribute}`),
    name.map((variable) => `var.${variable}`),
    fc.tuple(name, hclString).map(([variable, text]) => `"${text}-\${var.${variable}}"`),
    fc.array(tie('expression'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(fc.constantFrom(...TF_ATTRIBUTES, 'Effect', 'Action', 'Resource', 'Principal'), tie('expression')), { maxLength: 4 }).map(
      (entries) => `{\n${entries.map(([k, v]) => `  ${JSON.stringify(k)} = ${v}`).join('\n')}\n}`,
    ),
    tie('expression').map((argument) => `jsonencode(${argument})`),
    fc.tuple(name, tie('expression'), tie('expression')).map(([variable, a, b]) => `var.${variable} ? ${a} : ${b}`),
    hclString.map((text) => `<<EOT\n${text}\nEOT`),
  ),
}));

/** A block body: attributes, and nested blocks down to `depth` more levels. */
function bodyOf(depth: number): fc.Arbitrary<string> {
  const attributes = fc.array(fc.tuple(fc.constantFrom(...TF_ATTRIBUTES), expression), { maxLength: 5 });
  const blocks = depth === 0 ? fc.constant([]) : fc.array(fc.tuple(fc.constantFrom(...TF_BLOCKS), bodyOf(depth - 1)), { maxLength: 2 });
  return fc
    .tuple(attributes, blocks)
    .map(([pairs, nested]) => [...pairs.map(([k, v]) => `${k} = ${v}`), ...nested.map(([k, inner]) => `${k} {\n${inner}\n}`)].join('\n'));
}

const body = bodyOf(3);

const block = fc.oneof(
  fc.tuple(fc.constantFrom('resource', 'data'), fc.constantFrom(...TF_TYPES), name, body).map(([kind, type, id, inner]) => `${kind} "${type}" "${id}" {\n${inner}\n}`),
  fc.tuple(name, expression).map(([id, fallback]) => `variable "${id}" {\n  default = ${fallback}\n}`),
  body.map((inner) => `provider "aws" {\n${inner}\n}`),
  fc.tuple(name, fc.constantFrom('terraform-aws-modules/vpc/aws', './local', 'x')).map(([id, source]) => `module "${id}" {\n  source = "${source}"\n}`),
);

/** Random Terraform: resource, data, variable, provider and module blocks with random bodies. */
export const randomHcl: fc.Arbitrary<FuzzCase> = fc
  .array(block, { maxLength: 8 })
  .map((blocks) => ({ kind: 'random HCL', fileName: 'random.tf', text: `${blocks.join('\n\n')}\n` }));

/** Random Terraform JSON: `{"resource": {type: {name: body}}}` and friends, or any JSON value. */
export const randomTfJson: fc.Arbitrary<FuzzCase> = fc
  .oneof(
    fc.record(
      {
        resource: fc.dictionary(fc.constantFrom(...TF_TYPES), fc.dictionary(name, fc.dictionary(fc.constantFrom(...TF_ATTRIBUTES), value, { maxKeys: 4 }), { maxKeys: 3 }), { maxKeys: 4 }),
        variable: fc.dictionary(name, fc.record({ default: scalar }), { maxKeys: 2 }),
        data: value,
        module: value,
      },
      { requiredKeys: [] },
    ),
    value,
  )
  .map((document) => ({ kind: 'random Terraform JSON', fileName: 'random.tf.json', text: JSON.stringify(document) ?? 'null' }));

/** Every generator, for the property tests and `npm run fuzz`: fixtures mutated, and random input mutated or not. */
export function allInputs(fixtures: readonly { readonly name: string; readonly text: string }[]): fc.Arbitrary<FuzzCase> {
  const random = fc.oneof(randomYaml, randomJson, randomHcl, randomTfJson);
  return fc.oneof(mutatedFixture(fixtures), random, mutated(random, 4));
}
