import { toGlobalId, type GlobalId } from '../shared/global-id';
import { Label, type NodeTypeName } from '../shared/graph-schema';
import { BadUserInputError, NotFoundError } from '../shared/errors';
import { namesFrom, pickName } from '../shared/graphql/names';
import type { Database } from '../shared/neo4j/database';
import type { StatementCriteria } from '../statement/statement-filter.repository';
import { bundleActor, bundleArticle, bundleTopic } from './bundle-format';
import { UTF8_BOM, csvRecord } from './csv';
import {
  AFTER_NEWEST,
  ExportRepository,
  type ExportStatementRow,
  type GraphEdgeRow,
  type GraphNodeRow,
} from './export.repository';
import { gexf, graphml, type XmlGraphEdge, type XmlGraphNode } from './graph-xml';
import { CSV_COLUMNS, JSONLD_CONTEXT, statementCsv, statementJsonLd, statementJsonLine } from './statement-formats';

/**
 * Statements read per query. Memory holds one batch at a time (a batch of 500 with reports is well under 1 MB), so
 * an export's footprint does not grow with the graph; each batch is a keyset seek on the sortKey index.
 */
export const EXPORT_BATCH = 500;

/** Articles read per query: they carry their whole text, so fewer than statements. */
export const ARTICLE_BATCH = 100;

/** The most nodes a neighbourhood export holds (it is assembled in memory before it is written). */
export const MAX_NEIGHBORHOOD_NODES = 50_000;

/** The statements matching `criteria`, newest first, one batch in memory at a time. */
export async function* statementRows(
  db: Database,
  criteria: StatementCriteria,
  batch = EXPORT_BATCH,
): AsyncGenerator<ExportStatementRow> {
  const repository = new ExportRepository(db);
  let after = AFTER_NEWEST;
  for (;;) {
    const rows = await repository.statementBatch(criteria, after, batch);
    yield* rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.sortKey;
  }
}

/** CSV: a header record, then one record per statement (columns: CSV_COLUMNS); optionally a UTF-8 BOM first. */
export async function* statementsCsv(db: Database, criteria: StatementCriteria, bom: boolean): AsyncGenerator<string> {
  yield (bom ? UTF8_BOM : '') + csvRecord(CSV_COLUMNS);
  for await (const row of statementRows(db, criteria)) yield statementCsv(row);
}

/** JSON Lines: one JSON object per statement and line. */
export async function* statementsJsonl(db: Database, criteria: StatementCriteria): AsyncGenerator<string> {
  for await (const row of statementRows(db, criteria)) yield statementJsonLine(row);
}

