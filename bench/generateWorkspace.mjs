// Deterministic generator of APIOps (classic layout) workspaces, Bicep deployments and large policies for
// the benchmark. The same seed and size always give byte-identical files.
//
//   node bench/generateWorkspace.mjs <folder> --apis 1000 [--operations 5] [--seed 8] [--bicep]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small, fast, seedable PRNG; enough for picking shapes, not for anything secret. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random, items) => items[Math.floor(random() * items.length)];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/** One inbound statement; `names` gives fragments, named values and backends that exist in the workspace. */
function inboundStatement(random, names, indent) {
  const nv = pick(random, names.namedValues);
  const choices = [
    () =>
      `${indent}<rate-limit-by-key calls="${10 + Math.floor(random() * 990)}" renewal-period="60" counter-key="@(context.Subscription?.Key ?? context.Request.IpAddress)" />`,
    () => `${indent}<set-header name="x-${nv}" exists-action="override">\n${indent}  <value>{{${nv}}}</value>\n${indent}</set-header>`,
    () => `${indent}<include-fragment fragment-id="${pick(random, names.fragments)}" />`,
    () => `${indent}<set-backend-service backend-id="${pick(random, names.backends)}" />`,
    () => `${indent}<set-variable name="started" value="@(DateTime.UtcNow.ToString(&quot;o&quot;))" />`,
    () =>
      `${indent}<choose>\n${indent}  <when condition="@(context.Request.Method == &quot;POST&quot; &amp;&amp; context.Request.Body != null)">\n${indent}    <set-header name="x-body" exists-action="override">\n${indent}      <value>present</value>\n${indent}    </set-header>\n${indent}  </when>\n${indent}</choose>`,
    () => `${indent}<check-header name="Authorization" failed-check-httpcode="401" failed-check-error-message="Not authorized" ignore-case="true" />`,
    () =>
      `${indent}<cors allow-credentials="false">\n${indent}  <allowed-origins>\n${indent}    <origin>https://contoso.example.com</origin>\n${indent}  </allowed-origins>\n${indent}  <allowed-methods>\n${indent}    <method>GET</method>\n${indent}  </allowed-methods>\n${indent}</cors>`,
  ];
  return pick(random, choices)();
}

/** A complete `<policies>` document with `statements` inbound statements. */
function policyDocument(random, names, statements, withBase = true) {
  const inbound = [];
  if (withBase) inbound.push('    <base />');
  for (let i = 0; i < statements; i++) inbound.push(inboundStatement(random, names, '    '));
  const base = withBase ? '    <base />\n' : '';
  return [
    '<policies>',
    '  <inbound>',
    ...inbound,
    '  </inbound>',
    `  <backend>\n${withBase ? '    <base />' : '    <forward-request timeout="60" />'}\n  </backend>`,
    `  <outbound>\n${base}    <set-header name="x-powered-by" exists-action="delete" />\n  </outbound>`,
    `  <on-error>\n${base}    <set-header name="x-error" exists-action="override">\n      <value>@(context.LastError.Reason)</value>\n    </set-header>\n  </on-error>`,
    '</policies>',
    '',
  ].join('\n');
}

/** Default names used when a policy is generated outside a workspace. */
const STANDALONE_NAMES = {
  fragments: ['common-auth', 'common-logging', 'common-cors'],
  namedValues: ['environment', 'tenant-id', 'audience'],
  backends: ['orders-backend', 'billing-backend'],
};

/** A policy of about `lines` lines (at least one statement), deterministic for a seed. */
export function generatePolicy(lines, seed = 8) {
  let statements = 1;
  let text = policyDocument(seededRandom(seed), STANDALONE_NAMES, statements);
  // Grow geometrically, then settle on the count that reaches the requested line count.
  while (text.split('\n').length < lines) {
    statements = Math.max(statements + 1, Math.ceil((statements * lines) / text.split('\n').length));
    text = policyDocument(seededRandom(seed), STANDALONE_NAMES, statements);
  }
  return text;
}

