/**
 * The `context` variable of policy expressions as a small typed table: each type lists its common
 * members and what they return, so `context.Request.Url.` can be followed member by member. Facts
 * from the policy expressions reference (api-management-policy-expressions); descriptions in our words.
 */

export interface ExpressionMember {
  readonly name: string;
  readonly kind: 'property' | 'method';
  /** The C# type the member gives; a key of EXPRESSION_TYPES when completion can continue after it. */
  readonly type: string;
  /** The call shape shown to the user, for methods. */
  readonly signature?: string;
  readonly description: string;
}

interface ExpressionType {
  readonly members: readonly ExpressionMember[];
  /** What `value[...]` gives, for dictionaries. */
  readonly indexer?: string;
}

const HEADERS = 'IReadOnlyDictionary<string, string[]>';
const VARIABLES = 'IReadOnlyDictionary<string, object>';
const PARAMETERS = 'IReadOnlyDictionary<string, string>';

function property(name: string, type: string, description: string): ExpressionMember {
  return { name, kind: 'property', type, description };
}

function method(name: string, type: string, signature: string, description: string): ExpressionMember {
  return { name, kind: 'method', type, signature, description };
}

/** `string` members worth offering in expressions: the APIM extensions and the everyday .NET ones. */
const STRING_MEMBERS: readonly ExpressionMember[] = [
  method('AsJwt', 'Jwt', 'AsJwt()', 'Parses the string as a JWT; null when it is not one.'),
  method('TryParseJwt', 'bool', 'TryParseJwt(out Jwt result)', 'Parses the string as a JWT; false when it is not one.'),
  method('AsBasic', 'BasicAuthCredentials', 'AsBasic()', 'Parses a Basic authorization header value; null when it is not one.'),
  method('TryParseBasic', 'bool', 'TryParseBasic(out BasicAuthCredentials result)', 'Parses a Basic authorization header value; false when it is not one.'),
  method('Contains', 'bool', 'Contains(string value)', 'True when the text contains the value.'),
  method('EndsWith', 'bool', 'EndsWith(string value)', 'True when the text ends with the value.'),
  method('Equals', 'bool', 'Equals(string value, StringComparison comparison)', 'Compares with another string.'),
  method('IndexOf', 'int', 'IndexOf(string value)', 'Position of the first occurrence, or -1.'),
  property('Length', 'int', 'Number of characters.'),
  method('Replace', 'string', 'Replace(string oldValue, string newValue)', 'Copy with every occurrence replaced.'),
  method('Split', 'string[]', 'Split(params char[] separators)', 'Splits the text at the separators.'),
  method('StartsWith', 'bool', 'StartsWith(string value)', 'True when the text starts with the value.'),
  method('Substring', 'string', 'Substring(int start, int length)', 'Part of the text.'),
  method('ToLower', 'string', 'ToLower()', 'Lower-case copy.'),
  method('ToUpper', 'string', 'ToUpper()', 'Upper-case copy.'),
  method('Trim', 'string', 'Trim()', 'Copy without leading and trailing whitespace.'),
];

function dictionaryMembers(valueType: string, getValueSignature: string, getValueDescription: string): ExpressionMember[] {
  return [
    method('ContainsKey', 'bool', 'ContainsKey(string key)', 'True when the key is present.'),
    property('Count', 'int', 'Number of entries.'),
    method('GetValueOrDefault', valueType === 'object' ? 'T' : 'string', getValueSignature, getValueDescription),
    property('Keys', 'IEnumerable<string>', 'The keys.'),
    method('TryGetValue', 'bool', `TryGetValue(string key, out ${valueType} value)`, 'Reads an entry; false when the key is absent.'),
  ];
}

