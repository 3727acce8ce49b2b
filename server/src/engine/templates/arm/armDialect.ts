import type { HostStringStyle, TemplateDialect } from '../templateDialect';
import { escapeForJsonString } from './jsonStringText';

const JSON_STRING: HostStringStyle = { id: 'json', escape: escapeForJsonString };

/** ARM JSON templates (and APIOps artifact JSON): JSON values, `//` comments as the ARM engine accepts them. */
export const ARM_DIALECT: TemplateDialect = {
  id: 'arm',
  stringLiteral: (value) => JSON.stringify(value),
  propertyText: (key, renderedValue) => `${JSON.stringify(key)}: ${renderedValue}`,
  memberSeparator: ',',
  inlineArrays: true,
  lineCommentMarkers: ['//'],
  stringStyleAt: () => JSON_STRING,
  loadsFile: () => false,
};
