import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PolicyWorkspace } from '../../../server/src/engine/workspace/policyWorkspace';
import { definitionTarget } from '../../../server/src/engine/language/definitionTarget';
import { LOOSE_DOCUMENT, type LanguageEnvironment } from '../../../server/src/engine/language/languageEnvironment';
import { policyHover } from '../../../server/src/engine/language/policyHover';
import { workspaceReferencesOf } from '../../../server/src/engine/language/workspaceReferences';
import { readTextFile } from '../../../server/src/engine/files/diskFiles';
import { parsePolicy } from '../../../server/src/engine/policy/policyParser';
import { FIXTURES } from '../../support/paths';
import { withCursor } from './cursorText';

const ROOT = join(FIXTURES, 'language', 'workspace');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(ROOT, path).split(sep).join('/')];
  });
}

function fixtureEnvironment(): LanguageEnvironment {
  const workspace = PolicyWorkspace.load(ROOT, filesUnder(ROOT), (path) => readTextFile(join(ROOT, path)));
  return { scope: 'api', gateway: 'classic', references: workspaceReferencesOf(workspace, 'apis/orders/policy.xml') };
}

function hoverAt(marked: string, environment: LanguageEnvironment = LOOSE_DOCUMENT): { markdown: string; hovered: string } | undefined {
  const { text, offset } = withCursor(marked);
  const hover = policyHover(parsePolicy(text).document, offset, environment);
  return hover && { markdown: hover.markdown, hovered: text.slice(hover.span.start, hover.span.end) };
}

describe('hover', () => {
  test('a policy name: summary, sections, scopes and docs link', () => {
    const hover = hoverAt(
      '<policies>\n  <inbound>\n    <rate-li¦mit-by-key calls="10" renewal-period="60" counter-key="@(context.Subscription.Id)" />\n  </inbound>\n</policies>',
    );
    assert.ok(hover);
    assert.equal(hover.hovered, 'rate-limit-by-key');
    const lines = hover.markdown.split('\n');
    assert.equal(lines[0], '**rate-limit-by-key** (Rate limiting and quotas)');
    assert.match(hover.markdown, /Sections: inbound · Scopes: global, workspace, product, api, operation/);
    assert.match(hover.markdown, /\[Documentation\]\(https:\/\/learn\.microsoft\.com\/azure\/api-management\/rate-limit-by-key-policy\)/);
  });

  test('the end tag name hovers like the start tag', () => {
    const hover = hoverAt('<policies>\n  <inbound>\n    <choose>\n      <when condition="@(true)" />\n    </cho¦ose>\n  </inbound>\n</policies>');
    assert.equal(hover?.hovered, 'choose');
  });

  test('an attribute: kind, allowed values, default and the attributes anchor', () => {
    const hover = hoverAt('<policies>\n  <inbound>\n    <set-header name="a" exists-ac¦tion="skip" />\n  </inbound>\n</policies>');
    assert.ok(hover);
    assert.equal(hover.hovered, 'exists-action');
    assert.equal(hover.markdown.split('\n')[0], '**exists-action** attribute of `set-header`');
    assert.match(hover.markdown, /Optional · enum · expressions allowed/);
    assert.match(hover.markdown, /Allowed values: `override`, `skip`, `append`, `delete`/);
    assert.match(hover.markdown, /Default: `override`/);
    assert.match(hover.markdown, /set-header-policy#attributes\)/);
  });

  test('a child element names its policy', () => {
    const hover = hoverAt('<policies>\n  <inbound>\n    <choose>\n      <wh¦en condition="@(true)" />\n    </choose>\n  </inbound>\n</policies>');
    assert.match(hover?.markdown ?? '', /^\*\*when\*\* in `choose`/);
    assert.match(hover?.markdown ?? '', /Required attributes: `condition`/);
  });

  test('fragment and backend ids show what they refer to', () => {
    const environment = fixtureEnvironment();
    const fragment = hoverAt('<policies>\n  <inbound>\n    <include-fragment fragment-id="cors-he¦aders" />\n  </inbound>\n</policies>', environment);
    assert.equal(fragment?.hovered, 'cors-headers');
    assert.match(fragment?.markdown ?? '', /^\*\*cors-headers\*\* policy fragment\n\nDefined in `.*policy fragments\/cors-headers\/policy\.xml`$/);
    const backend = hoverAt('<policies>\n  <inbound>\n    <set-backend-service backend-id="orders-bac¦kend" />\n  </inbound>\n</policies>', environment);
    assert.equal(backend?.hovered, 'orders-backend');
    assert.match(backend?.markdown ?? '', /^\*\*orders-backend\*\* backend\n/);
    assert.match(backend?.markdown ?? '', /backendInformation\.json`$/);
    assert.equal(hoverAt('<policies>\n  <inbound>\n    <set-backend-service backend-id="unkn¦own" />\n  </inbound>\n</policies>', environment), undefined);
  });

  test('a named value shows its value unless it is secret; unknown elements have no hover', () => {
    const environment = fixtureEnvironment();
    const plain = hoverAt(
      '<policies>\n  <inbound>\n    <set-header name="env"><value>{{envir¦onment}}</value></set-header>\n  </inbound>\n</policies>',
      environment,
    );
    assert.equal(plain?.hovered, '{{environment}}');
    assert.match(plain?.markdown ?? '', /Value: `test`/);
    const secret = hoverAt('<policies>\n  <inbound>\n    <set-header name="{{Orders¦Key}}" />\n  </inbound>\n</policies>', environment);
    assert.match(secret?.markdown ?? '', /Value: `secret`/);
    assert.match(secret?.markdown ?? '', /Name: `orders-key`/);
    assert.equal(hoverAt('<policies>\n  <inbound>\n    <my-po¦licy />\n  </inbound>\n</policies>'), undefined);
  });
});

describe('go to definition', () => {
  const environment = fixtureEnvironment();
  const targetAt = (marked: string): { origin: string; path: string } | undefined => {
    const { text, offset } = withCursor(marked);
    const target = definitionTarget(parsePolicy(text).document, offset, environment);
    return target && { origin: text.slice(target.originSpan.start, target.originSpan.end), path: target.path };
  };

  test('include-fragment fragment-id opens the fragment policy', () => {
    assert.deepEqual(targetAt('<policies>\n  <inbound>\n    <include-fragment fragment-id="cors-¦headers" />\n  </inbound>\n</policies>'), {
      origin: 'cors-headers',
      path: join(ROOT, 'policy fragments', 'cors-headers', 'policy.xml'),
    });
  });

  test('{{name}} opens namedValueInformation.json, by display name', () => {
    assert.deepEqual(targetAt('<policies>\n  <inbound>\n    <set-header name="k"><value>{{Orders¦Key}}</value></set-header>\n  </inbound>\n</policies>'), {
      origin: 'OrdersKey',
      path: join(ROOT, 'named values', 'orders-key', 'namedValueInformation.json'),
    });
  });

  test('backend-id opens backendInformation.json; unknown ids go nowhere', () => {
    assert.deepEqual(targetAt('<policies>\n  <inbound>\n    <set-backend-service backend-id="orders-b¦ackend" />\n  </inbound>\n</policies>'), {
      origin: 'orders-backend',
      path: join(ROOT, 'backends', 'orders-backend', 'backendInformation.json'),
    });
    assert.equal(targetAt('<policies>\n  <inbound>\n    <set-backend-service backend-id="nowh¦ere" />\n  </inbound>\n</policies>'), undefined);
  });
});
