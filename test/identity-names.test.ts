import 'reflect-metadata';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import pino from 'pino';
import { resolveEntity } from '../src/entity/resolve-entity';
import { toGlobalId } from '../src/shared/global-id';
import { renormalize } from '../src/shared/neo4j/renormalize.migration';
import { graphCounts } from './helpers/graph-counts';
import { startSeededServer, type TestServer } from './helpers/test-server';
import { asEditor, INGEST, spanOf, TEST_API_KEYS } from './helpers/write-keys';

const SEARCH = `query($text: String!, $types: [SearchType!]) {
  search(text: $text, types: $types, first: 100) { totalCount edges { score node { __typename id } } }
}`;
const RESOLVE = `query($name: String!) { resolveEntity(name: $name) { __typename id } }`;
const ADD_ALIAS = `mutation($entity: ID!, $alias: String!) { addAlias(entity: $entity, alias: $alias) { id } }`;

const peskov = toGlobalId('Actor', 'dmitry-peskov');
const putin = toGlobalId('Actor', 'vladimir-putin');
const zelensky = toGlobalId('Actor', 'volodymyr-zelensky');
const kremlin = toGlobalId('Actor', 'kremlin');

/** Every invisible character the normalization drops: General_Category Cf and Default_Ignorable_Code_Point. */
function invisibleCharacters(): string[] {
  const found: string[] = [];
  for (let code = 0; code <= 0xe0fff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    if (/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(char)) found.push(char);
  }
  return found;
}

/** Actor key and every name and alias of the seed bundle's actors. */
function seedAliases(): { key: string; alias: string }[] {
  const bundle = JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'seed', 'al-ittihad-2025-05.json'), 'utf8'),
  ) as { actors: { key: string; names: Record<string, string>; aliases?: { text: string }[] }[] };
  return bundle.actors.flatMap((actor) =>
    [...Object.values(actor.names), ...(actor.aliases ?? []).map((a) => a.text)].map((alias) => ({
      key: actor.key,
      alias,
    })),
  );
}

