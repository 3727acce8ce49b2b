import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { effectivePoliciesForPolicyFile } from '../../../server/src/engine/workspace/effectivePolicy';
import { renderEffectivePolicies, renderEffectivePolicy } from '../../../server/src/engine/workspace/effectivePolicyRenderer';
import { discoverServiceModel } from '../../../server/src/engine/workspace/layoutDiscovery';
import { folderWorkspace, memoryWorkspace } from './workspaceFiles';

describe('renderEffectivePolicy', () => {
  test('annotates each run of statements with its scope and file, and notes what a missing <base /> drops', () => {
    const workspace = folderWorkspace(join(FIXTURES, 'workspace'));
    const model = discoverServiceModel(workspace.paths, workspace.readText);
    const [policy] = effectivePoliciesForPolicyFile(model, 'classic/artifacts/apis/orders/operations/create-order/policy.xml', workspace.documentFor);
    assert.equal(
      renderEffectivePolicy(policy),
      [
        '<!-- Effective policy of operation create-order, via product gold. Read-only. -->',
        '<!-- Scopes: global (classic/artifacts/policy.xml) > product gold (classic/artifacts/products/gold/policy.xml) > API orders (classic/artifacts/apis/orders/policy.xml) > operation create-order (classic/artifacts/apis/orders/operations/create-order/policy.xml) -->',
        '<policies>',
        '  <inbound>',
        '    <!-- from API orders: classic/artifacts/apis/orders/policy.xml -->',
        '    <set-variable name="before" value="1" />',
        '    <!-- from product gold: classic/artifacts/products/gold/policy.xml -->',
        '    <quota calls="1000" renewal-period="3600" />',
        '    <!-- from global: classic/artifacts/policy.xml -->',
        '    <set-header name="X-Global" exists-action="override">',
        '      <value>global</value>',
        '    </set-header>',
        '    <!-- from global > fragment common: classic/artifacts/policy fragments/common/policy.xml -->',
        '    <set-header name="X-Common" exists-action="override">',
        '      <value>common</value>',
        '    </set-header>',
        '    <!-- from global > fragment common > fragment inner: classic/artifacts/policy fragments/inner/policy.xml -->',
        '    <set-variable name="inner" value="yes" />',
        '    <!-- from API orders: classic/artifacts/apis/orders/policy.xml -->',
        '    <set-variable name="after" value="2" />',
        '    <!-- from operation create-order: classic/artifacts/apis/orders/operations/create-order/policy.xml -->',
        '    <choose>',
        '      <when condition="@(context.Request.Method == &quot;POST&quot;)">',
        '        <!-- from operation create-order > fragment validate: classic/artifacts/policy fragments/validate/policy.xml -->',
        '        <validate-content unspecified-content-type-action="prevent" max-size="102400" size-exceeded-action="prevent" errors-variable-name="errors" />',
        '        <!-- from operation create-order > fragment validate > fragment inner: classic/artifacts/policy fragments/inner/policy.xml -->',
        '        <set-variable name="inner" value="yes" />',
        '      </when>',
        '      <otherwise>',
        '        <return-response>',
        '          <set-status code="405" />',
        '        </return-response>',
        '      </otherwise>',
        '    </choose>',
        '  </inbound>',
        '  <backend>',
        '    <!-- operation create-order has no <base /> in <backend>, so these inherited statements do not run: forward-request (global). -->',
        '    <!-- from operation create-order: classic/artifacts/apis/orders/operations/create-order/policy.xml -->',
        '    <retry condition="@(context.Response.StatusCode &gt;= 500)" count="3" interval="1">',
        '      <forward-request timeout="10" />',
        '    </retry>',
        '  </backend>',
        '  <outbound>',
        '    <!-- API orders has no <base /> in <outbound>, so these inherited statements do not run: set-header (global). -->',
        '    <!-- from API orders: classic/artifacts/apis/orders/policy.xml -->',
        '    <set-header name="X-Api" exists-action="override">',
        '      <value>orders</value>',
        '    </set-header>',
        '  </outbound>',
        '  <on-error />',
        '</policies>',
        '',
      ].join('\n'),
    );
  });

  test('lists problems, keeps comments well formed and handles CRLF sources', () => {
    const files = memoryWorkspace({
      'a--b/loose.policy.xml':
        '<policies>\r\n\t<inbound>\r\n\t\t<include-fragment fragment-id="gone" />\r\n\t\t<set-header name="X" exists-action="override">\r\n\t\t\t<value>1</value>\r\n\t\t</set-header>\r\n\t</inbound>\r\n</policies>\r\n',
    });
    const model = discoverServiceModel(files.paths, files.readText);
    const [policy] = effectivePoliciesForPolicyFile(model, 'a--b/loose.policy.xml', files.documentFor);
    assert.equal(
      renderEffectivePolicy(policy),
      [
        '<!-- Effective policy of this document, standalone. Read-only. -->',
        '<!-- Scopes: this document (a- -b/loose.policy.xml) -->',
        '<!-- Problem in a- -b/loose.policy.xml: Policy fragment "gone" is not in the workspace. -->',
        '<policies>',
        '  <inbound>',
        '    <!-- from this document: a- -b/loose.policy.xml -->',
        '    <set-header name="X" exists-action="override">',
        '      <value>1</value>',
        '    </set-header>',
        '  </inbound>',
        '  <backend />',
        '  <outbound />',
        '  <on-error />',
        '</policies>',
        '',
      ].join('\n'),
    );
  });

  test('renders every chain of a file one after another, and a note for fragments', () => {
    const workspace = folderWorkspace(join(FIXTURES, 'workspace'));
    const model = discoverServiceModel(workspace.paths, workspace.readText);
    const policies = effectivePoliciesForPolicyFile(model, 'classic/artifacts/apis/orders/policy.xml', workspace.documentFor);
    const text = renderEffectivePolicies(policies);
    assert.deepEqual(
      text.split('\n').filter((line) => line.startsWith('<!-- Effective policy')),
      ['<!-- Effective policy of API orders, via product gold. Read-only. -->', '<!-- Effective policy of API orders, via product starter. Read-only. -->'],
    );
    assert.equal(text, `${renderEffectivePolicy(policies[0])}\n${renderEffectivePolicy(policies[1])}`);
    assert.equal(
      renderEffectivePolicies([]),
      '<!-- This document has no effective policy of its own: a fragment runs inside the policies that include it. -->\n',
    );
  });
});
