"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPORT_VERSION = void 0;
exports.fileReport = fileReport;
exports.explainReport = explainReport;
// The JSON shapes of `srm-lens scan` and `srm-lens explain` (docs: ../shared/docs/cli-contract.md), built from
// the core's analysis. Extend them freely; renaming or removing a field needs a new `version`.
const resourceView_1 = require("./analysis/resourceView");
const diagramModel_1 = require("./render/diagramModel");
const knowledge_1 = require("./knowledge/knowledge");
exports.REPORT_VERSION = 1;
/** The `files[]` entry of `scan --format json` for one analysed template, with its findings (rules/engine.ts). */
function fileReport(knowledge, path, template, findings = []) {
    // Modules are not resource types: their resources are reported where the module itself is scanned.
    const resources = template.resources.filter((resource) => resource.kind !== 'module').map((resource) => {
        const view = (0, resourceView_1.viewResource)(knowledge, resource.type, resource, template, findings);
        const range = template.lines.rangeOf(resource.typeSpan);
        if (!view)
            return { id: resource.id, type: resource.type, known: false, range };
        const curated = view.profile.service.curated && !view.profile.dataSource;
        return {
            id: resource.id,
            type: resource.type,
            known: true,
            service: view.profile.service.name,
            category: view.category,
            range,
            ...(curated ? { duties: (0, diagramModel_1.dutyCounts)(view) } : {}),
        };
    });
    const errors = template.problems.map((problem) => ({ message: problem.message, range: template.lines.rangeOf(problem.span) }));
    return { path, format: template.format, resources, findings: findings.map((f) => findingReport(knowledge, template, f)), errors };
}
function findingReport(knowledge, template, finding) {
    return {
        ruleId: finding.rule.id,
        severity: finding.severity,
        message: finding.message,
        resource: finding.resource.id,
        domain: knowledge.domain(finding.rule.domain)?.label ?? finding.rule.domain,
        controls: finding.rule.controls,
        matches: finding.rule.matches,
        range: template.lines.rangeOf(finding.span),
        ...(finding.suppressed ? { suppressed: { by: finding.suppressed.by, reason: finding.suppressed.reason } } : {}),
    };
}
/** `explain --format json`, or undefined for a type the catalog does not hold. */
function explainReport(knowledge, type) {
    const view = (0, resourceView_1.viewResource)(knowledge, type);
    if (!view)
        return undefined;
    const { profile } = view;
    const item = (entry) => ({
        domain: knowledge.domain(entry.domain)?.label ?? entry.domain,
        text: entry.text,
        basis: entry.basis,
        source: knowledge.source(entry.sources[0]?.ref ?? '')?.url ?? '',
        ...(entry.fsbp && entry.fsbp.length > 0 ? { controls: entry.fsbp } : {}),
    });
    return {
        version: exports.REPORT_VERSION,
        type,
        service: profile.service.name,
        category: view.category,
        categoryBasis: profile.category.basis,
        curated: profile.service.curated,
        description: profile.description,
        equivalents: profile.equivalents,
        aws: view.aws.map(item),
        defaults: view.defaults.map((entry) => ({
            domain: knowledge.domain(entry.domain)?.label ?? entry.domain,
            text: entry.text,
            since: entry.since,
            basis: entry.basis,
            source: knowledge.source(entry.sources[0]?.ref ?? '')?.url ?? '',
            ...(entry.keep ? { keep: entry.keep } : {}),
        })),
        customer: view.customer.flatMap(({ items }) => items.map(item)),
        shifts: profile.shifts.flatMap((shift) => shift.states.map((state) => ({ when: `${shift.title}: ${state.label}`, text: shiftStateText(state) }))),
        runtimeChecks: profile.runtimeChecks,
        docs: [profile.docsUrl, ...profile.docs.map((doc) => doc.url), knowledge_1.SRM_PAGE_URL],
    };
}
function shiftStateText(state) {
    return [state.aws.length > 0 ? `AWS: ${state.aws.join(' ')}` : '', state.customer.length > 0 ? `You: ${state.customer.join(' ')}` : '']
        .filter(Boolean)
        .join(' ');
}
//# sourceMappingURL=report.js.map