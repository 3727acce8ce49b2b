import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { yamlPathsOutline } from '../../../server/src/engine/workspace/yamlPathsOutline';

describe('yamlPathsOutline', () => {
  test('keeps path keys, the keys under them and operation-level operationId lines only', () => {
    const text = [
      'openapi: 3.0.1',
      'info:',
      '  title: Orders',
      'paths:',
      '  /orders:',
      '    parameters:',
      '    - name: tenant',
      '      in: header',
      '    get:',
      '      tags:',
      '      - Orders',
      '      description: |',
      '        operationId: not-this-one',
      '      # a comment',
      '      operationId: list-orders # trailing comment',
      '      responses:',
      '        "200":',
      '          links:',
      '            Next:',
      '              operationId: not-this-either',
      "  '/orders/{id}':",
      '    "delete":',
      '      operationId: "delete-order"',
      '    x-note: true',
      'components:',
      '  schemas: {}',
      '',
    ].join('\r\n');
    assert.equal(
      yamlPathsOutline(text),
      [
        'paths:',
        '  /orders:',
        '    parameters:',
        '    - name: tenant',
        '    get:',
        '      operationId: list-orders # trailing comment',
        "  '/orders/{id}':",
        '    "delete":',
        '      operationId: "delete-order"',
        '    x-note: true',
        '',
      ].join('\n'),
    );
  });

  test('the last block of the file ends the outline at the end of the text', () => {
    assert.equal(yamlPathsOutline('openapi: 3.0.1\npaths:\n  /a:\n    get:\n      operationId: a'), 'paths:\n  /a:\n    get:\n      operationId: a\n');
  });

  test('gives up on shapes it cannot cut safely', () => {
    const cases: Record<string, string> = {
      'no paths key': 'openapi: 3.0.1\ninfo: {}\n',
      'flow style': 'paths: {\n  "/a": { get: { operationId: a } }\n}\n',
      'tab indentation': 'paths:\n\t/a:\n\t\tget: {}\n',
      'folded operationId': 'paths:\n  /a:\n    get:\n      operationId: >-\n        a\n',
      'anchored operationId': 'paths:\n  /a:\n    get:\n      operationId: &id a\n',
      'unclosed quote': 'paths:\n  /a:\n    get:\n      operationId: "a\n        b"\n',
      'outdented path key': 'paths:\n    /a:\n      get: {}\n  /b:\n      get: {}\n',
      'outdented field': 'paths:\n  /a:\n    get:\n        summary: x\n      operationId: a\n',
    };
    for (const [name, text] of Object.entries(cases)) assert.equal(yamlPathsOutline(text), undefined, name);
  });
});
