// Writes snippets/apim-policy.code-snippets: one snippet per APIM policy (prefix = the element name) and
// whole-document skeletons. Bodies are written here by hand, in VS Code snippet syntax, with the required
// attributes as placeholders and working defaults; every body is checked by test/unit/snippets.
// Run: node snippets/generate.mjs [path to a policy catalog JSON to cross-check names against]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ACTION = '${N|prevent,detect,ignore|}';
const action = (index) => ACTION.replace('N', String(index));

/** [element name, description, body]: one entry per policy. */
const POLICIES = [
  // Rate limiting and quotas
  ['rate-limit', 'Throttle calls per subscription within a renewal window.',
    '<rate-limit calls="${1:20}" renewal-period="${2:90}" />'],
  ['rate-limit-by-key', 'Throttle calls per key (for example per client IP) within a renewal window.',
    '<rate-limit-by-key calls="${1:10}" renewal-period="${2:60}" counter-key="${3:@(context.Request.IpAddress)}" />'],
  ['quota', 'Cap the calls per subscription over a long period.',
    '<quota calls="${1:10000}" renewal-period="${2:86400}" />'],
  ['quota-by-key', 'Cap the calls per key over a long period.',
    '<quota-by-key calls="${1:10000}" renewal-period="${2:86400}" counter-key="${3:@(context.Subscription.Id)}" />'],
  ['llm-token-limit', 'Limit the language-model tokens a key may use per minute.',
    '<llm-token-limit counter-key="${1:@(context.Subscription.Id)}" tokens-per-minute="${2:5000}" estimate-prompt-tokens="${3|false,true|}" />'],
  ['azure-openai-token-limit', 'Limit the Azure OpenAI tokens a key may use per minute.',
    '<azure-openai-token-limit counter-key="${1:@(context.Subscription.Id)}" tokens-per-minute="${2:5000}" estimate-prompt-tokens="${3|false,true|}" />'],
  ['limit-concurrency', 'Run the enclosed policies for at most a given number of requests at once.',
    '<limit-concurrency key="${1:@(context.Request.IpAddress)}" max-count="${2:3}">\n\t${3:<forward-request timeout="120" />}\n</limit-concurrency>'],
  // Authentication and authorization
  ['check-header', 'Reject the request unless a header is present (and optionally has an allowed value).',
    '<check-header name="${1:X-Api-Version}" failed-check-httpcode="${2:400}" failed-check-error-message="${3:Missing or unsupported header}" ignore-case="${4|true,false|}">\n\t<value>${5:2024-01-01}</value>\n</check-header>'],
  ['get-authorization-context', 'Fetch a credential-manager connection (access token) into a variable.',
    '<get-authorization-context provider-id="${1:github}" authorization-id="${2:connection-1}" context-variable-name="${3:auth-context}" identity-type="${4|managed,jwt|}" ignore-error="false" />'],
  ['ip-filter', 'Allow or block callers by IP address or range.',
    '<ip-filter action="${1|allow,forbid|}">\n\t<address-range from="${2:10.0.0.0}" to="${3:10.0.0.255}" />\n</ip-filter>'],
  ['validate-azure-ad-token', 'Accept only requests with a valid Microsoft Entra token for the given tenant and client apps.',
    '<validate-azure-ad-token tenant-id="${1:{{tenant-id\\}\\}}" failed-validation-httpcode="${2:401}" failed-validation-error-message="${3:Unauthorized}">\n\t<client-application-ids>\n\t\t<application-id>${4:{{client-app-id\\}\\}}</application-id>\n\t</client-application-ids>\n</validate-azure-ad-token>'],
  ['validate-jwt', 'Accept only requests whose JWT validates against an OpenID configuration and audience.',
    '<validate-jwt header-name="${1:Authorization}" failed-validation-httpcode="${2:401}" failed-validation-error-message="${3:Unauthorized}" require-scheme="Bearer">\n\t<openid-config url="${4:https://login.microsoftonline.com/{{tenant-id\\}\\}/v2.0/.well-known/openid-configuration}" />\n\t<audiences>\n\t\t<audience>${5:api://my-api}</audience>\n\t</audiences>\n</validate-jwt>'],
  ['validate-client-certificate', 'Accept only callers presenting a trusted client certificate.',
    '<validate-client-certificate validate-revocation="${1|true,false|}" validate-trust="${2|true,false|}" validate-not-before="true" validate-not-after="true" ignore-error="false">\n\t<identities>\n\t\t<identity thumbprint="${3:certificate-thumbprint}" />\n\t</identities>\n</validate-client-certificate>'],
  ['authentication-basic', 'Call the backend with HTTP Basic credentials (keep them in named values).',
    '<authentication-basic username="${1:{{backend-username\\}\\}}" password="${2:{{backend-password\\}\\}}" />'],
  ['authentication-certificate', 'Call the backend with a client certificate uploaded to API Management.',
    '<authentication-certificate certificate-id="${1:backend-certificate}" />'],
  ['authentication-managed-identity', 'Call the backend with a token for the gateway\'s managed identity.',
    '<authentication-managed-identity resource="${1:https://management.azure.com/}" />'],
  // Content validation
  ['validate-content', 'Check request or response bodies against size limits and the API schema.',
    `<validate-content unspecified-content-type-action="${action(1)}" max-size="\${2:102400}" size-exceeded-action="${action(3)}" errors-variable-name="\${4:contentValidation}">\n\t<content type="\${5:application/json}" validate-as="\${6|json,xml,soap|}" action="${action(7)}" />\n</validate-content>`],
  ['validate-graphql-request', 'Check GraphQL requests for size, depth and field authorization.',
    '<validate-graphql-request error-variable-name="${1:graphqlValidation}" max-size="${2:102400}" max-depth="${3:4}" />'],
  ['validate-odata-request', 'Check that a request follows the OData protocol versions and limits.',
    '<validate-odata-request error-variable-name="${1:odataValidation}" />'],
  ['validate-parameters', 'Check request parameters against the API schema.',
    `<validate-parameters specified-parameter-action="${action(1)}" unspecified-parameter-action="${action(2)}" errors-variable-name="\${3:parameterValidation}" />`],
  ['validate-headers', 'Check response headers against the API schema.',
    `<validate-headers specified-header-action="${action(1)}" unspecified-header-action="${action(2)}" errors-variable-name="\${3:headerValidation}" />`],
  ['validate-status-code', 'Check response status codes against the API schema.',
    `<validate-status-code unspecified-status-code-action="${action(1)}" errors-variable-name="\${2:statusCodeValidation}" />`],
  ['llm-content-safety', 'Screen language-model prompts with Azure AI Content Safety before they reach the model.',
    '<llm-content-safety backend-id="${1:content-safety-backend}" shield-prompt="${2|true,false|}">\n\t<categories output-type="EightSeverityLevels">\n\t\t<category name="${3|Hate,SelfHarm,Sexual,Violence|}" threshold="${4:4}" />\n\t</categories>\n</llm-content-safety>'],
  // Routing
  ['forward-request', 'Send the request to the backend service.',
    '<forward-request timeout="${1:60}" />'],
  ['set-backend-service', 'Route the request to a backend entity or base URL.',
    '<set-backend-service backend-id="${1:my-backend}" />'],
  ['proxy', 'Send backend calls through an HTTP proxy.',
    '<proxy url="${1:http://proxy.example.com:8080}" />'],
  // Caching
  ['cache-lookup', 'Answer from the response cache when a matching entry exists.',
    '<cache-lookup vary-by-developer="${1|false,true|}" vary-by-developer-groups="${2|false,true|}" downstream-caching-type="${3|none,private,public|}" />'],
  ['cache-store', 'Store the response in the cache for a number of seconds.',
    '<cache-store duration="${1:3600}" />'],
  ['cache-lookup-value', 'Read a cached value by key into a context variable.',
    '<cache-lookup-value key="${1:cache-key}" variable-name="${2:cachedValue}" />'],
  ['cache-store-value', 'Store a value in the cache under a key.',
    '<cache-store-value key="${1:cache-key}" value="${2:@(context.Variables.GetValueOrDefault("cachedValue", ""))}" duration="${3:3600}" />'],
  ['cache-remove-value', 'Remove a cached value by key.',
    '<cache-remove-value key="${1:cache-key}" />'],
  ['azure-openai-semantic-cache-lookup', 'Answer Azure OpenAI prompts from the cache when a similar prompt was seen.',
    '<azure-openai-semantic-cache-lookup score-threshold="${1:0.05}" embeddings-backend-id="${2:embeddings-backend}" embeddings-backend-auth="system-assigned">\n\t<vary-by>${3:@(context.Subscription.Id)}</vary-by>\n</azure-openai-semantic-cache-lookup>'],
  ['llm-semantic-cache-lookup', 'Answer language-model prompts from the cache when a similar prompt was seen.',
    '<llm-semantic-cache-lookup score-threshold="${1:0.05}" embeddings-backend-id="${2:embeddings-backend}" embeddings-backend-auth="system-assigned">\n\t<vary-by>${3:@(context.Subscription.Id)}</vary-by>\n</llm-semantic-cache-lookup>'],
  ['llm-semantic-cache-store', 'Cache language-model completions for semantic lookups.',
    '<llm-semantic-cache-store duration="${1:60}" />'],
  ['azure-openai-semantic-cache-store', 'Cache Azure OpenAI completions for semantic lookups.',
    '<azure-openai-semantic-cache-store duration="${1:60}" />'],
  // Transformation
  ['set-method', 'Change the HTTP method of the request.',
    '<set-method>${1|GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS|}</set-method>'],
  ['set-status', 'Set the response status code and reason.',
    '<set-status code="${1:200}" reason="${2:OK}" />'],
  ['set-variable', 'Store a value in a context variable for later policies.',
    '<set-variable name="${1:name}" value="${2:@(context.Request.Url.Path)}" />'],
  ['set-body', 'Replace the request or response body.',
    '<set-body>${1:@(context.Request.Body.As<string>(preserveContent: true))}</set-body>'],
  ['set-header', 'Add, replace or remove a header.',
    '<set-header name="${1:X-Header}" exists-action="${2|override,skip,append,delete|}">\n\t<value>${3:value}</value>\n</set-header>'],
  ['set-query-parameter', 'Add, replace or remove a query string parameter.',
    '<set-query-parameter name="${1:api-version}" exists-action="${2|override,skip,append,delete|}">\n\t<value>${3:2024-01-01}</value>\n</set-query-parameter>'],
  ['rewrite-uri', 'Rewrite the request path (and query) sent to the backend.',
    '<rewrite-uri template="${1:/v2/orders}" copy-unmatched-params="${2|true,false|}" />'],
  ['json-to-xml', 'Convert a JSON body to XML.',
    '<json-to-xml apply="${1|always,content-type-json|}" consider-accept-header="${2|true,false|}" />'],
  ['xml-to-json', 'Convert an XML body to JSON.',
    '<xml-to-json kind="${1|javascript-friendly,direct|}" apply="${2|always,content-type-xml|}" consider-accept-header="${3|true,false|}" />'],
  ['find-and-replace', 'Replace a string in the body.',
    '<find-and-replace from="${1:old}" to="${2:new}" />'],
  ['redirect-content-urls', 'Rewrite backend URLs in the body so they point at the gateway.',
    '<redirect-content-urls />'],
  ['xsl-transform', 'Transform an XML body with an XSLT stylesheet.',
    '<xsl-transform>\n\t<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n\t\t<xsl:output omit-xml-declaration="yes" method="xml" indent="yes" />\n\t\t<xsl:template match="node()|@*">\n\t\t\t<xsl:copy>\n\t\t\t\t<xsl:apply-templates select="node()|@*" />\n\t\t\t</xsl:copy>\n\t\t</xsl:template>\n\t</xsl:stylesheet>\n</xsl-transform>'],
  ['return-response', 'Stop the pipeline and answer the caller directly.',
    '<return-response>\n\t<set-status code="${1:200}" reason="${2:OK}" />\n\t<set-header name="Content-Type" exists-action="override">\n\t\t<value>${3:application/json}</value>\n\t</set-header>\n\t<set-body>${4:{"status": "ok"\\}}</set-body>\n</return-response>'],
  ['mock-response', 'Answer with a sample response from the API definition instead of calling the backend.',
    '<mock-response status-code="${1:200}" content-type="${2:application/json}" />'],
  // Cross-domain
  ['cors', 'Answer CORS preflight requests and add CORS headers for the allowed origins.',
    '<cors allow-credentials="${1|false,true|}">\n\t<allowed-origins>\n\t\t<origin>${2:https://contoso.com}</origin>\n\t</allowed-origins>\n\t<allowed-methods>\n\t\t<method>${3:GET}</method>\n\t</allowed-methods>\n\t<allowed-headers>\n\t\t<header>${4:*}</header>\n\t</allowed-headers>\n</cors>'],
  ['cross-domain', 'Let Flash and Silverlight clients call the API.',
    '<cross-domain>\n\t<cross-domain-policy>\n\t\t<allow-access-from domain="${1:*}" />\n\t</cross-domain-policy>\n</cross-domain>'],
  ['jsonp', 'Wrap JSON responses for JSONP callers.',
    '<jsonp callback-parameter-name="${1:callback}" />'],
  // Integration and external communication
  ['send-request', 'Call another service and keep its response in a variable.',
    '<send-request mode="${1|new,copy|}" response-variable-name="${2:response}" timeout="${3:20}" ignore-error="${4|false,true|}">\n\t<set-url>${5:https://example.com/api}</set-url>\n\t<set-method>${6|GET,POST,PUT,PATCH,DELETE|}</set-method>\n</send-request>'],
  ['send-one-way-request', 'Call another service without waiting for its response.',
    '<send-one-way-request mode="${1|new,copy|}" timeout="${2:20}">\n\t<set-url>${3:https://example.com/hook}</set-url>\n\t<set-method>${4|POST,GET,PUT,PATCH,DELETE|}</set-method>\n</send-one-way-request>'],
  ['log-to-eventhub', 'Send a message to an Event Hubs logger.',
    '<log-to-eventhub logger-id="${1:event-hub-logger}">${2:@(string.Join(",", DateTime.UtcNow, context.RequestId, context.Request.Url.Path))}</log-to-eventhub>'],
  ['publish-to-dapr', 'Publish a message to a Dapr pub/sub topic.',
    '<publish-to-dapr topic="${1:pubsub/orders}">${2:@(context.Request.Body.As<string>())}</publish-to-dapr>'],
  ['invoke-dapr-binding', 'Trigger a Dapr output binding.',
    '<invoke-dapr-binding name="${1:binding-name}" operation="${2:create}">\n\t<data>${3:@(context.Request.Body.As<string>())}</data>\n</invoke-dapr-binding>'],
  ['send-service-bus-message', 'Send a message to a Service Bus queue or topic.',
    '<send-service-bus-message queue-name="${1:orders}" namespace="${2:my-namespace.servicebus.windows.net}">\n\t<payload>${3:@(context.Request.Body.As<string>(preserveContent: true))}</payload>\n</send-service-bus-message>'],
  // Logging
  ['trace', 'Write a message to the request trace and Application Insights.',
    '<trace source="${1:my-api}" severity="${2|verbose,information,error|}">\n\t<message>${3:@(context.Request.Url.Path)}</message>\n</trace>'],
  ['emit-metric', 'Send a custom metric with dimensions to Application Insights.',
    '<emit-metric name="${1:requests}" value="${2:1}" namespace="${3:apim-metrics}">\n\t<dimension name="${4:API ID}" />\n</emit-metric>'],
  ['llm-emit-token-metric', 'Send language-model token counts as metrics to Application Insights.',
    '<llm-emit-token-metric namespace="${1:llm-metrics}">\n\t<dimension name="${2:API ID}" />\n</llm-emit-token-metric>'],
  ['azure-openai-emit-token-metric', 'Send Azure OpenAI token counts as metrics to Application Insights.',
    '<azure-openai-emit-token-metric namespace="${1:openai-metrics}">\n\t<dimension name="${2:API ID}" />\n</azure-openai-emit-token-metric>'],
  // GraphQL resolvers: a data source is the root of a resolver policy
  ['sql-data-source', 'GraphQL resolver that runs a SQL statement on Azure SQL.',
    '<sql-data-source>\n\t<connection-info>\n\t\t<connection-string>${1:Server=tcp:my-server.database.windows.net,1433;Initial Catalog=my-db;}</connection-string>\n\t</connection-info>\n\t<request>\n\t\t<sql-statement>${2:SELECT * FROM Items WHERE Id = @id}</sql-statement>\n\t\t<parameters>\n\t\t\t<parameter name="@id">${3:@(context.GraphQL.Arguments["id"])}</parameter>\n\t\t</parameters>\n\t</request>\n</sql-data-source>'],
  ['cosmosdb-data-source', 'GraphQL resolver that reads or writes Cosmos DB items.',
    '<cosmosdb-data-source>\n\t<connection-info>\n\t\t<connection-string>${1:AccountEndpoint=https://my-account.documents.azure.com:443/;}</connection-string>\n\t\t<database-name>${2:my-database}</database-name>\n\t\t<container-name>${3:my-container}</container-name>\n\t</connection-info>\n\t<read-request>\n\t\t<id>${4:@(context.GraphQL.Arguments["id"].ToString())}</id>\n\t</read-request>\n</cosmosdb-data-source>'],
  ['http-data-source', 'GraphQL resolver that calls an HTTP endpoint.',
    '<http-data-source>\n\t<http-request>\n\t\t<set-method>${1|POST,GET,PUT,PATCH,DELETE|}</set-method>\n\t\t<set-url>${2:https://example.com/api/items}</set-url>\n\t</http-request>\n</http-data-source>'],
  ['publish-event', 'Notify GraphQL subscriptions from a resolver response.',
    '<publish-event>\n\t<targets>\n\t\t<graphql-subscription id="${1:onItemChanged}" />\n\t</targets>\n</publish-event>'],
  // Policy control and flow
  ['choose', 'Apply policies only when a condition holds (if / else).',
    '<choose>\n\t<when condition="${1:@(context.Request.Method == "POST")}">\n\t\t$2\n\t</when>\n\t<otherwise>\n\t\t$3\n\t</otherwise>\n</choose>'],
  ['include-fragment', 'Insert a policy fragment by its id.',
    '<include-fragment fragment-id="${1:fragment-id}" />'],
  ['retry', 'Repeat the enclosed policies while a condition holds, up to a count.',
    '<retry condition="${1:@(context.Response.StatusCode >= 500)}" count="${2:3}" interval="${3:1}" first-fast-retry="${4|false,true|}">\n\t${5:<forward-request buffer-request-body="true" />}\n</retry>'],
  ['wait', 'Wait for the enclosed requests to finish (all or the first).',
    '<wait for="${1|all,any|}">\n\t<send-request mode="new" response-variable-name="${2:first}" timeout="20" ignore-error="true">\n\t\t<set-url>${3:https://example.com/a}</set-url>\n\t\t<set-method>GET</set-method>\n\t</send-request>\n\t<send-request mode="new" response-variable-name="${4:second}" timeout="20" ignore-error="true">\n\t\t<set-url>${5:https://example.com/b}</set-url>\n\t\t<set-method>GET</set-method>\n\t</send-request>\n</wait>'],
];

