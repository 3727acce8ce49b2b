import type { HostStringStyle, TemplateDialect } from '../templateDialect';

function escapeBicepString(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\$\{/g, '\\${');
}

const BICEP_STRING: HostStringStyle = { id: 'bicep', escape: escapeBicepString };
/** A `'''` string is verbatim: anything but `'''` itself can be written as it is. */
const BICEP_MULTILINE_STRING: HostStringStyle = { id: 'bicep-multiline', escape: (value) => (value.includes("'''") ? undefined : value), rawLines: true };

export const BICEP_DIALECT: TemplateDialect = {
  id: 'bicep',
  stringLiteral: (value) => `'${escapeBicepString(value)}'`,
  propertyText: (key, renderedValue) => `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `'${escapeBicepString(key)}'`}: ${renderedValue}`,
  memberSeparator: '',
  inlineArrays: false,
  lineCommentMarkers: ['//'],
  // A `'''` string skips one newline after its opening delimiter.
  stringStyleAt: (text, valueStart) => (/'''(\r?\n)?$/.test(text.slice(Math.max(0, valueStart - 5), valueStart)) ? BICEP_MULTILINE_STRING : BICEP_STRING),
  loadsFile: (valueSource) => /^(sys\.)?loadTextContent\s*\(/.test(valueSource),
};
