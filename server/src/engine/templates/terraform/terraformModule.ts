import { parseHcl } from './hclParser';
import type { HclBlock, HclBody, HclExpression, HclFile } from './hclSyntax';

/** One file of a Terraform module folder, parsed. */
export interface TerraformFile {
  readonly path: string;
  readonly text: string;
  readonly file: HclFile;
}

/** A declaration and the file it sits in (its spans are offsets into that file's text). */
export interface Located<T> {
  readonly value: T;
  readonly file: TerraformFile;
}

/**
 * What a module folder declares, across its `.tf` files: variables (with values from `terraform.tfvars`
 * and `*.auto.tfvars`, which win over defaults, as Terraform applies them), locals and resources.
 */
export interface TerraformModule {
  readonly variables: ReadonlyMap<string, Located<HclBlock>>;
  readonly variableValues: ReadonlyMap<string, Located<HclExpression>>;
  readonly locals: ReadonlyMap<string, Located<HclExpression>>;
  /** Keyed `type.name` (`azurerm_api_management.apim`). */
  readonly resources: ReadonlyMap<string, Located<HclBlock>>;
}

export function attributeOf(body: HclBody, name: string): HclExpression | undefined {
  for (const item of body.items) if (item.kind === 'attribute' && item.name.name === name) return item.expression;
  return undefined;
}

export function blocksOf(body: HclBody, type: string): HclBlock[] {
  return body.items.filter((item): item is HclBlock => item.kind === 'block' && item.type.name === type);
}

/** True for a variable-values file Terraform loads by itself. */
export function isAutoVariablesFile(path: string): boolean {
  return /(^|[\\/])terraform\.tfvars$/i.test(path) || /\.auto\.tfvars$/i.test(path);
}

export function parseTerraformFile(path: string, text: string): TerraformFile {
  return { path, text, file: parseHcl(text).file };
}

/** Collects the module's declarations; `files` holds the document itself and its sibling `.tf` / `.tfvars` files. */
export function collectTerraformModule(files: readonly TerraformFile[]): TerraformModule {
  const variables = new Map<string, Located<HclBlock>>();
  const variableValues = new Map<string, Located<HclExpression>>();
  const locals = new Map<string, Located<HclExpression>>();
  const resources = new Map<string, Located<HclBlock>>();
  const valueFiles = files.filter((file) => isAutoVariablesFile(file.path));
  // terraform.tfvars first, then *.auto.tfvars in name order: later files win.
  valueFiles.sort((a, b) => Number(/\.auto\.tfvars$/i.test(a.path)) - Number(/\.auto\.tfvars$/i.test(b.path)) || a.path.localeCompare(b.path));
  for (const file of files) {
    if (/\.tfvars$/i.test(file.path)) continue;
    for (const item of file.file.body.items) {
      if (item.kind !== 'block') continue;
      const [first, second] = item.labels;
      if (item.type.name === 'variable' && first !== undefined) variables.set(first.value, { value: item, file });
      else if (item.type.name === 'resource' && first !== undefined && second !== undefined)
        resources.set(`${first.value}.${second.value}`, { value: item, file });
      else if (item.type.name === 'locals') {
        for (const local of item.body.items)
          if (local.kind === 'attribute' && local.expression !== undefined) locals.set(local.name.name, { value: local.expression, file });
      }
    }
  }
  for (const file of valueFiles) {
    for (const item of file.file.body.items)
      if (item.kind === 'attribute' && item.expression !== undefined) variableValues.set(item.name.name, { value: item.expression, file });
  }
  return { variables, variableValues, locals, resources };
}