/** Whole documents: [key, prefix, description, body]. */
const SKELETONS = [
  ['Policy document (global scope)', 'policies-global', 'Global policy document: the four sections, no <base />.',
    '<policies>\n\t<inbound>\n\t\t$0\n\t</inbound>\n\t<backend>\n\t\t<forward-request />\n\t</backend>\n\t<outbound>\n\t</outbound>\n\t<on-error>\n\t</on-error>\n</policies>'],
  ['Policy document (product, API or operation scope)', 'policies', 'Policy document for a child scope: each section starts with <base />.',
    '<policies>\n\t<inbound>\n\t\t<base />\n\t\t$0\n\t</inbound>\n\t<backend>\n\t\t<base />\n\t</backend>\n\t<outbound>\n\t\t<base />\n\t</outbound>\n\t<on-error>\n\t\t<base />\n\t</on-error>\n</policies>'],
  ['Policy fragment', 'fragment', 'Policy fragment: reusable policies for <include-fragment>, without <base />.',
    '<fragment>\n\t$0\n</fragment>'],
];

function snippetFile() {
  const file = {};
  for (const [key, prefix, description, body] of SKELETONS) file[key] = { prefix, description, body: body.split('\n') };
  for (const [name, description, body] of POLICIES) file[name] = { prefix: name, description, body: body.split('\n') };
  return file;
}

