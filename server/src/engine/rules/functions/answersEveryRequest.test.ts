import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { answersEveryRequest } from './answersEveryRequest';

function answers(inbound: string): boolean {
  const root = parsePolicy(`<inbound>${inbound}</inbound>`).document.root;
  assert.ok(root);
  return answersEveryRequest(root);
}

describe('answersEveryRequest', () => {
  test('a direct return-response or mock-response answers every request', () => {
    assert.equal(answers('<base /><return-response><set-status code="200" /></return-response>'), true);
    assert.equal(answers('<mock-response status-code="200" />'), true);
  });

  test('a choose answers only when it has otherwise and every branch answers', () => {
    const branch = '<return-response />';
    assert.equal(answers(`<choose><when condition="@(true)">${branch}</when><otherwise>${branch}</otherwise></choose>`), true);
    assert.equal(answers(`<choose><when condition="@(true)">${branch}</when></choose>`), false);
    assert.equal(answers(`<choose><when condition="@(true)">${branch}</when><otherwise><base /></otherwise></choose>`), false);
  });

  test('nested answers do not count', () => {
    assert.equal(answers('<send-request response-variable-name="r"><set-url>https://x</set-url></send-request>'), false);
    assert.equal(answers('<retry condition="@(false)" count="1" interval="1"><return-response /></retry>'), false);
  });
});
