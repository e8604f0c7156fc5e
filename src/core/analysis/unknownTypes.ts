import type { Knowledge } from '../knowledge/knowledge';
import type { Span } from '../syntax/tree';
import type { Template } from '../template/model';

export interface TypeProblem {
  readonly span: Span;
  readonly severity: 'warning' | 'information';
  readonly message: string;
}

/** A misspelling this close to a known type is a typo, not a newer type. */
const TYPO_DISTANCE = 2;

/**
 * AWS types the catalogs do not hold. A near miss of a known type is a typo (a warning, "did you mean"); another
 * name in a namespace the catalog knows may be newer than the catalog (information, with its service); anything
 * else is unknown (a warning). Custom resources, registry types and other providers' types are never flagged.
 */
export function unknownTypeProblems(knowledge: Knowledge, template: Template): TypeProblem[] {
  const problems: TypeProblem[] = [];
  for (const resource of template.resources) {
    if (resource.kind === 'module' || resource.kind === 'provider') continue;
    const type = resource.type;
    const aws = type.startsWith('AWS::') || type.startsWith('aws_') || type.startsWith('awscc_');
    if (!aws || knowledge.profile(type, resource.kind === 'data')) continue;
    const closest = knowledge.closest(type);
    const names = closest.map((c) => c.type).join(', ');
    const namespace = knowledge.namespaceOf(type);
    const span = resource.typeSpan;
    if (closest[0] && closest[0].distance <= TYPO_DISTANCE) {
      problems.push({ span, severity: 'warning', message: `Unknown resource type ${type}: did you mean ${closest[0].type}?` });
    } else if (namespace) {
      const also = names ? ` Closest known: ${names}.` : '';
      problems.push({ span, severity: 'information', message: `${type} is not in the catalog (${knowledge.catalogName(type)}): newer than this version, or a typo. Namespace: ${namespace}.${also}` });
    } else {
      problems.push({ span, severity: 'warning', message: `Unknown resource type ${type}.${names ? ` Closest known: ${names}.` : ''}` });
    }
  }
  return problems;
}
