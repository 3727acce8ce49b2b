import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentSpecificReason, hostBaseName } from './environmentSpecificHost';

describe('environmentSpecificReason', () => {
  test('Azure resource names, environment words and IP addresses', () => {
    assert.equal(environmentSpecificReason('orders.azurewebsites.net'), 'an Azure resource name (*.azurewebsites.net)');
    assert.equal(environmentSpecificReason('api-staging.contoso.com'), "an environment name ('staging')");
    assert.equal(environmentSpecificReason('10.1.2.3'), 'an IP address');
  });

  test('shared public hosts are not environment-specific', () => {
    for (const host of ['login.microsoftonline.com', 'graph.microsoft.com', 'api.contoso.com', 'echoapi.cloudapp.net', 'devtools.contoso.com']) {
      assert.equal(environmentSpecificReason(host), undefined, host);
    }
  });
});

describe('hostBaseName', () => {
  test('drops environment words from the first label', () => {
    assert.equal(hostBaseName('orders-dev.azurewebsites.net'), 'orders');
    assert.equal(hostBaseName('non-prod-logicapp01.azurewebsites.net'), 'logicapp01');
    assert.equal(hostBaseName('uat.contoso.com'), 'backend');
  });
});
