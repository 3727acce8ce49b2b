import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { attribute } from '../../../server/src/engine/policy/syntaxTree';
import { computeEffectivePolicy, effectivePoliciesForPolicyFile, type EffectivePolicy } from '../../../server/src/engine/workspace/effectivePolicy';
import { containsPolicy, findPolicies, type EffectiveStatement } from '../../../server/src/engine/workspace/effectiveStatement';
import { discoverServiceModel } from '../../../server/src/engine/workspace/layoutDiscovery';
import { scopeChainsForPolicyFile } from '../../../server/src/engine/workspace/scopeChain';
import { folderWorkspace, memoryWorkspace, policyText } from './workspaceFiles';
import type { PolicySection } from '../../../server/src/engine/policy/policyVocabulary';

const workspace = folderWorkspace(join(FIXTURES, 'workspace'));
const model = discoverServiceModel(workspace.paths, workspace.readText);

/** `name:key@scope<fragment<fragment` with nested bodies in braces; key is the `name` attribute. */
function describeStatements(statements: readonly EffectiveStatement[]): string[] {
  return statements.map((statement) => {
    const key = attribute(statement.element, 'name')?.value;
    const via = statement.includedVia.map((inclusion) => `<${inclusion.fragmentId}`).join('');
    const body = statement.children.length === 0 ? '' : `{${describeStatements(statement.children).join(', ')}}`;
    return `${statement.name}${key === undefined ? '' : `:${key}`}@${statement.level.label}${via}${body}`;
  });
}

function effectiveFor(path: string, chainName: string): EffectivePolicy {
  const policy = effectivePoliciesForPolicyFile(model, path, workspace.documentFor).find((candidate) => candidate.chain.name === chainName);
  assert.ok(policy, `no chain ${chainName} for ${path}`);
  return policy;
}

function section(policy: EffectivePolicy, name: PolicySection): string[] {
  return describeStatements(policy.sections[name].statements);
}

const CREATE_ORDER = 'classic/artifacts/apis/orders/operations/create-order/policy.xml';

