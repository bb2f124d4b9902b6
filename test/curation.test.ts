import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../src/shared/global-id';
import { graphCounts } from './helpers/graph-counts';
import { startSeededServer, type TestServer } from './helpers/test-server';
import { asAdmin, asEditor, INGEST, spanOf, TEST_API_KEYS } from './helpers/write-keys';

const ADD_ALIAS = `mutation($entity: ID!, $alias: String!, $lang: String) {
  addAlias(entity: $entity, alias: $alias, lang: $lang) { __typename id name }
}`;
const SET_STATUS = `mutation($meeting: ID!, $status: MeetingStatus!, $statement: ID!) {
  setMeetingStatus(meeting: $meeting, status: $status, statement: $statement) { id status name }
}`;
const MERGE = `mutation($keep: ID!, $remove: ID!) { mergeEntities(keep: $keep, remove: $remove) { __typename id name } }`;
const DEPRECATE = `mutation($id: ID!, $reason: String!) {
  deprecateStatement(id: $id, reason: $reason) { id rank deprecation { reason by at } }
}`;

const peskov = toGlobalId('Actor', 'dmitry-peskov');

/** An article whose speaker is a duplicate of Peskov under a spelling the seed does not know. */
function duplicateSpeakerArticle() {
  const sentence = 'D. Peskov told reporters the Kremlin had nothing to add.';
  const text = `Kremlin silent\n${sentence}`;
  return {
    title: 'Kremlin silent',
    language: 'en',
    outlet: { name: 'Al-Ittihad' },
    text,
    createMissing: true,
    mentions: [{ name: 'D. Peskov', kind: 'PERSON', country: 'RU' }],
    statements: [
      {
        speaker: { name: 'D. Peskov', kind: 'PERSON', country: 'RU' },
        form: 'PARAPHRASE',
        text: sentence,
        about: [{ name: 'Kremlin' }],
        cameo: '010',
        goldstein: 0,
        span: spanOf(text, sentence),
      },
    ],
  };
}

