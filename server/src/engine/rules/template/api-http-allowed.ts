import type { TemplateRule } from '../templateRule';
import { isUncertainValue } from '../../templates/templateModel';
import { replaceValueEdit } from '../../templates/templateEdits';
import { lookupPath, resourcesOfType } from '../../templates/templateQueries';

const INSECURE: Readonly<Record<string, string>> = { http: 'https', ws: 'wss' };

export const apiHttpAllowed: TemplateRule = {
  meta: {
    id: 'api-http-allowed',
    pillars: ['security'],
    defaultSeverity: 'warning',
    title: 'An API accepts plain HTTP or WS.',
    guidance:
      'Without TLS, subscription keys, tokens and payloads travel in clear text between the client and the gateway. ' +
      'List only `https` (and `wss` for WebSocket APIs) in the API protocols. ' +
      'Clients that still call over HTTP must move to HTTPS first.',
    learnMoreUrl: 'https://learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers',
  },
  check(context) {
    const { model } = context;
    const apis = [...resourcesOfType(model.resources, 'service/apis'), ...resourcesOfType(model.resources, 'service/workspaces/apis')];
    for (const api of apis) {
      const found = lookupPath(api.body, ['properties', 'protocols']);
      if (found.state !== 'present' || found.node?.shape !== 'array') continue;
      const array = found.node;
      const values = array.items.map((item) => item.value());
      if (!values.every((value) => value.known && typeof value.value === 'string')) continue;
      const protocols = values.map((value) => String((value as { value: string }).value).toLowerCase());
      const secure = [...new Set(protocols.map((protocol) => INSECURE[protocol] ?? protocol))];
      array.items.forEach((item, index) => {
        const protocol = protocols[index];
        if (INSECURE[protocol] === undefined) return;
        context.report({
          span: item.span,
          uncertain: isUncertainValue(item),
          message: `This API accepts ${protocol}; allow only ${INSECURE[protocol]}.`,
          fixes: [{ title: `Allow only ${secure.join(' and ')}`, edits: [replaceValueEdit(model, array, secure)], isPreferred: false }],
        });
      });
    }
  },
};
