import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { computeEffectivePolicy } from '../../workspace/effectivePolicy';
import { standaloneChain } from '../../workspace/scopeChain';
import { authenticatesCaller } from './callerAuthentication';

/** Whether the first inbound statement authenticates the caller. */
function authenticates(statement: string): boolean {
  const { document } = parsePolicy(`<policies><inbound>${statement}</inbound></policies>`);
  const policy = computeEffectivePolicy({ roots: [], policyFiles: new Map(), problems: [] }, standaloneChain('p.xml'), () => document);
  return authenticatesCaller(policy.sections.inbound.statements[0]);
}

describe('authenticatesCaller', () => {
  test('token and client certificate validation policies count', () => {
    assert.equal(authenticates('<validate-jwt header-name="Authorization" />'), true);
    assert.equal(authenticates('<validate-azure-ad-token tenant-id="t" />'), true);
    assert.equal(authenticates('<validate-client-certificate />'), true);
  });

  test('check-header counts only when it compares with values and rejects with 401 or 403', () => {
    const valued = (code: string): string =>
      `<check-header name="X-Api-Key" failed-check-httpcode="${code}" failed-check-error-message="no" ignore-case="false"><value>{{key}}</value></check-header>`;
    assert.equal(authenticates(valued('401')), true);
    assert.equal(authenticates(valued('403')), true);
    assert.equal(authenticates(valued('400')), false, 'a content check, not a credential');
    assert.equal(authenticates(valued('@(401)')), false, 'unknown status');
    assert.equal(
      authenticates('<check-header name="Authorization" failed-check-httpcode="401" failed-check-error-message="no" ignore-case="true" />'),
      false,
      'presence only: any value passes',
    );
  });

  test('a choose with a branch answering 401 or 403 is a hand-written credential check', () => {
    const gate = (code: string): string =>
      `<choose><when condition="@(context.Request.Certificate == null)"><return-response><set-status code="${code}" reason="No" /></return-response></when></choose>`;
    assert.equal(authenticates(gate('403')), true);
    assert.equal(authenticates(gate('401')), true);
    assert.equal(authenticates(gate('404')), false);
    assert.equal(authenticates('<set-header name="a" exists-action="delete" />'), false);
  });
});
