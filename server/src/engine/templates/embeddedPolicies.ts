import type { DocumentScope } from '../policy/policyVocabulary';
import type { HostStringStyle } from './templateDialect';
import type { TemplateModel, TemplateNode, TemplateResource } from './templateModel';
import { apimTypeOf, lookupPath, propertyAt } from './templateQueries';

/** The policy scope each APIM policy resource type sets. */
const POLICY_SCOPES: ReadonlyMap<string, DocumentScope> = new Map<string, DocumentScope>([
  ['service/policies', 'global'],
  ['service/products/policies', 'product'],
  ['service/apis/policies', 'api'],
  ['service/apis/operations/policies', 'operation'],
  ['service/workspaces/policies', 'workspace'],
  ['service/workspaces/products/policies', 'product'],
  ['service/workspaces/apis/policies', 'api'],
  ['service/workspaces/apis/operations/policies', 'operation'],
  ['service/policyfragments', 'fragment'],
  ['service/workspaces/policyfragments', 'fragment'],
]);

/** A policy written inside a template string, with where it sits and what scope it sets. */
export interface EmbeddedPolicy {
  readonly resource: TemplateResource;
  readonly scope: DocumentScope;
  /** The string node holding the policy (its literalText maps the policy back to the template). */
  readonly content: TemplateNode;
  readonly style: HostStringStyle;
}

/** A policy resource that points at a file (`xml-link`, `rawxml-link` or Bicep `loadTextContent`): that file is analysed on its own. */
export interface LinkedPolicy {
  readonly resource: TemplateResource;
  readonly scope: DocumentScope;
}

function formatOf(resource: TemplateResource): { known: boolean; format: string | undefined } {
  const properties = propertyAt(resource.body, ['properties'])?.value;
  if (properties === undefined) return { known: false, format: undefined };
  for (const key of ['format', 'contentFormat']) {
    const found = lookupPath(properties, [key]);
    if (found.state === 'unknown') return { known: false, format: undefined };
    if (found.state === 'present') {
      return found.value.known && typeof found.value.value === 'string'
        ? { known: true, format: found.value.value.toLowerCase() }
        : { known: false, format: undefined };
    }
  }
  // Without a format the service reads the value as XML.
  return { known: true, format: 'xml' };
}

function contentNode(resource: TemplateResource): TemplateNode | undefined {
  return propertyAt(resource.body, ['properties', 'value'])?.value ?? propertyAt(resource.body, ['properties', 'policyContent'])?.value;
}

function styleOf(model: TemplateModel, node: TemplateNode): HostStringStyle {
  return model.dialect.stringStyleAt(model.text, node.literalText?.sourceSpan.start ?? node.span.start);
}

/** The policies a template carries inline, and the policy resources that link to files. */
export function findTemplatePolicies(model: TemplateModel): { embedded: EmbeddedPolicy[]; linked: LinkedPolicy[] } {
  const embedded: EmbeddedPolicy[] = [];
  const linked: LinkedPolicy[] = [];
  for (const resource of model.resources) {
    const type = apimTypeOf(resource);
    const scope = type === undefined ? undefined : POLICY_SCOPES.get(type);
    if (scope === undefined || resource.existing) continue;
    const content = contentNode(resource);
    if (content === undefined) continue;
    const { known, format } = formatOf(resource);
    if (format?.endsWith('-link')) {
      linked.push({ resource, scope });
      continue;
    }
    // An unknown format still carries XML when the value reads as a policy.
    const isXml = format === 'xml' || format === 'rawxml' || (!known && content.literalText?.value.trimStart().startsWith('<') === true);
    if (!isXml) continue;
    if (content.literalText !== undefined) embedded.push({ resource, scope, content, style: styleOf(model, content) });
    else if (isFileLoad(model, content)) linked.push({ resource, scope });
  }
  return { embedded, linked };
}

function isFileLoad(model: TemplateModel, node: TemplateNode): boolean {
  return model.dialect.loadsFile(model.text.slice(node.span.start, node.span.end));
}
