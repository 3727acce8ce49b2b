import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { outboundUrlSites } from './outboundUrlSites';

describe('outboundUrlSites', () => {
  test('backend base URLs and the set-url of outgoing requests, not other URLs', () => {
    const text =
      '<policies><inbound><set-backend-service base-url="https://a" /><set-backend-service backend-id="b" /><send-request mode="new" response-variable-name="r"><set-url>https://c</set-url></send-request><rewrite-uri template="/d" /></inbound></policies>';
    const sites = outboundUrlSites(parsePolicy(text).document);
    assert.deepEqual(
      sites.map((item) => [item.site.raw, item.description]),
      [
        ['https://a', 'base-url on <set-backend-service>'],
        ['https://c', '<set-url> in <send-request>'],
      ],
    );
  });
});
