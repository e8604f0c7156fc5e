import type { FileReport } from '../core/report';

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** SARIF 2.1.0 for code-scanning UIs: findings as results, parse errors as tool notifications. */
export function toSarif(reports: readonly FileReport[], toolVersion: string): object {
  const results = reports.flatMap((report) =>
    report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      level: SARIF_LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [location(report.path, finding.range)],
      properties: { resource: finding.resource, domain: finding.domain, controls: finding.controls },
    })),
  );
  const notifications = reports.flatMap((report) =>
    report.errors.map((error) => ({
      level: 'error',
      message: { text: error.message },
      locations: [location(report.path, error.range)],
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'srm-lens', version: toolVersion, rules: [] } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
}

function location(path: string, range: FileReport['errors'][number]['range']): object {
  return {
    physicalLocation: {
      artifactLocation: { uri: path.split('\\').join('/') },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  };
}