/** Statements whose attributes and bodies are C# expressions of the shapes real policies use. */
const EXPRESSION_STATEMENTS = [
  (i, indent) =>
    `${indent}<set-variable name="tenant-${i}" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-tenant&quot;, &quot;&quot;).Trim().ToLowerInvariant())" />`,
  (i, indent) =>
    `${indent}<set-header name="x-trace-${i}" exists-action="override">\n${indent}  <value>@($&quot;{context.RequestId}-{context.Deployment.Region}-{(string)context.Variables[&quot;tenant-${i}&quot;]}&quot;)</value>\n${indent}</set-header>`,
  (_i, indent) =>
    `${indent}<choose>\n${indent}  <when condition="@(context.Request.Url.Query.GetValueOrDefault(&quot;page&quot;, &quot;1&quot;).Length &gt; 3 || context.Subscription?.Key == null)">\n${indent}    <return-response>\n${indent}      <set-status code="400" reason="Bad request" />\n${indent}    </return-response>\n${indent}  </when>\n${indent}</choose>`,
  (i, indent) =>
    `${indent}<set-body>@{\n${indent}  var body = context.Request.Body.As&lt;JObject&gt;(preserveContent: true);\n${indent}  var names = body.Properties().Where(p =&gt; p.Name.StartsWith(&quot;x&quot;)).Select(p =&gt; p.Name).ToList();\n${indent}  body[&quot;count-${i}&quot;] = names.Count;\n${indent}  if (context.Variables.ContainsKey(&quot;tenant-${i}&quot;)) {\n${indent}    body[&quot;tenant&quot;] = (string)context.Variables[&quot;tenant-${i}&quot;];\n${indent}  }\n${indent}  return body.ToString();\n${indent}}</set-body>`,
  (i, indent) =>
    `${indent}<rate-limit-by-key calls="${10 + (i % 90)}" renewal-period="60" counter-key="@(context.Subscription?.Id ?? context.Request.IpAddress)" increment-condition="@(context.Response.StatusCode &gt;= 200 &amp;&amp; context.Response.StatusCode &lt; 300)" />`,
  (i, indent) =>
    `${indent}<set-query-parameter name="ts-${i}" exists-action="override">\n${indent}  <value>@(DateTime.UtcNow.AddMinutes(${i % 60}).ToString(&quot;o&quot;, System.Globalization.CultureInfo.InvariantCulture))</value>\n${indent}</set-query-parameter>`,
];

/**
 * A policy of about `lines` lines made of expression-heavy statements (typed chains, interpolated strings,
 * multi-statement blocks with lambdas, variable reads): the worst case for the C# reading behind every keystroke.
 */
export function generateExpressionPolicy(lines) {
  const inbound = ['    <base />'];
  for (let i = 0; inbound.join('\n').split('\n').length < lines - 12; i++) inbound.push(EXPRESSION_STATEMENTS[i % EXPRESSION_STATEMENTS.length](i, '    '));
  return [
    '<policies>',
    '  <inbound>',
    ...inbound,
    '  </inbound>',
    '  <backend>\n    <base />\n  </backend>',
    '  <outbound>\n    <base />\n  </outbound>',
    '  <on-error>\n    <base />\n  </on-error>',
    '</policies>',
    '',
  ].join('\n');
}

