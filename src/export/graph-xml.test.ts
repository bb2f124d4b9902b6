import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gexf, graphml, xmlEscape } from './graph-xml';

const nodes = [
  { id: 'a', label: 'Peskov & <Kremlin>', attributes: { type: 'Actor', goldstein: null } },
  { id: 'b', label: 'بيان "1"', attributes: { type: 'Statement', goldstein: -2 } },
];
const edges = [{ id: 'e1', source: 'b', target: 'a', label: 'SAID_BY' }];

test('xmlEscape escapes markup and drops characters XML 1.0 cannot hold', () => {
  assert.equal(xmlEscape('a<b>&"c"\u0001'), 'a&lt;b&gt;&amp;&quot;c&quot;');
});

test('graphml declares its keys and writes nodes, data and edges', () => {
  const text = [...graphml(nodes, edges)].join('');
  assert.match(text, /<key id="d0" for="node" attr.name="type" attr.type="string"\/>/);
  assert.match(text, /<node id="a">\s*<data key="label">Peskov &amp; &lt;Kremlin&gt;<\/data>/);
  assert.match(text, /<data key="d6">-2<\/data>/);
  assert.doesNotMatch(text, /<node id="a">[^]*?<data key="d6">[^]*?<node id="b">/);
  assert.match(text, /<edge id="e1" source="b" target="a"><data key="rel">SAID_BY<\/data><\/edge>/);
  assert.match(text, /<\/graph>\n<\/graphml>\n$/);
});

test('gexf writes attribute values by declared id', () => {
  const text = [...gexf(nodes, edges)].join('');
  assert.match(
    text,
    /<node id="b" label="بيان &quot;1&quot;"><attvalues><attvalue for="0" value="Statement"\/><attvalue for="6" value="-2"\/><\/attvalues><\/node>/,
  );
  assert.match(text, /<edge id="e1" source="b" target="a" label="SAID_BY"\/>/);
});
