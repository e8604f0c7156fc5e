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
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const resourceView_1 = require("../../../src/core/analysis/resourceView");
const hoverMarkdown_1 = require("../../../src/core/render/hoverMarkdown");
const engine_1 = require("../../../src/core/rules/engine");
const cloudformation_1 = require("../../../src/core/template/cloudformation");
const helpers_1 = require("../helpers");
const text = (0, helpers_1.fixture)('cfn/app.yaml');
const template = (0, cloudformation_1.parseCloudFormation)(text);
function hoverFor(id) {
    const resource = template.resources.find((r) => r.id === id);
    const view = (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), resource.type, resource, template);
    return (0, hoverMarkdown_1.renderHoverMarkdown)((0, helpers_1.knowledge)(), view);
}
function viewFor(id) {
    const resource = template.resources.find((r) => r.id === id);
    return (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), resource.type, resource, template);
}
/** Compares with test/golden/<name>.md; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function assertGolden(name, actual) {
    const file = (0, node_path_1.join)(helpers_1.ROOT, 'test', 'golden', `${name}.md`);
    if (process.env.UPDATE_GOLDEN === '1' || !(0, node_fs_1.existsSync)(file))
        (0, node_fs_1.writeFileSync)(file, actual);
    assert.equal(actual, (0, node_fs_1.readFileSync)(file, 'utf8'), `hover differs from ${file}; rerun with UPDATE_GOLDEN=1 if intended`);
}
describe('hover Markdown', () => {
    it('leads with this resource\'s findings, most severe first, right under the header', () => {
        const db = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: true\n';
        const dbTemplate = (0, cloudformation_1.parseCloudFormation)(db);
        const resource = dbTemplate.resources[0];
        const findings = (0, engine_1.findingsOf)((0, helpers_1.knowledge)().rules, dbTemplate, db);
        const md = (0, hoverMarkdown_1.renderHoverMarkdown)((0, helpers_1.knowledge)(), (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), resource.type, resource, dbTemplate), findings);
        const lines = md.split('\n');
        assert.equal(lines[2], '**In this template**');
        assert.match(lines[3], /^- \*\*✗ error\*\* · .*`rds-instance-publicly-accessible` · RDS\.2\) \[derived · RDS\.2\]/);
        assert.ok(md.indexOf('In this template') < md.indexOf('AWS secures'));
    });
    it('S3: service and category in one line, both sides, stated and derived sources, links', () => {
        const md = hoverFor('LogsBucket');
        const lines = md.split('\n');
        assert.equal(lines[0], '**Amazon S3** · `AWS::S3::Bucket` · abstracted service');
        assert.match(md, /\*\*AWS secures\*\* \(security \*of\* the cloud\)\n- /);
        assert.match(md, /\*\*You secure\*\* \(security \*in\* the cloud\)\n- \*\*/);
        assert.match(md, / \[AWS\]\(https:\/\/docs\.aws\.amazon\.com\/AmazonS3\/latest\/userguide\/security\.html "AWS states this: /);
        assert.match(md, / \[derived · S3\.\d+/);
        assert.match(md, /\[AWS::S3::Bucket reference\]\(https:\/\/docs\.aws\.amazon\.com\/AWSCloudFormation\/latest\/TemplateReference\/aws-resource-s3-bucket\.html\)/);
        assert.match(md, /\[Shared Responsibility Model\]\(https:\/\/aws\.amazon\.com\/compliance\/shared-responsibility-model\/\)/);
        assertGolden('s3-bucket-kms', md);
    });
    it('S3: the encryption mode as written moves key management to the customer', () => {
        const md = hoverFor('LogsBucket');
        assert.match(md, /\*\*This resource as written\*\*/);
        assert.match(md, /\*Encryption mode decides who manages keys\*: \*\*SSE-KMS \/ DSSE-KMS with your key\*\*/);
        // SSE-KMS is written, but no rule judges the choice of key: present is not a ✓.
        assert.match(md, /\*\*◇ set\*\* · Data: Choose the encryption mode.* — `BucketEncryption` set here, not checked by a rule/);
        assert.doesNotMatch(md, /✓/);
        const plain = hoverFor('PlainBucket');
        assert.match(plain, /\*\*SSE-S3 \(AWS default since 2023-01-05\)\*\*/);
        assert.match(plain, /\*\*○ open\*\* · Data: Choose the encryption mode.* — not addressed in this template/);
    });
    it('Lambda: a zip function on a managed runtime leaves OS and runtime patching to AWS', () => {
        const view = viewFor('ZipFunction');
        assert.equal(view.shifts.find((s) => s.shift.id === 'lambda.shift.package-type')?.state?.id, 'zip');
        assert.ok(view.aws.some((item) => item.id === 'lambda.aws.os-runtime'));
        const md = hoverFor('ZipFunction');
        assert.match(md, /\*Zip on a managed runtime vs container image\*: \*\*Zip archive on a managed runtime\*\*/);
        assert.doesNotMatch(md, /rebuild from the latest base image/i);
    });
    it('Lambda: a container image moves OS and runtime patching to the customer', () => {
        const view = viewFor('ImageFunction');
        assert.equal(view.shifts.find((s) => s.shift.id === 'lambda.shift.package-type')?.state?.id, 'image');
        assert.ok(!view.aws.some((item) => item.id === 'lambda.aws.os-runtime'), 'AWS does not patch the OS inside an image');
        const md = hoverFor('ImageFunction');
        assert.match(md, /\*\*Container image\*\*/);
        assert.match(md, /rebuild from the latest base image/i);
    });
    it('Lambda: a package type from a parameter is reported as undecided, never guessed', () => {
        const view = viewFor('ParamFunction');
        const outcome = view.shifts.find((s) => s.shift.id === 'lambda.shift.package-type');
        assert.equal(outcome.state, undefined);
        assert.deepEqual(outcome.possible.map((s) => s.id), ['zip', 'image']);
        assert.match(hoverFor('ParamFunction'), /depends on parameter PackageKind: \*\*Zip archive on a managed runtime\*\* or \*\*Container image\*\*/);
    });
    it('ECS: a service on Fargate is abstracted-like, on EC2 infrastructure-like', () => {
        const fargate = viewFor('FargateService');
        const ec2 = viewFor('Ec2Service');
        assert.equal(fargate.category, 'abstracted');
        assert.equal(ec2.category, 'infrastructure');
        assert.match(hoverFor('FargateService'), /Fargate/);
        assert.match(hoverFor('Ec2Service'), /as configured \([^)]*EC2[^)]*\)/);
        assert.notEqual(hoverFor('FargateService'), hoverFor('Ec2Service'));
    });
    it('an uncurated service shows the general split of its category, labelled as such', () => {
        const profile = (0, helpers_1.knowledge)().profile('AWS::IoT::Thing'); // IoT Core is not curated
        const md = (0, hoverMarkdown_1.renderHoverMarkdown)((0, helpers_1.knowledge)(), (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), profile.type));
        assert.match(md, /\(our classification\)/);
        assert.match(md, /Not curated yet: this is the general split/);
        assert.match(md, /\*\*AWS secures\*\*/);
    });
    it('an unknown AWS type gets a "did you mean"; custom types get no hover', () => {
        assert.match((0, hoverMarkdown_1.renderUnknownTypeMarkdown)((0, helpers_1.knowledge)(), 'AWS::S3::Buckt'), /Did you mean `AWS::S3::Bucket`/);
        assert.equal((0, hoverMarkdown_1.renderUnknownTypeMarkdown)((0, helpers_1.knowledge)(), 'Custom::Thing'), undefined);
    });
    it('escapes Markdown in text from templates', () => {
        assert.equal((0, hoverMarkdown_1.escapeMarkdown)('<img src=x onerror=alert(1)> [a](b) *c*'), '\\<img src=x onerror=alert\\(1\\)\\> \\[a\\]\\(b\\) \\*c\\*');
    });
});
//# sourceMappingURL=hover.test.js.map