import { attribute } from '../../policy/syntaxTree';
import { isExpressionValue, usesNamedValue } from '../../policy/treeQueries';
import type { EffectivePolicy } from '../../workspace/effectivePolicy';
import { findPolicies } from '../../workspace/effectiveStatement';
import { sectionHasUnknownParts } from '../functions/chainCertainty';
import { missingPolicyAnchor } from '../functions/findingAnchor';
import { pathCoverage } from '../functions/onEveryPath';
import { insertIntoSectionEdit } from '../fixes/elementEdits';
import type { PolicyChainRule } from '../policyChainRule';

/**
 * Response headers that name the backend's framework and version. `Server` is left out on purpose: APIM
 * does not support removing it.
 */
export const IMPLEMENTATION_HEADERS = ['X-Powered-By', 'X-AspNet-Version'];

/** `exists-action` values that keep the backend's value from reaching the caller. */
const HIDING_ACTIONS = new Set(['delete', 'override']);

export const serverHeadersExposed: PolicyChainRule = {
  meta: {
    id: 'server-headers-exposed',
    pillars: ['security'],
    defaultSeverity: 'info',
    title: 'Responses can carry headers that name the backend framework and version.',
    guidance:
      'Headers such as `X-Powered-By` and `X-AspNet-Version` tell an attacker which framework and version run behind ' +
      'the gateway, which makes it easy to pick known exploits. Remove them in outbound with `set-header ' +
      'exists-action="delete"`, once in the global policy so that every API is covered. APIM cannot remove the ' +
      '`Server` header; configure the backend not to send it if that matters to you.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/set-header-policy',
  },
  check(context) {
    if (context.scope !== undefined && context.scope !== 'api' && context.scope !== 'operation') return;
    if (context.api?.information?.type === 'websocket') return;
    const missingByChain = new Map<string, string[]>();
    for (const policy of context.policies) {
      // The global policy is where these headers are usually removed: stay quiet when it is out of sight.
      if (sectionHasUnknownParts(policy, 'outbound') || globalPolicyUnseen(policy)) continue;
      if (!reachesBackend(policy) || (context.scope === 'operation' && !operationDropsOutbound(policy))) continue;
      const missing = headersLeftIn(policy);
      if (missing.length > 0) missingByChain.set(policy.chain.name, missing);
    }
    if (missingByChain.size === 0) return;
    const missing = IMPLEMENTATION_HEADERS.filter((header) => [...missingByChain.values()].some((names) => names.includes(header)));
    const everyChain = missingByChain.size === context.policies.length;
    const where = everyChain ? '' : ` ${[...missingByChain.keys()].join(' or ')}`;
    const headers = missing.join(' and ');
    const edit = insertIntoSectionEdit(
      context.document,
      'outbound',
      missing.map((header) => `<set-header name="${header}" exists-action="delete" />`).join('\n'),
    );
    context.report({
      span: missingPolicyAnchor(context.document, 'outbound'),
      message: `Responses${where} can reveal the backend's ${headers} header${missing.length > 1 ? 's' : ''}: delete ${missing.length > 1 ? 'them' : 'it'} with set-header exists-action="delete" in outbound, best in the global policy.`,
      fixes: edit ? [{ title: `Delete ${headers} in outbound`, edits: [edit], isPreferred: false }] : [],
    });
  },
};

/** True when the chain's global level has no readable policy file (an export without the global policy). */
function globalPolicyUnseen(policy: EffectivePolicy): boolean {
  const global = policy.sections.outbound.contributions.find((contribution) => contribution.level.kind === 'global');
  return global !== undefined && (global.state === 'no-policy' || global.state === 'unreadable');
}

/**
 * An operation that inherits its outbound section is covered exactly like its API, so the finding belongs to the
 * API (or, better, the global policy); only an operation that throws the inherited outbound away is at fault itself.
 */
function operationDropsOutbound(policy: EffectivePolicy): boolean {
  const own = policy.sections.outbound.contributions.find((contribution) => contribution.level.kind === 'operation');
  return own !== undefined && (own.state === 'section-missing' || own.state === 'base-missing');
}

/** False when the chain never calls a backend: every request is answered in inbound, or no level forwards. */
function reachesBackend(policy: EffectivePolicy): boolean {
  if (pathCoverage(policy.sections.inbound.statements, ['return-response', 'mock-response']) === 'every-path') return false;
  return sectionHasUnknownParts(policy, 'backend') || findPolicies(policy.sections.backend.statements, ['forward-request']).length > 0;
}

/** The implementation headers no outbound `set-header` hides on this chain; none when a header name is computed. */
function headersLeftIn(policy: EffectivePolicy): string[] {
  const hidden = new Set<string>();
  for (const setHeader of findPolicies(policy.sections.outbound.statements, ['set-header'])) {
    const name = attribute(setHeader.element, 'name');
    const action = attribute(setHeader.element, 'exists-action');
    if (isExpressionValue(name) || usesNamedValue(name)) return [];
    const actionValue = action === undefined ? 'override' : (action.value ?? '').trim().toLowerCase();
    if (isExpressionValue(action) || usesNamedValue(action) || HIDING_ACTIONS.has(actionValue)) hidden.add((name?.value ?? '').trim().toLowerCase());
  }
  return IMPLEMENTATION_HEADERS.filter((header) => !hidden.has(header.toLowerCase()));
}
