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
const diagramModel_1 = require("../../../src/core/render/diagramModel");
const cloudformation_1 = require("../../../src/core/template/cloudformation");
const helpers_1 = require("../helpers");
const app = (0, cloudformation_1.parseCloudFormation)((0, helpers_1.fixture)('cfn/app.yaml'));
function modelFor(selectedId, template = app) {
    return (0, diagramModel_1.buildDiagramModel)((0, helpers_1.knowledge)(), template, { fileName: 'app.yaml', ...(selectedId ? { selectedId } : {}) });
}
function selected(id, template = app) {
    const model = modelFor(id, template);
    assert.ok(model.selected, `no diagram for ${id}`);
    return model.selected;
}
function layer(diagram, id) {
    const found = diagram.layers.find((l) => l.id === id);
    assert.ok(found, `no layer ${id}`);
    return found;
}
function domain(diagram, id) {
    const found = diagram.domains.find((d) => d.domain === id);
    assert.ok(found, `no domain ${id}`);
    return found;
}
describe('diagram model', () => {
    it('draws the eight layers of the model, customer side first', () => {
        const model = modelFor();
        assert.deepEqual(model.layers.map((l) => `${l.side}:${l.id}`), [
            'customer:customer_data', 'customer:platform_apps_iam', 'customer:os_network_firewall', 'customer:client_side_encryption',
            'customer:server_side_encryption', 'customer:network_traffic_protection', 'aws:aws_software', 'aws:aws_global_infrastructure',
        ]);
        assert.deepEqual(model.layers.find((l) => l.id === 'aws_software')?.parts, ['Compute', 'Storage', 'Database', 'Networking']);
        assert.deepEqual(model.layers.find((l) => l.id === 'aws_global_infrastructure')?.parts, ['Regions', 'Availability Zones', 'Edge locations']);
        assert.equal(model.selected, undefined, 'nothing selected unless asked');
    });
    it('groups every resource of the template by its category as configured', () => {
        const model = modelFor();
        const groups = Object.fromEntries(model.groups.map((g) => [g.id, g.resources.map((r) => r.id)]));
        assert.deepEqual(groups.infrastructure, ['Ec2Service'], 'an ECS service on the EC2 launch type is infrastructure-like');
        assert.ok(groups.abstracted?.includes('LogsBucket') && groups.abstracted.includes('FargateService'));
        assert.deepEqual(groups.unknown, ['Hook']);
        assert.equal(model.resourceCount, app.resources.length);
        assert.equal(model.groups.flatMap((g) => g.resources).length, app.resources.length, 'every resource is listed once');
        assert.equal(model.file.formatLabel, 'CloudFormation YAML');
    });
    it('S3 bucket: owners per layer, items with basis and sources, the encryption shift on its layer', () => {
        const s3 = selected('LogsBucket');
        assert.equal(s3.service, 'Amazon S3');
        assert.equal(s3.category, 'abstracted');
        assert.equal(layer(s3, 'customer_data').owner, 'customer');
        const iamLayer = layer(s3, 'platform_apps_iam');
        assert.equal(iamLayer.owner, 'customer', 'Block Public Access on new buckets is an AWS default, not an AWS duty: the layer stays yours');
        assert.deepEqual(iamLayer.defaults, ['s3.default.block-public-access']);
        assert.equal(layer(s3, 'os_network_firewall').owner, 'aws', 'AWS runs the operating systems of an abstracted service');
        assert.match(layer(s3, 'os_network_firewall').ownerNote, /Operating System & Runtime is AWS's by default in an abstracted service/);
        assert.equal(layer(s3, 'aws_software').owner, 'aws');
        assert.equal(layer(s3, 'aws_global_infrastructure').owner, 'aws');
        const sse = layer(s3, 'server_side_encryption');
        assert.equal(sse.owner, 'customer', 'with its own KMS key the bucket no longer relies on the SSE-S3 default');
        const plainSse = layer(selected('PlainBucket'), 'server_side_encryption');
        assert.equal(plainSse.owner, 'customer', 'SSE-S3 is an AWS default, not an AWS duty: the choice of encryption stays yours');
        assert.deepEqual(plainSse.defaults, ['s3.default.sse-s3']);
        assert.deepEqual(sse.shifts, ['s3.shift.encryption-mode'], 'the encryption shift sits on the server-side encryption layer');
        const mode = sse.items.find((i) => i.id === 's3.cust.encryption-mode');
        assert.ok(mode);
        assert.equal(mode.side, 'customer');
        assert.equal(mode.basis, 'stated');
        assert.deepEqual(mode.evidence, { state: 'set', path: 'BucketEncryption' }, 'present, and no rule judges the choice of key: set, not a ✓');
        assert.ok(mode.sources.length > 0 && mode.sources.every((s) => s.url.startsWith('https://') && s.title.length > 0));
        const derived = s3.layers.flatMap((l) => l.items).find((i) => i.basis === 'derived');
        assert.ok(derived && derived.controls.length > 0, 'derived items carry their Security Hub controls');
    });
    it('S3 bucket: per-domain status as this template leaves it', () => {
        const plain = selected('PlainBucket');
        assert.equal(domain(plain, 'physical_infrastructure').status, 'aws');
        assert.equal(domain(plain, 'os_runtime').status, 'not_applicable');
        assert.equal(domain(plain, 'data').status, 'finding', 'the versioning rule finds the bucket unversioned');
        assert.match(domain(plain, 'data').text, /1 with a finding, 1 not addressed in this template/);
        assert.equal(domain(plain, 'iam').status, 'default', 'ACLs stay disabled by the AWS default: relied on, and keeping it is yours');
        const logs = selected('LogsBucket');
        assert.equal(logs.domains.find((d) => d.domain === 'data')?.counts.set, 1, 'SSE-KMS is set, and no rule judges the choice of key: set, not met');
    });
    it('S3 bucket: an AWS default is called one, not an AWS responsibility', () => {
        const plain = selected('PlainBucket');
        const encryption = plain.shifts.find((s) => s.id === 's3.shift.encryption-mode');
        assert.equal(encryption?.state, 'decided');
        assert.equal(encryption?.relyingOnDefault, true);
        const declared = selected('LogsBucket').shifts.find((s) => s.id === 's3.shift.encryption-mode');
        assert.equal(declared?.relyingOnDefault, false, 'SSE-KMS is set in the template');
    });
    it('Lambda from a container image: the image item moves onto the OS layer, AWS no longer patches the runtime', () => {
        const image = selected('ImageFunction');
        const packaging = image.shifts.find((s) => s.id === 'lambda.shift.package-type');
        assert.equal(packaging?.label, 'Container image');
        assert.equal(packaging?.relyingOnDefault, false);
        const os = layer(image, 'os_network_firewall');
        assert.ok(os.items.some((i) => i.id === 'lambda.cust.image'), 'rebuilding the image is on the OS layer');
        assert.ok(os.shifts.includes('lambda.shift.package-type'));
        assert.equal(os.owner, 'shared');
        assert.ok(!image.layers.some((l) => l.items.some((i) => i.id === 'lambda.aws.os-runtime')), 'AWS does not patch the runtime of an image');
        const zip = selected('ZipFunction');
        assert.ok(layer(zip, 'aws_software').items.some((i) => i.id === 'lambda.aws.os-runtime'));
        assert.ok(!layer(zip, 'os_network_firewall').items.some((i) => i.id === 'lambda.cust.image'));
        assert.equal(zip.shifts.find((s) => s.id === 'lambda.shift.package-type')?.relyingOnDefault, true);
    });
    it('Lambda whose package type is a parameter: undecidable, never guessed', () => {
        const param = selected('ParamFunction');
        const packaging = param.shifts.find((s) => s.id === 'lambda.shift.package-type');
        assert.equal(packaging?.state, 'undecided');
        assert.deepEqual(packaging?.possible, ['Zip archive on a managed runtime', 'Container image']);
        assert.match(packaging?.because ?? '', /PackageKind/);
        assert.ok(domain(param, 'os_runtime').counts.undecided > 0, 'the package type decides what is yours to patch');
        const image = param.layers.flatMap((l) => l.items).find((i) => i.id === 'lambda.cust.image');
        assert.match(image?.dependsOn ?? '', /PackageKind/);
        const summary = modelFor().groups.flatMap((g) => g.resources).find((r) => r.id === 'ParamFunction');
        assert.ok(summary && summary.counts.depends > 0);
    });
    it('a layer the service leaves empty falls back to the general split of its category, labelled as such', () => {
        const zip = selected('ZipFunction');
        const clientSide = layer(zip, 'client_side_encryption');
        assert.equal(clientSide.owner, 'customer');
        assert.ok(clientSide.items.length > 0 && clientSide.items.every((i) => i.general === true));
        assert.match(clientSide.ownerNote, /general split of an abstracted service/);
    });
    it('ECS service on EC2: category changed by configuration, with the state that changed it', () => {
        const ecs = selected('Ec2Service');
        assert.equal(ecs.category, 'infrastructure');
        assert.equal(ecs.categoryShift, 'EC2 launch type');
    });
    it('unknown types get a note instead of layers', () => {
        const hook = selected('Hook');
        assert.equal(hook.known, false);
        assert.equal(hook.layers.length, 0);
        assert.match(hook.note ?? '', /Custom::Thing is not among the resource types/);
    });
    it('is plain JSON: survives postMessage unchanged', () => {
        const model = modelFor('LogsBucket');
        assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
    });
    it('SAM: the function, the API and the table, with the SAM format named', () => {
        const sam = (0, cloudformation_1.parseCloudFormation)((0, helpers_1.fixture)('cfn/sam.yaml'));
        const model = (0, diagramModel_1.buildDiagramModel)((0, helpers_1.knowledge)(), sam, { fileName: 'sam.yaml', selectedId: sam.resources[0].id });
        assert.match(model.file.formatLabel, /^SAM/);
        assert.equal(model.selected?.service, 'AWS Lambda');
    });
    it('keeps hostile logical IDs and types as data (escaping is the renderer’s job)', () => {
        const hostile = (0, cloudformation_1.parseCloudFormation)((0, helpers_1.fixture)('cfn/hostile.yaml'));
        const model = (0, diagramModel_1.buildDiagramModel)((0, helpers_1.knowledge)(), hostile, { fileName: 'hostile.yaml', selectedId: '<img src=x onerror=alert(1)>' });
        assert.equal(model.selected?.id, '<img src=x onerror=alert(1)>');
        assert.ok(model.groups.flatMap((g) => g.resources).some((r) => r.type === 'AWS::S3::Buckt<img src=y onerror=alert(4)>'));
    });
    it('Terraform: satellites count as evidence, data sources are listed as read-only', async () => {
        const template = (0, document_1.analyzeDocument)((0, helpers_1.fixture)('tf/main.tf'), 'main.tf', await (0, helpers_1.hclParser)());
        const model = (0, diagramModel_1.buildDiagramModel)((0, helpers_1.knowledge)(), template, { fileName: 'main.tf', selectedId: 'aws_s3_bucket.logs' });
        assert.equal(model.file.formatLabel, 'Terraform');
        const bucket = model.selected;
        const publicAccess = bucket.layers.flatMap((l) => l.items).find((i) => i.id === 's3.cust.public-access');
        assert.equal(publicAccess?.evidence?.state, 'met', 'the aws_s3_bucket_public_access_block turns all four settings on: the rule passes');
        const blockPublicAccess = bucket.defaults.find((d) => d.id === 's3.default.block-public-access');
        assert.deepEqual(blockPublicAccess?.status, { state: 'replaced', path: 'aws_s3_bucket_public_access_block' }, 'the satellite replaces the default');
        const dataGroup = model.groups.find((g) => g.id === 'data');
        if (dataGroup)
            assert.ok(dataGroup.resources.every((r) => r.kind === 'data'));
    });
});
//# sourceMappingURL=diagramModel.test.js.map