function json(value) {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The names of a generated service of `apis` APIs: fragments, named values and backends, and products. */
function serviceNames(apis) {
  return {
    names: {
      fragments: Array.from({ length: Math.max(3, Math.ceil(apis / 50)) }, (_, i) => `fragment-${i}`),
      namedValues: Array.from({ length: Math.max(5, Math.ceil(apis / 20)) }, (_, i) => `setting-${i}`),
      backends: Array.from({ length: Math.max(2, Math.ceil(apis / 10)) }, (_, i) => `backend-${i}`),
    },
    products: Array.from({ length: Math.max(2, Math.ceil(apis / 25)) }, (_, i) => `product-${i}`),
  };
}

/** A folder emptied first, and a writer into it that counts the files and bytes it writes. */
function outputFolder(root) {
  rmSync(root, { recursive: true, force: true });
  const output = {
    files: 0,
    bytes: 0,
    write: (relativePath, text) => {
      const path = join(root, relativePath);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      output.files++;
      output.bytes += Buffer.byteLength(text);
    },
  };
  return output;
}

/**
 * Writes an APIOps classic workspace under `root` (removed first) and returns what it wrote.
 * Every API has `operations` operations, each with its own policy.
 */
export function generateWorkspace(root, { apis, operations = 5, seed = 8 }) {
  const random = seededRandom(seed);
  const { names, products } = serviceNames(apis);
  const output = outputFolder(root);
  const write = output.write;

  write('policy.xml', policyDocument(random, names, 4, false));
  for (const fragment of names.fragments) {
    write(
      `policy fragments/${fragment}/policy.xml`,
      `<fragment>\n${inboundStatement(random, names, '  ')}\n${inboundStatement(random, names, '  ')}\n</fragment>\n`,
    );
    write(
      `policy fragments/${fragment}/policyFragmentInformation.json`,
      json({ properties: { description: `Shared statements ${fragment}`, format: 'rawxml' } }),
    );
  }
  for (const [index, namedValue] of names.namedValues.entries()) {
    const secret = index % 4 === 0;
    const properties = secret
      ? { displayName: namedValue, secret: true, keyVault: { secretIdentifier: `https://bench-kv.vault.azure.net/secrets/${namedValue}` }, tags: [] }
      : { displayName: namedValue, secret: false, value: `value-${index}`, tags: [] };
    write(`named values/${namedValue}/namedValueInformation.json`, json({ properties }));
  }
  for (const [index, backend] of names.backends.entries()) {
    write(
      `backends/${backend}/backendInformation.json`,
      json({ properties: { protocol: 'http', url: `https://backend-${index}.example.com/api`, title: backend } }),
    );
  }
  const apiNames = Array.from({ length: apis }, (_, i) => `api-${String(i).padStart(5, '0')}`);
  for (const [index, product] of products.entries()) {
    write(
      `products/${product}/productInformation.json`,
      json({ properties: { displayName: `Product ${index}`, subscriptionRequired: true, state: 'published' } }),
    );
    write(`products/${product}/policy.xml`, policyDocument(random, names, 2));
  }
  for (const [index, api] of apiNames.entries()) {
    const product = products[index % products.length];
    write(`products/${product}/apis/${api}/productApiInformation.json`, json({ properties: {} }));
    write(
      `apis/${api}/apiInformation.json`,
      json({
        properties: {
          displayName: `API ${index}`,
          path: `svc/${api}`,
          protocols: ['https'],
          serviceUrl: `https://${api}.example.com`,
          subscriptionRequired: true,
          isCurrent: true,
          apiRevision: '1',
        },
      }),
    );
    write(`apis/${api}/policy.xml`, policyDocument(random, names, 3));
    for (let op = 0; op < operations; op++) {
      const operation = `operation-${op}`;
      write(
        `apis/${api}/operations/${operation}/operationInformation.json`,
        json({ properties: { method: METHODS[op % METHODS.length], urlTemplate: `/items/${op}/{id}` } }),
      );
      write(`apis/${api}/operations/${operation}/policy.xml`, policyDocument(random, names, 2));
    }
  }
  return {
    root,
    apis,
    operations,
    files: output.files,
    bytes: output.bytes,
    firstOperationPolicy: join(root, 'apis', apiNames[0], 'operations', 'operation-0', 'policy.xml'),
  };
}

const API_VERSION = '2023-05-01-preview';

/**
 * Writes a Bicep deployment of the same service under `root` (removed first): `main.bicep` declares the
 * service, its global and product policies, fragments, named values and backends, and deploys one local
 * module per API (`modules/<api>.bicep`: the API, its operations, their policies loaded from XML files, and
 * its product link). Policies are the files `loadTextContent` reads, as in real template repositories.
 */
export function generateBicepDeployment(root, { apis, operations = 5, seed = 8 }) {
  const random = seededRandom(seed);
  const { names, products } = serviceNames(apis);
  const output = outputFolder(root);
  const write = output.write;
  const resource = (symbol, type, body) =>
    `resource ${symbol} 'Microsoft.ApiManagement/${type}@${API_VERSION}' = {\n${body.map((line) => `  ${line}`).join('\n')}\n}\n`;
  const symbolOf = (name) => name.replace(/-/g, '_');

  const main = [
    "param apimName string = 'bench-apim'",
    "param location string = 'westeurope'",
    '',
    resource('apim', 'service', [
      'name: apimName',
      'location: location',
      "sku: { name: 'Developer', capacity: 1 }",
      "properties: { publisherEmail: 'api@example.com', publisherName: 'Bench' }",
    ]),
    resource('globalPolicy', 'service/policies', [
      'parent: apim',
      "name: 'policy'",
      "properties: { format: 'rawxml', value: loadTextContent('policies/global.xml') }",
    ]),
  ];
  write('policies/global.xml', policyDocument(random, names, 4, false));
  for (const fragment of names.fragments) {
    write(
      `policies/fragments/${fragment}.xml`,
      `<fragment>\n${inboundStatement(random, names, '  ')}\n${inboundStatement(random, names, '  ')}\n</fragment>\n`,
    );
    main.push(
      resource(symbolOf(fragment), 'service/policyFragments', [
        'parent: apim',
        `name: '${fragment}'`,
        `properties: { format: 'rawxml', value: loadTextContent('policies/fragments/${fragment}.xml') }`,
      ]),
    );
  }
  for (const [index, namedValue] of names.namedValues.entries()) {
    const properties =
      index % 4 === 0
        ? `{ displayName: '${namedValue}', secret: true, keyVault: { secretIdentifier: 'https://bench-kv.vault.azure.net/secrets/${namedValue}' } }`
        : `{ displayName: '${namedValue}', secret: false, value: 'value-${index}' }`;
    main.push(resource(symbolOf(namedValue), 'service/namedValues', ['parent: apim', `name: '${namedValue}'`, `properties: ${properties}`]));
  }
  for (const [index, backend] of names.backends.entries()) {
    main.push(
      resource(symbolOf(backend), 'service/backends', [
        'parent: apim',
        `name: '${backend}'`,
        `properties: { protocol: 'http', url: 'https://backend-${index}.example.com/api', title: '${backend}' }`,
      ]),
    );
  }
  for (const [index, product] of products.entries()) {
    write(`policies/products/${product}.xml`, policyDocument(random, names, 2));
    main.push(
      resource(symbolOf(product), 'service/products', [
        'parent: apim',
        `name: '${product}'`,
        `properties: { displayName: 'Product ${index}', subscriptionRequired: true, state: 'published' }`,
      ]),
    );
    main.push(
      resource(`${symbolOf(product)}_policy`, 'service/products/policies', [
        `parent: ${symbolOf(product)}`,
        "name: 'policy'",
        `properties: { format: 'rawxml', value: loadTextContent('policies/products/${product}.xml') }`,
      ]),
    );
  }
  const apiNames = Array.from({ length: apis }, (_, i) => `api-${String(i).padStart(5, '0')}`);
  for (const [index, api] of apiNames.entries()) {
    const product = products[index % products.length];
    main.push(
      `module ${symbolOf(api)} 'modules/${api}.bicep' = {\n  name: '${api}'\n  params: { apimName: apim.name, productName: ${symbolOf(product)}.name }\n}\n`,
    );
    const module = [
      'param apimName string',
      'param productName string',
      '',
      "resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = { name: apimName }",
      "resource product 'Microsoft.ApiManagement/service/products@2023-05-01-preview' existing = { parent: apim, name: productName }",
      '',
      resource('api', 'service/apis', [
        'parent: apim',
        `name: '${api}'`,
        `properties: { displayName: 'API ${index}', path: 'svc/${api}', protocols: ['https'], serviceUrl: 'https://${api}.example.com', subscriptionRequired: true }`,
      ]),
      resource('apiPolicy', 'service/apis/policies', [
        'parent: api',
        "name: 'policy'",
        `properties: { format: 'rawxml', value: loadTextContent('../policies/${api}/api.xml') }`,
      ]),
      resource('link', 'service/products/apis', ['parent: product', 'name: api.name']),
    ];
    write(`policies/${api}/api.xml`, policyDocument(random, names, 3));
    for (let op = 0; op < operations; op++) {
      const operation = `operation-${op}`;
      module.push(
        resource(symbolOf(operation), 'service/apis/operations', [
          'parent: api',
          `name: '${operation}'`,
          `properties: { displayName: '${operation}', method: '${METHODS[op % METHODS.length]}', urlTemplate: '/items/${op}/{id}' }`,
        ]),
      );
      module.push(
        resource(`${symbolOf(operation)}_policy`, 'service/apis/operations/policies', [
          `parent: ${symbolOf(operation)}`,
          "name: 'policy'",
          `properties: { format: 'rawxml', value: loadTextContent('../policies/${api}/${operation}.xml') }`,
        ]),
      );
      write(`policies/${api}/${operation}.xml`, policyDocument(random, names, 2));
    }
    write(`modules/${api}.bicep`, module.join('\n'));
  }
  write('main.bicep', main.join('\n'));
  return { root, apis, operations, files: output.files, bytes: output.bytes, firstOperationPolicy: join(root, 'policies', apiNames[0], 'operation-0.xml') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [folder, ...rest] = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = rest.indexOf(`--${name}`);
    return index === -1 ? fallback : Number(rest[index + 1]);
  };
  if (!folder) {
    console.error('usage: node bench/generateWorkspace.mjs <folder> --apis <n> [--operations 5] [--seed 8] [--bicep]');
    process.exit(2);
  }
  const generate = rest.includes('--bicep') ? generateBicepDeployment : generateWorkspace;
  const result = generate(folder, { apis: option('apis', 100), operations: option('operations', 5), seed: option('seed', 8) });
  console.log(`${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB in ${result.root}`);
}
