import type { HostStringStyle, TemplateDialect } from '../templateDialect';

/** Text for inside an HCL quoted string: escapes, and `${` / `%{` doubled so they stay literal. */
function escapeHclString(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '$$${')
    .replace(/%\{/g, '%%{');
}

const HCL_STRING: HostStringStyle = { id: 'hcl', escape: escapeHclString };

/**
 * A heredoc takes text as it is but for `${` / `%{`; a `<<-` heredoc removed `lineIndent` from each line, so
 * inserted lines get it back.
 */
function heredocStyle(lineIndent: string): HostStringStyle {
  return {
    id: 'hcl-heredoc',
    rawLines: true,
    escape: (value) => value.replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{').replace(/\n/g, `\n${lineIndent}`),
  };
}

/** Terraform (HCL native syntax): `key = value` attributes, `#` and `//` comments, quoted strings and heredocs. */
export const TERRAFORM_DIALECT: TemplateDialect = {
  id: 'terraform',
  stringLiteral: (value) => `"${escapeHclString(value)}"`,
  propertyText: (key, renderedValue) => `${/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : `"${escapeHclString(key)}"`} = ${renderedValue}`,
  memberSeparator: '',
  inlineArrays: true,
  lineCommentMarkers: ['#', '//'],
  stringStyleAt: (text, valueStart) => {
    if (text[valueStart - 1] === '"') return HCL_STRING;
    // Heredoc text starts on its own line, after the indentation a `<<-` heredoc removed.
    const lineStart = text.lastIndexOf('\n', valueStart - 1) + 1;
    const before = text.slice(lineStart, valueStart);
    return heredocStyle(/^[ \t]*$/.test(before) ? before : '');
  },
  loadsFile: (valueSource) => /^(file|templatefile)\s*\(/.test(valueSource),
};
