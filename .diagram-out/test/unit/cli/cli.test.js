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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const assert = __importStar(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const ajv_draft_04_1 = __importDefault(require("ajv-draft-04"));
const helpers_1 = require("../helpers");
/** Runs the built CLI (dist/cli.js), as a CI pipeline would. */
function cli(...args) {
    return (0, node_child_process_1.spawnSync)(process.execPath, [(0, node_path_1.join)(helpers_1.ROOT, 'dist', 'cli.js'), ...args], { cwd: helpers_1.ROOT, encoding: 'utf8' });
}
describe('srm-lens explain', () => {
    it('shows both sides of AWS::S3::Bucket with sources', () => {
        const result = cli('explain', 'AWS::S3::Bucket');
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /\*\*Amazon S3\*\*/);
        assert.match(result.stdout, /\*\*AWS secures\*\*/);
        assert.match(result.stdout, /\*\*You secure\*\*/);
        assert.match(result.stdout, /\[AWS\]\(https:\/\/docs\.aws\.amazon\.com\/AmazonS3\//);
        assert.match(result.stdout, /\[derived · S3\.\d+\]\(https:/);
    });
    it('shows the Lambda split and what moves the line', () => {
        const result = cli('explain', 'AWS::Lambda::Function');
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /\*\*AWS Lambda\*\*/);
        assert.match(result.stdout, /Container image/);
    });
    it('prints the JSON of the contract', () => {
        const result = cli('explain', 'AWS::S3::Bucket', '--format', 'json');
        assert.equal(result.status, 0, result.stderr);
        const json = JSON.parse(result.stdout);
        assert.equal(json.version, 1);
        assert.equal(json.type, 'AWS::S3::Bucket');
        assert.equal(json.service, 'Amazon S3');
        assert.equal(json.category, 'abstracted');
        assert.ok(json.equivalents.includes('aws_s3_bucket'));
        for (const item of [...json.aws, ...json.customer]) {
            assert.ok(['stated', 'derived'].includes(item.basis));
            assert.match(item.source, /^https:\/\//);
            assert.ok(item.domain && item.text);
        }
        assert.ok(json.shifts.length > 0);
        assert.ok(json.docs.every((url) => url.startsWith('https://')));
    });
    it('exits 2 for an unknown type and suggests the closest', () => {
        const result = cli('explain', 'AWS::S3::Buckt');
        assert.equal(result.status, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /^srm-lens: unknown resource type 'AWS::S3::Buckt'; did you mean AWS::S3::Bucket/);
        assert.equal(result.stderr.trim().split('\n').length, 1);
    });
});
describe('srm-lens usage', () => {
    it('prints help and the version', () => {
        assert.match(cli('--help').stdout, /srm-lens scan <file-or-folder>/);
        assert.equal(cli('--help').status, 0);
        assert.match(cli('--version').stdout, /^\d+\.\d+\.\d+\n$/);
    });
    it('exits 2 with one line on bad usage', () => {
        for (const args of [[], ['frobnicate'], ['scan'], ['scan', 'x', '--format', 'xml'], ['explain'], ['scan', '--bogus', 'x'], ['scan', 'no/such/path']]) {
            const result = cli(...args);
            assert.equal(result.status, 2, args.join(' '));
            if (args.length > 0)
                assert.equal(result.stderr.trim().split('\n').length, 1, args.join(' '));
        }
    });
});
describe('srm-lens scan', () => {
    const dir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'srm-scan-'));
    (0, node_fs_1.mkdirSync)((0, node_path_1.join)(dir, 'node_modules', 'pkg'), { recursive: true });
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'node_modules', 'pkg', 'template.yaml'), 'Resources:\n  X:\n    Type: AWS::SQS::Queue\n');
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'app.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n  Thing:\n    Type: Custom::Thing\n');
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'broken.json'), '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue"}');
    (0, node_fs_1.writeFileSync)((0, node_path_1.join)(dir, 'package.json'), '{"name": "not-a-template"}');
    it('reports templates in the JSON of the contract, skipping non-templates and node_modules', () => {
        const result = cli('scan', dir, '--format', 'json');
        assert.equal(result.status, 0, result.stderr);
        const json = JSON.parse(result.stdout);
        assert.equal(json.version, 1);
        assert.equal(json.tool.name, 'srm-lens');
        assert.deepEqual(json.files.map((f) => f.path), [(0, node_path_1.join)(dir, 'app.yaml'), (0, node_path_1.join)(dir, 'broken.json')]);
        const app = json.files[0];
        assert.equal(app.format, 'cloudformation-yaml');
        assert.deepEqual(app.resources[0], {
            id: 'Logs', type: 'AWS::S3::Bucket', known: true, service: 'Amazon S3', category: 'abstracted',
            range: { start: { line: 3, character: 10 }, end: { line: 3, character: 25 } },
            // A bucket that writes nothing: no duty met, two AWS defaults relied on, the rest open.
            duties: { met: 0, open: 4, depends: 0, default: 2, set: 0 },
        });
        assert.deepEqual(app.resources[1], { id: 'Thing', type: 'Custom::Thing', known: false, range: { start: { line: 5, character: 10 }, end: { line: 5, character: 23 } } });
        // A bucket that writes nothing relies on AWS's defaults (hints) and leaves duties open (information).
        const bpa = app.findings.find((f) => f.ruleId === 's3-bucket-public-access-block');
        assert.deepEqual({ severity: bpa.severity, resource: bpa.resource, domain: bpa.domain, controls: bpa.controls, range: bpa.range }, { severity: 'hint', resource: 'Logs', domain: 'Infrastructure Security', controls: ['S3.8'], range: { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } } });
        assert.ok(Array.isArray(bpa.matches.checkov) && Array.isArray(bpa.matches.cfn_nag) && Array.isArray(bpa.matches.trivy));
        assert.ok(app.findings.every((f) => f.severity === 'hint' || f.severity === 'information'), 'nothing stronger for a plain bucket');
        const broken = json.files[1];
        assert.equal(broken.format, 'cloudformation-json');
        assert.equal(broken.resources[0].type, 'AWS::SQS::Queue');
        assert.ok(broken.errors.length > 0);
    });
    it('writes a readable text report and valid SARIF', () => {
        const text = cli('scan', (0, node_path_1.join)(dir, 'app.yaml'));
        assert.equal(text.status, 0);
        assert.match(text.stdout, /4:11\s+Logs\s+AWS::S3::Bucket\s+Amazon S3 · abstracted/);
        assert.match(text.stdout, /1 template\(s\), 2 resource\(s\), 1 known, \d+ finding\(s\), 0 error\(s\)/);
        assert.match(text.stdout, /hint {2}Logs: .*\[s3-bucket-public-access-block\]/);
        const sarif = JSON.parse(cli('scan', dir, '--format', 'sarif').stdout);
        assert.equal(sarif.version, '2.1.0');
        assert.equal(sarif.runs[0].tool.driver.name, 'srm-lens');
        assert.ok(sarif.runs[0].invocations[0].toolExecutionNotifications.length > 0);
        assert.ok(sarif.runs[0].results.length > 0);
    });
    it('--fail-on exits 1 at or above the severity, and suppressed findings do not count', () => {
        const failing = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'srm-fail-on-'));
        const db = (comment) => `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n      StorageEncrypted: true\n${comment}      PubliclyAccessible: true\n`;
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(failing, 'db.yaml'), db(''));
        assert.equal(cli('scan', failing, '--fail-on', 'error').status, 1);
        assert.equal(cli('scan', failing).status, 0, 'without --fail-on findings never fail the run');
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(failing, 'db.yaml'), db('      # srm-lens:ignore rds-instance-publicly-accessible reached only through the VPN\n'));
        const json = JSON.parse(cli('scan', failing, '--format', 'json', '--fail-on', 'error').stdout);
        const suppressed = json.files[0].findings.find((f) => f.ruleId === 'rds-instance-publicly-accessible');
        assert.deepEqual(suppressed.suppressed, { by: 'inline', reason: 'reached only through the VPN' });
        assert.equal(cli('scan', failing, '--fail-on', 'error').status, 0);
    });
    it('reads .srm-lens.yaml (or --config): rule severities, ignored paths, suppressions by path', () => {
        const repo = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'srm-config-'));
        (0, node_fs_1.mkdirSync)((0, node_path_1.join)(repo, 'sandbox'));
        (0, node_fs_1.mkdirSync)((0, node_path_1.join)(repo, 'vendored'));
        const db = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: true\n      PubliclyAccessible: true\n';
        for (const folder of ['sandbox', 'vendored', '.'])
            (0, node_fs_1.writeFileSync)((0, node_path_1.join)(repo, folder, 'db.yaml'), db);
        const config = (0, node_path_1.join)(repo, '.srm-lens.yaml');
        (0, node_fs_1.writeFileSync)(config, 'rules:\n  rds-instance-multi-az: off\nignore: [vendored/**]\nsuppress:\n  - rule: rds-instance-publicly-accessible\n    paths: [sandbox/**]\n    reason: throwaway accounts\n');
        const json = JSON.parse(cli('scan', repo, '--format', 'json', '--config', config).stdout);
        assert.deepEqual(json.files.map((f) => (0, node_path_1.relative)(repo, f.path)).sort(), ['db.yaml', 'sandbox/db.yaml']);
        const findings = (path) => json.files.find((f) => (0, node_path_1.relative)(repo, f.path) === path).findings;
        assert.ok(!findings('db.yaml').some((f) => f.ruleId === 'rds-instance-multi-az'));
        assert.equal(findings('sandbox/db.yaml').find((f) => f.ruleId === 'rds-instance-publicly-accessible').suppressed.by, 'config');
        assert.equal(findings('db.yaml').find((f) => f.ruleId === 'rds-instance-publicly-accessible').suppressed, undefined);
        assert.equal(cli('scan', repo, '--config', (0, node_path_1.join)(repo, 'missing.yaml')).status, 2);
    });
    it('writes SARIF that validates against the OASIS 2.1.0 schema, with rules, fingerprints and suppressions', function () {
        const schemaFile = (0, node_path_1.join)(helpers_1.ROOT, '..', 'shared', 'reference', 'sarif', 'sarif-schema-2.1.0.json');
        (0, helpers_1.skipWithoutShared)(this, schemaFile);
        const folder = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'srm sarif #'));
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(folder, 'db 1.yaml'), 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      # srm-lens:ignore rds-instance-multi-az single-AZ test database\n      PubliclyAccessible: true\n');
        const sarif = JSON.parse(cli('scan', folder, '--format', 'sarif').stdout);
        const ajv = new ajv_draft_04_1.default({ allErrors: true, strict: false });
        const validate = ajv.compile(JSON.parse((0, node_fs_1.readFileSync)(schemaFile, 'utf8')));
        const valid = validate(structuredClone(sarif));
        assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
        const run = sarif.runs[0];
        const result = run.results.find((r) => r.ruleId === 'rds-instance-publicly-accessible');
        assert.equal(result.level, 'error');
        assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /srm%20sarif%20%23[^/]*\/db%201\.yaml$/);
        assert.ok(result.partialFingerprints['srmLens/v1']);
        const rule = run.tool.driver.rules[result.ruleIndex];
        assert.equal(rule.id, 'rds-instance-publicly-accessible');
        assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text && rule.helpUri.startsWith('https://'));
        assert.ok(Number(rule.properties['security-severity']) >= 7);
        const suppressed = run.results.find((r) => r.ruleId === 'rds-instance-multi-az');
        assert.deepEqual(suppressed.suppressions, [{ kind: 'inSource', justification: 'single-AZ test database' }]);
    });
    it('scans Terraform .tf and .tf.json with addresses as ids', () => {
        const result = cli('scan', (0, node_path_1.join)(helpers_1.ROOT, 'test/fixtures/tf'), '--format', 'json');
        assert.equal(result.status, 0, result.stderr);
        const json = JSON.parse(result.stdout);
        assert.deepEqual(json.files.map((f) => f.format), ['terraform-hcl', 'terraform-json']);
        const hcl = json.files[0];
        assert.deepEqual(hcl.resources[0], {
            id: 'aws_s3_bucket.logs', type: 'aws_s3_bucket', known: true, service: 'Amazon S3', category: 'abstracted',
            range: { start: { line: 5, character: 10 }, end: { line: 5, character: 23 } },
            duties: { met: 1, open: 4, depends: 0, default: 0, set: 1 },
        });
        assert.ok(hcl.resources.some((r) => r.id === 'data.aws_iam_policy_document.assume'));
        assert.ok(!hcl.resources.some((r) => r.id.startsWith('module.')));
        assert.equal(hcl.resources.find((r) => r.id === 'google_storage_bucket.other').known, false);
    });
    it('explains Terraform types with their CloudFormation equivalents', () => {
        const json = JSON.parse(cli('explain', 'aws_s3_bucket', '--format', 'json').stdout);
        assert.deepEqual(json.equivalents, ['AWS::S3::Bucket', 'awscc_s3_bucket']);
        assert.equal(cli('explain', 'aws_s3_buckt').status, 2);
        assert.match(cli('explain', 'aws_s3_buckt').stderr, /did you mean aws_s3_bucket/);
    });
    it('exits 0 with --fail-on when nothing is found at that level', () => {
        assert.equal(cli('scan', dir, '--fail-on', 'warning').status, 0);
    });
});
//# sourceMappingURL=cli.test.js.map