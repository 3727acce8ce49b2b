import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { elementsNamed } from '../../policy/treeQueries';
import { corsAllowsCredentials, corsWildcardOrigins } from './corsWildcardOrigins';

function cors(text: string) {
  return elementsNamed(parsePolicy(text).document, 'cors')[0];
}

describe('cors wildcard helpers', () => {
  test('finds * origins as spans of the star', () => {
    const text = '<cors><allowed-origins><origin>https://a</origin><origin> * </origin></allowed-origins></cors>';
    const stars = corsWildcardOrigins(text, cors(text));
    assert.deepEqual(
      stars.map((star) => text.slice(star.start, star.end)),
      ['*'],
    );
    assert.equal(stars[0].start, text.indexOf('*'));
  });

  test('credentials count only when literally true', () => {
    assert.equal(corsAllowsCredentials(cors('<cors allow-credentials="True" />')), true);
    assert.equal(corsAllowsCredentials(cors('<cors allow-credentials="false" />')), false);
    assert.equal(corsAllowsCredentials(cors('<cors allow-credentials="@(true)" />')), false);
    assert.equal(corsAllowsCredentials(cors('<cors />')), false);
  });
});
