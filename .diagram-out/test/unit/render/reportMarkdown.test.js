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
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const reportMarkdown_1 = require("../../../src/core/render/reportMarkdown");
const engine_1 = require("../../../src/core/rules/engine");
const cloudformation_1 = require("../../../src/core/template/cloudformation");
const helpers_1 = require("../helpers");
const GENERATOR = { generator: 'srm-lens test' };
function report(name, path = name) {
    const template = (0, cloudformation_1.parseCloudFormation)((0, helpers_1.fixture)(name));
    return (0, reportMarkdown_1.renderReportMarkdown)((0, helpers_1.knowledge)(), [{ path, template }], GENERATOR);
}
/** The lines of one resource's section (from its `###` heading to the next). */
function section(markdown, heading) {
    const start = markdown.indexOf(`### ${heading}`);
    assert.ok(start >= 0, `no section ${heading}`);
    const next = markdown.indexOf('\n### ', start + 4);
    return markdown.slice(start, next < 0 ? undefined : next);
}
describe('responsibility report (Markdown)', () => {
    it('lists the findings of the rules per resource, most severe first, suppressed ones marked', () => {
        const text = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      # srm-lens:ignore rds-instance-multi-az one AZ is enough for tests\n      PubliclyAccessible: true\n';
        const template = (0, cloudformation_1.parseCloudFormation)(text);
        const findings = (0, engine_1.findingsOf)((0, helpers_1.knowledge)().rules, template, text);
        const md = (0, reportMarkdown_1.renderReportMarkdown)((0, helpers_1.knowledge)(), [{ path: 'db.yaml', template, findings }], GENERATOR);
        assert.match(md, /^\| Db \| `AWS::RDS::DBInstance` \| .* \| 1 error, 1 warning, \d+ information.* \|$/m);
        const db = section(md, 'Db');
        assert.match(db, /\*\*Findings\*\*\n\n- \*\*error\*\* `rds-instance-publicly-accessible`: .*\(Security Hub: RDS\.2\)/);
        assert.match(db, /`rds-instance-multi-az`: .* \*Suppressed \(inline\): one AZ is enough for tests\.\*/);
        assert.ok(db.indexOf('rds-instance-publicly-accessible') < db.indexOf('rds-instance-multi-az'), 'suppressed findings come last');
    });
    it('has a summary table and, per resource, its category, AWS’s side, your side and what is not addressed', () => {
        const md = report('cfn/app.yaml');
        assert.match(md, /^# Shared responsibility report\n/);
        assert.match(md, /^## `cfn\/app\.yaml` \(CloudFormation YAML\)$/m);
        assert.match(md, /^\| Resource \| Type \| Category \| Met \| Open \| Depends on a value \| AWS default \| Findings \|$/m);
        assert.match(md, /^\| PlainBucket \| `AWS::S3::Bucket` \| abstracted service \| 0 \| \d+ \| 0 \| 2 \| – \|$/m);
        const plain = section(md, 'PlainBucket');
        assert.match(plain, /Amazon S3 · abstracted service/);
        assert.match(plain, /\*\*AWS's side\*\* \(security \*of\* the cloud\)\n\n- .*\[AWS states this\]\(https:/);
        assert.match(plain, /\*\*Your side\*\* \(security \*in\* the cloud\)\n\n\| Domain \| Duty \| In this template \| Basis \|/);
        assert.match(plain, /\| Data Protection \| Choose the encryption mode.* \| ○ not addressed in this template \| \[AWS states this\]\(https:/);
        assert.match(plain, /\*\*Not addressed in this template\*\*\n\n(- .*\n)*- Data Protection: Choose the encryption mode/);
        assert.match(plain, /relying on an AWS default, \*\*SSE-S3 \(AWS default since 2023-01-05\)\*\*/);
        assert.match(plain, /\*AWS alone: Physical, Hypervisor/);
        const logs = section(md, 'LogsBucket');
        assert.match(logs, /◇ `BucketEncryption` set here, not checked by a rule/);
        assert.doesNotMatch(logs, /relying on an AWS default, \*\*SSE-KMS/);
    });
    it('says what depends on a parameter instead of guessing', () => {
        const param = section(report('cfn/app.yaml'), 'ParamFunction');
        assert.match(param, /\*\*Depends on a value the template does not fix\*\*/);
        assert.match(param, /Zip on a managed runtime vs container image: Zip archive on a managed runtime or Container image \(depends on .*PackageKind/);
    });
    it('names the category a configuration gives a resource', () => {
        assert.match(section(report('cfn/app.yaml'), 'Ec2Service'), /infrastructure service as configured \(EC2 launch type\)/);
    });
    it('renders hostile logical IDs and types as text: no HTML, no broken table', () => {
        const md = report('cfn/hostile.yaml');
        // Outside code spans (where CommonMark shows `<` literally), every `<` from the template is escaped.
        const prose = md.replace(/``.*?``|`[^`]*`/g, '');
        assert.doesNotMatch(prose, /(^|[^\\])<(img|svg|script|b|\/code)/m, 'raw HTML from the template reached the report');
        assert.match(md, /`AWS::S3::Buckt<img src=y onerror=alert\(4\)>`/);
        assert.match(md, /### \\<img src=x onerror=alert\\\(1\\\)\\> · `AWS::S3::Bucket`/);
        for (const row of md.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))) {
            const cells = row.replace(/\\\|/g, '').split('|').length - 2;
            assert.ok(cells === 8 || cells === 4, `a table row has ${cells} cells: ${row}`);
        }
    });
    it('has no command links and no HTML (the CLI prints it)', () => {
        const md = report('cfn/app.yaml');
        assert.doesNotMatch(md, /command:/);
        assert.doesNotMatch(md, /<\/?[a-z]+[ >]/i);
    });
    it('is what `srm-lens scan --format markdown` prints', () => {
        const file = (0, node_path_1.join)('test', 'fixtures', 'cfn', 'app.yaml');
        const result = (0, node_child_process_1.spawnSync)(process.execPath, [(0, node_path_1.join)(helpers_1.ROOT, 'dist', 'cli.js'), 'scan', file, '--format', 'markdown'], { cwd: helpers_1.ROOT, encoding: 'utf8' });
        assert.equal(result.status, 0, result.stderr);
        const { version } = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'package.json'), 'utf8'));
        const text = (0, helpers_1.fixture)('cfn/app.yaml');
        const template = (0, cloudformation_1.parseCloudFormation)(text);
        const findings = (0, engine_1.findingsOf)((0, helpers_1.knowledge)().rules, template, text);
        const expected = (0, reportMarkdown_1.renderReportMarkdown)((0, helpers_1.knowledge)(), [{ path: file, template, findings }], { generator: `srm-lens ${version}` });
        assert.equal(result.stdout, expected);
    });
    it('`srm-lens --help` lists the markdown format', () => {
        const result = (0, node_child_process_1.spawnSync)(process.execPath, [(0, node_path_1.join)(helpers_1.ROOT, 'dist', 'cli.js'), '--help'], { cwd: helpers_1.ROOT, encoding: 'utf8' });
        assert.match(result.stdout, /--format text\|json\|sarif\|markdown/);
    });
});
//# sourceMappingURL=reportMarkdown.test.js.map