import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../../server/src/engine/config/parseConfig';
import { looseFindings } from '../../../server/src/testing/memoryWorkspace';
import { isSuppressedByConfig } from '../../../server/src/engine/config/configSuppressions';
import { resolveRuleSettings, isIgnored } from '../../../server/src/engine/config/resolveRuleSettings';

describe('.apim-studio.json', () => {
  test('reads every setting (comments and trailing commas allowed)', () => {
    const { config, findings } = parseConfig(`{
      // team defaults
      "extends": "strict",
      "environment": "nonproduction",
      "gateway": "v2",
      "rules": { "tracing-enabled": "off" },
      "overrides": [{ "files": ["prod/**"], "environment": "production", "rules": { "tracing-enabled": "error" } }],
      "ignore": ["legacy/**"],
      "suppressions": [{ "rule": "rate-limit-missing", "files": ["apis/internal/**"], "reason": "internal only", "expires": "2027-01-31" }],
    }`);
    assert.deepEqual(findings, []);
    assert.equal(config.extends, 'strict');
    assert.equal(config.gateway, 'v2');
    assert.deepEqual(config.suppressions, [{ rule: 'rate-limit-missing', files: ['apis/internal/**'], reason: 'internal only', expires: '2027-01-31' }]);
    const dev = resolveRuleSettings(config, 'apis/a/policy.xml');
    assert.equal(dev.environment, 'nonproduction');
    assert.equal(dev.levelOf('tracing-enabled', 'warning'), 'off');
    assert.equal(dev.levelOf('rate-limit-missing', 'warning'), 'error', 'strict raises warnings to errors');
    assert.equal(dev.levelOf('timeout-missing', 'info'), 'warning', 'strict raises info to warnings');
    const prod = resolveRuleSettings(config, 'prod/apis/a/policy.xml');
    assert.equal(prod.environment, 'production');
    assert.equal(prod.levelOf('tracing-enabled', 'warning'), 'error');
    assert.equal(isIgnored(config, 'legacy/x/policy.xml'), true);
    assert.equal(isIgnored(config, 'apis/x/policy.xml'), false);
  });

  test('mistakes are findings at the exact place, and the rest of the file still applies', () => {
    const text =
      '{ "extends": "lenient", "rules": { "no-such-rule": "error", "tracing-enabled": "loud" }, "colour": 1, "suppressions": [{ "rule": "tracing-enabled" }] }';
    const { config, findings } = parseConfig(text);
    assert.deepEqual(
      findings.map((finding) => [text.slice(finding.span.start, finding.span.end), finding.message]),
      [
        ['"colour"', "Unknown setting 'colour'. Expected one of: extends, environment, gateway, rules, overrides, ignore, suppressions."],
        ['{ "rule": "tracing-enabled" }', "A suppression needs a 'reason' so reviewers know why."],
        ['"lenient"', "'extends' must be one of: recommended, strict, all."],
        ['"no-such-rule"', "Unknown rule 'no-such-rule'."],
        ['"loud"', "The level of 'tracing-enabled' must be one of: off, hint, info, warning, error."],
      ],
    );
    assert.equal(config.extends, 'recommended');
    assert.ok(findings.every((finding) => finding.code === 'config-invalid' && finding.severity === 'error'));
  });

  test('each typo is reported once, with the nearest known name', () => {
    const text = [
      '{',
      '  // comments are fine',
      '  "extend": "strict",',
      '  "environment": "prodution",',
      '  "rules": { "tracing-enabeld": "warnign" },',
      '  "overrides": [{ "files": ["a/**"], "rule": {} }],',
      '  "suppressions": [{ "rule": "rate-limit-mising", "reason": "r", "expire": "2030-01-01" }],',
      '}',
    ].join('\n');
    const { findings } = parseConfig(text);
    assert.deepEqual(
      findings.map((finding) => [text.slice(finding.span.start, finding.span.end), finding.message]),
      [
        ['"extend"', "Unknown setting 'extend'. Did you mean 'extends'?"],
        ['"rule"', "Unknown override setting 'rule'. Did you mean 'rules'?"],
        ['"expire"', "Unknown suppression setting 'expire'. Did you mean 'expires'?"],
        ['"rate-limit-mising"', "Unknown rule 'rate-limit-mising'. Did you mean 'rate-limit-missing'?"],
        ['"prodution"', "'environment' must be one of: production, nonproduction. Did you mean 'production'?"],
        ['"tracing-enabeld"', "Unknown rule 'tracing-enabeld'. Did you mean 'tracing-enabled'?"],
      ],
    );
  });

  test('an expired suppression is reported on its date and no longer applies', () => {
    const text = '{ "suppressions": [{ "rule": "tracing-enabled", "reason": "pilot", "expires": "2026-01-31" }] }';
    const { config, findings } = parseConfig(text, new Date('2026-02-01T08:00:00Z'));
    assert.deepEqual(
      findings.map((finding) => [finding.code, text.slice(finding.span.start, finding.span.end)]),
      [['config-suppression-expired', '"2026-01-31"']],
    );
    assert.equal(isSuppressedByConfig(config, 'tracing-enabled', 'apis/a/policy.xml', new Date('2026-01-31T23:00:00Z')), true, 'holds through its date');
    assert.equal(isSuppressedByConfig(config, 'tracing-enabled', 'apis/a/policy.xml', new Date('2026-02-01T00:00:00Z')), false);
    assert.deepEqual(parseConfig(text, new Date('2026-01-15T00:00:00Z')).findings, []);
  });

  test('a suppression applies to its rule in the files it names', () => {
    const { config } = parseConfig('{ "suppressions": [{ "rule": "tracing-enabled", "files": ["apis/test-*/**"], "reason": "test APIs" }] }');
    const now = new Date('2026-06-01T00:00:00Z');
    assert.equal(isSuppressedByConfig(config, 'tracing-enabled', 'apis/test-orders/policy.xml', now), true);
    assert.equal(isSuppressedByConfig(config, 'tracing-enabled', 'apis/orders/policy.xml', now), false);
    assert.equal(isSuppressedByConfig(config, 'rate-limit-missing', 'apis/test-orders/policy.xml', now), false);
  });

  test('analysis drops findings a live config suppression names, and keeps them once it has expired', () => {
    const text = '<policies><inbound><trace source="a"><message>@(context.Subscription.Key)</message></trace></inbound></policies>';
    const live = parseConfig('{ "suppressions": [{ "rule": "tracing-enabled", "reason": "pilot", "expires": "2999-01-01" }] }').config;
    assert.deepEqual(looseFindings('tracing-enabled', text, live), []);
    const expired = parseConfig('{ "suppressions": [{ "rule": "tracing-enabled", "reason": "pilot", "expires": "2000-01-01" }] }').config;
    assert.equal(looseFindings('tracing-enabled', text, expired).length, 1);
  });

  test('broken JSON is reported, never thrown', () => {
    const { findings } = parseConfig('{ "rules": { ');
    assert.ok(findings.length > 0);
    assert.match(findings[0].message, /^Not valid JSON/);
  });
});
