import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { applyFix, expectFindingsAt, expectNoFindings, runRule } from '../../../testing/ruleTester';
import { baseMissing } from './base-missing';

const COMPLETE = `<policies>
  <inbound>
    <base />
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
  <on-error>
    <base />
  </on-error>
</policies>`;

describe('base-missing', () => {
  test('reports each section without <base /> on its name, saying what is lost', () => {
    const { findings } = expectFindingsAt(
      baseMissing,
      `<policies>
  <⟦inbound⟧>
    <choose><when condition="@(true)"><base /></when></choose>
  </inbound>
  <backend>
    <forward-request timeout="30" />
  </backend>
  <⟦outbound⟧ />
  <on-error>
    <base />
  </on-error>
</policies>`,
      { scope: 'operation', parentSectionDrops: () => true },
    );
    assert.equal(findings[0].severity, 'warning');
    assert.equal(
      findings[0].message,
      'This <inbound> section has no <base />, so the API, product, workspace and global inbound policies (such as authentication, rate limits and IP filtering) do not run; add <base /> as its first policy.',
    );
    assert.match(findings[1].message, /^This <outbound> section has no <base \/>, so the API, product, workspace and global outbound policies/);
  });

  test('the preferred fix inserts <base /> first, also expanding a self-closing section', () => {
    const { text, findings } = expectFindingsAt(
      baseMissing,
      COMPLETE.replace('<inbound>\n    <base />', '<⟦inbound⟧>\n    <rate-limit calls="5" renewal-period="60" />').replace(
        '<outbound>\n    <base />\n  </outbound>',
        '<⟦outbound⟧ />',
      ),
      { scope: 'api' },
    );
    assert.ok(findings.every((finding) => finding.fixes[0].isPreferred));
    const fixed = findings.reduceRight((current, finding) => applyFix(current, finding.fixes[0]), text);
    assert.equal(fixed, COMPLETE.replace('<inbound>\n    <base />', '<inbound>\n    <base />\n    <rate-limit calls="5" renewal-period="60" />'));
    assert.deepEqual(parsePolicy(fixed).findings, []);
    assert.deepEqual(runRule(baseMissing, fixed, { scope: 'api' }), []);
  });

  test('reports a missing section on the root, and the fix adds it in canonical order', () => {
    const marked = COMPLETE.replace('<policies>', '<⟦policies⟧>').replace('  <backend>\n    <base />\n  </backend>\n', '');
    const { text, findings } = expectFindingsAt(baseMissing, marked, { scope: 'product', parentSectionDrops: () => true });
    assert.equal(
      findings[0].message,
      'This policy has no <backend> section, so the workspace and global backend policies (the request forwarding) do not run; add the section with <base />.',
    );
    const fixed = applyFix(text, findings[0].fixes[0]);
    assert.equal(fixed, COMPLETE);
  });

  test('silent for a section whose parent sections are all empty; a hint when the parents cannot be seen', () => {
    const marked = COMPLETE.replace('<inbound>\n    <base />', '<⟦inbound⟧>').replace('<on-error>\n    <base />', '<on-error>');
    const { findings } = expectFindingsAt(baseMissing, marked, { scope: 'api', parentSectionDrops: (section) => section === 'inbound' });
    assert.equal(findings[0].severity, 'warning');
    const seenAlone = expectFindingsAt(baseMissing, marked.replace('<on-error>', '<⟦on-error⟧>'), { scope: 'api' }).findings;
    assert.deepEqual(
      seenAlone.map((finding) => finding.severity),
      ['hint', 'hint'],
    );
    assert.match(
      seenAlone[0].message,
      /do not run \(APIM Studio cannot see the parent scopes, so it cannot tell whether they have any\); add <base \/> as its first policy\.$/,
    );
  });

  test('silent at global scope, for fragments, for unknown scope and for backend overrides', () => {
    const bare = '<policies><inbound><rate-limit calls="5" renewal-period="60" /></inbound></policies>';
    expectNoFindings(baseMissing, bare, { scope: 'global' });
    expectNoFindings(baseMissing, bare);
    expectNoFindings(baseMissing, '<fragment><rate-limit calls="5" renewal-period="60" /></fragment>', { scope: 'fragment' });
    expectNoFindings(baseMissing, COMPLETE.replace('<backend>\n    <base />', '<backend>\n    <forward-request />'), { scope: 'workspace' });
  });
});
