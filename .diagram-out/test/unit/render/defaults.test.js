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
const resourceView_1 = require("../../../src/core/analysis/resourceView");
const report_1 = require("../../../src/core/report");
const diagramModel_1 = require("../../../src/core/render/diagramModel");
const hoverMarkdown_1 = require("../../../src/core/render/hoverMarkdown");
const reportMarkdown_1 = require("../../../src/core/render/reportMarkdown");
const cloudformation_1 = require("../../../src/core/template/cloudformation");
const helpers_1 = require("../helpers");
const AWS_SECURES = '**AWS secures**';
const AWS_DEFAULTS = '**AWS defaults**';
const YOU_SECURE = '**You secure**';
function hover(templateText, id) {
    const template = (0, cloudformation_1.parseCloudFormation)(templateText);
    const resource = template.resources.find((r) => r.id === id);
    return (0, hoverMarkdown_1.renderHoverMarkdown)((0, helpers_1.knowledge)(), (0, resourceView_1.viewResource)((0, helpers_1.knowledge)(), resource.type, resource, template));
}
/** The lines of a hover from one bold heading up to the next blank-line-separated heading. */
function section(md, heading) {
    const start = md.indexOf(heading);
    assert.ok(start >= 0, `no ${heading} in\n${md}`);
    const end = md.indexOf('\n\n', start);
    return md.slice(start, end < 0 ? undefined : end);
}
describe('AWS defaults in the hover, the report and explain', () => {
    const app = (0, helpers_1.fixture)('cfn/app.yaml');
    it('S3: Block Public Access and SSE-S3 are listed under AWS defaults, after AWS secures, not under it', () => {
        const md = hover(app, 'PlainBucket');
        const awsSecures = section(md, AWS_SECURES);
        const defaults = section(md, AWS_DEFAULTS);
        assert.doesNotMatch(awsSecures, /Block Public Access|SSE-S3|default/i);
        assert.match(defaults, /keeping or changing it is yours/);
        assert.match(defaults, /^- \*Since 2023-04:\* .*Block Public Access.* — relied on here \[AWS\]\(https:/m);
        assert.match(defaults, /^- \*Since 2023-01-05:\* .*SSE-S3.* — relied on here \[AWS\]\(https:/m);
        assert.ok(md.indexOf(AWS_SECURES) < md.indexOf(AWS_DEFAULTS) && md.indexOf(AWS_DEFAULTS) < md.indexOf(YOU_SECURE));
    });
    it('S3: a bucket that declares its encryption says the SSE-S3 default is replaced there', () => {
        assert.match(section(hover(app, 'LogsBucket'), AWS_DEFAULTS), /SSE-S3.*— `BucketEncryption` set here instead/);
    });
    it('AWS::ElastiCache::ReplicationGroup: no ElastiCache Serverless line on either side or among the defaults', () => {
        const md = hover('Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: x\n', 'Cache');
        const lines = [AWS_SECURES, YOU_SECURE].map((heading) => section(md, heading)).join('\n');
        assert.doesNotMatch(lines, /serverless/i);
        assert.ok(!md.includes(AWS_DEFAULTS), 'ElastiCache lists no default for node-based groups');
    });
    it('the report lists the defaults of a resource with their date and whether the resource relies on them', () => {
        const md = (0, reportMarkdown_1.renderReportMarkdown)((0, helpers_1.knowledge)(), [{ path: 'app.yaml', template: (0, cloudformation_1.parseCloudFormation)(app) }], { generator: 'srm-lens test' });
        const plain = md.slice(md.indexOf('### PlainBucket'));
        assert.match(plain, /\*\*AWS defaults\*\* \(what AWS sets when the template says nothing; keeping or changing it is yours\)/);
        assert.match(plain, /^- \*Since 2023-01-05:\* .*SSE-S3.* Relied on here\. \[AWS states this\]\(https:/m);
    });
    it('explain JSON carries the defaults apart from AWS\'s side, each with its date and source', () => {
        const report = (0, report_1.explainReport)((0, helpers_1.knowledge)(), 'AWS::S3::Bucket');
        assert.deepEqual(report.defaults.map((d) => d.since), ['2023-01-05', '2023-04']);
        for (const entry of report.defaults) {
            assert.match(entry.source, /^https:\/\//);
            assert.ok(entry.domain && entry.text && entry.basis);
        }
        assert.ok(!report.aws.some((item) => /Block Public Access|SSE-S3/.test(item.text)));
    });
    it('the diagram puts each default on its layer without making the layer AWS\'s', () => {
        const template = (0, cloudformation_1.parseCloudFormation)(app);
        const model = (0, diagramModel_1.buildDiagramModel)((0, helpers_1.knowledge)(), template, { fileName: 'app.yaml', selectedId: 'PlainBucket' });
        const bucket = model.selected;
        const sse = bucket.defaults.find((d) => d.id === 's3.default.sse-s3');
        assert.equal(sse.since, '2023-01-05');
        assert.equal(sse.status?.state, 'relied_on');
        const layer = bucket.layers.find((l) => l.defaults.includes('s3.default.sse-s3'));
        assert.equal(layer.id, sse.layer);
        assert.notEqual(layer.owner, 'aws');
    });
});
//# sourceMappingURL=defaults.test.js.map