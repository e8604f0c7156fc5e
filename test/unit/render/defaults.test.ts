import * as assert from 'node:assert/strict';
import { viewResource } from '../../../src/core/analysis/resourceView';
import { explainReport } from '../../../src/core/report';
import { buildDiagramModel } from '../../../src/core/render/diagramModel';
import { renderHoverMarkdown } from '../../../src/core/render/hoverMarkdown';
import { renderReportMarkdown } from '../../../src/core/render/reportMarkdown';
import { parseCloudFormation } from '../../../src/core/template/cloudformation';
import { fixture, knowledge } from '../helpers';

const AWS_SECURES = '**AWS secures**';
const AWS_DEFAULTS = '**AWS defaults**';
const YOU_SECURE = '**You secure**';

function hover(templateText: string, id: string): string {
  const template = parseCloudFormation(templateText)!;
  const resource = template.resources.find((r) => r.id === id)!;
  return renderHoverMarkdown(knowledge(), viewResource(knowledge(), resource.type, resource, template)!);
}

/** The lines of a hover from one bold heading up to the next blank-line-separated heading. */
function section(md: string, heading: string): string {
  const start = md.indexOf(heading);
  assert.ok(start >= 0, `no ${heading} in\n${md}`);
  const end = md.indexOf('\n\n', start);
  return md.slice(start, end < 0 ? undefined : end);
}

describe('AWS defaults in the hover, the report and explain', () => {
  const app = fixture('cfn/app.yaml');

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
    const md = renderReportMarkdown(knowledge(), [{ path: 'app.yaml', template: parseCloudFormation(app)! }], { generator: 'srm-lens test' });
    const plain = md.slice(md.indexOf('### PlainBucket'));
    assert.match(plain, /\*\*AWS defaults\*\* \(what AWS sets when the template says nothing; keeping or changing it is yours\)/);
    assert.match(plain, /^- \*Since 2023-01-05:\* .*SSE-S3.* Relied on here\. \[AWS states this\]\(https:/m);
  });

  it('explain JSON carries the defaults apart from AWS\'s side, each with its date and source', () => {
    const report = explainReport(knowledge(), 'AWS::S3::Bucket')!;
    assert.deepEqual(report.defaults.map((d) => d.since), ['2023-01-05', '2023-04']);
    for (const entry of report.defaults) {
      assert.match(entry.source, /^https:\/\//);
      assert.ok(entry.domain && entry.text && entry.basis);
    }
    assert.ok(!report.aws.some((item) => /Block Public Access|SSE-S3/.test(item.text)));
  });

  it('the diagram puts each default on its layer without making the layer AWS\'s', () => {
    const template = parseCloudFormation(app)!;
    const model = buildDiagramModel(knowledge(), template, { fileName: 'app.yaml', selectedId: 'PlainBucket' });
    const bucket = model.selected!;
    const sse = bucket.defaults.find((d) => d.id === 's3.default.sse-s3')!;
    assert.equal(sse.since, '2023-01-05');
    assert.equal(sse.status?.state, 'relied_on');
    const layer = bucket.layers.find((l) => l.defaults.includes('s3.default.sse-s3'))!;
    assert.equal(layer.id, sse.layer);
    assert.notEqual(layer.owner, 'aws');
  });
});