export const EXPRESSION_TYPES: Readonly<Record<string, ExpressionType>> = {
  IProxyContext: {
    members: [
      property('Api', 'IApi', 'The API the request was matched to.'),
      property('Deployment', 'IDeployment', 'The gateway deployment handling the request: region, service name, certificates.'),
      property('Elapsed', 'TimeSpan', 'Time since the request arrived (since Timestamp).'),
      property('LastError', 'ILastError', 'The error that sent processing to on-error.'),
      property('Operation', 'IOperation', 'The API operation the request was matched to.'),
      property('Product', 'IProduct', 'The product of the subscription used, if any.'),
      property('Request', 'IRequest', 'The incoming request: method, URL, headers, body, client certificate.'),
      property('RequestId', 'Guid', 'Unique id of this request.'),
      property('Response', 'IResponse', 'The response: status, headers, body.'),
      property('Subscription', 'ISubscription', 'The subscription whose key was used, if any.'),
      property('Timestamp', 'DateTime', 'When the request arrived.'),
      property('Tracing', 'bool', 'True when tracing is on for this request.'),
      method('Trace', 'void', 'Trace(string message)', 'Writes a message to the request trace.'),
      property('User', 'IUser', 'The user the subscription belongs to, if any.'),
      property('Variables', VARIABLES, 'Variables set by set-variable and other policies.'),
    ],
  },
  IApi: {
    members: [
      property('Id', 'string', 'API identifier.'),
      property('IsCurrentRevision', 'bool', 'True when this is the current revision.'),
      property('Name', 'string', 'Display name.'),
      property('Path', 'string', 'API URL suffix.'),
      property('Protocols', 'IEnumerable<string>', 'Accepted protocols.'),
      property('Revision', 'string', 'Revision number.'),
      property('ServiceUrl', 'IUrl', 'The backend URL configured on the API.'),
      property('SubscriptionKeyParameterNames', 'ISubscriptionKeyParameterNames', 'Header and query names for the subscription key.'),
      property('Version', 'string', 'Version name.'),
    ],
  },
  IDeployment: {
    members: [
      property('Certificates', 'IReadOnlyDictionary<string, X509Certificate2>', 'Certificates uploaded to the service, by thumbprint.'),
      // Not in the reference, but used by Microsoft's own samples.
      property('Gateway', 'IGateway', 'The gateway handling the request: Id, InstanceId, IsManaged.'),
      property('GatewayId', 'string', "Gateway id; 'managed' for the managed gateway."),
      property('Region', 'string', 'Azure region of the gateway.'),
      property('ServiceName', 'string', 'Name of the API Management instance.'),
    ],
  },
  ILastError: {
    members: [
      property('Message', 'string', 'Human-readable error description.'),
      property('Path', 'string', 'Where in the pipeline the error happened.'),
      property('PolicyId', 'string', 'The id attribute of the failing policy, if it has one.'),
      property('Reason', 'string', 'Machine-friendly error reason.'),
      property('Scope', 'string', 'Scope of the policy that failed.'),
      property('Section', 'string', 'Section of the policy that failed.'),
      property('Source', 'string', 'Name of the failing policy or processing step.'),
    ],
  },
  IOperation: {
    members: [
      property('Id', 'string', 'Operation identifier.'),
      property('Method', 'string', 'HTTP method of the operation.'),
      property('Name', 'string', 'Display name.'),
      property('UrlTemplate', 'string', 'URL template of the operation.'),
    ],
  },
  IProduct: {
    members: [
      property('Apis', 'IEnumerable<IApi>', 'APIs in the product.'),
      property('ApprovalRequired', 'bool', 'Subscriptions need approval.'),
      property('Groups', 'IEnumerable<IGroup>', 'Groups that can see the product.'),
      property('Id', 'string', 'Product identifier.'),
      property('Name', 'string', 'Display name.'),
      property('State', 'ProductState', 'NotPublished or Published.'),
      property('SubscriptionLimit', 'int?', 'Maximum subscriptions per user, if limited.'),
      property('SubscriptionRequired', 'bool', 'Calls need a subscription key.'),
    ],
  },
  IRequest: {
    members: [
      property('Body', 'IMessageBody', 'The request body; null when there is none.'),
      property('Certificate', 'X509Certificate2', 'The client certificate, when one was presented.'),
      property('Headers', HEADERS, 'Request headers.'),
      property('IpAddress', 'string', 'Client IP address.'),
      property('MatchedParameters', PARAMETERS, 'Template parameters matched from the URL.'),
      property('Method', 'string', 'HTTP method.'),
      property('OriginalUrl', 'IUrl', 'The URL as the client sent it.'),
      property('PrivateEndpointConnection', 'IPrivateEndpointConnection', 'The private endpoint the request came through; null otherwise.'),
      property('Url', 'IUrl', 'The request URL (as rewritten so far).'),
    ],
  },
  IResponse: {
    members: [
      property('Body', 'IMessageBody', 'The response body.'),
      property('Headers', HEADERS, 'Response headers.'),
      property('StatusCode', 'int', 'HTTP status code.'),
      property('StatusReason', 'string', 'HTTP reason phrase.'),
    ],
  },
  ISubscription: {
    members: [
      property('CreatedDate', 'DateTime', 'When the subscription was created.'),
      property('EndDate', 'DateTime?', 'When the subscription ends, if set.'),
      property('Id', 'string', 'Subscription identifier.'),
      property('Key', 'string', 'The key used for this request.'),
      property('Name', 'string', 'Display name.'),
      property('PrimaryKey', 'string', 'Primary key.'),
      property('SecondaryKey', 'string', 'Secondary key.'),
      property('StartDate', 'DateTime?', 'When the subscription starts, if set.'),
    ],
  },
  IUser: {
    members: [
      property('Email', 'string', 'Email address.'),
      property('FirstName', 'string', 'First name.'),
      property('Groups', 'IEnumerable<IGroup>', 'Groups the user belongs to.'),
      property('Id', 'string', 'User identifier.'),
      property('Identities', 'IEnumerable<IUserIdentity>', 'Identity providers of the user.'),
      property('LastName', 'string', 'Last name.'),
      property('Note', 'string', 'Administrator note.'),
      property('RegistrationDate', 'DateTime', 'When the user registered.'),
    ],
  },
  IUrl: {
    members: [
      property('Host', 'string', 'Host name.'),
      property('Path', 'string', 'Path.'),
      property('Port', 'int', 'Port number.'),
      property('Query', HEADERS, 'Query parameters.'),
      property('QueryString', 'string', 'The query string.'),
      property('Scheme', 'string', 'http or https.'),
      method('ToUri', 'Uri', 'ToUri()', 'The URL as a System.Uri.'),
    ],
  },
  IMessageBody: {
    members: [
      method(
        'As',
        'T',
        'As<T>(bool preserveContent = false)',
        'Reads the body as string, byte[], JObject, JToken, JArray, XNode, XElement or XDocument; pass preserveContent: true to read it again later.',
      ),
      method(
        'AsFormUrlEncodedContent',
        'IDictionary<string, IList<string>>',
        'AsFormUrlEncodedContent(bool preserveContent = false)',
        'Reads a form-encoded body as names and values.',
      ),
    ],
  },
  IGateway: {
    members: [
      property('Id', 'string', "Gateway id; 'managed' for the managed gateway."),
      property('InstanceId', 'string', 'Id of the gateway instance.'),
      property('IsManaged', 'bool', 'True for the managed gateway.'),
    ],
  },
  IGroup: { members: [property('Id', 'string', 'Group identifier.'), property('Name', 'string', 'Display name.')] },
  IUserIdentity: { members: [property('Id', 'string', 'Identifier at the provider.'), property('Provider', 'string', 'Identity provider name.')] },
  IPrivateEndpointConnection: {
    members: [
      property('GroupId', 'string', 'Group id of the connection.'),
      property('MemberName', 'string', 'Member name of the connection.'),
      property('Name', 'string', 'Connection name.'),
    ],
  },
  ISubscriptionKeyParameterNames: {
    members: [
      property('Header', 'string', 'Header carrying the subscription key.'),
      property('Query', 'string', 'Query parameter carrying the subscription key.'),
    ],
  },
  Jwt: {
    members: [
      property('Algorithm', 'string', 'Signing algorithm.'),
      property('Audiences', 'IEnumerable<string>', 'Audiences (aud).'),
      property('Claims', HEADERS, 'All claims.'),
      property('ExpirationTime', 'DateTime?', 'Expiry (exp).'),
      property('Id', 'string', 'Token id (jti).'),
      property('IssuedAt', 'DateTime?', 'Issue time (iat).'),
      property('Issuer', 'string', 'Issuer (iss).'),
      property('NotBefore', 'DateTime?', 'Start of validity (nbf).'),
      property('Subject', 'string', 'Subject (sub).'),
      property('Type', 'string', 'Token type (typ).'),
    ],
  },
  BasicAuthCredentials: { members: [property('Password', 'string', 'The password.'), property('UserId', 'string', 'The user name.')] },
  string: { members: STRING_MEMBERS },
  [HEADERS]: {
    members: dictionaryMembers('string[]', 'GetValueOrDefault(string name, string defaultValue)', 'Comma-separated values, or the default when absent.'),
    indexer: 'string[]',
  },
  [PARAMETERS]: {
    members: dictionaryMembers('string', 'GetValueOrDefault(string name, string defaultValue)', 'The value, or the default when absent.'),
    indexer: 'string',
  },
  [VARIABLES]: {
    members: dictionaryMembers('object', 'GetValueOrDefault<T>(string name, T defaultValue = default)', 'The variable cast to T, or the default when absent.'),
    indexer: 'object',
  },
};

/** The type of the implicit `context` variable. */
export const CONTEXT_TYPE = 'IProxyContext';
