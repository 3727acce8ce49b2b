import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES } from '../../support/paths';
import { discoverServiceModel } from '../../../server/src/engine/workspace/layoutDiscovery';
import type { ArtifactTree, OperationNode } from '../../../server/src/engine/workspace/serviceModel';
import { folderWorkspace, memoryWorkspace, policyText } from './workspaceFiles';

const ROOT = 'artifacts';
const workspace = folderWorkspace(join(FIXTURES, 'workspace', 'specification'));
const model = discoverServiceModel(workspace.paths, workspace.readText);

function service(): ArtifactTree {
  const root = model.roots.find((candidate) => candidate.path === ROOT);
  assert.ok(root, `root ${ROOT} not found`);
  return root.service;
}

/** `name method urlTemplate policy?` per operation, in map order. */
function operationsOf(tree: ArtifactTree, api: string): string[] {
  const operations = tree.apis.get(api)?.operations;
  assert.ok(operations, `API ${api} not found`);
  return [...operations.values()].map(describeOperation);
}

function describeOperation(operation: OperationNode): string {
  return `${operation.name} ${operation.method ?? '?'} ${operation.urlTemplate ?? '?'}${operation.policyPath === undefined ? '' : ' (policy)'}`;
}

describe('operation methods from API specifications (classic APIOps)', () => {
  test('OpenAPI 2 JSON: folders get their method, other operations are added without a policy', () => {
    assert.deepEqual(operationsOf(service(), 'swagger-json'), ['add-pet POST /pets (policy)', 'find-pets GET /pets (policy)', 'delete-pet DELETE /pets/{id}']);
  });

  test('OpenAPI 3 YAML: quoted keys, upper-case methods, number-like ids, text that mentions paths', () => {
    assert.deepEqual(operationsOf(service(), 'yaml-v3'), [
      '6473e05143 GET /items (policy)',
      'update-item PATCH /items/{id} (policy)',
      'check-item HEAD /items/{id}',
    ]);
  });

  test('multi-line flow style is read from the whole file', () => {
    assert.deepEqual(operationsOf(service(), 'flow-style'), ['flow-get GET /flow (policy)', 'flow-put PUT /flow']);
  });

  test('the information file wins over the specification; the specification fills the rest', () => {
    assert.deepEqual(operationsOf(service(), 'mixed'), ['with-info DELETE /things/{id} (policy)', 'without-info POST /things (policy)']);
  });

  test('YAML is preferred when both formats are listed', () => {
    assert.deepEqual(operationsOf(service(), 'both-formats'), ['save PUT /save (policy)']);
  });

  test('without a specification the method stays unknown', () => {
    assert.deepEqual(operationsOf(service(), 'no-spec'), ['anything ? ? (policy)']);
  });

  test('an operationId that does not match the folder leaves the method unknown and is reported', () => {
    assert.deepEqual(operationsOf(service(), 'renamed'), ['get-status ? ? (policy)', 'getStatus GET /status']);
  });

  test('a broken specification yields what could be read', () => {
    // The mis-indented summary line is the error; both operations are still recognisable.
    assert.deepEqual(operationsOf(service(), 'broken-yaml'), ['read-first GET /first (policy)', 'write-second POST /second']);
  });

  test('problems: broken file and mismatched operation, nothing for APIs without a specification', () => {
    assert.deepEqual(
      model.problems.map((problem) => [problem.kind, problem.path, problem.message]),
      [
        [
          'invalid-specification',
          'artifacts/apis/broken-yaml/specification.yaml',
          'Invalid YAML (BAD_INDENT at offset 124); operations that could be read are used.',
        ],
        [
          'operation-not-in-specification',
          'artifacts/apis/renamed/operations/get-status/policy.xml',
          'The specification artifacts/apis/renamed/specification.yaml has no operation with operationId "get-status", so the method of operation get-status is unknown.',
        ],
      ],
    );
  });
});

