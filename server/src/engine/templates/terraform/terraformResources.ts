import type { TextEdit } from '../../findings/finding';
import type { Span } from '../../text/span';
import { renderValue } from '../templateEdits';
import { TERRAFORM_DIALECT } from './terraformDialect';
import {
  UNKNOWN_VALUE,
  knownValue,
  type TemplateNode,
  type TemplateProperty,
  type TemplateResource,
  type TemplateStaticValue,
  type TemplateValue,
} from '../templateModel';
import { traversalOf } from './hclEvaluation';
import type { HclAttribute, HclBlock, HclExpression } from './hclSyntax';
import { attributeOf } from './terraformModule';
import type { HclType, TerraformNodes } from './terraformNodes';

const PREFIX = 'Microsoft.ApiManagement/';
const SWITCH_PREFIX = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.';

/**
 * `security {}` switches of azurerm_api_management: the ARM switch and its attribute names, provider 4.x
 * first, then 3.x. The provider sends every switch, `false` when the attribute is absent.
 */
const SECURITY_SWITCHES: readonly (readonly [string, readonly string[]])[] = [
  ['Protocols.Tls10', ['frontend_tls10_enabled', 'enable_frontend_tls10']],
  ['Protocols.Tls11', ['frontend_tls11_enabled', 'enable_frontend_tls11']],
  ['Protocols.Ssl30', ['frontend_ssl30_enabled', 'enable_frontend_ssl30']],
  ['Backend.Protocols.Tls10', ['backend_tls10_enabled', 'enable_backend_tls10']],
  ['Backend.Protocols.Tls11', ['backend_tls11_enabled', 'enable_backend_tls11']],
  ['Backend.Protocols.Ssl30', ['backend_ssl30_enabled', 'enable_backend_ssl30']],
  ['Ciphers.TripleDes168', ['triple_des_ciphers_enabled', 'enable_triple_des_ciphers']],
  ['Ciphers.TLS_RSA_WITH_AES_128_CBC_SHA', ['tls_rsa_with_aes128_cbc_sha_ciphers_enabled']],
  ['Ciphers.TLS_RSA_WITH_AES_256_CBC_SHA', ['tls_rsa_with_aes256_cbc_sha_ciphers_enabled']],
  ['Ciphers.TLS_RSA_WITH_AES_128_CBC_SHA256', ['tls_rsa_with_aes128_cbc_sha256_ciphers_enabled']],
  ['Ciphers.TLS_RSA_WITH_AES_256_CBC_SHA256', ['tls_rsa_with_aes256_cbc_sha256_ciphers_enabled']],
  ['Ciphers.TLS_RSA_WITH_AES_128_GCM_SHA256', ['tls_rsa_with_aes128_gcm_sha256_ciphers_enabled']],
  ['Ciphers.TLS_RSA_WITH_AES_256_GCM_SHA384', ['tls_rsa_with_aes256_gcm_sha384_ciphers_enabled']],
  ['Ciphers.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', ['tls_ecdhe_ecdsa_with_aes128_cbc_sha_ciphers_enabled']],
  ['Ciphers.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', ['tls_ecdhe_ecdsa_with_aes256_cbc_sha_ciphers_enabled']],
  ['Ciphers.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', ['tls_ecdhe_rsa_with_aes128_cbc_sha_ciphers_enabled']],
  ['Ciphers.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA', ['tls_ecdhe_rsa_with_aes256_cbc_sha_ciphers_enabled']],
];

/** `hostname_configuration {}` children and the ARM hostname type each one is. */
const HOSTNAME_TYPES: readonly (readonly [string, string])[] = [
  ['proxy', 'Proxy'],
  ['management', 'Management'],
  ['portal', 'Portal'],
  ['developer_portal', 'DeveloperPortal'],
  ['scm', 'Scm'],
];

/** ARM properties a fix may add, and the attribute that sets each in a resource block. */
type AttributeMap = Readonly<Record<string, readonly [string, HclType]>>;

interface Mapped {
  readonly type: string;
  readonly nameSegments: readonly (string | undefined)[];
  readonly body: TemplateNode;
  readonly apiVersion?: string;
}

function text(value: TemplateValue): string | undefined {
  return value.known && typeof value.value === 'string' ? value.value : undefined;
}

