import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix } from '../../../testing/ruleTester';
import { expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { diagnosticVerbose } from './diagnostic-verbose';

const diagnostic = (verbosity: string): string => `resource d 'Microsoft.ApiManagement/service/apis/diagnostics@2022-08-01' = {
  name: 'svc/orders/applicationinsights'
  properties: {
    verbosity: ${verbosity}
  }
}
`;

describe('diagnostic-verbose', () => {
  test('verbose is reported in production; the fix sets information', () => {
    const { text, findings } = expectTemplateFindingsAt(diagnosticVerbose, 'bicep', diagnostic("⟦'verbose'⟧"));
    assert.ok(applyFix(text, findings[0].fixes[0]).includes("verbosity: 'information'"));
  });

  test('silent outside production and for other levels', () => {
    expectNoTemplateFindings(diagnosticVerbose, 'bicep', diagnostic("'verbose'"), 'nonproduction');
    expectNoTemplateFindings(diagnosticVerbose, 'bicep', diagnostic("'error'"));
  });
});
