const MASK_CHARACTERS = /[xX*#?]/g;

/**
 * Values that stand in for a secret rather than being one: template markers (`<key>`, `{key}`, `${KEY}`, `__KEY__`),
 * masks (`xxxx`, `****`) and filler words (`your-key`, `replace-me`, `placeholder`).
 */
export function isPlaceholderValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length === 0) return true;
  if (/^[<{[(].*[>}\])]$/s.test(trimmed) || /\$\{|\{\{|__[A-Za-z0-9_]+__|#\{/.test(trimmed)) return true;
  if ((trimmed.match(MASK_CHARACTERS) ?? []).length * 2 > trimmed.length) return true;
  return /your|replace|placeholder|example|sample|insert|changeme|change-me|dummy|redacted|xxxx|\*\*\*|\.\.\./i.test(trimmed);
}
