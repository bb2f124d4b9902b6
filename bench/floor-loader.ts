import { Label, Rel } from '../src/shared/graph-schema';
import { nameProperties } from '../src/shared/graphql/names';
import type { Database, Tx } from '../src/shared/neo4j/database';
import type { RowWriter } from '../src/synth/synth-load';
import { batchParams } from '../src/synth/synth-loader.repository';
import type { ArticleBatch, WorldRows } from '../src/synth/synth-rows';

async function createRels(
  tx: Tx,
  source: string,
  rel: string,
  groups: Map<keyof typeof Label, { s: string; t: string }[]>,
): Promise<void> {
  for (const [label, rows] of groups) {
    await tx.run(
      `UNWIND $rows AS r MATCH (s:${source} {id: r.s}) MATCH (t:${Label[label]} {id: r.t}) CREATE (s)-[:${rel}]->(t)`,
      { rows },
    );
  }
}

/**
 * The load floor: the same rows as the idempotent loader, written by the simplest `UNWIND ... CREATE` into a fresh
 * database (no MERGE, no re-run safety). What MERGE costs is the gap between the two.
 */
export class FloorWriter implements RowWriter {
  constructor(private readonly db: Database) {}

  async writeWorld(world: WorldRows): Promise<void> {
    await this.db.writeTx(async (tx) => {
      await tx.run(
        `UNWIND $rows AS r CREATE (a:${Label.Actor}) SET a = r.props, a.id = r.id, a.createdBy = 'synth', a.createdAt = datetime()
         WITH a, r MATCH (c:${Label.Country} {id: r.country}) CREATE (a)-[:${Rel.OF_COUNTRY}]->(c)`,
        {
          rows: world.actors.map((a) => ({
            id: a.id,
            country: a.country,
            props: { kind: a.kind, wikidata: a.wikidata, ...nameProperties(a.names) },
          })),
        },
      );
      await tx.run(
        `UNWIND $rows AS r MATCH (a:${Label.Actor} {id: r.actor})
         CREATE (a)-[:${Rel.HOLDS_ROLE}]->(role:${Label.Role} {id: r.id, title_en: r.title_en, title_ar: r.title_ar,
           since: date(r.since), until: date(r.until)})
         WITH role, r MATCH (c:${Label.Country} {id: r.country}) CREATE (role)-[:${Rel.FOR_COUNTRY}]->(c)
         WITH role, r WHERE r.organization IS NOT NULL
         MATCH (org:${Label.Actor} {id: r.organization}) CREATE (role)-[:${Rel.IN_ORGANIZATION}]->(org)`,
        { rows: world.roles },
      );
      await tx.run(
        `UNWIND $rows AS r CREATE (t:${Label.Topic}) SET t = r.props, t.id = r.id, t.createdBy = 'synth', t.createdAt = datetime()`,
        { rows: world.topics.map((t) => ({ id: t.id, props: nameProperties(t.names) })) },
      );
      await tx.run(`UNWIND $rows AS r CREATE (:${Label.Alias} {key: r.key, text: r.text})`, { rows: world.aliases });
      for (const label of [Label.Actor, Label.Topic] as const) {
        await tx.run(
          `UNWIND $rows AS r MATCH (e:${label} {id: r.id}) MATCH (a:${Label.Alias} {key: r.key})
           CREATE (e)-[:${Rel.HAS_ALIAS} {text: r.text, lang: r.lang}]->(a)`,
          { rows: world.hasAlias.filter((h) => h.label === label) },
        );
      }
      await tx.run(
        `UNWIND $rows AS r CREATE (m:${Label.Meeting}) SET m = r.props, m.id = r.id, m.date = date(r.date),
           m.createdBy = 'synth', m.createdAt = datetime()
         WITH m, r UNWIND r.participants AS pid MATCH (p:${Label.Actor} {id: pid}) CREATE (m)-[:${Rel.PARTICIPANT}]->(p)`,
        {
          rows: world.meetings.map((m) => ({
            id: m.id,
            date: m.date,
            participants: m.participants,
            props: { kind: m.kind, durationMinutes: m.durationMinutes, status: m.status, ...nameProperties(m.names) },
          })),
        },
      );
      await tx.run(
        `UNWIND $rows AS r MATCH (m:${Label.Meeting} {id: r.id}) MATCH (c:${Label.Country} {id: r.location})
         CREATE (m)-[:${Rel.LOCATED_IN}]->(c)`,
        { rows: world.meetings.filter((m) => m.location !== null).map((m) => ({ id: m.id, location: m.location })) },
      );
    });
  }

  async writeBatch(batch: ArticleBatch): Promise<void> {
    const rows = batchParams(batch);
    await this.db.writeTx(async (tx) => {
      await tx.run(
        `UNWIND $rows AS r MATCH (o:${Label.Actor} {id: r.outlet})
         CREATE (a:${Label.Article})-[:${Rel.PUBLISHED_BY}]->(o)
         SET a = r.props, a.id = r.id, a.publishedOn = date(r.publishedOn), a.createdBy = 'synth', a.createdAt = datetime()`,
        { rows: rows.articles },
      );
      await createRels(tx, Label.Article, Rel.MENTIONS, rows.mentions);
      await createRels(tx, Label.Article, Rel.HAS_TOPIC, rows.hasTopic);
      await tx.run(
        `UNWIND $rows AS r MATCH (sp:${Label.Actor} {id: r.speaker})
         CREATE (s:${Label.Statement})-[:${Rel.SAID_BY}]->(sp)
         SET s = r.props, s.id = r.id, s.saidOn = date(r.saidOn), s.date = date(r.date), s.createdBy = 'synth',
             s.createdAt = datetime()
         FOREACH (_ IN CASE WHEN r.props.rank = 'DEPRECATED' THEN [1] ELSE [] END | SET s:${Label.DeprecatedStatement})`,
        { rows: rows.statements },
      );
      await createRels(tx, Label.Statement, Rel.ON_BEHALF_OF, rows.onBehalfOf);
      await createRels(tx, Label.Statement, Rel.ABOUT, rows.about);
      await tx.run(
        `UNWIND $rows AS r MATCH (s:${Label.Statement} {id: r.statement}) MATCH (a:${Label.Article} {id: r.article})
         CREATE (s)-[:${Rel.HAS_REPORT}]->(:${Label.Report} {id: r.id, start: r.start, end: r.end, text: r.text})
           -[:${Rel.IN_ARTICLE}]->(a)`,
        { rows: rows.reports },
      );
      await createRels(tx, Label.Report, Rel.VIA, rows.via);
      await tx.run(
        `UNWIND $rows AS r MATCH (m:${Label.Meeting} {id: r.meeting}) MATCH (s:${Label.Statement} {id: r.statement})
         CREATE (m)-[:${Rel.HAS_STATUS}]->(:${Label.StatusChange} {id: r.id, status: r.status, asOf: date(r.asOf), seq: r.seq})
           -[:${Rel.ASSERTED_BY}]->(s)`,
        { rows: rows.statusChanges },
      );
    });
  }
}