/** `Developer_1` -> [`Developer`, 1]. */
function splitSku(value: TemplateValue): [TemplateValue, TemplateValue] {
  const sku = text(value);
  const match = sku === undefined ? null : /^([A-Za-z0-9]+)_(\d+)$/.exec(sku);
  if (match === null) return sku === undefined || sku.includes('_') ? [UNKNOWN_VALUE, UNKNOWN_VALUE] : [knownValue(sku), UNKNOWN_VALUE];
  return [knownValue(match[1]), knownValue(Number(match[2]))];
}

/** Where findings about a resource block go: its type label (`"azurerm_api_management"`). */
function anchorOf(block: HclBlock): Span {
  return block.labels[0]?.span ?? block.type.span;
}

class ResourceMapper {
  constructor(private readonly nodes: TerraformNodes) {}

  private attr(block: HclBlock, name: string): HclAttribute | undefined {
    return this.nodes.attribute(block.body, name);
  }

  private prop(key: string, block: HclBlock | undefined, name: string, type: HclType = 'any'): TemplateProperty | undefined {
    return block === undefined ? undefined : this.nodes.property(key, this.attr(block, name), type);
  }

  private value(block: HclBlock, name: string): TemplateValue {
    return this.nodes.evaluator.evaluate(attributeOf(block.body, name));
  }

  /** The `name` of the resource an `..._id` attribute refers to (`azurerm_api_management_api.x.id`). */
  private referencedName(expression: HclExpression | undefined): string | undefined {
    const traversal = expression === undefined ? undefined : traversalOf(expression);
    if (traversal === undefined) return undefined;
    const [name, ...rest] = traversal.steps;
    const attribute = typeof rest[0] === 'number' ? rest[1] : rest[0];
    if (typeof name !== 'string' || (attribute !== 'id' && attribute !== 'name')) return undefined;
    const resource = this.nodes.module.resources.get(`${traversal.root}.${name}`);
    return resource === undefined ? undefined : text(this.nodes.evaluator.evaluate(attributeOf(resource.value.body, 'name')));
  }

  private serviceName(block: HclBlock): string | undefined {
    const byName = text(this.value(block, 'api_management_name'));
    return byName ?? this.referencedName(attributeOf(block.body, 'api_management_id'));
  }

  private named(block: HclBlock, attribute: string): string | undefined {
    return text(this.value(block, attribute));
  }

  /** Fix writer for a resource: ARM properties written as the block's attributes, when all have one. */
  private attributeInserter(block: HclBlock, map: AttributeMap): (entries: readonly (readonly [string, TemplateStaticValue])[]) => TextEdit | undefined {
    return (entries) => {
      const lines: string[] = [];
      for (const [key, value] of entries) {
        const target = map[key];
        if (target === undefined) return undefined;
        const written = target[1] === 'bool' && typeof value === 'string' ? value.toLowerCase() === 'true' : value;
        lines.push(`${target[0]} = ${renderValue(TERRAFORM_DIALECT, written, '', this.nodes.indentUnit)}`);
      }
      return this.nodes.insertIntoBlock(block, lines);
    };
  }

  private properties(block: HclBlock, properties: readonly (TemplateProperty | undefined)[], map: AttributeMap = {}): TemplateProperty {
    return this.nodes.object('properties', anchorOf(block), block.span, properties, this.attributeInserter(block, map));
  }

  private policyBody(block: HclBlock): TemplateNode {
    const content = this.attr(block, 'xml_content');
    const link = this.attr(block, 'xml_link');
    const properties =
      content !== undefined
        ? [
            { key: 'value', keySpan: content.name.span, span: content.span, value: this.nodes.policyContent(content) },
            this.nodes.constant('format', 'rawxml', content.name.span),
          ]
        : link !== undefined
          ? [this.nodes.property('value', link), this.nodes.constant('format', 'rawxml-link', link.name.span)]
          : [];
    return this.nodes.body(block, [this.properties(block, properties)]);
  }

