import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { armTemplate, expectNoTemplateFindings, expectTemplateFindingsAt } from '../../../testing/ruleTester';
import { diagnosticSamplingFull } from './diagnostic-sampling-full';

const diagnostic = (percentage: string): string =>
  armTemplate(
    `    { "type": "Microsoft.ApiManagement/service/diagnostics", "apiVersion": "2022-08-01", "name": "svc/applicationinsights", "properties": { "sampling": { "samplingType": "fixed", "percentage": ${percentage} } } }`,
  );

describe('diagnostic-sampling-full', () => {
  test('100% sampling is reported in production', () => {
    const { findings } = expectTemplateFindingsAt(diagnosticSamplingFull, 'arm', diagnostic('⟦100⟧'));
    assert.equal(findings[0].message, 'Sampling is 100%; sample a smaller share of requests in production.');
  });

  test('silent outside production and for partial sampling', () => {
    expectNoTemplateFindings(diagnosticSamplingFull, 'arm', diagnostic('100'), 'nonproduction');
    expectNoTemplateFindings(diagnosticSamplingFull, 'arm', diagnostic('25'));
  });
});
