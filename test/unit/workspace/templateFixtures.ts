// A small APIM deployment written as Bicep (policies loaded from XML files) and as ARM JSON (policies inline):
// a global policy with cors, product free, API orders (keeps <base />) and API raw (drops it in inbound).

export const GLOBAL_XML = `<policies>
  <inbound><cors><allowed-origins><origin>*</origin></allowed-origins></cors></inbound>
  <backend><forward-request /></backend>
  <outbound />
  <on-error />
</policies>`;

export const API_XML = `<policies>
  <inbound><base /><set-header name="x-api" exists-action="override"><value>1</value></set-header></inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
  <on-error><base /></on-error>
</policies>`;

export const NO_BASE_XML = `<policies>
  <inbound><set-header name="x-raw" exists-action="override"><value>1</value></set-header></inbound>
  <backend><base /></backend>
  <outbound><base /></outbound>
  <on-error><base /></on-error>
</policies>`;

export const BICEP = `param apimName string = 'contoso-apim'
param location string = resourceGroup().location

resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' = {
  name: apimName
  location: location
  sku: { name: 'Developer', capacity: 1 }
  properties: { publisherEmail: 'a@b.c', publisherName: 'Contoso' }
}

resource globalPolicy 'Microsoft.ApiManagement/service/policies@2023-05-01-preview' = {
  parent: apim
  name: 'policy'
  properties: { format: 'rawxml', value: loadTextContent('policies/global.xml') }
}

resource free 'Microsoft.ApiManagement/service/products@2023-05-01-preview' = {
  parent: apim
  name: 'free'
  properties: { displayName: 'Free', subscriptionRequired: true, state: 'published' }
}

resource orders 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {
  parent: apim
  name: 'orders'
  properties: { displayName: 'Orders', path: 'orders', protocols: ['https'], subscriptionRequired: true }
}

resource ordersPolicy 'Microsoft.ApiManagement/service/apis/policies@2023-05-01-preview' = {
  parent: orders
  name: 'policy'
  properties: { format: 'rawxml', value: loadTextContent('policies/orders.xml') }
}

resource raw 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {
  parent: apim
  name: 'raw'
  properties: { displayName: 'Raw', path: 'raw', subscriptionRequired: true }

  resource rawPolicy 'policies' = {
    name: 'policy'
    properties: { format: 'rawxml', value: loadTextContent('policies/raw.xml') }
  }

  resource getItem 'operations' = {
    name: 'get-item'
    properties: { displayName: 'Get item', method: 'get', urlTemplate: '/items/{id}' }
  }
}

resource freeOrders 'Microsoft.ApiManagement/service/products/apis@2023-05-01-preview' = {
  parent: free
  name: orders.name
}

resource freeRaw 'Microsoft.ApiManagement/service/products/apis@2023-05-01-preview' = {
  parent: free
  name: raw.name
}

resource backend 'Microsoft.ApiManagement/service/backends@2023-05-01-preview' = {
  parent: apim
  name: 'orders-backend'
  properties: { url: 'https://orders.example.com', protocol: 'http' }
}

resource key 'Microsoft.ApiManagement/service/namedValues@2023-05-01-preview' = {
  parent: apim
  name: 'orders-key'
  properties: { displayName: 'orders-key', secret: true, value: 'x' }
}
`;

export const ARM = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { apimName: { type: 'string', defaultValue: 'contoso-apim' } },
    variables: { productName: 'free' },
    resources: [
      { type: 'Microsoft.ApiManagement/service', apiVersion: '2022-08-01', name: "[parameters('apimName')]", properties: {} },
      {
        type: 'Microsoft.ApiManagement/service/policies',
        apiVersion: '2022-08-01',
        name: "[concat(parameters('apimName'), '/policy')]",
        properties: { format: 'rawxml', value: GLOBAL_XML },
      },
      {
        type: 'Microsoft.ApiManagement/service/products',
        apiVersion: '2022-08-01',
        name: "[format('{0}/{1}', parameters('apimName'), variables('productName'))]",
        properties: { displayName: 'Free', subscriptionRequired: true },
      },
      {
        type: 'Microsoft.ApiManagement/service/apis',
        apiVersion: '2022-08-01',
        name: "[concat(parameters('apimName'), '/orders')]",
        properties: { path: 'orders', subscriptionRequired: true },
        resources: [{ type: 'policies', apiVersion: '2022-08-01', name: 'policy', properties: { format: 'rawxml', value: API_XML } }],
      },
      {
        type: 'Microsoft.ApiManagement/service/apis',
        apiVersion: '2022-08-01',
        name: "[concat(parameters('apimName'), '/raw')]",
        properties: { path: 'raw', subscriptionRequired: true },
      },
      {
        type: 'Microsoft.ApiManagement/service/apis/policies',
        apiVersion: '2022-08-01',
        name: "[concat(parameters('apimName'), '/raw/policy')]",
        properties: { format: 'rawxml', value: NO_BASE_XML },
      },
      { type: 'Microsoft.ApiManagement/service/products/apis', apiVersion: '2022-08-01', name: "[concat(parameters('apimName'), '/free/orders')]" },
      {
        type: 'Microsoft.ApiManagement/service/products/apis',
        apiVersion: '2022-08-01',
        name: "[concat(parameters('apimName'), '/', variables('productName'), '/raw')]",
      },
    ],
  },
  null,
  2,
);