describe('when specifications are read', () => {
  const files = {
    'r/apis/a/apiInformation.json': '{}',
    'r/apis/a/operations/create/policy.xml': policyText({}),
    'r/apis/a/specification.yaml': 'paths:\n  /a:\n    post:\n      operationId: create\n',
    'r/apis/b/apiInformation.json': '{}',
    'r/apis/b/specification.json': '{ "paths": { "/b": { "get": { "operationId": "list" } } } }',
  };

  test("on first use of an API's operations, once", () => {
    const memory = memoryWorkspace(files);
    const found = discoverServiceModel(memory.paths, memory.readText);
    assert.equal(memory.reads.has('r/apis/a/specification.yaml'), false);
    const api = found.roots[0].service.apis.get('a');
    assert.equal(api?.operations.get('create')?.method, 'POST');
    assert.equal(api?.operations.get('create')?.method, 'POST');
    assert.equal(memory.reads.get('r/apis/a/specification.yaml'), 1);
    assert.equal(memory.reads.has('r/apis/b/specification.json'), false);
  });

  test('asking for the problems reads every specification', () => {
    const memory = memoryWorkspace(files);
    const found = discoverServiceModel(memory.paths, memory.readText);
    assert.deepEqual(found.problems, []);
    assert.equal(memory.reads.get('r/apis/a/specification.yaml'), 1);
    assert.equal(memory.reads.get('r/apis/b/specification.json'), 1);
    // An API without operation folders gets the specification's operations.
    assert.deepEqual([...(found.roots[0].service.apis.get('b')?.operations.values() ?? [])].map(describeOperation), ['list GET /b']);
  });

  test('specification.yaml is tried when the file list leaves YAML out', () => {
    const memory = memoryWorkspace(files);
    const listed = memory.paths.filter((path) => !path.endsWith('.yaml'));
    const found = discoverServiceModel(listed, memory.readText);
    assert.equal(found.roots[0].service.apis.get('a')?.operations.get('create')?.method, 'POST');
  });

  test('a missing unlisted specification is no problem; an unreadable listed one is', () => {
    const memory = memoryWorkspace({ 'r/apis/a/operations/op/policy.xml': policyText({}) });
    const found = discoverServiceModel([...memory.paths, 'r/apis/b/specification.json', 'r/apis/b/apiInformation.json'], (path) =>
      path.endsWith('apiInformation.json') ? '{}' : memory.readText(path),
    );
    assert.equal(found.roots[0].service.apis.get('a')?.operations.get('op')?.method, undefined);
    assert.deepEqual(found.problems, [{ kind: 'unreadable-file', path: 'r/apis/b/specification.json', message: 'The file could not be read.' }]);
    assert.equal(memory.reads.get('r/apis/a/specification.yaml'), 1);
  });

  test('a flow mapping the outline cuts through is read from the whole file', () => {
    const memory = memoryWorkspace({
      'r/apis/a/operations/a/policy.xml': policyText({}),
      'r/apis/a/specification.yaml': 'paths:\n  /a:\n    get: {\n      operationId: a, summary: x }\ncomponents: {}\n',
    });
    const found = discoverServiceModel(memory.paths, memory.readText);
    assert.equal(found.roots[0].service.apis.get('a')?.operations.get('a')?.method, 'GET');
    assert.deepEqual(found.problems, []);
  });

  test('absurdly deep nesting is a problem, not a stack overflow', () => {
    const deep = '['.repeat(200_000);
    const memory = memoryWorkspace({
      'r/apis/a/apiInformation.json': `{ "properties": ${deep}`,
      'r/apis/a/operations/op/policy.xml': policyText({}),
      'r/apis/a/specification.json': `{ "paths": ${deep}`,
      'r/apis/b/operations/op/policy.xml': policyText({}),
      'r/apis/b/specification.yaml': `paths: ${deep}`,
    });
    const found = discoverServiceModel(memory.paths, memory.readText);
    assert.equal(found.roots[0].service.apis.get('a')?.operations.get('op')?.method, undefined);
    // The YAML library stops at its own depth limit, which depends on the stack size: the offset is not asserted.
    assert.deepEqual(
      found.problems.map((problem) => [problem.kind, problem.path, problem.message.replace(/ at offset \d+/, '')]),
      [
        ['invalid-json', 'r/apis/a/apiInformation.json', 'The JSON is nested too deeply to read.'],
        ['invalid-specification', 'r/apis/a/specification.json', 'The JSON is nested too deeply to read.'],
        ['invalid-specification', 'r/apis/b/specification.yaml', 'Invalid YAML (RESOURCE_EXHAUSTION); operations that could be read are used.'],
      ],
    );
  });

  test('operation information files alone need no specification', () => {
    const memory = memoryWorkspace({
      'r/apis/a/operations/op/operationInformation.json': '{ "properties": { "method": "get", "urlTemplate": "/op" } }',
      'r/apis/a/specification.yaml': 'paths:\n  /op:\n    post:\n      operationId: op\n',
    });
    const found = discoverServiceModel(memory.paths, memory.readText);
    assert.equal(found.roots[0].service.apis.get('a')?.operations.get('op')?.method, 'GET');
    assert.deepEqual(found.problems, []);
    assert.equal(memory.reads.has('r/apis/a/specification.yaml'), false);
  });

  test('broken JSON and a specification without paths are reported, never thrown', () => {
    const memory = memoryWorkspace({
      'r/apis/a/operations/create/policy.xml': policyText({}),
      'r/apis/a/specification.json': '{ "paths": { "/a": { "post": { "operationId": "create" } }, "/b": { "get": ',
      'r/apis/b/operations/op/policy.xml': policyText({}),
      'r/apis/b/specification.yaml': 'openapi: 3.0.1\ninfo:\n  title: no paths\n',
    });
    const found = discoverServiceModel(memory.paths, memory.readText);
    const apis = found.roots[0].service.apis;
    assert.equal(apis.get('a')?.operations.get('create')?.method, 'POST');
    assert.equal(apis.get('b')?.operations.get('op')?.method, undefined);
    assert.deepEqual(
      found.problems.map((problem) => [problem.kind, problem.path, problem.message]),
      [
        ['invalid-specification', 'r/apis/a/specification.json', 'Invalid JSON (ValueExpected at offset 75); operations that could be read are used.'],
        ['invalid-specification', 'r/apis/b/specification.yaml', 'The specification has no paths, so no operation methods could be read.'],
      ],
    );
  });
});