  map(resourceType: string, block: HclBlock): Mapped[] {
    const svc = this.serviceName(block);
    switch (resourceType) {
      case 'azurerm_api_management':
        return this.service(block);
      case 'azurerm_api_management_api':
        return [
          {
            type: 'service/apis',
            nameSegments: [svc, this.named(block, 'name')],
            body: this.nodes.body(block, [
              this.prop('name', block, 'name'),
              this.properties(
                block,
                [
                  this.prop('protocols', block, 'protocols'),
                  this.prop('subscriptionRequired', block, 'subscription_required', 'bool'),
                  this.prop('serviceUrl', block, 'service_url', 'string'),
                  this.prop('path', block, 'path'),
                  this.prop('displayName', block, 'display_name'),
                  this.prop('apiRevision', block, 'revision'),
                  this.prop('type', block, 'api_type'),
                ],
                { subscriptionRequired: ['subscription_required', 'bool'], protocols: ['protocols', 'any'] },
              ),
            ]),
          },
        ];
      case 'azurerm_api_management_api_operation':
        return [
          {
            type: 'service/apis/operations',
            nameSegments: [svc, this.named(block, 'api_name'), this.named(block, 'operation_id')],
            body: this.nodes.body(block, [
              this.properties(block, [
                this.prop('method', block, 'method'),
                this.prop('urlTemplate', block, 'url_template'),
                this.prop('displayName', block, 'display_name'),
              ]),
            ]),
          },
        ];
      case 'azurerm_api_management_api_policy':
        return [{ type: 'service/apis/policies', nameSegments: [svc, this.named(block, 'api_name'), 'policy'], body: this.policyBody(block) }];
      case 'azurerm_api_management_api_operation_policy':
        return [
          {
            type: 'service/apis/operations/policies',
            nameSegments: [svc, this.named(block, 'api_name'), this.named(block, 'operation_id'), 'policy'],
            body: this.policyBody(block),
          },
        ];
      case 'azurerm_api_management_product_policy':
        return [{ type: 'service/products/policies', nameSegments: [svc, this.named(block, 'product_id'), 'policy'], body: this.policyBody(block) }];
      case 'azurerm_api_management_policy':
        return [{ type: 'service/policies', nameSegments: [svc, 'policy'], body: this.policyBody(block) }];
      case 'azurerm_api_management_policy_fragment': {
        const value = this.attr(block, 'value');
        const format = this.attr(block, 'format');
        return [
          {
            type: 'service/policyFragments',
            nameSegments: [svc, this.named(block, 'name')],
            body: this.nodes.body(block, [
              this.properties(block, [
                value === undefined ? undefined : { key: 'value', keySpan: value.name.span, span: value.span, value: this.nodes.policyContent(value) },
                format === undefined ? this.nodes.constant('format', 'xml', anchorOf(block)) : this.nodes.property('format', format),
                this.prop('description', block, 'description'),
              ]),
            ]),
          },
        ];
      }
      case 'azurerm_api_management_named_value': {
        const keyVault = this.nodes.blocks(block.body, 'value_from_key_vault')[0];
        return [
          {
            type: 'service/namedValues',
            nameSegments: [svc, this.named(block, 'name')],
            body: this.nodes.body(block, [
              this.properties(
                block,
                [
                  this.prop('displayName', block, 'display_name'),
                  this.prop('value', block, 'value', 'string'),
                  this.prop('secret', block, 'secret', 'bool'),
                  keyVault === undefined
                    ? undefined
                    : this.nodes.object('keyVault', keyVault.type.span, keyVault.span, [
                        this.prop('secretIdentifier', keyVault, 'secret_id'),
                        this.prop('identityClientId', keyVault, 'identity_client_id'),
                      ]),
                ],
                { secret: ['secret', 'bool'] },
              ),
            ]),
          },
        ];
      }
      case 'azurerm_api_management_backend':
        return [{ type: 'service/backends', nameSegments: [svc, this.named(block, 'name')], body: this.backend(block) }];
      case 'azurerm_api_management_product': {
        const published = this.attr(block, 'published');
        return [
          {
            type: 'service/products',
            nameSegments: [svc, this.named(block, 'product_id')],
            body: this.nodes.body(block, [
              this.properties(
                block,
                [
                  this.prop('displayName', block, 'display_name'),
                  published === undefined
                    ? undefined
                    : this.nodes.derived(
                        'state',
                        published,
                        (value) => (value.known && typeof value.value === 'boolean' ? knownValue(value.value ? 'published' : 'notPublished') : UNKNOWN_VALUE),
                        (value) => String(value === 'published'),
                      ),
                  this.prop('approvalRequired', block, 'approval_required', 'bool'),
                  this.prop('subscriptionRequired', block, 'subscription_required', 'bool'),
                  this.prop('subscriptionsLimit', block, 'subscriptions_limit', 'number'),
                ],
                { approvalRequired: ['approval_required', 'bool'], subscriptionRequired: ['subscription_required', 'bool'] },
              ),
            ]),
          },
        ];
      }
      case 'azurerm_api_management_subscription':
        return [{ type: 'service/subscriptions', nameSegments: [svc, this.named(block, 'subscription_id')], body: this.subscription(block) }];
      case 'azurerm_api_management_diagnostic':
        return [{ type: 'service/diagnostics', nameSegments: [svc, this.named(block, 'identifier')], body: this.diagnostic(block) }];
      case 'azurerm_api_management_api_diagnostic':
        return [
          {
            type: 'service/apis/diagnostics',
            nameSegments: [svc, this.named(block, 'api_name'), this.named(block, 'identifier')],
            body: this.diagnostic(block),
          },
        ];
      case 'azurerm_api_management_logger':
        return [{ type: 'service/loggers', nameSegments: [svc, this.named(block, 'name')], body: this.logger(block) }];
      case 'azurerm_api_management_certificate': {
        const secret = this.attr(block, 'key_vault_secret_id');
        return [
          {
            type: 'service/certificates',
            nameSegments: [svc, this.named(block, 'name')],
            body: this.nodes.body(block, [
              this.properties(block, [
                secret === undefined
                  ? undefined
                  : this.nodes.object('keyVault', secret.name.span, secret.span, [this.nodes.property('secretIdentifier', secret)]),
                this.prop('data', block, 'data'),
              ]),
            ]),
          },
        ];
      }
      case 'azapi_resource':
        return this.azapi(block);
      default:
        return [];
    }
  }

