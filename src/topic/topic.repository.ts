import { toPage, type PageRequest } from '../entity/read-batch';
import { Label } from '../shared/graph-schema';
import type { Page } from '../shared/graphql/connection.type';
import { int, type Database } from '../shared/neo4j/database';
import { toTopic } from './topic.mapper';
import { projectProperties, type PropertySelection } from '../shared/graphql/stored-properties';
import type { Topic } from './topic.type';

export class TopicRepository {
  constructor(
    private readonly db: Database,
    private readonly selection: PropertySelection = null,
  ) {}

  /** Topics by key, in key order (null where unknown): one query for the batch. */
  async byKeys(keys: readonly string[]): Promise<(Topic | null)[]> {
    const rows = await this.db.read<{ key: string; props: Record<string, unknown> }>(
      `UNWIND $keys AS key
       MATCH (t:${Label.Topic} {id: key})
       RETURN key, ${projectProperties('t', this.selection, 'properties(t)')} AS props`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, toTopic(row.props)]));
    return keys.map((key) => found.get(key) ?? null);
  }

  /** A page of topics in id order. */
  async list(page: PageRequest): Promise<Page<Topic>> {
    const [row] = await this.db.read<{ total: number; page: Record<string, unknown>[] }>(
      `CALL () { MATCH (t:${Label.Topic}) RETURN count(t) AS total }
       CALL () {
         MATCH (t:${Label.Topic}) WHERE $after IS NULL OR t.id > $after
         WITH t ORDER BY t.id LIMIT $limit
         RETURN collect(properties(t)) AS page
       }
       RETURN total, page`,
      { after: page.after, limit: int(page.limit + 1) },
    );
    const rows = (row?.page ?? []).map((props) => ({ node: toTopic(props), sortKey: String(props.id) }));
    return toPage(rows, page.limit, row?.total ?? 0);
  }
}