describe('curation mutations', () => {
  let server: TestServer;
  let summit: string;
  let summitStatements: string[];
  let otherStatement: string;

  before(async () => {
    server = await startSeededServer({ API_KEYS: TEST_API_KEYS });
    const [row] = await server.db.read<{ meeting: string; statements: string[] }>(
      `MATCH (m:Meeting {name_en: 'Summit: Vladimir Putin – Donald Trump'})<-[:ABOUT]-(s:Statement)
       WITH m, s ORDER BY s.id RETURN m.id AS meeting, collect(s.id) AS statements`,
    );
    summit = toGlobalId('Meeting', row!.meeting);
    summitStatements = row!.statements.map((key) => toGlobalId('Statement', key));
    const [other] = await server.db.read<{ key: string }>(
      `MATCH (s:Statement) WHERE NOT (s)-[:ABOUT]->(:Meeting) RETURN s.id AS key LIMIT 1`,
    );
    otherStatement = toGlobalId('Statement', other!.key);
  });

  after(async () => {
    await server.stop();
  });

  it('addAlias makes a new spelling resolve to the actor or country, once', async () => {
    const res = await server.gql(ADD_ALIAS, { entity: peskov, alias: 'Dmitrij Peskow', lang: 'de' }, asEditor);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(res.data!.addAlias, { __typename: 'Actor', id: peskov, name: 'Dmitry Peskov' });
    const before = await graphCounts(server.db);
    const again = await server.gql(ADD_ALIAS, { entity: peskov, alias: 'dmitrij  PESKOW', lang: 'de' }, asEditor);
    assert.equal(again.errors, undefined);
    assert.deepEqual(await graphCounts(server.db), before);
    const [alias] = await server.db.read<{ owner: string; lang: string; by: string }>(
      `MATCH (:Alias {key: 'dmitrij peskow'})<-[h:HAS_ALIAS]-(a) RETURN a.id AS owner, h.lang AS lang,
         h.createdBy AS by`,
    );
    assert.equal(alias?.owner, 'dmitry-peskov');
    assert.equal(alias?.lang, 'de');
    assert.match(alias!.by, /^editor:/);

    const country = await server.gql(ADD_ALIAS, { entity: toGlobalId('Country', 'RU'), alias: 'الروس' }, asEditor);
    assert.equal(country.errors, undefined, JSON.stringify(country.errors));
    assert.equal(country.data!.addAlias.__typename, 'Country');
  });

  it('addAlias rejects bad input with field paths, and unknown ids with NOT_FOUND', async () => {
    const empty = await server.gql(ADD_ALIAS, { entity: peskov, alias: '  ' }, asEditor);
    assert.equal(empty.errors![0]!.extensions!.code, 'BAD_USER_INPUT');
    assert.equal(empty.errors![0]!.extensions!.problems[0].path, 'alias');
    const lang = await server.gql(ADD_ALIAS, { entity: peskov, alias: 'Peskoff', lang: 'not a tag' }, asEditor);
    assert.equal(lang.errors![0]!.extensions!.problems[0].path, 'lang');
    const meeting = await server.gql(ADD_ALIAS, { entity: summit, alias: 'The summit' }, asEditor);
    assert.match(meeting.errors![0]!.message, /entity: expected the id of a Actor or Country, got a Meeting/);
    const missing = await server.gql(ADD_ALIAS, { entity: toGlobalId('Actor', 'nobody'), alias: 'Nobody' }, asEditor);
    assert.equal(missing.errors![0]!.extensions!.code, 'NOT_FOUND');
  });

  it('setMeetingStatus adds a history entry asserted by a statement and derives the current status', async () => {
    const planned = await server.gql(
      SET_STATUS,
      { meeting: summit, status: 'PLANNED', statement: summitStatements[1] },
      asEditor,
    );
    assert.equal(planned.errors, undefined, JSON.stringify(planned.errors));
    assert.equal(planned.data!.setMeetingStatus.status, 'PLANNED');
    const before = await graphCounts(server.db);
    const replay = await server.gql(
      SET_STATUS,
      { meeting: summit, status: 'PLANNED', statement: summitStatements[1] },
      asEditor,
    );
    assert.equal(replay.data!.setMeetingStatus.status, 'PLANNED');
    assert.deepEqual(await graphCounts(server.db), before);

    const cancelled = await server.gql(
      SET_STATUS,
      { meeting: summit, status: 'CANCELLED', statement: summitStatements[0] },
      asEditor,
    );
    assert.equal(cancelled.data!.setMeetingStatus.status, 'CANCELLED');
    const history = await server.db.read<{ status: string; by: string }>(
      `MATCH (:Meeting {name_en: 'Summit: Vladimir Putin – Donald Trump'})-[:HAS_STATUS]->(c)-[:ASSERTED_BY]->(:Statement)
       RETURN c.status AS status, c.createdBy AS by ORDER BY c.seq`,
    );
    assert.deepEqual(
      history.map((h) => h.status),
      ['PROPOSED', 'PLANNED', 'CANCELLED'],
    );

    const unrelated = await server.gql(
      SET_STATUS,
      { meeting: summit, status: 'HELD', statement: otherStatement },
      asEditor,
    );
    assert.equal(unrelated.errors![0]!.extensions!.code, 'BAD_USER_INPUT');
    assert.equal(unrelated.errors![0]!.extensions!.problems[0].path, 'statement');
  });

  it('deprecateStatement keeps the statement with rank DEPRECATED, the reason and who did it', async () => {
    const target = summitStatements[1]!;
    const forbidden = await server.gql(DEPRECATE, { id: target, reason: 'Misattributed' }, asEditor);
    assert.equal(forbidden.errors![0]!.extensions!.code, 'FORBIDDEN');
    const empty = await server.gql(DEPRECATE, { id: target, reason: ' ' }, asAdmin);
    assert.equal(empty.errors![0]!.extensions!.problems[0].path, 'reason');

    const res = await server.gql(DEPRECATE, { id: target, reason: 'Misattributed: RIA quoted Ushakov' }, asAdmin);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const statement = res.data!.deprecateStatement;
    assert.equal(statement.rank, 'DEPRECATED');
    assert.equal(statement.deprecation.reason, 'Misattributed: RIA quoted Ushakov');
    assert.match(statement.deprecation.by, /^admin:[0-9a-f]{12}$/);
    assert.ok(statement.deprecation.at);
    const [stored] = await server.db.read<{ n: number; labelled: number }>(
      'MATCH (s:Statement) RETURN count(s) AS n, sum(CASE WHEN s:DeprecatedStatement THEN 1 ELSE 0 END) AS labelled',
    );
    assert.equal(stored!.n, 10);
    // The label is what the unfiltered count reads (from the count store): kept in step with the rank.
    assert.equal(stored!.labelled, 1);
    const counts = await server.gql(
      '{ all: statements { totalCount } shown: statements(includeDeprecated: true) { totalCount } }',
    );
    assert.deepEqual(counts.data, { all: { totalCount: 9 }, shown: { totalCount: 10 } });

    const query = `query($about: ID!, $all: Boolean) {
      whoSaidWhatAbout(about: $about, includeDeprecated: $all) { totalCount edges { node { id rank } } }
    }`;
    const hidden = await server.gql(query, { about: summit });
    assert.equal(hidden.errors, undefined, JSON.stringify(hidden.errors));
    assert.deepEqual(
      hidden.data!.whoSaidWhatAbout.edges.map((e: any) => e.node.id),
      [summitStatements[0]],
    );
    const shown = await server.gql(query, { about: summit, all: true });
    assert.equal(shown.data!.whoSaidWhatAbout.totalCount, 2);
    assert.ok(shown.data!.whoSaidWhatAbout.edges.some((e: any) => e.node.rank === 'DEPRECATED'));
  });

  it('mergeEntities is admin-only, moves every relationship and alias, and the removed id still resolves', async () => {
    const ingest = await server.gql(INGEST, { input: duplicateSpeakerArticle() }, asEditor);
    assert.equal(ingest.errors, undefined, JSON.stringify(ingest.errors));
    assert.equal(ingest.data!.ingestArticle.created.actors, 1);
    const duplicate = toGlobalId('Actor', 'd-peskov');

    const forbidden = await server.gql(MERGE, { keep: peskov, remove: duplicate }, asEditor);
    assert.equal(forbidden.errors![0]!.extensions!.code, 'FORBIDDEN');
    const same = await server.gql(MERGE, { keep: peskov, remove: peskov }, asAdmin);
    assert.equal(same.errors![0]!.extensions!.code, 'BAD_USER_INPUT');

    const merged = await server.gql(MERGE, { keep: peskov, remove: duplicate }, asAdmin);
    assert.equal(merged.errors, undefined, JSON.stringify(merged.errors));
    assert.deepEqual(merged.data!.mergeEntities, { __typename: 'Actor', id: peskov, name: 'Dmitry Peskov' });

    const [state] = await server.db.read<{ left: number; said: number; mentioned: number; alias: string[] }>(
      `OPTIONAL MATCH (gone:Actor {id: 'd-peskov'})
       MATCH (p:Actor {id: 'dmitry-peskov'})
       RETURN count(gone) AS left, COUNT { (p)<-[:SAID_BY]-() } AS said,
         COUNT { (p)<-[:MENTIONS]-(:Article {title: 'Kremlin silent'}) } AS mentioned,
         [(:Alias {key: 'd peskov'})<-[:HAS_ALIAS]-(a) | a.id] AS alias`,
    );
    assert.deepEqual(state, { left: 0, said: 10, mentioned: 1, alias: ['dmitry-peskov'] });

    const node = await server.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id: duplicate });
    assert.equal(node.errors, undefined, JSON.stringify(node.errors));
    assert.deepEqual(node.data!.node, { __typename: 'Actor', id: peskov });

    const replay = await server.gql(MERGE, { keep: peskov, remove: duplicate }, asAdmin);
    assert.equal(replay.data!.mergeEntities.id, peskov);

    // The article still ingests as the same article, statement and all, now that its speaker is Peskov.
    const before = await graphCounts(server.db);
    const again = await server.gql(INGEST, { input: duplicateSpeakerArticle() }, asEditor);
    assert.equal(again.errors, undefined, JSON.stringify(again.errors));
    assert.deepEqual(again.data!.ingestArticle.created, {
      articles: 0,
      actors: 0,
      meetings: 0,
      statements: 0,
      topics: 0,
    });
    assert.deepEqual(await graphCounts(server.db), before);
  });
});