  private service(block: HclBlock): Mapped[] {
    const name = this.named(block, 'name');
    const sku = this.attr(block, 'sku_name');
    const skuParts = (): [TemplateValue, TemplateValue] => splitSku(this.nodes.evaluator.evaluate(sku?.expression));
    const writeSku =
      (part: 0 | 1) =>
      (value: TemplateStaticValue): string => {
        const [skuName, capacity] = skuParts();
        const other = part === 0 ? capacity : skuName;
        const otherText = other.known ? String(other.value) : part === 0 ? '1' : 'Developer';
        return `"${part === 0 ? `${String(value)}_${otherText}` : `${otherText}_${String(value)}`}"`;
      };
    const security = this.nodes.blocks(block.body, 'security')[0];
    const switches = SECURITY_SWITCHES.map(([suffix, names]) => {
      const key = SWITCH_PREFIX + suffix;
      const written = security === undefined ? undefined : names.map((candidate) => this.attr(security, candidate)).find((found) => found !== undefined);
      if (written !== undefined) return this.nodes.property(key, written, 'bool');
      return security === undefined ? this.nodes.constant(key, false, anchorOf(block)) : this.nodes.defaulted(key, false, security, names[0], 'bool');
    });
    const identity = this.nodes.blocks(block.body, 'identity')[0];
    const hostnames: TemplateNode[] = [];
    for (const configuration of this.nodes.blocks(block.body, 'hostname_configuration')) {
      for (const [child, type] of HOSTNAME_TYPES) {
        for (const host of this.nodes.blocks(configuration.body, child)) {
          hostnames.push(
            this.nodes.object('', host.type.span, host.span, [
              this.nodes.constant('type', type, host.type.span),
              this.prop('hostName', host, 'host_name'),
              this.prop('keyVaultId', host, 'key_vault_certificate_id') ?? this.prop('keyVaultId', host, 'key_vault_id'),
              this.prop('encodedCertificate', host, 'certificate'),
              this.prop('negotiateClientCertificate', host, 'negotiate_client_certificate', 'bool'),
            ]).value,
          );
        }
      }
    }
    const skuName = (): TemplateValue => skuParts()[0];
    const locations = this.nodes
      .blocks(block.body, 'additional_location')
      .map(
        (location) =>
          this.nodes.object('', location.type.span, location.span, [
            this.prop('location', location, 'location'),
            this.prop('zones', location, 'zones'),
            this.prop('disableGateway', location, 'gateway_disabled', 'bool'),
            this.nodes.object('sku', location.type.span, location.span, [
              this.prop('capacity', location, 'capacity', 'number'),
              sku === undefined ? undefined : this.nodes.derived('name', sku, () => skuName(), writeSku(0)),
            ]),
          ]).value,
      );
    const minApiVersion = this.attr(block, 'min_api_version');
    const publicAccess = this.attr(block, 'public_network_access_enabled');
    const body = this.nodes.body(
      block,
      [
        this.prop('name', block, 'name'),
        this.prop('location', block, 'location'),
        sku === undefined
          ? undefined
          : this.nodes.object('sku', sku.name.span, sku.span, [
              this.nodes.derived('name', sku, (value) => splitSku(value)[0], writeSku(0)),
              this.nodes.derived('capacity', sku, (value) => splitSku(value)[1], writeSku(1)),
            ]),
        this.prop('zones', block, 'zones'),
        identity === undefined ? undefined : this.nodes.object('identity', identity.type.span, identity.span, [this.prop('type', identity, 'type', 'string')]),
        this.properties(
          block,
          [
            this.nodes.object('customProperties', security?.type.span ?? anchorOf(block), security?.span ?? block.span, switches),
            this.prop('virtualNetworkType', block, 'virtual_network_type', 'string'),
            publicAccess === undefined
              ? undefined
              : this.nodes.derived(
                  'publicNetworkAccess',
                  publicAccess,
                  (value) => (value.known && typeof value.value === 'boolean' ? knownValue(value.value ? 'Enabled' : 'Disabled') : UNKNOWN_VALUE),
                  (value) => String(String(value).toLowerCase() !== 'disabled'),
                ),
            minApiVersion === undefined
              ? undefined
              : this.nodes.object('apiVersionConstraint', minApiVersion.name.span, minApiVersion.span, [this.nodes.property('minApiVersion', minApiVersion)]),
            locations.length === 0 ? undefined : this.nodes.array('additionalLocations', locations[0].span, locations[0].span, locations),
            hostnames.length === 0 ? undefined : this.nodes.array('hostnameConfigurations', hostnames[0].span, hostnames[0].span, hostnames),
          ],
          { virtualNetworkType: ['virtual_network_type', 'string'], publicNetworkAccess: ['public_network_access_enabled', 'bool'] },
        ),
      ],
      (entries) => {
        const lines: string[] = [];
        for (const [key, value] of entries) {
          if (key === 'identity' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
            lines.push(this.nodes.blockText('identity', Object.entries(value as { readonly [key: string]: TemplateStaticValue })));
          } else if (key === 'zones') {
            lines.push(`zones = ${renderValue(TERRAFORM_DIALECT, value, '', this.nodes.indentUnit)}`);
          } else {
            return undefined;
          }
        }
        return this.nodes.insertIntoBlock(block, lines);
      },
    );
    const mapped: Mapped[] = [{ type: 'service', nameSegments: [name], body }];
    const signUp = this.nodes.blocks(block.body, 'sign_up')[0];
    if (signUp !== undefined) {
      mapped.push({
        type: 'service/portalsettings',
        nameSegments: [name, 'signup'],
        body: this.nodes.body(signUp, [this.properties(signUp, [this.prop('enabled', signUp, 'enabled', 'bool')])]),
      });
    }
    const policy = this.nodes.blocks(block.body, 'policy')[0];
    if (policy !== undefined) mapped.push({ type: 'service/policies', nameSegments: [name, 'policy'], body: this.policyBody(policy) });
    return mapped;
  }

