import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snippetAsPlainText } from '../../../server/src/engine/language/snippetText';

test('a snippet as the plain text it first inserts', () => {
  assert.equal(snippetAsPlainText('<set-header name="${1}" exists-action="${2|override,skip|}" />'), '<set-header name="" exists-action="override" />');
  assert.equal(snippetAsPlainText('@(${1:context.})$0'), '@(context.)');
  assert.equal(snippetAsPlainText('<a>\n\t$0\n</a>'), '<a>\n\t\n</a>');
  assert.equal(snippetAsPlainText('${1:outer ${2:inner}} \\$ \\}'), 'outer inner $ }');
});
