"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.randomTfJson = exports.randomHcl = exports.randomJson = exports.randomYaml = void 0;
exports.loadFixtures = loadFixtures;
exports.mutatedFixture = mutatedFixture;
exports.allInputs = allInputs;
// What the fuzzers feed the core: the test fixtures, mutated, and random YAML, JSON, HCL and Terraform JSON built from
// the words templates use. Shared by the property tests of `npm test` and by `npm run fuzz` (scripts/fuzz.mjs).
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const fast_check_1 = __importDefault(require("fast-check"));
const yaml_1 = require("yaml");
const FIXTURE_FILE = /\.(ya?ml|json|tf)$/;
function* filesBelow(folder) {
    for (const entry of (0, node_fs_1.readdirSync)(folder, { withFileTypes: true })) {
        const path = (0, node_path_1.join)(folder, entry.name);
        if (entry.isDirectory())
            yield* filesBelow(path);
        else if (FIXTURE_FILE.test(entry.name))
            yield path;
    }
}
/** The fixtures of test/fixtures (templates of every language, and each rule's pass and fail files). */
function loadFixtures(root) {
    const folder = (0, node_path_1.join)(root, 'test', 'fixtures');
    return [...filesBelow(folder)].sort().map((path) => ({ name: (0, node_path_1.relative)(folder, path), text: (0, node_fs_1.readFileSync)(path, 'utf8') }));
}
// ---- Mutations --------------------------------------------------------------------------------------------------
/** Pieces of YAML, JSON and HCL syntax, and of the hostile inputs of issue 11, inserted at random places. */
const TOKENS = [
    '{', '}', '[', ']', '- ', ': ', ',', '"', "'", '\n', '\r\n', '\r', '  ', '\t', '#', '//', '/*', '\\', '\u0000', '\uFEFF',
    '!Ref ', '!GetAtt ', '!Sub ', '!If ', '&a ', '*a', '<<: *a', '---', '...', '|', '>-', '? ', '${', '${var.x}', '%{ if x }',
    'Fn::If', 'Ref', 'Type: ', 'AWS::S3::Bucket', 'aws_s3_bucket', 'resource "aws_s3_bucket" "x" {', 'jsonencode(', '<<EOT\n',
    'constructor', '__proto__', 'toString', '\u001b[2J', '\u202e', '``', '<img src=x onerror=alert(1)>', 'é', '😀', '\uD800',
];
const mutation = fast_check_1.default.oneof(fast_check_1.default.record({ op: fast_check_1.default.constantFrom('delete', 'duplicate'), at: fast_check_1.default.nat(), length: fast_check_1.default.nat({ max: 300 }) }), fast_check_1.default.record({ op: fast_check_1.default.constant('insert'), at: fast_check_1.default.nat(), token: fast_check_1.default.oneof(fast_check_1.default.constantFrom(...TOKENS), fast_check_1.default.string({ maxLength: 8, unit: 'binary' })) }), fast_check_1.default.record({ op: fast_check_1.default.constant('repeat-line'), at: fast_check_1.default.nat(), times: fast_check_1.default.integer({ min: 2, max: 400 }) }), fast_check_1.default.record({ op: fast_check_1.default.constant('swap-lines'), at: fast_check_1.default.nat(), other: fast_check_1.default.nat() }), fast_check_1.default.record({ op: fast_check_1.default.constant('truncate'), at: fast_check_1.default.nat() }));
function mutate(text, change) {
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
            if (change.op === 'repeat-line')
                lines.splice(i, 1, ...Array(change.times).fill(lines[i]));
            else {
                const j = change.other % lines.length;
                [lines[i], lines[j]] = [lines[j], lines[i]];
            }
            return lines.join('\n');
        }
    }
}
/** A text with a few random mutations applied. */
function mutated(base, maxMutations) {
    return fast_check_1.default.tuple(base, fast_check_1.default.array(mutation, { minLength: 1, maxLength: maxMutations })).map(([input, changes]) => ({
        ...input,
        kind: `${input.kind}, mutated`,
        text: changes.reduce(mutate, input.text),
    }));
}
/** A fixture of test/fixtures with 1 to 8 mutations. */
function mutatedFixture(fixtures) {
    const fixture = fast_check_1.default.constantFrom(...fixtures).map((file) => ({ kind: 'fixture', fileName: file.name, text: file.text }));
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
const scalar = fast_check_1.default.oneof(fast_check_1.default.constantFrom(...CFN_SCALARS, ...CFN_TYPES), fast_check_1.default.string({ maxLength: 16 }), fast_check_1.default.integer({ min: -1, max: 70000 }), fast_check_1.default.boolean(), fast_check_1.default.constant(null));
const key = fast_check_1.default.oneof(fast_check_1.default.constantFrom(...CFN_KEYS), fast_check_1.default.string({ maxLength: 10 }));
const { value } = fast_check_1.default.letrec((tie) => ({
    value: fast_check_1.default.oneof({ depthSize: 'small', maxDepth: 5 }, scalar, fast_check_1.default.array(tie('value'), { maxLength: 4 }), fast_check_1.default.dictionary(key, tie('value'), { maxKeys: 5 })),
}));
const logicalId = fast_check_1.default.oneof(fast_check_1.default.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/), fast_check_1.default.constantFrom('constructor', '__proto__', 'A\nB', 'Evil``<b>'));
/** A CloudFormation-shaped document: resources of real (and a few bogus) types with random properties. */
const cfnDocument = fast_check_1.default.record({
    AWSTemplateFormatVersion: fast_check_1.default.constant('2010-09-09'),
    Transform: fast_check_1.default.constantFrom('AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions'),
    Parameters: fast_check_1.default.dictionary(logicalId, fast_check_1.default.record({ Type: fast_check_1.default.constant('String'), Default: scalar }), { maxKeys: 3 }),
    Resources: fast_check_1.default.dictionary(logicalId, fast_check_1.default.record({ Type: fast_check_1.default.constantFrom(...CFN_TYPES), Properties: fast_check_1.default.dictionary(key, value, { maxKeys: 6 }), Metadata: value }, { requiredKeys: ['Type'] }), { maxKeys: 6 }),
}, { requiredKeys: ['Resources'] });
/** Random CloudFormation as YAML: block or flow style, intrinsic maps turned into short-form tags now and then. */
exports.randomYaml = fast_check_1.default
    .tuple(fast_check_1.default.oneof(cfnDocument, value), fast_check_1.default.constantFrom('block', 'flow', 'any'), fast_check_1.default.boolean())
    .map(([document, collectionStyle, shortTags]) => {
    let text = (0, yaml_1.stringify)(document, { collectionStyle, lineWidth: 0 });
    if (shortTags)
        text = text.replace(/\b(Ref|Fn::(GetAtt|If|Sub|Join)): /g, (_m, name) => `!${name.replace('Fn::', '')} `);
    return { kind: 'random YAML', fileName: 'random.yaml', text };
});
/** Random CloudFormation as JSON. */
exports.randomJson = fast_check_1.default
    .tuple(fast_check_1.default.oneof(cfnDocument, value), fast_check_1.default.boolean())
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
const name = fast_check_1.default.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const hclString = fast_check_1.default.oneof(fast_check_1.default.constantFrom(...CFN_SCALARS, 'AES256', 'aws:kms', 'private', 'public-read'), fast_check_1.default.string({ maxLength: 12 }).map((text) => text.replace(/["\\$%\n\r]/g, '')));
const { expression } = fast_check_1.default.letrec((tie) => ({
    expression: fast_check_1.default.oneof({ depthSize: 'small', maxDepth: 4 }, hclString.map((text) => JSON.stringify(text)), fast_check_1.default.integer({ min: -1, max: 70000 }).map(String), fast_check_1.default.constantFrom('true', 'false', 'null'), fast_check_1.default.tuple(fast_check_1.default.constantFrom(...TF_TYPES), name, fast_check_1.default.constantFrom('id', 'arn', 'json')).map(([type, id, attribute]) => `${type}.${id}.${attribute}`), name.map((variable) => `var.${variable}`), fast_check_1.default.tuple(name, hclString).map(([variable, text]) => `"${text}-\${var.${variable}}"`), fast_check_1.default.array(tie('expression'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`), fast_check_1.default.array(fast_check_1.default.tuple(fast_check_1.default.constantFrom(...TF_ATTRIBUTES, 'Effect', 'Action', 'Resource', 'Principal'), tie('expression')), { maxLength: 4 }).map((entries) => `{\n${entries.map(([k, v]) => `  ${JSON.stringify(k)} = ${v}`).join('\n')}\n}`), tie('expression').map((argument) => `jsonencode(${argument})`), fast_check_1.default.tuple(name, tie('expression'), tie('expression')).map(([variable, a, b]) => `var.${variable} ? ${a} : ${b}`), hclString.map((text) => `<<EOT\n${text}\nEOT`)),
}));
/** A block body: attributes, and nested blocks down to `depth` more levels. */
function bodyOf(depth) {
    const attributes = fast_check_1.default.array(fast_check_1.default.tuple(fast_check_1.default.constantFrom(...TF_ATTRIBUTES), expression), { maxLength: 5 });
    const blocks = depth === 0 ? fast_check_1.default.constant([]) : fast_check_1.default.array(fast_check_1.default.tuple(fast_check_1.default.constantFrom(...TF_BLOCKS), bodyOf(depth - 1)), { maxLength: 2 });
    return fast_check_1.default
        .tuple(attributes, blocks)
        .map(([pairs, nested]) => [...pairs.map(([k, v]) => `${k} = ${v}`), ...nested.map(([k, inner]) => `${k} {\n${inner}\n}`)].join('\n'));
}
const body = bodyOf(3);
const block = fast_check_1.default.oneof(fast_check_1.default.tuple(fast_check_1.default.constantFrom('resource', 'data'), fast_check_1.default.constantFrom(...TF_TYPES), name, body).map(([kind, type, id, inner]) => `${kind} "${type}" "${id}" {\n${inner}\n}`), fast_check_1.default.tuple(name, expression).map(([id, fallback]) => `variable "${id}" {\n  default = ${fallback}\n}`), body.map((inner) => `provider "aws" {\n${inner}\n}`), fast_check_1.default.tuple(name, fast_check_1.default.constantFrom('terraform-aws-modules/vpc/aws', './local', 'x')).map(([id, source]) => `module "${id}" {\n  source = "${source}"\n}`));
/** Random Terraform: resource, data, variable, provider and module blocks with random bodies. */
exports.randomHcl = fast_check_1.default
    .array(block, { maxLength: 8 })
    .map((blocks) => ({ kind: 'random HCL', fileName: 'random.tf', text: `${blocks.join('\n\n')}\n` }));
/** Random Terraform JSON: `{"resource": {type: {name: body}}}` and friends, or any JSON value. */
exports.randomTfJson = fast_check_1.default
    .oneof(fast_check_1.default.record({
    resource: fast_check_1.default.dictionary(fast_check_1.default.constantFrom(...TF_TYPES), fast_check_1.default.dictionary(name, fast_check_1.default.dictionary(fast_check_1.default.constantFrom(...TF_ATTRIBUTES), value, { maxKeys: 4 }), { maxKeys: 3 }), { maxKeys: 4 }),
    variable: fast_check_1.default.dictionary(name, fast_check_1.default.record({ default: scalar }), { maxKeys: 2 }),
    data: value,
    module: value,
}, { requiredKeys: [] }), value)
    .map((document) => ({ kind: 'random Terraform JSON', fileName: 'random.tf.json', text: JSON.stringify(document) ?? 'null' }));
/** Every generator, for the property tests and `npm run fuzz`: fixtures mutated, and random input mutated or not. */
function allInputs(fixtures) {
    const random = fast_check_1.default.oneof(exports.randomYaml, exports.randomJson, exports.randomHcl, exports.randomTfJson);
    return fast_check_1.default.oneof(mutatedFixture(fixtures), random, mutated(random, 4));
}
//# sourceMappingURL=inputs.js.map