/** Names in the catalog that have no snippet, and snippets for names the catalog lacks. */
function crossCheck(catalogPath) {
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
  const policyNames = new Set(catalog.filter((entry) => !entry.structural).map((entry) => entry.name));
  const snippetNames = new Set(POLICIES.map(([name]) => name));
  return {
    missing: [...policyNames].filter((name) => !snippetNames.has(name)),
    unknown: [...snippetNames].filter((name) => !policyNames.has(name)),
  };
}

const catalogPath = resolve(process.argv[2] ?? join(here, '..', '..', 'shared', 'reference', 'policy-catalog.json'));
if (existsSync(catalogPath)) {
  const { missing, unknown } = crossCheck(catalogPath);
  if (missing.length > 0 || unknown.length > 0) {
    console.error(`snippets out of step with ${catalogPath}: missing ${missing.join(', ') || '-'}; unknown ${unknown.join(', ') || '-'}`);
    process.exit(1);
  }
} else {
  console.log(`note: ${catalogPath} not found; names not cross-checked`);
}
const output = join(here, 'apim-policy.code-snippets');
writeFileSync(output, JSON.stringify(snippetFile(), null, 2) + '\n');
console.log(`wrote ${POLICIES.length} policy snippets and ${SKELETONS.length} skeletons to ${output}`);
