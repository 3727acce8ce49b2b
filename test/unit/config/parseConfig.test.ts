import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../../server/src/engine/config/parseConfig';
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
    const text = '{ "extends": "lenient", "rules": { "no-such-rule": "error", "tracing-enabled": "loud" }, "colour": 1, "suppressions": [{ "rule": "tracing-enabled" }] }';
    const { config, findings } = parseConfig(text);
    assert.deepEqual(
      findings.map((finding) => [text.slice(finding.span.start, finding.span.end), finding.message]),
      [
        ['"colour"', "Unknown setting 'colour'; expected one of: extends, environment, gateway, rules, overrides, ignore, suppressions."],
        ['{ "rule": "tracing-enabled" }', "A suppression needs a 'reason' so reviewers know why."],
        ['"lenient"', "'extends' must be one of: recommended, strict, all."],
        ['"no-such-rule"', "Unknown rule 'no-such-rule'."],
        ['"loud"', "The level of 'tracing-enabled' must be one of: off, hint, info, warning, error."],
      ],
    );
    assert.equal(config.extends, 'recommended');
    assert.ok(findings.every((finding) => finding.code === 'config-invalid' && finding.severity === 'error'));
  });

  test('broken JSON is reported, never thrown', () => {
    const { findings } = parseConfig('{ "rules": { ');
    assert.ok(findings.length > 0);
    assert.match(findings[0].message, /^Not valid JSON/);
  });
});
