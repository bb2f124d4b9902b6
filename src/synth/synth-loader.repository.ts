import { randomUUID } from 'node:crypto';
import { Label, Rel } from '../shared/graph-schema';
import { nameProperties } from '../shared/graphql/names';
import { canonicalUrl } from '../shared/text/canonical-url';
import { withSearchProperties } from '../shared/text/search-text';
import type { Database, Tx } from '../shared/neo4j/database';
import { SubjectMonthsRepository } from '../shared/neo4j/subject-months.repository';
import type { ArticleBatch, NodeRef, SubjectLabel, WorldRows } from './synth-rows';

/** Splits (source id, target ref) pairs by target label. */
function pairsByLabel(
  pairs: { s: string; ref: NodeRef<string> }[],
): Map<keyof typeof Label, { s: string; t: string }[]> {
  const groups = new Map<keyof typeof Label, { s: string; t: string }[]>();
  for (const { s, ref } of pairs) {
    const label = ref.label as keyof typeof Label;
    if (!(label in Label)) throw new Error(`Unknown label ${ref.label}`);
    const list = groups.get(label) ?? [];
    list.push({ s, t: ref.id });
    groups.set(label, list);
  }
  return groups;
}

/**
 * Writes the synthetic graph in the exact layout of src/shared/graph-schema.ts. Every write MERGEs on a
 * constrained key, so a batch can be retried by the driver and a whole rerun creates nothing new.
 */
export class SynthLoaderRepository {
  constructor(private readonly db: Database) {}

  /** Actors, roles, aliases, topics and meetings, in one transaction (a few thousand rows at most). */
  async writeWorld(world: WorldRows): Promise<void> {
    const actors = world.actors.map((a) => ({
      id: a.id,
      country: a.country,
      props: { kind: a.kind, wikidata: a.wikidata, ...nameProperties(a.names) },
    }));
    const topics = world.topics.map((t) => ({
      id: t.id,
      props: withSearchProperties('Topic', nameProperties(t.names)),
    }));
    const meetings = world.meetings.map((m) => ({
      id: m.id,
      date: m.date,
      location: m.location,
      participants: m.participants,
      props: { kind: m.kind, durationMinutes: m.durationMinutes, status: m.status, ...nameProperties(m.names) },
    }));
    await this.db.writeTx(async (tx) => {
      await tx.run(
        `UNWIND $rows AS r
         MERGE (a:${Label.Actor} {id: r.id})
         SET a += r.props, a.createdBy = coalesce(a.createdBy, 'synth'), a.createdAt = coalesce(a.createdAt, datetime())
         WITH a, r
         MATCH (c:${Label.Country} {id: r.country})
         MERGE (a)-[:${Rel.OF_COUNTRY}]->(c)`,
        { rows: actors },
      );
      await tx.run(
        `UNWIND $rows AS r
         MATCH (a:${Label.Actor} {id: r.actor})
         MERGE (role:${Label.Role} {id: r.id})
         SET role.title_en = r.title_en, role.title_ar = r.title_ar, role.since = date(r.since),
             role.until = date(r.until)
         MERGE (a)-[:${Rel.HOLDS_ROLE}]->(role)
         WITH role, r
         MATCH (c:${Label.Country} {id: r.country})
         MERGE (role)-[:${Rel.FOR_COUNTRY}]->(c)
         WITH role, r WHERE r.organization IS NOT NULL
         MATCH (org:${Label.Actor} {id: r.organization})
         MERGE (role)-[:${Rel.IN_ORGANIZATION}]->(org)`,
        { rows: world.roles },
      );
      await tx.run(
        `UNWIND $rows AS r
         MERGE (t:${Label.Topic} {id: r.id})
         SET t += r.props, t.createdBy = coalesce(t.createdBy, 'synth'), t.createdAt = coalesce(t.createdAt, datetime())`,
        { rows: topics },
      );
      await tx.run(
        `UNWIND $rows AS r
         MERGE (a:${Label.Alias} {key: r.key})
         ON CREATE SET a.text = r.text, a.search_text = CASE WHEN r.text IS NULL THEN null ELSE r.key END`,
        { rows: world.aliases },
      );
      for (const label of [Label.Actor, Label.Topic] as const) {
        await tx.run(
          `UNWIND $rows AS r
           MATCH (e:${label} {id: r.id})
           MATCH (a:${Label.Alias} {key: r.key})
           MERGE (e)-[h:${Rel.HAS_ALIAS}]->(a)
           ON CREATE SET h.text = r.text, h.lang = r.lang`,
          { rows: world.hasAlias.filter((h) => h.label === label) },
        );
      }
      await tx.run(
        `UNWIND $rows AS r
         MERGE (m:${Label.Meeting} {id: r.id})
         SET m += r.props, m.date = date(r.date), m.createdBy = coalesce(m.createdBy, 'synth'),
             m.createdAt = coalesce(m.createdAt, datetime())
         WITH m, r
         UNWIND r.participants AS pid
         MATCH (p:${Label.Actor} {id: pid})
         MERGE (m)-[:${Rel.PARTICIPANT}]->(p)`,
        { rows: meetings },
      );
      await tx.run(
        `UNWIND $rows AS r
         MATCH (m:${Label.Meeting} {id: r.id})
         MATCH (c:${Label.Country} {id: r.location})
         MERGE (m)-[:${Rel.LOCATED_IN}]->(c)`,
        { rows: meetings.filter((m) => m.location !== null) },
      );
      // On a rerun over loaded statements, roles and participants written again may change their closures; on a
      // first load there are no statements yet and this only looks.
      await new SubjectMonthsRepository(tx).refreshAroundActors(actors.map((a) => a.id));
    });
  }

