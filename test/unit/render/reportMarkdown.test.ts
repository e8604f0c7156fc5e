import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReportMarkdown } from '../../../src/core/render/reportMarkdown';
import { findingsOf } from '../../../src/core/rules/engine';
import { parseCloudFormation } from '../../../src/core/template/cloudformation';
import { fixture, knowledge, ROOT } from '../helpers';

const GENERATOR = { generator: 'srm-lens test' };

function report(name: string, path = name): string {
  const template = parseCloudFormation(fixture(name))!;
  return renderReportMarkdown(knowledge(), [{ path, template }], GENERATOR);
}

/** The lines of one resource's section (from its `###` heading to the next). */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`### ${heading}`);
  assert.ok(start >= 0, `no section ${heading}`);
  const next = markdown.indexOf('\n### ', start + 4);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe('responsibility report (Markdown)', () => {
  it('lists each resource\'s own findings when a broken file repeats one ID (grouped by resource, not by ID)', () => {
    // A duplicate key is a problem, yet both declarations are read: each gets its section with its findings only.
    const text = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      PubliclyAccessible: true\n  Db:\n    Type: AWS::RDS::DBInstance\n';
    const template = parseCloudFormation(text)!;
    assert.equal(template.resources.length, 2);
    const findings = findingsOf(knowledge().rules, template, text);
    const md = renderReportMarkdown(knowledge(), [{ path: 'db.yaml', template, findings }], GENERATOR);
    const listed = md.split('\n').filter((line) => /^- \*\*(error|warning|information|hint)\*\* `/.test(line));
    assert.equal(listed.length, findings.length, 'every finding is listed once, under its own resource');
    const publicly = listed.filter((line) => line.includes('rds-instance-public'));
    assert.equal(publicly.length, findings.filter((f) => f.rule.id.startsWith('rds-instance-public')).length);
  });

  it('lists the findings of the rules per resource, most severe first, suppressed ones marked', () => {
    const text = 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      # srm-lens:ignore rds-instance-multi-az one AZ is enough for tests\n      PubliclyAccessible: true\n';
    const template = parseCloudFormation(text)!;
    const findings = findingsOf(knowledge().rules, template, text);
    const md = renderReportMarkdown(knowledge(), [{ path: 'db.yaml', template, findings }], GENERATOR);
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
    const file = join('test', 'fixtures', 'cfn', 'app.yaml');
    const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'scan', file, '--format', 'markdown'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const text = fixture('cfn/app.yaml');
    const template = parseCloudFormation(text)!;
    const findings = findingsOf(knowledge().rules, template, text);
    const expected = renderReportMarkdown(knowledge(), [{ path: file, template, findings }], { generator: `srm-lens ${version}` });
    assert.equal(result.stdout, expected);
  });

  it('`srm-lens --help` lists the markdown format', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--help'], { cwd: ROOT, encoding: 'utf8' });
    assert.match(result.stdout, /--format text\|json\|sarif\|markdown/);
  });
});
