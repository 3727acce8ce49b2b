import picomatch from 'picomatch';
import { flattenDeepJson, MAX_JSON_DEPTH } from '../text/flattenDeepJson';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Finding } from '../findings/finding';
import { configurationDocsUrl } from '../findings/docsUrl';
import { allRuleMetas } from '../rules/ruleCatalog';
import type { RuleLevel } from '../rules/ruleSettings';
import type { Span } from '../text/span';
import { nearestNames } from '../schema/nearestNames';
import { isExpired } from './configSuppressions';
import {
  DEFAULT_CONFIG,
  GATEWAYS,
  PRESETS,
  type ApimStudioConfig,
  type ConfigOverride,
  type ConfigSuppression,
  type Gateway,
  type Preset,
} from './apimStudioConfig';

export const CONFIG_ERROR_CODE = 'config-invalid';
export const SUPPRESSION_EXPIRED_CODE = 'config-suppression-expired';
const LEVELS: readonly RuleLevel[] = ['off', 'hint', 'info', 'warning', 'error'];
const ENVIRONMENTS = ['production', 'nonproduction'] as const;
const TOP_LEVEL_KEYS = ['$schema', 'extends', 'environment', 'gateway', 'rules', 'overrides', 'ignore', 'suppressions'];
const OVERRIDE_KEYS = ['files', 'rules', 'environment'];
const SUPPRESSION_KEYS = ['rule', 'files', 'reason', 'expires'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** " Did you mean 'x'?" when the name is a likely typo of a candidate; empty otherwise. */
function didYouMean(name: string, candidates: readonly string[]): string {
  const nearest = nearestNames(name, candidates);
  return nearest.length > 0 ? ` Did you mean '${nearest.join("' or '")}'?` : '';
}

export interface ParsedConfig {
  readonly config: ApimStudioConfig;
  /** Mistakes in the file, with positions, reported as diagnostics on the config file itself. */
  readonly findings: Finding[];
}

/** Globs in one list (`ignore`, an override's or a suppression's `files`). */
export const MAX_GLOBS_PER_LIST = 1000;
/** Characters in one glob: real ones are short, and matching cost grows with every `*`. */
export const MAX_GLOB_LENGTH = 256;

/** Why a glob cannot be used, checked once here so matching every document never fails on it. */
function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `The glob has ${glob.length} characters, more than ${MAX_GLOB_LENGTH}`;
  try {
    picomatch.makeRe(glob, { dot: true });
    return undefined;
  } catch (error) {
    return `The glob cannot be compiled (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** YYYY-MM-DD naming a day that exists: Date.parse accepts 2099-02-30 (and rolls it into March). */
function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Reads `.apim-studio.json` (comments and trailing commas allowed). A wrong field is reported and ignored; never throws. */
export function parseConfig(text: string, today: Date = new Date()): ParsedConfig {
  const findings: Finding[] = [];
  const report = (span: Span, message: string): void => {
    findings.push({ code: CONFIG_ERROR_CODE, kind: 'schema', severity: 'error', message, span, docsUrl: configurationDocsUrl(), fixes: [] });
  };
  const spanOf = (node: Node): Span => ({ start: node.offset, end: node.offset + node.length });
  const errors: ParseError[] = [];
  const bounded = flattenDeepJson(text);
  if (bounded.flattenedAt !== undefined)
    report({ start: bounded.flattenedAt, end: bounded.flattenedAt + 1 }, `The configuration is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  const root = parseTree(bounded.text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors) report({ start: error.offset, end: error.offset + error.length }, `Not valid JSON: ${printParseErrorCode(error.error)}.`);
  if (!root) return { config: DEFAULT_CONFIG, findings };
  if (root.type !== 'object') {
    report(spanOf(root), 'The configuration must be a JSON object.');
    return { config: DEFAULT_CONFIG, findings };
  }
  const ruleIds = allRuleMetas().map((meta) => meta.id);
  const knownRules = new Set(ruleIds);

  /** Each unknown key of an object once, with the nearest known key. */
  const unknownKeys = (node: Node, known: readonly string[], what: string): void => {
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (!key || known.includes(String(key.value))) continue;
      const name = String(key.value);
      const hint = didYouMean(name, known);
      report(spanOf(key), `Unknown ${what} '${name}'.${hint || ` Expected one of: ${known.filter((entry) => entry !== '$schema').join(', ')}.`}`);
    }
  };
  unknownKeys(root, TOP_LEVEL_KEYS, 'setting');

  const enumValue = <T extends string>(node: Node | undefined, allowed: readonly T[], name: string, fallback: T): T => {
    if (!node) return fallback;
    if (node.type === 'string' && (allowed as readonly string[]).includes(node.value as string)) return node.value as T;
    const hint = node.type === 'string' ? didYouMean(node.value as string, allowed) : '';
    report(spanOf(node), `'${name}' must be one of: ${allowed.join(', ')}.${hint}`);
    return fallback;
  };

  const stringList = (node: Node | undefined, name: string): string[] => {
    if (!node) return [];
    if (node.type !== 'array') {
      report(spanOf(node), `'${name}' must be an array of glob strings.`);
      return [];
    }
    const values: string[] = [];
    for (const item of node.children ?? []) {
      if (values.length === MAX_GLOBS_PER_LIST) {
        report(spanOf(item), `'${name}' has more than ${MAX_GLOBS_PER_LIST} globs; the rest are ignored.`);
        break;
      }
      if (item.type !== 'string') report(spanOf(item), `Each entry of '${name}' must be a glob string.`);
      else {
        const problem = globProblem(item.value as string);
        if (problem === undefined) values.push(item.value as string);
        else report(spanOf(item), `${problem}; this entry is ignored.`);
      }
    }
    return values;
  };

  const ruleLevels = (node: Node | undefined, name: string): Record<string, RuleLevel> => {
    if (!node) return {};
    if (node.type !== 'object') {
      report(spanOf(node), `'${name}' maps rule ids to off, info, warning or error.`);
      return {};
    }
    const levels: Record<string, RuleLevel> = {};
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value) continue;
      const id = String(key.value);
      if (!knownRules.has(id)) {
        report(spanOf(key), `Unknown rule '${id}'.${didYouMean(id, ruleIds)}`);
        continue;
      }
      const level = getNodeValue(value);
      if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) levels[id] = level as RuleLevel;
      else report(spanOf(value), `The level of '${id}' must be one of: ${LEVELS.join(', ')}.${typeof level === 'string' ? didYouMean(level, LEVELS) : ''}`);
    }
    return levels;
  };

  const overrides: ConfigOverride[] = [];
  const overridesNode = findNodeAtLocation(root, ['overrides']);
  if (overridesNode && overridesNode.type !== 'array') report(spanOf(overridesNode), "'overrides' must be an array of { files, rules, environment }.");
  for (const item of overridesNode?.type === 'array' ? (overridesNode.children ?? []) : []) {
    if (item.type !== 'object') {
      report(spanOf(item), 'Each override is an object with files and rules.');
      continue;
    }
    unknownKeys(item, OVERRIDE_KEYS, 'override setting');
    const files = stringList(findNodeAtLocation(item, ['files']), 'files');
    if (files.length === 0) report(spanOf(item), "An override needs 'files': the globs it applies to.");
    const environmentNode = findNodeAtLocation(item, ['environment']);
    overrides.push({
      files,
      rules: ruleLevels(findNodeAtLocation(item, ['rules']), 'rules'),
      ...(environmentNode ? { environment: enumValue(environmentNode, ENVIRONMENTS, 'environment', 'production') } : {}),
    });
  }

  const suppressions: ConfigSuppression[] = [];
  const suppressionsNode = findNodeAtLocation(root, ['suppressions']);
  if (suppressionsNode && suppressionsNode.type !== 'array')
    report(spanOf(suppressionsNode), "'suppressions' must be an array of { rule, reason, files, expires }.");
  for (const item of suppressionsNode?.type === 'array' ? (suppressionsNode.children ?? []) : []) {
    if (item.type === 'object') unknownKeys(item, SUPPRESSION_KEYS, 'suppression setting');
    const ruleNode = findNodeAtLocation(item, ['rule']);
    const reasonNode = findNodeAtLocation(item, ['reason']);
    const expiresNode = findNodeAtLocation(item, ['expires']);
    const rule = ruleNode?.type === 'string' ? (ruleNode.value as string) : undefined;
    const reason = reasonNode?.type === 'string' ? (reasonNode.value as string).trim() : '';
    if (!rule) {
      report(spanOf(ruleNode ?? item), "A suppression needs 'rule': the rule id it silences.");
      continue;
    }
    if (!knownRules.has(rule)) report(spanOf(ruleNode as Node), `Unknown rule '${rule}'.${didYouMean(rule, ruleIds)}`);
    if (!reason) report(spanOf(reasonNode ?? item), "A suppression needs a 'reason' so reviewers know why.");
    let expires: string | undefined;
    if (expiresNode) {
      if (expiresNode.type === 'string' && isCalendarDate(expiresNode.value as string)) expires = expiresNode.value as string;
      else report(spanOf(expiresNode), "'expires' must be a date written YYYY-MM-DD.");
    }
    const filesNode = findNodeAtLocation(item, ['files']);
    if (expires && expiresNode && isExpired({ rule, reason, expires }, today)) {
      findings.push({
        code: SUPPRESSION_EXPIRED_CODE,
        kind: 'schema',
        severity: 'warning',
        message: `This suppression of ${rule} expired on ${expires}: the findings it hid are reported again. Fix them, or extend the date with a reason.`,
        span: spanOf(expiresNode),
        docsUrl: configurationDocsUrl(),
        fixes: [],
      });
    }
    suppressions.push({ rule, reason, ...(filesNode ? { files: stringList(filesNode, 'files') } : {}), ...(expires ? { expires } : {}) });
  }

  const config: ApimStudioConfig = {
    extends: enumValue<Preset>(findNodeAtLocation(root, ['extends']), PRESETS, 'extends', DEFAULT_CONFIG.extends),
    environment: enumValue(findNodeAtLocation(root, ['environment']), ENVIRONMENTS, 'environment', DEFAULT_CONFIG.environment),
    gateway: enumValue<Gateway>(findNodeAtLocation(root, ['gateway']), GATEWAYS, 'gateway', DEFAULT_CONFIG.gateway),
    rules: ruleLevels(findNodeAtLocation(root, ['rules']), 'rules'),
    overrides,
    ignore: stringList(findNodeAtLocation(root, ['ignore']), 'ignore'),
    suppressions,
  };
  return { config, findings };
}
