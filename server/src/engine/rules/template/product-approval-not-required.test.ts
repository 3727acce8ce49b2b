import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { expectApiopsFindingsAt, runApiopsRule } from '../../../testing/ruleTester';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { productApprovalNotRequired } from './product-approval-not-required';

const product = (properties: string): string =>
  armTemplate(`    { "type": "Microsoft.ApiManagement/service/products", "apiVersion": "2022-08-01", "name": "svc/p", "properties": ${properties} }`);

describe('product-approval-not-required', () => {
  test('reports approvalRequired false on a published product; the fix sets true', () => {
    const { text, findings } = expectTemplateFindingsAt(
      productApprovalNotRequired,
      'arm',
      product('{ "state": "published", "subscriptionRequired": true, "approvalRequired": ⟦false⟧ }'),
    );
    assert.equal(
      findings[0].message,
      'This published product approves subscriptions automatically; set approvalRequired to true so an administrator reviews each request.',
    );
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('"approvalRequired": true }'));
    assert.equal(findings[0].fixes[0].isPreferred, false);
  });

  test('an absent approvalRequired (and subscriptionRequired) is reported on the state; the fix adds it', () => {
    const { text, findings } = expectTemplateFindingsAt(productApprovalNotRequired, 'arm', product('{ "state": ⟦"published"⟧ }'));
    assert.ok(applyFix(text, findings[0].fixes[0]).includes('{ "state": "published", "approvalRequired": true }'));
    expectTemplateFindingsAt(
      productApprovalNotRequired,
      'bicep',
      "resource p 'Microsoft.ApiManagement/service/products@2022-08-01' = {\n  name: 'svc/p'\n  properties: {\n    state: 'published'\n    approvalRequired: ⟦false⟧\n  }\n}\n",
    );
  });

  test('APIOps productInformation.json: reported and fixed in place', () => {
    const { text, findings } = expectApiopsFindingsAt(
      productApprovalNotRequired,
      'products/p/productInformation.json',
      '{\n  "properties": {\n    "state": ⟦"published"⟧,\n    "subscriptionRequired": true\n  }\n}\n',
    );
    assert.equal(
      applyFix(text, findings[0].fixes[0]),
      '{\n  "properties": {\n    "state": "published",\n    "subscriptionRequired": true,\n    "approvalRequired": true\n  }\n}\n',
    );
  });

  test('silent when approval is required, the product is open or unpublished, or values are unknown', () => {
    expectNoTemplateFindings(productApprovalNotRequired, 'arm', product('{ "state": "published", "approvalRequired": true }'));
    expectNoTemplateFindings(productApprovalNotRequired, 'arm', product('{ "state": "published", "subscriptionRequired": false }'));
    expectNoTemplateFindings(productApprovalNotRequired, 'arm', product('{ "state": "notPublished", "approvalRequired": false }'));
    expectNoTemplateFindings(productApprovalNotRequired, 'arm', product('{ "approvalRequired": false }'));
    expectNoTemplateFindings(productApprovalNotRequired, 'arm', product('{ "state": "published", "approvalRequired": "[parameters(\'approval\')]" }'));
    assert.deepEqual(
      runApiopsRule(productApprovalNotRequired, 'products/p/productInformation.json', '{ "properties": { "state": "published", "approvalRequired": true } }'),
      [],
    );
  });
});