  private backend(block: HclBlock): TemplateNode {
    // azurerm 4.x writes breaker rules as `circuit_breaker_rule` blocks, often `dynamic` ones behind a switch.
    const breakers = [
      ...this.nodes.blocks(block.body, 'circuit_breaker_rule'),
      ...this.nodes.blocks(block.body, 'dynamic').filter((dynamic) => dynamic.labels[0]?.value === 'circuit_breaker_rule'),
    ];
    const tls = this.nodes.blocks(block.body, 'tls')[0];
    const credentials = this.nodes.blocks(block.body, 'credentials')[0];
    const authorization = credentials === undefined ? undefined : this.nodes.blocks(credentials.body, 'authorization')[0];
    return this.nodes.body(block, [
      this.properties(block, [
        this.prop('url', block, 'url', 'string'),
        this.prop('protocol', block, 'protocol'),
        this.prop('title', block, 'title'),
        this.prop('description', block, 'description'),
        this.prop('resourceId', block, 'resource_id'),
        breakers.length === 0 ? undefined : this.nodes.object('circuitBreaker', breakers[0].type.span, breakers[0].span, []),
        tls === undefined
          ? undefined
          : this.nodes.object('tls', tls.type.span, tls.span, [
              this.prop('validateCertificateChain', tls, 'validate_certificate_chain', 'bool'),
              this.prop('validateCertificateName', tls, 'validate_certificate_name', 'bool'),
            ]),
        credentials === undefined
          ? undefined
          : this.nodes.object('credentials', credentials.type.span, credentials.span, [
              this.prop('header', credentials, 'header'),
              this.prop('query', credentials, 'query'),
              this.prop('certificate', credentials, 'certificate'),
              authorization === undefined
                ? undefined
                : this.nodes.object('authorization', authorization.type.span, authorization.span, [
                    this.prop('scheme', authorization, 'scheme'),
                    this.prop('parameter', authorization, 'parameter'),
                  ]),
            ]),
      ]),
    ]);
  }

