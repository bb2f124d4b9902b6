/**
 * GraphML (graphml.graphdrawing.org, read by Gephi, yEd and Cytoscape desktop) and GEXF 1.3 (gexf.net, Gephi's
 * own) writers for a small property graph. Pure: each yields the document in pieces for a streamed response.
 */

/** A node as the graph formats show it: `id` unique in the document, attributes by name (absent = null). */
export interface XmlGraphNode {
  id: string;
  label: string;
  attributes: Record<string, string | number | null>;
}

export interface XmlGraphEdge {
  id: string;
  source: string;
  target: string;
  /** The relationship type, such as SAID_BY. */
  label: string;
}

/** The node attributes both formats declare, in order, with their GraphML/GEXF types. */
export const NODE_ATTRIBUTES: readonly { name: string; type: 'string' | 'double' }[] = [
  { name: 'type', type: 'string' },
  { name: 'globalId', type: 'string' },
  { name: 'key', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'cameo', type: 'string' },
  { name: 'goldstein', type: 'double' },
  { name: 'status', type: 'string' },
  { name: 'language', type: 'string' },
];

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function xmlEscape(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** A GraphML document: directed edges, node attributes as `<data>` keyed d0..dn, the label as `label`. */
export function* graphml(nodes: Iterable<XmlGraphNode>, edges: Iterable<XmlGraphEdge>): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ';
  yield 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ';
  yield 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n';
  for (const [i, attribute] of NODE_ATTRIBUTES.entries()) {
    yield `  <key id="d${i}" for="node" attr.name="${attribute.name}" attr.type="${attribute.type}"/>\n`;
  }
  yield '  <key id="rel" for="edge" attr.name="label" attr.type="string"/>\n';
  yield '  <graph id="G" edgedefault="directed">\n';
  for (const node of nodes) {
    let data = `      <data key="label">${xmlEscape(node.label)}</data>\n`;
    NODE_ATTRIBUTES.forEach((attribute, i) => {
      const value = node.attributes[attribute.name];
      if (value !== null && value !== undefined) data += `      <data key="d${i}">${xmlEscape(String(value))}</data>\n`;
    });
    yield `    <node id="${xmlEscape(node.id)}">\n${data}    </node>\n`;
  }
  for (const edge of edges) {
    yield `    <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">`;
    yield `<data key="rel">${xmlEscape(edge.label)}</data></edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

/** A GEXF 1.3 document: static, directed, node attributes declared with ids 0..n. */
export function* gexf(nodes: Iterable<XmlGraphNode>, edges: Iterable<XmlGraphEdge>): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n';
  yield '  <meta><creator>Diplograph</creator></meta>\n';
  yield '  <graph mode="static" defaultedgetype="directed">\n    <attributes class="node">\n';
  for (const [i, attribute] of NODE_ATTRIBUTES.entries()) {
    yield `      <attribute id="${i}" title="${attribute.name}" type="${attribute.type}"/>\n`;
  }
  yield '    </attributes>\n    <nodes>\n';
  for (const node of nodes) {
    let values = '';
    NODE_ATTRIBUTES.forEach((attribute, i) => {
      const value = node.attributes[attribute.name];
      if (value !== null && value !== undefined) {
        values += `<attvalue for="${i}" value="${xmlEscape(String(value))}"/>`;
      }
    });
    yield `      <node id="${xmlEscape(node.id)}" label="${xmlEscape(node.label)}"><attvalues>${values}</attvalues></node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for (const edge of edges) {
    yield `      <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}" label="${xmlEscape(edge.label)}"/>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