/** One JSON-LD document: `{"@context": <the Diplograph context>, "@graph": [Claim, ...]}`, written as it is read. */
export async function* statementsJsonLd(db: Database, criteria: StatementCriteria): AsyncGenerator<string> {
  yield `{"@context":${JSON.stringify(JSONLD_CONTEXT)},\n"@graph":[`;
  let first = true;
  for await (const row of statementRows(db, criteria)) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(statementJsonLd(row))}`;
    first = false;
  }
  yield '\n]}\n';
}

const GRAPH_TYPES: readonly string[] = [
  Label.Statement,
  Label.Actor,
  Label.Country,
  Label.Meeting,
  Label.Topic,
  Label.Article,
  Label.Report,
  Label.Role,
  Label.StatusChange,
];

function xmlNode(row: GraphNodeRow): XmlGraphNode {
  const type = GRAPH_TYPES.find((label) => row.labels.includes(label)) ?? row.labels[0] ?? 'Node';
  const p = row.props;
  const key = p.id === undefined ? null : String(p.id);
  const isNodeType = ['Country', 'Actor', 'Statement', 'Meeting', 'Article', 'Topic'].includes(type);
  const names = namesFrom(p);
  const titles = Object.fromEntries(
    Object.entries(p)
      .filter(([k]) => k.startsWith('title_'))
      .map(([k, v]) => [k.slice(6), String(v)]),
  );
  const text = (value: unknown): string => String(value ?? '').slice(0, 200);
  const label =
    Object.keys(names).length > 0
      ? pickName(names, 'en')
      : type === 'Article'
        ? text(p.title)
        : type === 'Role'
          ? pickName(titles, 'en')
          : type === 'StatusChange'
            ? String(p.status)
            : p.text !== undefined && p.text !== null
              ? text(p.text)
              : (key ?? type);
  const str = (value: unknown) => (value === null || value === undefined ? null : String(value));
  return {
    id: row.eid,
    label,
    attributes: {
      type,
      globalId: isNodeType && key ? toGlobalId(type as NodeTypeName, key) : null,
      key,
      kind: str(p.kind),
      date: str(p.date ?? p.publishedOn ?? p.asOf)?.slice(0, 10) ?? null,
      cameo: str(p.cameo),
      goldstein: p.goldstein === null || p.goldstein === undefined ? null : Number(p.goldstein),
      status: str(p.status),
      language: str(p.language),
    },
  };
}

function xmlEdge(row: GraphEdgeRow): XmlGraphEdge {
  return { id: row.eid, source: row.source, target: row.target, label: row.type };
}

/** A neighbourhood: the node `start`, every domain node within `depth` hops, and every relationship among them. */
export interface Neighborhood {
  nodes: XmlGraphNode[];
  edges: XmlGraphEdge[];
}

/**
 * Walks the graph breadth-first from `start` up to `depth` hops (relationships in either direction; aliases,
 * redirects and migration records left out), then adds the relationships among the nodes of the last hop.
 * @throws NotFoundError when no node has that id.
 * @throws BadUserInputError (parameter `depth`) when the neighbourhood exceeds MAX_NEIGHBORHOOD_NODES.
 */
export async function neighborhood(
  db: Database,
  start: GlobalId,
  depth: number,
  maxNodes = MAX_NEIGHBORHOOD_NODES,
): Promise<Neighborhood> {
  const repository = new ExportRepository(db);
  const origin = await repository.findNode(Label[start.type], start.id);
  if (!origin) throw new NotFoundError(start.type, toGlobalId(start.type, start.id));
  const nodes = new Map<string, GraphNodeRow>([[origin.eid, origin]]);
  const edges = new Map<string, GraphEdgeRow>();
  let frontier = [origin.eid];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += EXPORT_BATCH) {
      for (const { node, edge } of await repository.expand(frontier.slice(i, i + EXPORT_BATCH))) {
        edges.set(edge.eid, edge);
        if (!nodes.has(node.eid)) {
          nodes.set(node.eid, node);
          next.push(node.eid);
          if (nodes.size > maxNodes) {
            throw new BadUserInputError('Neighbourhood too large', [
              { path: 'depth', message: `reaches more than ${maxNodes} nodes at depth ${depth}; use a smaller depth` },
            ]);
          }
        }
      }
    }
    frontier = next;
  }
  const all = [...nodes.keys()];
  for (let i = 0; i < frontier.length; i += EXPORT_BATCH) {
    for (const edge of await repository.edgesAmong(frontier.slice(i, i + EXPORT_BATCH), all)) edges.set(edge.eid, edge);
  }
  return { nodes: [...nodes.values()].map(xmlNode), edges: [...edges.values()].map(xmlEdge) };
}

/** The neighbourhood as GraphML. */
export function neighborhoodGraphml(graph: Neighborhood): Iterable<string> {
  return graphml(graph.nodes, graph.edges);
}

/** The neighbourhood as GEXF 1.3. */
export function neighborhoodGexf(graph: Neighborhood): Iterable<string> {
  return gexf(graph.nodes, graph.edges);
}

async function* keyed<T extends { props: Record<string, unknown> }>(
  read: (after: string, limit: number) => Promise<T[]>,
): AsyncGenerator<T> {
  let after = '';
  for (;;) {
    const rows = await read(after, EXPORT_BATCH);
    yield* rows;
    if (rows.length < EXPORT_BATCH) return;
    after = String(rows[rows.length - 1]!.props.id ?? (rows[rows.length - 1] as unknown as { key: string }).key);
  }
}

/**
 * The whole graph in the ingest bundle format (seed/al-ittihad-2025-05.json): every actor and topic as a
 * definition, every article as an ArticleInput naming entities by global id. `npm run ingest` of the file into an
 * empty database rebuilds the same nodes with the same keys (keys are derived from the same inputs).
 */
export async function* bundleJson(db: Database, description: string): AsyncGenerator<string> {
  const repository = new ExportRepository(db);
  yield `{"description":${JSON.stringify(description)},\n"actors":[`;
  let first = true;
  for await (const row of keyed((after, limit) => repository.actorBatch(after, limit))) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(bundleActor(row))}`;
    first = false;
  }
  yield '\n],\n"topics":[';
  first = true;
  for await (const row of keyed((after, limit) => repository.topicBatch(after, limit))) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(bundleTopic(row))}`;
    first = false;
  }
  yield '\n],\n"articles":[';
  first = true;
  let after = '';
  for (;;) {
    const rows = await repository.articleBatch(after, ARTICLE_BATCH);
    for (const row of rows) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(bundleArticle(row))}`;
      first = false;
    }
    if (rows.length < ARTICLE_BATCH) break;
    after = rows[rows.length - 1]!.key;
  }
  yield '\n]}\n';
}
