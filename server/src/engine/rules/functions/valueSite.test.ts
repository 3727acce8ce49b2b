import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../policy/policyParser';
import { attribute } from '../../policy/syntaxTree';
import { elementsNamed } from '../../policy/treeQueries';
import { attributeSite, isLiteralSite, rawWithoutNamedValues, textSite, trimmedSite } from './valueSite';

const TEXT =
  '<policies><inbound><set-header name="a"><value> Basic {{creds}} </value></set-header><set-body><![CDATA[x={{y}}]]></set-body><set-variable name="v" value="a&amp;b" /></inbound></policies>';
const { document } = parsePolicy(TEXT);

describe('value sites', () => {
  test('attribute values keep raw text and exact spans', () => {
    const site = attributeSite(TEXT, attribute(elementsNamed(document, 'set-variable')[0], 'value'));
    assert.ok(site);
    assert.equal(site.raw, 'a&amp;b');
    assert.equal(TEXT.slice(site.span.start, site.span.end), 'a&amp;b');
    assert.equal(isLiteralSite(site), true);
    assert.equal(attributeSite(TEXT, undefined), undefined);
  });

  test('element text trims to its content, and named values can be blanked out', () => {
    const site = textSite(TEXT, elementsNamed(document, 'value')[0]);
    assert.ok(site);
    assert.equal(isLiteralSite(site), false);
    const trimmed = trimmedSite(site);
    assert.equal(TEXT.slice(trimmed.span.start, trimmed.span.end), 'Basic {{creds}}');
    assert.equal(rawWithoutNamedValues(site), ' Basic           ');
  });

  test('CDATA content is a site with its named values; elements with child elements are not', () => {
    const site = textSite(TEXT, elementsNamed(document, 'set-body')[0]);
    assert.equal(site?.raw, 'x={{y}}');
    assert.equal(site?.embedded.length, 1);
    assert.equal(textSite(TEXT, elementsNamed(document, 'set-header')[0]), undefined);
  });
});
