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
const document_1 = require("../../../src/core/analysis/document");
const resourceView_1 = require("../../../src/core/analysis/resourceView");
const unknownTypes_1 = require("../../../src/core/analysis/unknownTypes");
const hoverMarkdown_1 = require("../../../src/core/render/hoverMarkdown");
const terraform_1 = require("../../../src/core/template/terraform");
const helpers_1 = require("../helpers");
const text = (0, helpers_1.fixture)('tf/main.tf');
let template;
before(async () => {
    template = (0, document_1.analyzeDocument)(text, 'main.tf', await (0, helpers_1.hclParser)());
});
function resource(id, from = template) {
    const found = from.resources.find((r) => r.id === id);
    assert.ok(found, `no resource ${id}`);
    return found;
}
function hover(id, from = template) {
    const r = resource(id, from);
    return (0, hoverMarkdown_1.renderHoverMarkdown)((0, helpers_1.knowledge)(), (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), r.type, r, from));
}
describe('Terraform HCL parsing', () => {
    it('lists resource, data and module blocks with addresses and exact type-label ranges', () => {
        assert.equal(template.format, 'terraform-hcl');
        assert.deepEqual(template.problems, []);
        assert.deepEqual(template.resources.map((r) => [r.id, r.kind]).slice(0, 4), [
            ['aws_s3_bucket.logs', 'resource'],
            ['aws_s3_bucket_public_access_block.logs', 'resource'],
            ['aws_s3_bucket_server_side_encryption_configuration.logs', 'resource'],
            ['aws_kms_key.logs', 'resource'],
        ]);
        assert.ok(template.resources.some((r) => r.id === 'data.aws_iam_policy_document.assume' && r.kind === 'data'));
        const module = resource('module.vpc');
        assert.equal(module.type, 'terraform-aws-modules/vpc/aws');
        for (const r of template.resources)
            if (r.kind !== 'module')
                assert.equal((0, helpers_1.slice)(text, r.typeSpan), r.type);
        assert.deepEqual(template.lines.rangeOf(resource('aws_s3_bucket.logs').typeSpan), {
            start: { line: 5, character: 10 },
            end: { line: 5, character: 23 },
        });
    });
    it('reads attributes, nested blocks as lists, variables and references', () => {
        const sse = resource('aws_s3_bucket_server_side_encryption_configuration.logs').properties;
        const rule = sse.entries.find((e) => e.key.value === 'rule').value;
        assert.equal(rule?.kind, 'seq');
        assert.deepEqual([...template.parameters], ['var.package_type']);
        assert.ok(template.resourceIds.has('aws_kms_key.logs'));
    });
    it('still yields the blocks that parse when a file is broken mid-edit', async () => {
        const broken = 'resource "aws_s3_bucket" "a" {\n  bucket = \n}\n\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\nresource "aws_sns_topic" "t" {\n  name = "unterminated\n';
        const parsed = (0, document_1.analyzeDocument)(broken, 'broken.tf', await (0, helpers_1.hclParser)());
        assert.ok(parsed.problems.length > 0);
        const queue = parsed.resources.find((r) => r.type === 'aws_sqs_queue');
        assert.ok(queue, parsed.resources.map((r) => r.id).join());
        assert.equal((0, helpers_1.slice)(broken, queue.typeSpan), 'aws_sqs_queue');
    });
    it('reads .tf.json with the same addresses and exact ranges', () => {
        const json = (0, helpers_1.fixture)('tf/main.tf.json');
        const parsed = (0, terraform_1.parseTerraformJson)(json);
        assert.equal(parsed.format, 'terraform-json');
        assert.deepEqual(parsed.resources.map((r) => r.id), [
            'aws_s3_bucket.data', 'aws_lambda_function.image', 'aws_lambda_function.variable', 'data.aws_caller_identity.current', 'module.vpc',
        ]);
        for (const r of parsed.resources)
            assert.equal((0, helpers_1.slice)(json, r.typeSpan), r.kind === 'module' ? 'vpc' : r.type);
    });
});
describe('Terraform hovers', () => {
    it('aws_s3_bucket: the same content as AWS::S3::Bucket, with satellites read as evidence', () => {
        const md = hover('aws_s3_bucket.logs');
        assert.match(md, /^\*\*Amazon S3\*\* · `aws_s3_bucket` · abstracted service/);
        assert.match(md, /\*\*✓ met\*\* · Infra security: Keep Block Public Access on.*\(`s3-bucket-public-access-block` passes\)/, 'the satellite sets all four flags');
        assert.match(md, /\*\*◇ set\*\* · Data: .* — `aws_s3_bucket_server_side_encryption_configuration` set here, not checked by a rule/);
        assert.match(md, /\*\*○ open\*\* · IAM: .* — not addressed in this template/);
        assert.match(md, /\*\*SSE-KMS \/ DSSE-KMS with your key\*\*/, 'the encryption mode is read on the linked satellite');
        assert.match(md, /Block Public Access .* — `aws_s3_bucket_public_access_block` set here instead/, 'the satellite replaces the AWS default');
        assert.match(md, /Also written as `AWS::S3::Bucket` · `awscc_s3_bucket`/);
        assert.match(md, /registry\.terraform\.io\/providers\/hashicorp\/aws\/latest\/docs\/resources\/s3_bucket/);
    });
    it('aws_lambda_function with package_type = "Image" moves patching to the customer', () => {
        const r = resource('aws_lambda_function.image');
        const view = (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), r.type, r, template);
        assert.equal(view.shifts.find((s) => s.shift.id === 'lambda.shift.package-type')?.state?.id, 'image');
        assert.match(hover('aws_lambda_function.image'), /\*\*Container image\*\*/);
        assert.match(hover('aws_lambda_function.zip'), /\*\*Zip archive on a managed runtime\*\*/);
        assert.match(hover('aws_lambda_function.variable'), /depends on variable package\\_type/);
    });
    it('aws_ecs_service on Fargate is abstracted-like, on EC2 infrastructure-like', () => {
        const fargate = resource('aws_ecs_service.web');
        const ec2 = resource('aws_ecs_service.workers');
        assert.equal((0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), fargate.type, fargate, template).category, 'abstracted');
        assert.equal((0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), ec2.type, ec2, template).category, 'infrastructure');
        assert.match(hover('aws_ecs_service.web'), /as configured \(Fargate\)/);
    });
    it('a satellite resource says which duty of its parent it fulfils', () => {
        const md = hover('aws_s3_bucket_public_access_block.logs');
        assert.match(md, /Configures a `aws_s3_bucket` from a separate resource/);
        assert.match(md, /\*\*Infra security\*\*: Keep Block Public Access on/);
        assert.match(md, /more duties of its `aws_s3_bucket`/);
    });
    it('a data block says it reads and changes nothing', () => {
        const md = hover('data.aws_iam_policy_document.assume');
        assert.match(md, /\*\*Data source\*\*: reads an existing .* creates or changes nothing/);
        assert.match(md, /docs\/data-sources\/iam_policy_document/);
    });
    it('a well-known module lists the resource types it creates, by service', () => {
        const md = (0, hoverMarkdown_1.renderModuleMarkdown)((0, helpers_1.knowledge)(), 'terraform-aws-modules/vpc/aws');
        assert.match(md, /\*\*Terraform module\*\* `terraform-aws-modules\/vpc\/aws`/);
        assert.match(md, /`aws_vpc`/);
        assert.match(md, /`aws_flow_log`/);
        assert.match((0, hoverMarkdown_1.renderModuleMarkdown)((0, helpers_1.knowledge)(), './modules/local'), /not one of the well-known modules/);
    });
    it('types of other providers are not known', () => {
        const r = resource('google_storage_bucket.other');
        assert.equal((0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), r.type, r, template), undefined);
    });
    it('.tf.json: a package type from a variable is undecided, a literal Image decided', () => {
        const parsed = (0, terraform_1.parseTerraformJson)((0, helpers_1.fixture)('tf/main.tf.json'));
        assert.match(hover('aws_lambda_function.image', parsed), /\*\*Container image\*\*/);
        assert.match(hover('aws_lambda_function.variable', parsed), /depends on variable kind/);
    });
});
describe('awscc and the mapping both ways', () => {
    it('derives awscc names by the provider rule and its exceptions, and maps them back', () => {
        const k = (0, helpers_1.knowledge)();
        assert.equal(k.awsccName('AWS::S3::Bucket'), 'awscc_s3_bucket');
        assert.equal(k.awsccName('AWS::EC2::VPCEndpoint'), 'awscc_ec2_vpc_endpoint');
        assert.equal(k.awsccName('AWS::CloudFront::CloudFrontOriginAccessIdentity'), 'awscc_cloudfront_cloudfront_origin_access_identity');
        assert.equal(k.awsccName('AWS::Serverless::Function'), undefined, 'SAM types are not registry types');
        assert.equal(k.cfnTypeOfAwscc('awscc_datasync_location_fsx_open_zfs'), 'AWS::DataSync::LocationFSxOpenZFS');
        assert.equal(k.profile('awscc_s3_bucket').service.name, 'Amazon S3');
    });
    it('gives every CloudFormation type a distinct awscc name that round-trips', () => {
        const k = (0, helpers_1.knowledge)();
        const names = new Set();
        let count = 0;
        for (const service of ['AWS::S3::Bucket', 'AWS::Lambda::Function', 'AWS::EC2::Instance'])
            assert.ok(k.awsccName(service));
        for (const type of Object.keys(k.cfnCatalog.types)) {
            const awscc = k.awsccName(type);
            if (!awscc)
                continue;
            count++;
            assert.ok(!names.has(awscc), `${awscc} twice`);
            names.add(awscc);
            assert.equal(k.cfnTypeOfAwscc(awscc), type);
        }
        assert.ok(count > 1800, `${count}`);
    });
    it('maps CloudFormation to Terraform and back for every tier-1 type that has both', () => {
        const k = (0, helpers_1.knowledge)();
        let pairs = 0;
        for (const service of k.services) {
            for (const entry of service.resource_types) {
                if (!entry.cfn || !entry.tf)
                    continue;
                pairs++;
                assert.ok(k.profile(entry.cfn).equivalents.includes(entry.tf), `${entry.cfn} → ${entry.tf}`);
                assert.ok(k.profile(entry.tf).equivalents.includes(entry.cfn), `${entry.tf} → ${entry.cfn}`);
            }
        }
        assert.ok(pairs > 150, `${pairs} pairs`);
    });
});
/** Runs the built CLI (dist/cli.js). */
function cli(...args) {
    return (0, node_child_process_1.spawnSync)(process.execPath, [(0, node_path_1.join)(helpers_1.ROOT, 'dist', 'cli.js'), ...args], { cwd: helpers_1.ROOT, encoding: 'utf8' });
}
describe('the AWS provider 6.x catalog', () => {
    const catalog = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.join)(helpers_1.ROOT, 'data/generated/tf-catalog.json'), 'utf8'));
    it('records the provider version it follows, and notes the types newer than 5.x pins', () => {
        assert.match(catalog.providerVersion, /^6\.\d+\.\d+$/);
        assert.equal(catalog.source, `hashicorp/aws ${catalog.providerVersion}`);
        assert.equal((0, helpers_1.knowledge)().tfProviderVersion, catalog.source);
        assert.match(catalog.resources.aws_lambda_capacity_provider.availability, /^added in provider 6\.x \(not in 5\.100\.0/);
        assert.equal(catalog.resources.aws_lambda_function.availability, undefined, 'in 5.100.0 and 6.x alike');
    });
    it('aws_lambda_capacity_provider and aws_bedrockagentcore_agent_runtime hover and explain with content', () => {
        const expected = [
            ['aws_lambda_capacity_provider', /^\*\*AWS Lambda\*\* · `aws_lambda_capacity_provider`/],
            ['aws_bedrockagentcore_agent_runtime', /^\*\*Amazon Bedrock AgentCore\*\* · `aws_bedrockagentcore_agent_runtime`/],
        ];
        for (const [type, heading] of expected) {
            const md = (0, hoverMarkdown_1.renderHoverMarkdown)((0, helpers_1.knowledge)(), (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), type));
            assert.match(md, heading);
            assert.match(md, /\*Provider version: added in provider 6\.x \(not in 5\.100\.0, the last 5\.x release\)\. This catalog follows hashicorp\/aws 6\.\d+\.\d+\.\*/);
            assert.match(md, /\*\*AWS secures\*\* \(security \*of\* the cloud\)\n- /);
            assert.match(md, /\*\*You secure\*\* \(security \*in\* the cloud\)\n- /);
            const result = cli('explain', type);
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stdout, `${md}\n`, `explain ${type} prints the hover`);
        }
        assert.ok((0, helpers_1.knowledge)().profile('aws_lambda_capacity_provider').properties.has('vpc_config'));
    });
    it('a type 5.100.0 had and 6.0 removed keeps its service, its 5.x names and the note', () => {
        const profile = (0, helpers_1.knowledge)().profile('aws_opsworks_stack');
        assert.equal(profile.availability, 'removed in provider 6.0 (last in 5.100.0)');
        assert.match(profile.service.name, /OpsWorks/);
        assert.ok(profile.properties.has('vpc_id'), 'its 5.100.0 attributes');
        assert.match((0, hoverMarkdown_1.renderHoverMarkdown)((0, helpers_1.knowledge)(), (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), 'aws_opsworks_stack')), /\*Provider version: removed in provider 6\.0 \(last in 5\.100\.0\)\./);
        assert.equal((0, helpers_1.knowledge)().profile('aws_redshift_service_account', true).availability, 'removed in provider 6.0 (last in 5.100.0)');
        // A block 6.0 removed from a type it kept: 5.x configurations still write it.
        assert.deepEqual(catalog.resources.aws_redshift_cluster.removed, ['logging', 'snapshot_copy']);
        assert.ok((0, helpers_1.knowledge)().profile('aws_redshift_cluster').properties.has('logging'));
    });
    it('explain data.aws_iam_policy_document works like the hover of a data source', () => {
        const declared = resource('data.aws_iam_policy_document.assume');
        const md = (0, hoverMarkdown_1.renderHoverMarkdown)((0, helpers_1.knowledge)(), (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), declared.type, declared, template));
        const result = cli('explain', 'data.aws_iam_policy_document');
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, `${md}\n`);
        assert.match(result.stdout, /\*\*Data source\*\*/);
        assert.equal(cli('explain', 'aws_iam_policy_document').status, 2, 'not a resource type');
    });
    it('an unknown aws_ type in a known namespace is information, with its service and category', async () => {
        const parsed = (0, document_1.analyzeDocument)('resource "aws_lambda_something_new" "x" {}\nresource "aws_lambda_functon" "y" {}\n', 'new.tf', await (0, helpers_1.hclParser)());
        const problems = (0, unknownTypes_1.unknownTypeProblems)((0, helpers_1.knowledge)(), parsed);
        assert.deepEqual(problems.map((p) => p.severity), ['information', 'warning']);
        assert.match(problems[0].message, /aws_lambda_something_new is not in the catalog \(hashicorp\/aws 6\.\d+\.\d+\): newer than this version, or a typo.*Namespace: AWS Lambda \(abstracted\)/);
        assert.equal(problems[1].message, 'Unknown resource type aws_lambda_functon: did you mean aws_lambda_function?');
    });
});
//# sourceMappingURL=terraform.test.js.map