  /**
   * One batch of articles with their statements, reports and status changes, in one transaction. Every node is
   * MERGEd on its constrained key; relationships are CREATEd, but only from nodes this attempt created (a node
   * created a moment ago has none to duplicate), so a rerun, or a retry of a batch that did commit, creates nothing
   * while a first load skips the MERGE-relationship checks.
   */
  async writeBatch(batch: ArticleBatch): Promise<void> {
    await this.db.writeTx(async (tx) => {
      const token = randomUUID();
      const created = async (cypher: string, rows: unknown[]): Promise<Set<string>> =>
        rows.length === 0
          ? new Set()
          : new Set((await tx.run<{ id: string }>(cypher, { rows, token })).map((r) => r.id));
      const all = batchParams(batch);
      const articles = await created(
        `UNWIND $rows AS r
         MERGE (a:${Label.Article} {id: r.id})
         ON CREATE SET a += r.props, a.publishedOn = date(r.publishedOn), a.createdBy = 'synth',
           a.createdAt = datetime(), a.loadToken = $token
         WITH a, r WHERE a.loadToken = $token
         REMOVE a.loadToken
         WITH a, r
         MATCH (o:${Label.Actor} {id: r.outlet})
         CREATE (a)-[:${Rel.PUBLISHED_BY}]->(o)
         RETURN r.id AS id`,
        all.articles,
      );
      if (articles.size === 0) return;
      await createRels(tx, Label.Article, Rel.MENTIONS, only(all.mentions, articles));
      await createRels(tx, Label.Article, Rel.HAS_TOPIC, only(all.hasTopic, articles));
      const statements = await created(
        `UNWIND $rows AS r
         MERGE (s:${Label.Statement} {id: r.id})
         ON CREATE SET s += r.props, s.saidOn = date(r.saidOn), s.date = date(r.date), s.createdBy = 'synth',
           s.createdAt = datetime(), s.loadToken = $token
         WITH s, r WHERE s.loadToken = $token
         REMOVE s.loadToken
         FOREACH (_ IN CASE WHEN r.props.rank = 'DEPRECATED' THEN [1] ELSE [] END | SET s:${Label.DeprecatedStatement})
         WITH s, r
         MATCH (sp:${Label.Actor} {id: r.speaker})
         CREATE (s)-[:${Rel.SAID_BY}]->(sp)
         RETURN r.id AS id`,
        all.statements.filter((s) => articles.has(s.article)),
      );
      await createRels(tx, Label.Statement, Rel.ON_BEHALF_OF, only(all.onBehalfOf, statements));
      await createRels(tx, Label.Statement, Rel.ABOUT, only(all.about, statements));
      await new SubjectMonthsRepository(tx).refreshStatements([...statements]);
      const reports = await created(
        `UNWIND $rows AS r
         MATCH (s:${Label.Statement} {id: r.statement})
         MATCH (a:${Label.Article} {id: r.article})
         MERGE (rep:${Label.Report} {id: r.id})
         ON CREATE SET rep.start = r.start, rep.end = r.end, rep.text = r.text, rep.loadToken = $token
         WITH s, a, rep, r WHERE rep.loadToken = $token
         REMOVE rep.loadToken
         CREATE (s)-[:${Rel.HAS_REPORT}]->(rep)
         CREATE (rep)-[:${Rel.IN_ARTICLE}]->(a)
         RETURN r.id AS id`,
        all.reports.filter((r) => statements.has(r.statement)),
      );
      await createRels(tx, Label.Report, Rel.VIA, only(all.via, reports));
      const statusChanges = await created(
        `UNWIND $rows AS r
         MATCH (m:${Label.Meeting} {id: r.meeting})
         MATCH (s:${Label.Statement} {id: r.statement})
         MERGE (sc:${Label.StatusChange} {id: r.id})
         ON CREATE SET sc.status = r.status, sc.asOf = date(r.asOf), sc.seq = r.seq, sc.loadToken = $token
         WITH m, s, sc, r WHERE sc.loadToken = $token
         REMOVE sc.loadToken
         CREATE (m)-[:${Rel.HAS_STATUS}]->(sc)
         CREATE (sc)-[:${Rel.ASSERTED_BY}]->(s)
         RETURN r.id AS id`,
        all.statusChanges.filter((c) => statements.has(c.statement)),
      );
      await new SubjectMonthsRepository(tx).refreshStatusChanges([...statusChanges]);
    });
  }