describe('identity of names: one normalization everywhere (issue 12, kinds 1 and 2)', () => {
  let server: TestServer;

  before(async () => {
    server = await startSeededServer({ API_KEYS: TEST_API_KEYS });
  });

  after(async () => {
    await server.stop();
  });

  async function search(text: string, types?: string[]) {
    const res = await server.gql(SEARCH, { text, types });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.search as {
      totalCount: number;
      edges: { score: number; node: { __typename: string; id: string } }[];
    };
  }

  async function resolve(name: string): Promise<string[]> {
    const res = await server.gql(RESOLVE, { name });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return (res.data!.resolveEntity as { id: string }[]).map((e) => e.id);
  }

  async function problemsOf(query: string, variables: Record<string, unknown>, headers = {}) {
    const res = await server.gql(query, variables, headers);
    const error = res.errors?.[0];
    assert.ok(error, `expected an error for ${JSON.stringify(variables)}`);
    assert.equal(error.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(res.errors));
    return (error.extensions?.problems as { path: string }[]).map((p) => p.path);
  }

  describe('kind 1: the same name written as web Arabic writes it is the same name', () => {
    it('search: decomposed hamza finds what أوكرانيا finds', async () => {
      const plain = await search('أوكرانيا');
      const decomposed = await search('\u0627\u0654وكرانيا');
      assert.ok(plain.totalCount >= 5, `hits for أوكرانيا: ${plain.totalCount}`);
      assert.deepEqual(decomposed, plain);
    });

    it('search: Persian yeh in بوتین finds what بوتين finds', async () => {
      const plain = await search('بوتين');
      assert.ok(plain.totalCount >= 5, `hits for بوتين: ${plain.totalCount}`);
      assert.deepEqual(await search('بوتین'), plain);
    });

    it('search: an RLM-prefixed بوتين ranks Putin first, as the plain name does', async () => {
      const hits = await search('\u200fبوتين', ['ACTOR', 'COUNTRY']);
      assert.equal(hits.edges[0]?.node.id, putin);
      assert.deepEqual(hits, await search('بوتين', ['ACTOR', 'COUNTRY']));
    });

    it('search: presentation forms find what the plain letters find', async () => {
      const plain = await search('موسكو');
      assert.ok(plain.totalCount > 0);
      assert.deepEqual(await search('ﻣﻮﺳﻜﻮ'), plain);
      assert.deepEqual(await search('بيسكوف'), await search('ﺑﻴﺴﻜﻮﻑ'));
    });

    it('search: invisible marks anywhere in the query change nothing', async () => {
      const plain = await search('الكرملين');
      assert.ok(plain.totalCount > 0);
      assert.deepEqual(await search('الكر\u200cملين\u200f'), plain);
      assert.deepEqual(await search('\u2067الكرملين\u2069'), plain);
    });

    it('resolveEntity: Persian letter forms, presentation forms and punctuation next to a letter', async () => {
      assert.equal((await resolve('زیلینسکی'))[0], zelensky);
      assert.equal((await resolve('ﺑﻮﺗﻴﻦ'))[0], putin);
      assert.equal((await resolve('الكرملين،'))[0], kremlin);
      assert.equal((await resolve('«بيسكوف»؟'))[0], peskov);
      assert.equal((await resolve('\u200fبيسكوف\u200e'))[0], peskov);
    });

    it('ingest: بيسكوف + ZWNJ with createMissing is Peskov, not a second speaker', async () => {
      const sentence = 'قال بيسكوف إن الكرملين لا يعلق.';
      const text = `تصريح\n${sentence}`;
      const before = await graphCounts(server.db);
      const res = await server.gql(
        INGEST,
        {
          input: {
            title: 'تصريح',
            language: 'ar',
            publishedOn: '2025-06-01',
            outlet: { name: 'صحيفة الاتحاد\u200f' },
            text,
            createMissing: true,
            statements: [
              {
                speaker: { name: 'بيسكوف\u200c', kind: 'PERSON', country: 'RU' },
                onBehalfOf: { name: 'الكرملين\u200d' },
                form: 'PARAPHRASE',
                text: sentence,
                about: [{ name: 'الکرملین' }],
                cameo: '010',
                span: spanOf(text, sentence),
              },
            ],
          },
        },
        asEditor,
      );
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.equal(res.data!.ingestArticle.created.actors, 0);
      assert.equal(res.data!.ingestArticle.created.topics, 0);
      const after = await graphCounts(server.db);
      assert.equal(after.Actor, before.Actor);
      const [row] = await server.db.read<{ speaker: string; about: string[] }>(
        `MATCH (:Article {title: 'تصريح'})<-[:IN_ARTICLE]-(:Report)<-[:HAS_REPORT]-(s:Statement)-[:SAID_BY]->(a)
         RETURN a.id AS speaker, [(s)-[:ABOUT]->(x) | x.id] AS about`,
      );
      assert.deepEqual(row, { speaker: 'dmitry-peskov', about: ['kremlin'] });
      const stats = await server.gql(`{ statementStats(groupBy: SPEAKER, top: 50) { key { id } label count } }`);
      assert.equal(stats.errors, undefined, JSON.stringify(stats.errors));
      const rows = stats.data!.statementStats as { key: { id: string }; label: string; count: number }[];
      const peskovs = rows.filter((row) => /Peskov|بيسكوف/.test(row.label));
      assert.deepEqual(
        peskovs.map((row) => row.key.id),
        [peskov],
      );
    });

    it('addAlias: an alias in Persian letters resolves in Arabic letters, and its key is the normalized one', async () => {
      const res = await server.gql(ADD_ALIAS, { entity: kremlin, alias: 'کاخ کرملین' }, asEditor);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.equal((await resolve('كاخ كرملين'))[0], kremlin);
      const [alias] = await server.db.read<{ key: string; text: string; search: string }>(
        `MATCH (:Actor {id: 'kremlin'})-[:HAS_ALIAS]->(a:Alias) WHERE a.text = 'کاخ کرملین'
         RETURN a.key AS key, a.text AS text, a.search_text AS search`,
      );
      assert.deepEqual(alias, { key: 'كاخ كرملين', text: 'کاخ کرملین', search: 'كاخ كرملين' });
    });

    it('stored text stays as written; only the search shadow is normalized', async () => {
      const [row] = await server.db.read<{ text: string; search: string }>(
        `MATCH (s:Statement) WHERE s.text CONTAINS 'بيسكوف إن الكرملين' RETURN s.text AS text, s.search_text AS search`,
      );
      assert.equal(row!.text, 'قال بيسكوف إن الكرملين لا يعلق.');
      assert.equal(row!.search, 'قال بيسكوف ان الكرملين لا يعلق');
    });

    it('property: any invisible character anywhere in any seed alias resolves to the same entities', async () => {
      const invisibles = invisibleCharacters();
      assert.ok(invisibles.length > 4000, `invisible characters found: ${invisibles.length}`);
      const aliases = seedAliases();
      const plain = new Map<string, string[]>();
      for (const { key, alias } of aliases) {
        const ids = (await resolveEntity(server.db, alias)).map((e) => `${e.key}`);
        assert.ok(ids.includes(key), `${alias} resolves to ${key}`);
        plain.set(alias, ids);
      }
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...aliases),
          fc.array(fc.tuple(fc.constantFrom(...invisibles), fc.nat()), { minLength: 1, maxLength: 3 }),
          async ({ alias }, inserts) => {
            let text = alias;
            for (const [char, at] of inserts) {
              const chars = [...text];
              chars.splice(at % (chars.length + 1), 0, char);
              text = chars.join('');
            }
            const ids = (await resolveEntity(server.db, text)).map((e) => `${e.key}`);
            assert.deepEqual(ids, plain.get(alias), JSON.stringify(text));
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('kind 2: blank-looking input is not a name', () => {
    it('addAlias rejects a zero-width space, RLM+LRM and a soft hyphen, naming alias', async () => {
      for (const alias of ['\u200b', '\u200f\u200e', '\u00ad', '\u2066\u2069', '\ufeff،']) {
        assert.deepEqual(await problemsOf(ADD_ALIAS, { entity: kremlin, alias }, asEditor), ['alias']);
      }
      const [row] = await server.db.read<{ n: number }>(
        `MATCH (:Actor {id: 'kremlin'})-[:HAS_ALIAS]->(a:Alias) WHERE NOT a.key =~ '.*[\\\\p{L}\\\\p{N}].*'
         RETURN count(a) AS n`,
      );
      assert.equal(row!.n, 0);
    });

    it('resolveEntity rejects invisible-only names, naming name', async () => {
      assert.deepEqual(await problemsOf(RESOLVE, { name: '\u200b' }), ['name']);
      assert.deepEqual(await problemsOf(RESOLVE, { name: '\u200f\u200e' }), ['name']);
      assert.deepEqual(await problemsOf(RESOLVE, { name: '\u00ad' }), ['name']);
    });

    it('search rejects invisible-only text, naming text', async () => {
      assert.deepEqual(await problemsOf(SEARCH, { text: '\u200b' }), ['text']);
      assert.deepEqual(await problemsOf(SEARCH, { text: '\u200f\u200e' }), ['text']);
      assert.deepEqual(await problemsOf(SEARCH, { text: '\u00ad ؟' }), ['text']);
    });

    it('actors(filter: {name}) rejects an invisible-only name, naming filter.name', async () => {
      const query = `query($name: String) { actors(filter: {name: $name}) { totalCount } }`;
      assert.deepEqual(await problemsOf(query, { name: '\u2060' }), ['filter.name']);
    });

    it('ingest rejects a speaker, topic and title made of invisible characters, naming each field', async () => {
      const text = 'Zero\nA statement.';
      const paths = await problemsOf(
        INGEST,
        {
          input: {
            title: '\u200b',
            language: 'en',
            outlet: { name: 'Al-Ittihad' },
            text,
            createMissing: true,
            topics: [{ name: '\u00ad' }],
            statements: [
              {
                speaker: { name: '\u200b', kind: 'PERSON' },
                form: 'PARAPHRASE',
                text: 'A statement.',
                about: [{ name: '\u200f\u200e' }],
                cameo: '010',
                span: spanOf(text, 'A statement.'),
              },
            ],
          },
        },
        asEditor,
      );
      assert.deepEqual(paths.sort(), [
        'statements[0].about[0].name',
        'statements[0].speaker.name',
        'title',
        'topics[0].name',
      ]);
    });

    it('a statement whose speaker is a zero-width space is not attributed to the Kremlin', async () => {
      const text = 'Kremlin\nNo comment today.';
      const res = await server.gql(
        INGEST,
        {
          input: {
            title: 'Kremlin',
            language: 'en',
            outlet: { name: 'Al-Ittihad' },
            text,
            statements: [
              {
                speaker: { name: '\u200b' },
                form: 'PARAPHRASE',
                text: 'No comment today.',
                about: [{ name: 'Kremlin' }],
                cameo: '010',
                span: spanOf(text, 'No comment today.'),
              },
            ],
          },
        },
        asEditor,
      );
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(res.errors));
      const [row] = await server.db.read<{ n: number }>(`MATCH (a:Article {title: 'Kremlin'}) RETURN count(a) AS n`);
      assert.equal(row!.n, 0);
    });
  });

  describe('the 007-renormalize migration', () => {
    function capture(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
      const lines: Record<string, unknown>[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
          done();
        },
      });
      return { logger: pino({ level: 'info' }, stream), lines };
    }

    it('recomputes old keys and shadows, reports collisions, removes blank aliases, and a second run changes nothing', async () => {
      // Everything written so far (country reference data, seed, ingests, addAlias) is already in step.
      const clean = await renormalize(server.db, capture().logger);
      assert.deepEqual(
        [
          clean.aliasesRekeyed,
          clean.aliasSearchTexts,
          clean.collisions,
          Object.values(clean.searchTexts),
          clean.canonicalUrls,
        ],
        [0, 0, [], [0, 0, 0], 0],
      );
      // Data as the old normalization left it: a ZWNJ kept in a key (a second Peskov was created under it), a
      // zero-width-space alias of the Kremlin, a Persian-yeh key, stale and missing search shadows, no canonicalUrl.
      await server.db.writeTx(async (tx) => {
        await tx.run(
          `CREATE (dup:Actor {id: 'actor-peskov-zwnj', kind: 'PERSON', name_ar: 'بيسكوف\u200c'})
           CREATE (dup)-[:HAS_ALIAS {text: 'بيسكوف\u200c', lang: 'ar'}]->(:Alias {key: 'بيسكوف\u200c', text: 'بيسكوف\u200c'})
           WITH dup
           MATCH (k:Actor {id: 'kremlin'}), (p:Actor {id: 'vladimir-putin'})
           CREATE (k)-[:HAS_ALIAS {text: '\u200b', lang: 'en'}]->(:Alias {key: '\u200b', text: '\u200b'})
           CREATE (:Article {id: 'legacy-url', url: 'HTTPS://Example.COM:443/a?utm_source=x#top', title: 'L', text: 'L'})
           CREATE (p)-[:HAS_ALIAS {text: 'ولادیمیر بوتین', lang: 'fa'}]->(:Alias {key: 'ولادیمیر بوتین', text: 'ولادیمیر بوتین'})`,
        );
        await tx.run(
          `MATCH (s:Statement) WITH s ORDER BY s.id LIMIT 3 SET s.search_text = 'stale'
           WITH count(*) AS _ MATCH (t:Topic) REMOVE t.search_name_en
           WITH count(*) AS _ MATCH (a:Article) REMOVE a.canonicalUrl`,
        );
      });
      const first = capture();
      const report = await renormalize(server.db, first.logger);
      assert.equal(report.aliasesRekeyed, 2);
      assert.equal(report.aliasesMerged, 1);
      assert.deepEqual(report.aliasesRemoved, ['\u200b']);
      assert.deepEqual(report.collisions, [
        {
          key: 'بيسكوف',
          aliases: ['بيسكوف', 'بيسكوف\u200c'],
          entities: ['Actor:actor-peskov-zwnj', 'Actor:dmitry-peskov'],
        },
      ]);
      assert.equal(report.searchTexts.Statement, 3);
      assert.ok(report.searchTexts.Topic! >= 3);
      assert.equal(report.canonicalUrls, 1);
      const warned = first.lines.find((l) => l.msg === 'Alias keys collide: the name now names several entities');
      assert.deepEqual(warned?.entities, ['Actor:actor-peskov-zwnj', 'Actor:dmitry-peskov']);
      assert.ok(first.lines.some((l) => l.msg === 'Removed an alias with no letter or digit to match'));
      // The Persian spelling of Putin now resolves; the removed blank alias no longer exists.
      assert.equal((await resolve('ولاديمير بوتين'))[0], putin);
      const [legacy] = await server.db.read<{ canonical: string }>(
        `MATCH (a:Article {id: 'legacy-url'}) RETURN a.canonicalUrl AS canonical`,
      );
      assert.equal(legacy!.canonical, 'https://example.com/a');
      const [blank] = await server.db.read<{ n: number }>(`MATCH (a:Alias {key: '\u200b'}) RETURN count(a) AS n`);
      assert.equal(blank!.n, 0);

      const before = await server.db.read<{ key: string; search: string | null }>(
        `MATCH (a:Alias) RETURN a.key AS key, a.search_text AS search ORDER BY key`,
      );
      const second = capture();
      const again = await renormalize(server.db, second.logger);
      assert.deepEqual(again, {
        aliasesRekeyed: 0,
        aliasesMerged: 0,
        aliasesRemoved: [],
        aliasSearchTexts: 0,
        collisions: [],
        searchTexts: { Statement: 0, Article: 0, Topic: 0 },
        canonicalUrls: 0,
        sharedCanonicalUrls: [],
      });
      assert.equal(second.lines.filter((l) => (l.level as number) >= 40).length, 0);
      assert.deepEqual(
        await server.db.read(`MATCH (a:Alias) RETURN a.key AS key, a.search_text AS search ORDER BY key`),
        before,
      );
    });
  });
});