  private subscription(block: HclBlock): TemplateNode {
    const api = this.attr(block, 'api_id');
    const product = this.attr(block, 'product_id');
    const scopeOf = (attribute: HclAttribute, collection: string): TemplateProperty =>
      this.nodes.derived(
        'scope',
        attribute,
        () => {
          const name = this.referencedName(attribute.expression);
          return name === undefined ? UNKNOWN_VALUE : knownValue(`/${collection}/${name}`);
        },
        () => this.nodes.document.text.slice(attribute.span.start, attribute.span.end),
      );
    // Without api_id or product_id the subscription covers all APIs.
    const scope =
      api !== undefined ? scopeOf(api, 'apis') : product !== undefined ? scopeOf(product, 'products') : this.nodes.constant('scope', '/apis', anchorOf(block));
    const tracing = this.attr(block, 'allow_tracing');
    return this.nodes.body(block, [
      this.properties(
        block,
        [
          scope,
          // The provider sends allow_tracing = true when the attribute is absent.
          tracing === undefined
            ? this.nodes.defaulted('allowTracing', true, block, 'allow_tracing', 'bool')
            : this.nodes.property('allowTracing', tracing, 'bool'),
          this.prop('displayName', block, 'display_name'),
          this.prop('state', block, 'state'),
        ],
        { allowTracing: ['allow_tracing', 'bool'] },
      ),
    ]);
  }

  private diagnostic(block: HclBlock): TemplateNode {
    const sampling = this.attr(block, 'sampling_percentage');
    const messages = (prefix: 'frontend' | 'backend'): TemplateProperty | undefined => {
      const parts = (['request', 'response'] as const).map((direction) => {
        const settings = this.nodes.blocks(block.body, `${prefix}_${direction}`)[0];
        if (settings === undefined) return undefined;
        const bytes = this.attr(settings, 'body_bytes');
        return this.nodes.object(direction, settings.type.span, settings.span, [
          this.prop('headers', settings, 'headers_to_log'),
          bytes === undefined ? undefined : this.nodes.object('body', bytes.name.span, bytes.span, [this.nodes.property('bytes', bytes, 'number')]),
        ]);
      });
      if (parts.every((part) => part === undefined)) return undefined;
      const first = parts.find((part) => part !== undefined);
      return first === undefined ? undefined : this.nodes.object(prefix, first.keySpan, first.span, parts);
    };
    return this.nodes.body(block, [
      this.properties(
        block,
        [
          this.prop('loggerId', block, 'api_management_logger_id'),
          this.prop('verbosity', block, 'verbosity', 'string'),
          sampling === undefined
            ? undefined
            : this.nodes.object('sampling', sampling.name.span, sampling.span, [
                this.nodes.constant('samplingType', 'fixed', sampling.name.span),
                this.nodes.property('percentage', sampling, 'number'),
              ]),
          this.prop('logClientIp', block, 'log_client_ip', 'bool'),
          this.prop('httpCorrelationProtocol', block, 'http_correlation_protocol'),
          messages('frontend'),
          messages('backend'),
        ],
        { verbosity: ['verbosity', 'string'] },
      ),
    ]);
  }

