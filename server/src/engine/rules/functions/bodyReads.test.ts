import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { bodyReadsIn } from './bodyReads';
import { policyExpressions } from './policyExpressions';

function readsOf(text: string) {
  const { document } = parsePolicy(text);
  return policyExpressions(document).flatMap((located) =>
    bodyReadsIn(text, located.expression).map((read) => ({ ...read, call: text.slice(read.span.start, read.span.end) })),
  );
}

describe('bodyReadsIn', () => {
  test('finds request, response and other body reads, with entity-escaped generics', () => {
    const reads = readsOf(
      '<x a="@(context.Request.Body.As&lt;JObject&gt;()[&quot;id&quot;])" b="@(((IResponse)context.Variables[&quot;r&quot;]).Body.As&lt;string&gt;())">@(context.Response.Body?.As<Dictionary<string, string>>(preserveContent: true))</x>',
    );
    assert.deepEqual(
      reads.map((read) => [read.message, read.call, read.preserveEdit !== undefined]),
      [
        ['request', 'As&lt;JObject&gt;()', true],
        ['other', 'As&lt;string&gt;()', true],
        ['response', 'As<Dictionary<string, string>>(preserveContent: true)', false],
      ],
    );
  });

  test('the preserve edit fills empty parentheses or flips false to true', () => {
    const text =
      '<x>@(context.Request.Body.AsFormUrlEncodedContent( ) + context.Request.Body.As<string>(preserveContent: false) + context.Request.Body.As<string>(keep))</x>';
    const reads = readsOf(text);
    assert.deepEqual(
      reads.map((read) => read.preserveEdit && [text.slice(read.preserveEdit.span.start, read.preserveEdit.span.end), read.preserveEdit.newText]),
      [[' ', 'preserveContent: true'], ['false', 'true'], undefined],
    );
  });

  test('ignores lookalikes that are not body reads', () => {
    assert.deepEqual(readsOf('<x>@(context.Request.Headers.GetValueOrDefault("Body", "").As())</x>'), []);
    assert.deepEqual(readsOf('<x>@(myBody.As<string>())</x>'), []);
  });
});
