import type { TemplateModel, TemplateNode, TemplateParameter } from './templateModel';

/**
 * What computed values in a template refer to, read from their source text with string literals blanked
 * out (so `'listKeys('` inside a string is no call). Linear in the text.
 */

/** The written expressions below a node: the node itself when computed, else its computed members. */
export function computedNodesIn(node: TemplateNode | undefined): TemplateNode[] {
  const found: TemplateNode[] = [];
  const pending = node === undefined ? [] : [node];
  while (pending.length > 0) {
    const current = pending.pop() as TemplateNode;
    if (current.shape === 'computed') found.push(current);
    for (const property of current.properties) pending.push(property.value);
    for (const item of current.items) pending.push(item);
  }
  return found;
}

/** ARM expression text with `'...'` literals blanked (`''` is an escaped quote inside one). */
function armCode(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, (literal) => ' '.repeat(literal.length));
}

/** Bicep expression text with string literals blanked, keeping the code inside `${...}` holes. */
function bicepCode(text: string): string {
  let out = '';
  // Each entry is an open `${` hole inside a string: the brace depth of its code so far.
  const holes: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (text.startsWith("'''", i)) {
        // A verbatim string inside a string cannot happen; treat as the end of this one.
        inString = false;
        out += '   ';
        i += 2;
      } else if (char === '\\') {
        out += '  ';
        i++;
      } else if (char === "'") {
        inString = false;
        out += ' ';
      } else if (char === '$' && text[i + 1] === '{') {
        holes.push(0);
        inString = false;
        out += '  ';
        i++;
      } else out += char === '\n' ? '\n' : ' ';
      continue;
    }
    if (text.startsWith("'''", i)) {
      const end = text.indexOf("'''", i + 3);
      const stop = end < 0 ? text.length : end + 3;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else if (char === "'") {
      inString = true;
      out += ' ';
    } else if (char === '{' && holes.length > 0) {
      holes[holes.length - 1]++;
      out += char;
    } else if (char === '}' && holes.length > 0) {
      if (holes[holes.length - 1] === 0) {
        holes.pop();
        inString = true;
        out += ' ';
      } else {
        holes[holes.length - 1]--;
        out += char;
      }
    } else out += char;
  }
  return out;
}

/** The code of a computed node with its string literals blanked. */
export function expressionCode(model: TemplateModel, node: TemplateNode): string {
  const text = model.text.slice(node.span.start, node.span.end);
  return model.dialect.id === 'arm' ? armCode(text) : bicepCode(text);
}

/** The parameters the computed values below `node` read. */
export function parametersReferencedBy(model: TemplateModel, node: TemplateNode | undefined): TemplateParameter[] {
  const parameters = model.parameters ?? [];
  if (parameters.length === 0) return [];
  const names = new Set<string>();
  for (const computed of computedNodesIn(node)) {
    const code = expressionCode(model, computed);
    if (model.dialect.id === 'arm') {
      // The name is a string literal, so read it from the original text at the blanked spot.
      const original = model.text.slice(computed.span.start, computed.span.end);
      for (const match of code.matchAll(/\bparameters\s*\(/gi)) {
        const name = /^\s*'((?:[^']|'')*)'\s*\)/.exec(original.slice((match.index ?? 0) + match[0].length));
        if (name) names.add(name[1].toLowerCase());
      }
    } else {
      for (const match of code.matchAll(/(?<![.\w$@])[A-Za-z_]\w*(?!\s*[(\w])/g)) names.add(match[0]);
    }
  }
  return parameters.filter((parameter) => names.has(model.dialect.id === 'arm' ? parameter.name.toLowerCase() : parameter.name));
}

/** Names of the `list*` functions (listKeys, listSecrets, ...) the computed values below `node` call. */
export function listCallsIn(model: TemplateModel, node: TemplateNode | undefined): string[] {
  const calls: string[] = [];
  for (const computed of computedNodesIn(node)) {
    for (const match of expressionCode(model, computed).matchAll(/(?<![\w$])(list[A-Za-z0-9]*)\s*\(/gi)) calls.push(match[1]);
  }
  return calls;
}