describe('computeEffectivePolicy', () => {
  test('substitutes <base /> where it stands, at every level, per product chain', () => {
    const gold = effectiveFor(CREATE_ORDER, 'via product gold');
    assert.deepEqual(section(gold, 'inbound'), [
      'set-variable:before@API orders',
      'quota@product gold',
      'set-header:X-Global@global',
      'set-header:X-Common@global<common',
      'set-variable:inner@global<common<inner',
      'set-variable:after@API orders',
      'choose@operation create-order{when@operation create-order{validate-content@operation create-order<validate, set-variable:inner@operation create-order<validate<inner}, otherwise@operation create-order{return-response@operation create-order}}',
    ]);
    const starter = effectiveFor(CREATE_ORDER, 'via product starter');
    assert.deepEqual(section(starter, 'inbound').slice(0, 6), [
      'set-variable:before@API orders',
      'set-header:X-Global@global',
      'set-header:X-Common@global<common',
      'set-variable:inner@global<common<inner',
      'rate-limit@product starter',
      'set-variable:after@API orders',
    ]);
    assert.equal(containsPolicy(starter.sections.inbound.statements, ['rate-limit', 'rate-limit-by-key']), true);
    assert.equal(containsPolicy(gold.sections.inbound.statements, ['rate-limit', 'rate-limit-by-key']), false);
    assert.deepEqual(gold.problems, []);
  });

  test('a section without <base /> drops the parent section and says what was lost', () => {
    const gold = effectiveFor(CREATE_ORDER, 'via product gold');
    assert.deepEqual(section(gold, 'backend'), ['retry@operation create-order{forward-request@operation create-order}']);
    const backend = gold.sections.backend.contributions;
    assert.deepEqual(
      backend.map((contribution) => `${contribution.level.label}: ${contribution.state}`),
      ['global: base-missing', 'product gold: base-present', 'API orders: base-present', 'operation create-order: base-missing'],
    );
    assert.deepEqual(describeStatements(backend[3].dropped), ['forward-request@global']);
    assert.equal(attribute(backend[3].dropped[0].element, 'timeout')?.value, '20');

    assert.deepEqual(section(gold, 'outbound'), ['set-header:X-Api@API orders']);
    assert.deepEqual(describeStatements(gold.sections.outbound.contributions[2].dropped), ['set-header:X-Powered-By@global']);
    assert.deepEqual(section(gold, 'on-error'), []);
  });

  test('statements keep their source element, document and path', () => {
    const gold = effectiveFor(CREATE_ORDER, 'via product gold');
    const [validate] = findPolicies(gold.sections.inbound.statements, ['validate-content']);
    assert.equal(validate.documentPath, 'classic/artifacts/policy fragments/validate/policy.xml');
    assert.equal(validate.document.text.slice(validate.element.span.start, validate.element.span.start + 17), '<validate-content');
    assert.deepEqual(
      validate.includedVia.map((inclusion) => [inclusion.fragmentId, inclusion.documentPath]),
      [['validate', CREATE_ORDER]],
    );
    assert.equal(validate.level.kind, 'operation');
    const [quota] = findPolicies(gold.sections.inbound.statements, ['quota']);
    assert.equal(quota.documentPath, 'classic/artifacts/products/gold/policy.xml');
    assert.equal(quota.includedVia.length, 0);
  });

  test('reports fragment cycles, missing fragments and fragments without a body as data', () => {
    const policy = effectiveFor('classic/artifacts/apis/orders/operations/list-orders/policy.xml', 'via product gold');
    assert.deepEqual(section(policy, 'inbound').slice(0, 3), [
      'set-variable:a@operation list-orders<cycle-a',
      'set-variable:b@operation list-orders<cycle-a<cycle-b',
      'set-variable:before@API orders',
    ]);
    assert.deepEqual(
      policy.problems.map((problem) => [problem.kind, problem.fragmentId, problem.documentPath, problem.cycle.join('>')]),
      [
        ['fragment-cycle', 'cycle-a', 'classic/artifacts/policy fragments/cycle-b/policy.xml', 'cycle-a>cycle-b>cycle-a'],
        ['fragment-missing', 'does-not-exist', 'classic/artifacts/apis/orders/operations/list-orders/policy.xml', ''],
        ['fragment-unreadable', 'info-only', 'classic/artifacts/apis/orders/operations/list-orders/policy.xml', ''],
      ],
    );
    assert.equal(policy.problems[0].message, 'Fragments include each other in a cycle: cycle-a -> cycle-b -> cycle-a.');
    assert.equal(policy.problems[1].message, 'Policy fragment "does-not-exist" is not in the workspace.');
    assert.equal(policy.problems[0].element.name, 'include-fragment');
  });

  test('workspace chains take workspace fragments first and fall back to the service', () => {
    const [policy] = effectivePoliciesForPolicyFile(model, 'cli/apim-artifacts/workspaces/team-a/apis/ws-api/policy.xml', workspace.documentFor);
    assert.deepEqual(section(policy, 'inbound'), [
      'set-header:X-Global@global',
      'set-header:X-Workspace@workspace team-a',
      'quota@product ws-product',
      'set-variable:workspace-fragment@API ws-api<ws-fragment',
      'set-header:X-Shared@API ws-api<shared',
    ]);
    assert.deepEqual(section(policy, 'backend'), ['forward-request@global']);
    assert.deepEqual(policy.problems, []);
  });

  test('a loose document stands alone and cannot resolve fragments', () => {
    const [policy] = effectivePoliciesForPolicyFile(model, 'classic/loose/standalone.xml', workspace.documentFor);
    assert.deepEqual(section(policy, 'inbound'), []);
    assert.deepEqual(
      policy.problems.map((problem) => [problem.kind, problem.fragmentId]),
      [['fragment-missing', 'common']],
    );
  });

  test('a missing section drops the parent; an unreadable file passes it through; a second <base /> is reported', () => {
    const files = memoryWorkspace({
      'r/policy.xml': policyText({ inbound: '<set-header name="G" exists-action="override" />', outbound: '<set-header name="O" exists-action="delete" />' }),
      'r/apis/a/policy.xml': policyText({ inbound: '<base />\n    <set-variable name="x" value="1" />\n    <base />', outbound: null }),
      'r/apis/b/policy.xml': 'this is not XML',
    });
    const found = discoverServiceModel(files.paths, files.readText);
    const [a] = effectivePoliciesForPolicyFile(found, 'r/apis/a/policy.xml', files.documentFor);
    assert.deepEqual(section(a, 'inbound'), ['set-header:G@global', 'set-variable:x@API a']);
    assert.deepEqual(
      a.problems.map((problem) => [problem.kind, problem.documentPath, problem.element.name]),
      [['duplicate-base', 'r/apis/a/policy.xml', 'base']],
    );
    assert.deepEqual(section(a, 'outbound'), []);
    assert.equal(a.sections.outbound.contributions[1].state, 'section-missing');
    assert.deepEqual(describeStatements(a.sections.outbound.contributions[1].dropped), ['set-header:O@global']);

    const [b] = effectivePoliciesForPolicyFile(found, 'r/apis/b/policy.xml', files.documentFor);
    assert.equal(b.sections.inbound.contributions[1].state, 'unreadable');
    assert.deepEqual(section(b, 'outbound'), ['set-header:O@global']);
  });

  test('a level without a policy file passes everything through', () => {
    const files = memoryWorkspace({
      'r/policy.xml': policyText({ inbound: '<rate-limit calls="1" renewal-period="1" />' }),
      'r/apis/a/operations/op/policy.xml': policyText({}),
      'r/apis/a/apiInformation.json': '{"properties":{"subscriptionRequired":false}}',
    });
    const found = discoverServiceModel(files.paths, files.readText);
    const [chain] = scopeChainsForPolicyFile(found, 'r/apis/a/operations/op/policy.xml');
    const policy = computeEffectivePolicy(found, chain, files.documentFor);
    assert.deepEqual(section(policy, 'inbound'), ['rate-limit@global']);
    assert.deepEqual(
      policy.sections.inbound.contributions.map((contribution) => contribution.state),
      ['base-missing', 'no-policy', 'base-present'],
    );
  });
});