  /** Node counts per label, to show that a rerun creates nothing. */
  async counts(): Promise<Record<string, number>> {
    const rows = await this.db.read<{ label: string; n: number }>(
      `UNWIND $labels AS label
       CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS n }
       RETURN label, n`,
      { labels: Object.values(Label) },
    );
    const rels = await this.db.read<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n');
    return { ...Object.fromEntries(rows.map((r) => [r.label, r.n])), relationships: rels[0]?.n ?? 0 };
  }
}

/** The (source, target) pairs whose source is in `sources`, still grouped by target label. */
function only(
  groups: Map<keyof typeof Label, { s: string; t: string }[]>,
  sources: Set<string>,
): Map<keyof typeof Label, { s: string; t: string }[]> {
  return new Map([...groups].map(([label, rows]) => [label, rows.filter((row) => sources.has(row.s))]));
}

/** CREATEs relationships from source nodes created in this transaction (so none can exist yet). */
async function createRels(
  tx: Tx,
  source: string,
  rel: string,
  groups: Map<keyof typeof Label, { s: string; t: string }[]>,
): Promise<void> {
  for (const [label, rows] of groups) {
    if (rows.length === 0) continue;
    await tx.run(
      `UNWIND $rows AS r
       MATCH (s:${source} {id: r.s})
       MATCH (t:${Label[label]} {id: r.t})
       CREATE (s)-[:${rel}]->(t)`,
      { rows },
    );
  }
}

/** The query parameters of one batch, shared by the MERGE loader and the CREATE floor. */
export function batchParams(batch: ArticleBatch) {
  return {
    articles: batch.articles.map((a) => ({
      id: a.id,
      outlet: a.outlet,
      publishedOn: a.publishedOn,
      props: withSearchProperties('Article', {
        contentHash: a.contentHash,
        title: a.title,
        language: a.language,
        url: a.url,
        canonicalUrl: a.url ? canonicalUrl(a.url) : null,
        text: a.text,
      }),
    })),
    mentions: pairsByLabel(batch.articles.flatMap((a) => a.mentions.map((ref) => ({ s: a.id, ref })))),
    hasTopic: pairsByLabel(
      batch.articles.flatMap((a) => a.topics.map((id) => ({ s: a.id, ref: { label: 'Topic' as const, id } }))),
    ),
    statements: batch.statements.map((s) => ({
      id: s.id,
      article: s.report.article,
      speaker: s.speaker,
      saidOn: s.saidOn,
      date: s.date,
      props: withSearchProperties('Statement', {
        text: s.text,
        language: s.language,
        translation: s.translation,
        form: s.form,
        quote: s.quote,
        verb: s.verb,
        sortKey: s.sortKey,
        cameo: s.cameo,
        plover: s.plover,
        goldstein: s.goldstein,
        rank: s.rank,
        rationale: s.rationale,
        deprecatedReason: s.deprecatedReason,
      }),
    })),
    onBehalfOf: pairsByLabel(batch.statements.flatMap((s) => (s.onBehalfOf ? [{ s: s.id, ref: s.onBehalfOf }] : []))),
    about: pairsByLabel(
      batch.statements.flatMap((s) => s.about.map((ref: NodeRef<SubjectLabel>) => ({ s: s.id, ref }))),
    ),
    reports: batch.statements.map((s) => ({ ...s.report, statement: s.id })),
    via: pairsByLabel(
      batch.statements.flatMap((s) =>
        s.report.via ? [{ s: s.report.id, ref: { label: 'Actor' as const, id: s.report.via } }] : [],
      ),
    ),
    statusChanges: batch.statusChanges,
  };
}
