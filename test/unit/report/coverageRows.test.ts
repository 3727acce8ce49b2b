import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverageMatrix } from '../../../server/src/engine/report/coverageMatrix';
import { MemoryWorkspace } from '../../../server/src/testing/memoryWorkspace';

test('the coverage matrix lists an API and only the operations with their own policy', () => {
  const { workspace } = new MemoryWorkspace({
    'apis/orders/apiInformation.json': '{ "properties": { "subscriptionRequired": true } }',
    'apis/orders/policy.xml': '<policies><inbound><base /></inbound></policies>',
    'apis/orders/operations/get-order/operationInformation.json': '{ "properties": { "method": "GET", "urlTemplate": "/orders/{id}" } }',
    'apis/orders/operations/create-order/operationInformation.json': '{ "properties": { "method": "POST", "urlTemplate": "/orders" } }',
    'apis/orders/operations/create-order/policy.xml': '<policies><inbound><base /></inbound></policies>',
  });
  assert.deepEqual(
    coverageMatrix([workspace]).map((row) => [row.kind, row.api, row.operation]),
    [
      ['api', 'orders', undefined],
      ['operation', 'orders', 'create-order'],
    ],
  );
});
