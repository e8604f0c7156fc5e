import type { Knowledge } from '../knowledge/knowledge';
import type { Span } from '../syntax/tree';
import type { Template } from '../template/model';

export interface TypeProblem {
  readonly span: Span;
  readonly severity: 'warning' | 'information';
  readonly message: string;
}

/**
 * AWS types the catalogs do not hold, as `Knowledge.unknownType` classes them: a near miss of a known type is a typo
 * (a warning, "did you mean"); another name in a namespace the catalog knows may be newer than the catalog
 * (information, with its service and category); anything else is unknown (a warning). Custom resources, registry
 * types and other providers' types are never flagged.
 */
export function unknownTypeProblems(knowledge: Knowledge, template: Template): TypeProblem[] {
  const problems: TypeProblem[] = [];
  for (const resource of template.resources) {
    if (resource.kind === 'module' || resource.kind === 'provider') continue;
    const unknown = knowledge.unknownType(resource.type, resource.kind === 'data');
    if (!unknown) continue;
    const span = resource.typeSpan;
    const names = unknown.closest.join(', ');
    if (unknown.typoOf) {
      problems.push({ span, severity: 'warning', message: `Unknown resource type ${unknown.type}: did you mean ${unknown.typoOf}?` });
    } else if (unknown.namespace) {
      const { service, category } = unknown.namespace;
      const typo = names ? `, or a typo of ${names}` : ', or a typo';
      problems.push({ span, severity: 'information', message: `${unknown.type} is not in the catalog (${unknown.catalog}): newer than this version${typo}. Namespace: ${service} (${category}).` });
    } else {
      problems.push({ span, severity: 'warning', message: `Unknown resource type ${unknown.type}.${names ? ` Closest known: ${names}.` : ''}` });
    }
  }
  return problems;
}
