"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const document_1 = require("../../../src/core/analysis/document");
const config_1 = require("../../../src/core/rules/config");
const engine_1 = require("../../../src/core/rules/engine");
const helpers_1 = require("../helpers");
/** A rule with everything a test does not care about filled in. */
function rule(overrides) {
    return {
        title: 'Storage is not encrypted',
        message: 'Storage encryption is off: encrypting this data is yours.',
        domain: 'data',
        checkability: 'T1',
        controls: ['RDS.3'],
        matches: { checkov: ['CKV_AWS_16'], cfn_nag: ['F26'], trivy: ['AVD-AWS-0080'] },
        severity: 'warning',
        rationale: { aws: 'AWS offers encryption.', customer: 'Turning it on is yours.' },
        sources: [{ ref: 'sh-rds-controls' }],
        ...overrides,
    };
}
const ENCRYPTED = rule({
    id: 'test-db-encrypted',
    resource_types: { cfn: ['AWS::RDS::DBInstance', 'AWS::Serverless::Function'], tf: ['aws_db_instance'] },
    subject: { cfn: 'StorageEncrypted', tf: 'storage_encrypted' },
    violation: { cfn: { path: 'StorageEncrypted', op: 'falsy' }, tf: { path: 'storage_encrypted', op: 'falsy' } },
    absent: { severity: 'warning', message: 'StorageEncrypted is not set: encrypting this data is yours.' },
});
const PUBLIC_POLICY = rule({
    id: 'test-bucket-policy-public',
    severity: 'error',
    resource_types: { cfn: ['AWS::S3::BucketPolicy'], tf: ['aws_s3_bucket_policy'] },
    violation: { cfn: { path: 'PolicyDocument', op: 'check', check: 'policy_public' }, tf: { path: 'policy', op: 'check', check: 'policy_public' } },
});
const FLOW_LOGS = rule({
    id: 'test-vpc-flow-logs',
    severity: 'information',
    resource_types: { cfn: ['AWS::EC2::VPC'], tf: ['aws_vpc'] },
    violation: {
        cfn: { not: { related: { type: 'AWS::EC2::FlowLog', link: 'ResourceId' }, op: 'exists' } },
        tf: { not: { related: { type: 'aws_flow_log', link: 'vpc_id' }, op: 'exists' } },
    },
});
const SSH = rule({
    id: 'test-sg-ssh',
    severity: 'error',
    resource_types: { cfn: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'], tf: ['aws_security_group'] },
    violation: {
        cfn: { any: [{ path: 'SecurityGroupIngress', op: 'check', check: 'world_open_ingress', args: { ports: [22] } }, { path: '', op: 'check', check: 'world_open_ingress', args: { ports: [22] } }] },
        tf: { path: 'ingress', op: 'check', check: 'world_open_ingress', args: { ports: [22] } },
    },
});
const ADMIN = rule({
    id: 'test-iam-admin',
    severity: 'error',
    resource_types: { tf: ['aws_iam_policy'] },
    violation: { tf: { path: 'policy', op: 'check', check: 'policy_admin' } },
});
const RULES = new engine_1.RuleIndex([ENCRYPTED, PUBLIC_POLICY, FLOW_LOGS, SSH, ADMIN]);
function cfn(text, options) {
    const template = (0, document_1.analyzeDocument)(text, 'template.yaml');
    assert.ok(template);
    return (0, engine_1.findingsOf)(RULES, template, text, options);
}
async function tf(text) {
    const template = (0, document_1.analyzeDocument)(text, 'main.tf', await (0, helpers_1.hclParser)());
    assert.ok(template);
    return (0, engine_1.findingsOf)(RULES, template, text);
}
const summary = (findings) => findings.map((f) => `${f.rule.id} ${f.severity} ${f.kind}${f.suppressed ? ` suppressed:${f.suppressed.by}` : ''}`);
const DB = (properties) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
${properties}
`;
describe('the rule engine', () => {
    it('an explicit failing value is a violation on that value; absence uses the absent severity and sits on the ID', () => {
        const text = DB('      Engine: mysql\n      StorageEncrypted: false');
        const [finding] = cfn(text);
        assert.deepEqual(summary([finding]), ['test-db-encrypted warning violation']);
        assert.equal(text.slice(finding.span.start, finding.span.end), 'false');
        const absent = cfn(DB('      Engine: mysql'));
        assert.deepEqual(summary(absent), ['test-db-encrypted warning absent']);
        assert.equal(absent[0].message, 'StorageEncrypted is not set: encrypting this data is yours.');
        assert.deepEqual(cfn(DB('      StorageEncrypted: true')), []);
    });
    it('a value from a parameter is never a violation: information saying what it depends on, and what the default gives', () => {
        const text = `Parameters:
  Encrypt:
    Type: String
    Default: "false"
${DB('      StorageEncrypted: !Ref Encrypt')}`;
        const [finding, ...rest] = cfn(text);
        assert.equal(rest.length, 0);
        assert.equal(finding.severity, 'information');
        assert.equal(finding.kind, 'depends');
        assert.match(finding.message, /parameter Encrypt/);
        assert.match(finding.message, /default `false`/);
        const noDefault = cfn(text.replace('    Default: "false"\n', ''));
        assert.doesNotMatch(noDefault[0].message, /default/);
    });
    it('Fn::If decides only when both branches agree; AWS::NoValue is absent', () => {
        const both = cfn(`Conditions:\n  Prod: !Equals [a, b]\n${DB('      StorageEncrypted: !If [Prod, true, true]')}`);
        assert.deepEqual(both, []);
        const split = cfn(`Conditions:\n  Prod: !Equals [a, b]\n${DB('      StorageEncrypted: !If [Prod, true, false]')}`);
        assert.deepEqual(summary(split), ['test-db-encrypted information depends']);
        const noValue = cfn(DB('      StorageEncrypted: !Ref AWS::NoValue'));
        assert.deepEqual(summary(noValue), ['test-db-encrypted warning absent']);
    });
    it('SAM Globals apply to the functions they govern, and a function\'s own value wins', () => {
        const template = (own) => `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    StorageEncrypted: false
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler${own}
`;
        assert.deepEqual(summary(cfn(template(''))), ['test-db-encrypted warning violation']);
        assert.deepEqual(cfn(template('\n      StorageEncrypted: true')), []);
    });
    it('Terraform: literal values, variables with defaults, and jsonencode policies', async () => {
        assert.deepEqual(summary(await tf('resource "aws_db_instance" "db" {\n  storage_encrypted = false\n}\n')), ['test-db-encrypted warning violation']);
        const variable = await tf('variable "enc" {\n  default = false\n}\nresource "aws_db_instance" "db" {\n  storage_encrypted = var.enc\n}\n');
        assert.deepEqual(summary(variable), ['test-db-encrypted information depends']);
        assert.match(variable[0].message, /variable enc.*default `false`/s);
        const admin = await tf('resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]\n  })\n}\n');
        assert.deepEqual(summary(admin), ['test-iam-admin error violation']);
        const scoped = await tf('resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]\n  })\n}\n');
        assert.deepEqual(scoped, []);
    });
    it('Terraform: a policy document data source is read through its reference; a heredoc JSON policy is parsed', async () => {
        const viaData = await tf(`data "aws_iam_policy_document" "admin" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
resource "aws_iam_policy" "p" {
  policy = data.aws_iam_policy_document.admin.json
}
`);
        assert.deepEqual(summary(viaData), ['test-iam-admin error violation']);
        const heredoc = await tf(`resource "aws_iam_policy" "p" {
  policy = <<EOF
{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
EOF
}
`);
        assert.deepEqual(summary(heredoc), ['test-iam-admin error violation']);
    });
    it('public principals in resource policies, unless a condition restricts them', () => {
        const policy = (statement) => `Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: b
      PolicyDocument:
        Statement:
          - ${statement}
`;
        assert.deepEqual(summary(cfn(policy('{Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "*"}'))), ['test-bucket-policy-public error violation']);
        assert.deepEqual(summary(cfn(policy('{Effect: Allow, Principal: {AWS: "*"}, Action: "s3:GetObject", Resource: "*"}'))), ['test-bucket-policy-public error violation']);
        assert.deepEqual(cfn(policy('{Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "*", Condition: {StringEquals: {"aws:PrincipalOrgID": o-1}}}')), []);
        assert.deepEqual(cfn(policy('{Effect: Allow, Principal: {AWS: "arn:aws:iam::123456789012:root"}, Action: "s3:*", Resource: "*"}')), []);
        assert.deepEqual(summary(cfn(policy('{Effect: Allow, Principal: !Ref Who, Action: "s3:GetObject", Resource: "*"}'))), ['test-bucket-policy-public information depends']);
        // Another resource's ARN, or an ARN built with !Sub, is never the wildcard.
        assert.deepEqual(cfn(policy('{Effect: Allow, Principal: {AWS: !GetAtt Policy.Arn}, Action: "s3:GetObject", Resource: "*"}')), []);
        assert.deepEqual(cfn(policy('{Effect: Allow, Principal: {AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"}, Action: "s3:*", Resource: "*"}')), []);
    });
    it('cross-resource evidence: a flow log that names the VPC, in CloudFormation and Terraform', async () => {
        const vpc = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n';
        assert.deepEqual(summary(cfn(vpc)), ['test-vpc-flow-logs information violation']);
        const withLog = `${vpc}  Log:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceId: !Ref Vpc\n      ResourceType: VPC\n      TrafficType: ALL\n`;
        assert.deepEqual(cfn(withLog), []);
        const otherVpc = `${withLog.replace('!Ref Vpc', '!Ref Other')}  Other:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.1.0.0/16\n`;
        assert.deepEqual(cfn(otherVpc).map((f) => f.resource.id), ['Vpc']);
        assert.deepEqual(await tf('resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_flow_log" "f" {\n  vpc_id = aws_vpc.main.id\n  traffic_type = "ALL"\n}\n'), []);
        assert.equal((await tf('resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n')).length, 1);
    });
    it('world-open ingress: inline or as its own resource, the port range decides', async () => {
        const group = (rule) => `Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web\n      SecurityGroupIngress:\n        - ${rule}\n`;
        const open = cfn(group('{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}'));
        assert.deepEqual(summary(open), ['test-sg-ssh error violation']);
        assert.deepEqual(summary(cfn(group('{IpProtocol: "-1", CidrIpv6: "::/0"}'))), ['test-sg-ssh error violation']);
        assert.deepEqual(cfn(group('{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}')), []);
        assert.deepEqual(cfn(group('{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8}')), []);
        const standalone = cfn('Resources:\n  In:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-1\n      IpProtocol: tcp\n      FromPort: 0\n      ToPort: 1024\n      CidrIp: 0.0.0.0/0\n');
        assert.deepEqual(summary(standalone), ['test-sg-ssh error violation']);
        const terraform = await tf('resource "aws_security_group" "sg" {\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n');
        assert.deepEqual(summary(terraform), ['test-sg-ssh error violation']);
    });
    it('`related` applies to a whole all/any/not: every leaf is read on the other resource', () => {
        const both = new engine_1.RuleIndex([rule({
                id: 'test-flow-log-all',
                resource_types: { cfn: ['AWS::EC2::VPC'] },
                violation: { not: { related: { type: 'AWS::EC2::FlowLog', link: 'ResourceId' }, all: [{ path: 'TrafficType', op: 'equals', value: 'ALL' }, { path: 'ResourceType', op: 'equals', value: 'VPC' }] } },
            })]);
        const text = (traffic) => `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Log:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: VPC
      TrafficType: ${traffic}
`;
        const run = (t) => (0, engine_1.findingsOf)(both, (0, document_1.analyzeDocument)(t, 't.yaml'), t);
        assert.deepEqual(run(text('ALL')), []);
        assert.equal(run(text('REJECT')).length, 1);
    });
    it('a YAML file that is not a template gets no findings', () => {
        assert.equal((0, document_1.analyzeDocument)('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n', 'pod.yaml'), undefined);
        assert.equal((0, document_1.analyzeDocument)('on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n', 'ci.yml'), undefined);
    });
    it('settings and the configuration change severities or turn a rule off', () => {
        const text = DB('      StorageEncrypted: false');
        assert.deepEqual(cfn(text, { overrides: new Map([['test-db-encrypted', 'off']]) }), []);
        assert.deepEqual(summary(cfn(text, { overrides: new Map([['test-db-encrypted', 'error']]) })), ['test-db-encrypted error violation']);
    });
});
describe('suppressions', () => {
    const DB_FAIL = (extra = '', comment = '') => `Resources:
  Db:
    Type: AWS::RDS::DBInstance${extra}
    Properties:${comment}
      StorageEncrypted: false
`;
    const suppressedBy = (findings) => findings.filter((f) => f.rule.id === 'test-db-encrypted').map((f) => f.suppressed && `${f.suppressed.by}:${f.suppressed.reason}`);
    it('an srm-lens:ignore comment on or above the line, with a reason', () => {
        assert.deepEqual(suppressedBy(cfn(DB_FAIL('', '  # srm-lens:ignore test-db-encrypted encrypted by the client'))), ['inline:encrypted by the client']);
        const above = `Resources:\n  # srm-lens:ignore test-db-encrypted staging only\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: false\n`;
        assert.deepEqual(suppressedBy(cfn(above)), ['inline:staging only']);
        assert.deepEqual(suppressedBy(cfn(DB_FAIL('', '  # srm-lens:ignore some-other-rule why'))), [undefined]);
    });
    it('CloudFormation Metadata: ours, checkov\'s and cfn_nag\'s, each for the checks the rule matches', () => {
        const metadata = (body) => `\n    Metadata:\n${body}`;
        assert.deepEqual(suppressedBy(cfn(DB_FAIL(metadata('      srm-lens:\n        ignore:\n          - id: test-db-encrypted\n            reason: test data')))), ['metadata:test data']);
        assert.deepEqual(suppressedBy(cfn(DB_FAIL(metadata('      checkov:\n        skip:\n          - id: CKV_AWS_16\n            comment: throwaway')))), ['checkov:throwaway']);
        assert.deepEqual(suppressedBy(cfn(DB_FAIL(metadata('      cfn_nag:\n        rules_to_suppress:\n          - id: F26\n            reason: sandbox')))), ['cfn_nag:sandbox']);
        assert.deepEqual(suppressedBy(cfn(DB_FAIL(metadata('      checkov:\n        skip:\n          - id: CKV_AWS_999\n            comment: another check')))), [undefined]);
    });
    it('inline checkov and trivy/tfsec comments in Terraform', async () => {
        const db = (comment) => `resource "aws_db_instance" "db" {\n  ${comment}\n  storage_encrypted = false\n}\n`;
        assert.deepEqual(suppressedBy(await tf(db('#checkov:skip=CKV_AWS_16:encrypted by the app'))), ['checkov:encrypted by the app']);
        assert.deepEqual(suppressedBy(await tf(db('#trivy:ignore:AVD-AWS-0080'))), ['trivy:']);
        assert.deepEqual(suppressedBy(await tf(db('// tfsec:ignore:AVD-AWS-0080'))), ['trivy:']);
        assert.deepEqual(suppressedBy(await tf(db('# srm-lens:ignore test-db-encrypted reason here'))), ['inline:reason here']);
    });
    it('a suppression without a reason is honoured and flagged with a hint', () => {
        const findings = cfn(DB_FAIL('', '  # srm-lens:ignore test-db-encrypted'));
        assert.deepEqual(summary(findings), ['test-db-encrypted warning violation suppressed:inline', 'suppression-without-reason hint violation']);
    });
    it('the configuration file: severities, ignored paths and suppressions by path', () => {
        const config = (0, config_1.parseLensConfig)(`rules:\n  test-db-encrypted: information\n  other: off\nignore:\n  - examples/**\nsuppress:\n  - rule: test-db-encrypted\n    paths: [sandbox/*.yaml]\n    reason: sandbox accounts\nminimum_severity: warning\n`);
        assert.deepEqual(config.problems, []);
        assert.equal(config.rules.get('test-db-encrypted'), 'information');
        assert.equal(config.rules.get('other'), 'off');
        assert.equal(config.minimumSeverity, 'warning');
        const text = DB('      StorageEncrypted: false');
        assert.deepEqual(suppressedBy(cfn(text, { suppress: (0, config_1.configSuppressionsFor)(config, 'sandbox/db.yaml') })), ['config:sandbox accounts']);
        assert.deepEqual(suppressedBy(cfn(text, { suppress: (0, config_1.configSuppressionsFor)(config, 'prod/db.yaml') })), [undefined]);
        assert.equal((0, config_1.parseLensConfig)('rules: [1]\nminimum_severity: loud\n').problems.length, 2);
        assert.equal((0, config_1.parseLensConfig)(': : :\n  - [').problems.length, 1);
    });
    it('globs: ** across folders, * within a name, a bare name at any depth', () => {
        assert.ok((0, config_1.matchesGlob)('examples/a/b.yaml', 'examples/**'));
        assert.ok((0, config_1.matchesGlob)('a/b/c.tf', '**/*.tf'));
        assert.ok((0, config_1.matchesGlob)('deep/x/test.yaml', 'test.yaml'));
        assert.ok(!(0, config_1.matchesGlob)('src/app.yaml', 'examples/**'));
        assert.ok(!(0, config_1.matchesGlob)('a/b.yaml', 'a/*.tf'));
    });
});
describe('quick fix edits', () => {
    it('replace a Terraform string with its quotes, insert with the block\'s indentation', async () => {
        const { fixEdits, applyEdits } = await Promise.resolve().then(() => __importStar(require('../../../src/core/rules/fixes')));
        const fixRule = rule({ id: 'test-acl', resource_types: { tf: ['aws_s3_bucket'] }, violation: { path: 'acl', op: 'equals', value: 'public-read' }, fix: { tf: { attributes: { acl: 'private', force_destroy: false } } } });
        const text = 'resource "aws_s3_bucket" "b" {\n    bucket = "x"\n    acl    = "public-read"\n}\n';
        const template = (0, document_1.analyzeDocument)(text, 'main.tf', await (0, helpers_1.hclParser)());
        const fixed = applyEdits(text, fixEdits(fixRule, template, template.resources[0], text));
        assert.equal(fixed, 'resource "aws_s3_bucket" "b" {\n    bucket = "x"\n    acl    = "private"\n    force_destroy = false\n}\n');
    });
    it('CloudFormation: a missing Properties section is created, in YAML and in JSON', async () => {
        const { fixEdits, applyEdits } = await Promise.resolve().then(() => __importStar(require('../../../src/core/rules/fixes')));
        const yaml = 'Resources:\n    Db:\n        Type: AWS::RDS::DBInstance\n';
        const fixRule = { ...ENCRYPTED, fix: { cfn: { properties: { StorageEncrypted: true, Tags: [{ Key: 'a', Value: 'b' }] } } } };
        const template = (0, document_1.analyzeDocument)(yaml, 't.yaml');
        assert.equal(applyEdits(yaml, fixEdits(fixRule, template, template.resources[0], yaml)), 'Resources:\n    Db:\n        Type: AWS::RDS::DBInstance\n        Properties:\n            StorageEncrypted: true\n            Tags:\n                - Key: a\n                  Value: b\n');
        const json = '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance"\n    }\n  }\n}\n';
        const jsonTemplate = (0, document_1.analyzeDocument)(json, 't.json');
        const fixed = applyEdits(json, fixEdits(fixRule, jsonTemplate, jsonTemplate.resources[0], json));
        assert.deepEqual(JSON.parse(fixed).Resources.Db.Properties, { StorageEncrypted: true, Tags: [{ Key: 'a', Value: 'b' }] });
        assert.match(fixed, /\n {6}"Properties": \{\n {8}"StorageEncrypted": true,/);
    });
    it('suppression edits: a comment above the line in YAML and HCL, Metadata in JSON', async () => {
        const { suppressionEdits, applyEdits } = await Promise.resolve().then(() => __importStar(require('../../../src/core/rules/fixes')));
        const yaml = DB('      StorageEncrypted: false');
        const template = (0, document_1.analyzeDocument)(yaml, 't.yaml');
        const [finding] = (0, engine_1.findingsOf)(RULES, template, yaml);
        const suppressed = applyEdits(yaml, suppressionEdits(template, finding.resource, finding.rule.id, 'client-side\nencryption', finding.span, yaml));
        assert.match(suppressed, /\n {6}# srm-lens:ignore test-db-encrypted client-side encryption\n {6}StorageEncrypted: false/);
        assert.equal((0, engine_1.findingsOf)(RULES, (0, document_1.analyzeDocument)(suppressed, 't.yaml'), suppressed)[0].suppressed?.by, 'inline');
        const json = '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"StorageEncrypted": false}}}}';
        const jsonTemplate = (0, document_1.analyzeDocument)(json, 't.json');
        const [jsonFinding] = (0, engine_1.findingsOf)(RULES, jsonTemplate, json);
        const withMetadata = applyEdits(json, suppressionEdits(jsonTemplate, jsonFinding.resource, 'test-db-encrypted', 'why', jsonFinding.span, json));
        assert.deepEqual(JSON.parse(withMetadata).Resources.Db.Metadata, { 'srm-lens': { ignore: [{ id: 'test-db-encrypted', reason: 'why' }] } });
        assert.equal((0, engine_1.findingsOf)(RULES, (0, document_1.analyzeDocument)(withMetadata, 't.json'), withMetadata)[0].suppressed?.by, 'metadata');
    });
});
describe('values the template does not fix', () => {
    it('a bare word in Terraform (True) is undecided, and null is as if not written', async () => {
        const bare = await tf('resource "aws_db_instance" "db" {\n  storage_encrypted = True\n}\n');
        assert.deepEqual(summary(bare), ['test-db-encrypted information depends']);
        const unset = await tf('resource "aws_db_instance" "db" {\n  storage_encrypted = null\n}\n');
        assert.deepEqual(summary(unset), ['test-db-encrypted warning absent']);
    });
});
//# sourceMappingURL=engine.test.js.map