  private logger(block: HclBlock): TemplateNode {
    const insights = this.nodes.blocks(block.body, 'application_insights')[0];
    const eventHub = this.nodes.blocks(block.body, 'eventhub')[0];
    const kind =
      insights !== undefined ? (['applicationInsights', insights] as const) : eventHub !== undefined ? (['azureEventHub', eventHub] as const) : undefined;
    return this.nodes.body(block, [
      this.properties(block, [
        kind === undefined ? undefined : this.nodes.constant('loggerType', kind[0], kind[1].type.span),
        this.prop('resourceId', block, 'resource_id'),
      ]),
    ]);
  }

  /** The name segments of an azapi parent (`parent_id = azapi_resource.apim.id` or `azurerm_api_management.apim.id`). */
  private parentSegments(expression: HclExpression | undefined, hops: number): (string | undefined)[] | undefined {
    const traversal = expression === undefined ? undefined : traversalOf(expression);
    if (traversal === undefined || hops > 16) return undefined;
    const [name] = traversal.steps;
    if (typeof name !== 'string') return undefined;
    const resource = this.nodes.module.resources.get(`${traversal.root}.${name}`);
    if (resource === undefined) return undefined;
    const own = text(this.nodes.evaluator.evaluate(attributeOf(resource.value.body, 'name')));
    if (traversal.root === 'azurerm_api_management') return [own];
    if (traversal.root !== 'azapi_resource') return undefined;
    const type = text(this.nodes.evaluator.evaluate(attributeOf(resource.value.body, 'type')));
    if (type === undefined || !type.toLowerCase().startsWith(PREFIX.toLowerCase())) return undefined;
    if (type.slice(PREFIX.length).split('@')[0].toLowerCase() === 'service') return [own];
    const parent = this.parentSegments(attributeOf(resource.value.body, 'parent_id'), hops + 1);
    return parent === undefined ? undefined : [...parent, own];
  }

  /** An azapi_resource of a `Microsoft.ApiManagement/...@version` type: its `body` read like an ARM resource. */
  private azapi(block: HclBlock): Mapped[] {
    const typeText = text(this.value(block, 'type'));
    if (typeText === undefined || !typeText.toLowerCase().startsWith(PREFIX.toLowerCase())) return [];
    const [fullType, apiVersion] = typeText.split('@');
    const type = fullType.slice(PREFIX.length);
    const depth = type.split('/').length;
    const own = text(this.value(block, 'name'));
    const parent = this.parentSegments(attributeOf(block.body, 'parent_id'), 0);
    const nameSegments =
      parent !== undefined && parent.length === depth - 1 ? [...parent, own] : [...Array.from({ length: depth - 1 }, (): string | undefined => undefined), own];
    const bodyAttribute = this.attr(block, 'body');
    const bodyNode = this.nodes.expression(bodyAttribute?.expression, bodyAttribute?.span ?? anchorOf(block));
    const identity = this.nodes.blocks(block.body, 'identity')[0];
    const extra = [
      this.prop('location', block, 'location'),
      identity === undefined ? undefined : this.nodes.object('identity', identity.type.span, identity.span, [this.prop('type', identity, 'type', 'string')]),
    ];
    const body: TemplateNode =
      bodyNode.shape === 'object' || bodyAttribute === undefined ? this.nodes.body(block, [...bodyNode.properties, ...extra]) : bodyNode;
    return [{ type, nameSegments, body, apiVersion }];
  }
}

/** The APIM resources a Terraform document declares, read as ARM resources so the template rules apply. */
export function terraformResources(nodes: TerraformNodes): TemplateResource[] {
  const mapper = new ResourceMapper(nodes);
  const resources: TemplateResource[] = [];
  for (const item of nodes.document.file.body.items) {
    if (item.kind !== 'block' || item.type.name !== 'resource') continue;
    const [typeLabel] = item.labels;
    if (typeLabel === undefined || !(typeLabel.value.startsWith('azurerm_api_management') || typeLabel.value === 'azapi_resource')) continue;
    for (const mapped of mapper.map(typeLabel.value, item)) {
      const typeAttribute = typeLabel.value === 'azapi_resource' ? nodes.attribute(item.body, 'type') : undefined;
      resources.push({
        type: PREFIX + mapped.type,
        apiVersion: mapped.apiVersion,
        nameSegments: mapped.nameSegments,
        body: mapped.body,
        anchor: typeAttribute?.expression?.span ?? typeLabel.span,
        apiVersionSpan: typeAttribute?.expression?.span,
        parent: undefined,
        existing: false,
      });
    }
  }
  return resources;
}
