import 'reflect-metadata';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { searchQuery } from '../src/search/lucene';
import { SearchRepository } from '../src/search/search.repository';
import { Label } from '../src/shared/graph-schema';
import { fieldPlanOf } from '../src/shared/graphql/field-plan';
import { startSeededServer, type TestServer } from './helpers/test-server';
import { asAdmin, TEST_API_KEYS } from './helpers/write-keys';

/**
 * Repositories read only the stored properties the operation's fields need (issue 15 item 1). Every field is
 * selected alone, through each way of reaching it, and compared with the same field in an answer that selects
 * everything: a field whose property the projection forgot answers differently (or fails) here.
 */

/** A selection tree: each key is a selection as written (`ar: name(lang: "ar")`, `... on Actor`), leaves null. */
interface Tree {
  [selection: string]: Tree | null;
}

const leaf = (...names: string[]): Tree => Object.fromEntries(names.map((n) => [n, null]));

const COUNTRY: Tree = leaf('id', 'name', 'ru: name(lang: "ru")', 'code', 'alpha3');
const ACTOR: Tree = {
  ...leaf('id', 'name', 'ar: name(lang: "ar")', 'kind', 'wikidata'),
  country: leaf('code', 'name'),
};
const MEETING: Tree = leaf(
  'id',
  'name',
  'ar: name(lang: "ar")',
  'meetingKind: kind',
  'status',
  'date',
  'durationMinutes',
);
const TOPIC: Tree = leaf('id', 'name', 'ar: name(lang: "ar")');
const ARTICLE: Tree = { ...leaf('id', 'title', 'language', 'publishedOn', 'url'), outlet: ACTOR };
const STATEMENT: Tree = {
  ...leaf('id', 'text', 'language', 'translation', 'form', 'quote', 'verb', 'saidOn', 'date', 'rank'),
  event: leaf('cameo', 'plover', 'goldstein', 'rationale'),
  deprecation: leaf('reason', 'by', 'at'),
  speaker: ACTOR,
  onBehalfOf: { __typename: null, '... on Actor': ACTOR, '... on Country': COUNTRY },
  about: {
    __typename: null,
    '... on Actor': ACTOR,
    '... on Country': COUNTRY,
    '... on Meeting': MEETING,
    '... on Topic': TOPIC,
  },
  reports: { id: null, span: leaf('start', 'end', 'text'), article: ARTICLE, via: ACTOR },
};

/** A search hit (a Node) of every type search returns, each through an inline fragment on its type. */
const SEARCH_HIT: Tree = {
  __typename: null,
  '... on Statement': STATEMENT,
  '... on Actor': ACTOR,
  '... on Country': COUNTRY,
  '... on Article': { ...ARTICLE, text: null },
  '... on Topic': TOPIC,
};

/** Seed searches that, between them, hit every type search returns (checked below). */
const SEARCH_TEXTS = ['Ukraine', 'Peskov'];

const SEARCH_LABELS = [Label.Statement, Label.Actor, Label.Country, Label.Article, Label.Topic];

function print(tree: Tree): string {
  return Object.entries(tree)
    .map(([selection, sub]) => (sub ? `${selection} { ${print(sub)} }` : selection))
    .join(' ');
}

/** Every path from the root to a leaf, `__typename` excepted (it rides along with every path). */
function leaves(tree: Tree, prefix: string[] = []): string[][] {
  return Object.entries(tree).flatMap(([selection, sub]) => {
    if (selection === '__typename') return [];
    return sub ? leaves(sub, [...prefix, selection]) : [[...prefix, selection]];
  });
}

/** The tree with only `path` (and the `__typename`s beside it). */
function only(tree: Tree, path: string[]): Tree {
  const [head, ...rest] = path;
  const out: Tree = '__typename' in tree ? { __typename: null } : {};
  const sub = tree[head!];
  out[head!] = sub && rest.length > 0 ? only(sub, rest) : null;
  return out;
}

/** The key a selection answers under: its alias, else its name. */
function keyOf(selection: string): string {
  const alias = /^(\w+)\s*:/.exec(selection);
  return alias ? alias[1]! : /^\w+/.exec(selection)![0];
}

/** The part of a full answer that the selection of `path` alone answers. */
function prune(value: any, path: string[]): any {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((v) => prune(v, path));
  const [head, ...rest] = path;
  const out: Record<string, unknown> = {};
  if ('__typename' in value) out.__typename = value.__typename;
  const fragment = /^\.\.\. on (\w+)$/.exec(head!);
  if (fragment) {
    return value.__typename === fragment[1] ? { ...out, ...prune(value, rest) } : out;
  }
  const key = keyOf(head!);
  out[key] = rest.length > 0 ? prune(value[key], rest) : value[key];
  return out;
}

describe('field plan: each field alone answers as in the full selection', () => {
  let server: TestServer;
  let statementId: string;
  let articleId: string;
  let countryId: string;

  async function data(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const res = await server.gql(query, variables);
    assert.equal(res.errors, undefined, `${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }

  /**
   * Checks each leaf of `tree` selected alone under `wrap` against the full selection's answer. `nodes` picks the
   * objects the tree applies to out of an answer, `around` what the wrapper itself answers (counts, cursors).
   */
  async function eachFieldAlone(
    wrap: (selection: string) => string,
    tree: Tree,
    nodes: (answer: any) => any[],
    around: (answer: any) => unknown = () => null,
  ): Promise<number> {
    const full = await data(wrap(print(tree)));
    assert.ok(nodes(full).length > 0, 'something to compare');
    let checked = 0;
    for (const path of leaves(tree)) {
      const alone = await data(wrap(print(only(tree, path))));
      assert.deepEqual(
        nodes(alone),
        nodes(full).map((n) => prune(n, path)),
        path.join(' > '),
      );
      assert.deepEqual(around(alone), around(full), `around ${path.join(' > ')}`);
      checked++;
    }
    return checked;
  }

  before(async () => {
    // The full selections nest many lists: above the default cost limit, which is not what is tested here.
    server = await startSeededServer({ API_KEYS: TEST_API_KEYS, MAX_QUERY_COST: '100000' });
    const page = await data(`{ statements(first: 50) { edges { node { id reports { article { id } } } } } }`);
    const edges = page.statements.edges as { node: { id: string; reports: { article: { id: string } }[] } }[];
    assert.ok(edges.length >= 5, 'the seed has statements');
    // One statement deprecated, so Deprecation's fields have something to read.
    statementId = edges[0]!.node.id;
    articleId = edges[0]!.node.reports[0]!.article.id;
    const deprecated = await server.gql(
      `mutation($id: ID!) { deprecateStatement(id: $id, reason: "duplicate of another report") { id } }`,
      { id: edges[1]!.node.id },
      asAdmin,
    );
    assert.equal(deprecated.errors, undefined, JSON.stringify(deprecated.errors));
    countryId = (await data(`{ countries(first: 1) { edges { node { id } } } }`)).countries.edges[0].node.id;
  });

  after(async () => {
    await server.stop();
  });

  it('on a page of statements (read along: speaker, about, reports, articles, outlets, agencies)', async () => {
    const checked = await eachFieldAlone(
      (s) => `{ statements(first: 30, includeDeprecated: true) { totalCount edges { cursor node { ${s} } } } }`,
      STATEMENT,
      (a) => a.statements.edges.map((e: any) => e.node),
      (a) => [a.statements.totalCount, a.statements.edges.map((e: any) => e.cursor)],
    );
    assert.ok(checked > 60, `${checked} fields checked`);
  });

  it('on a statement by id (node), and on the statements of an article', async () => {
    await eachFieldAlone(
      (s) => `{ node(id: "${statementId}") { ... on Statement { ${s} } } }`,
      STATEMENT,
      (a) => [a.node],
    );
    await eachFieldAlone(
      (s) => `{ node(id: "${articleId}") { ... on Article { statements { ${s} } } } }`,
      STATEMENT,
      (a) => a.node.statements,
    );
  });

  it('on an article, an actor and a country by id', async () => {
    await eachFieldAlone(
      (s) => `{ node(id: "${articleId}") { ... on Article { ${s} } } }`,
      ARTICLE,
      (a) => [a.node],
    );
    const speaker = (await data(`{ node(id: "${statementId}") { ... on Statement { speaker { id } } } }`)).node.speaker;
    await eachFieldAlone(
      (s) => `{ node(id: "${speaker.id}") { ... on Actor { ${s} } } }`,
      ACTOR,
      (a) => [a.node],
    );
    await eachFieldAlone(
      (s) => `{ node(id: "${countryId}") { ... on Country { ${s} } } }`,
      COUNTRY,
      (a) => [a.node],
    );
  });

  it('combinations: fragments on Node, Entity and Subject, aliases of one field, a variable language', async () => {
    const full = await data(
      `{ statements(first: 30) { edges { node { ${print({ id: null, speaker: ACTOR, about: STATEMENT.about! })} } } } }`,
    );
    const combined = await data(
      `query($lang: String) { statements(first: 30) { edges { node { ...N speaker { ...E } about { __typename ...S } } } } }
       fragment N on Node { id }
       fragment E on Entity { id name ... on Actor { ar: name(lang: $lang) kind country { code } } }
       fragment S on Subject { name ... on Entity { ... on Country { code } } ... on Topic { ar: name(lang: "ar") } }`,
      { lang: 'ar' },
    );
    const nodes = (combined.statements.edges as any[]).map((e) => e.node);
    const expected = (full.statements.edges as any[]).map((e) => e.node);
    assert.equal(nodes.length, expected.length);
    nodes.forEach((node, i) => {
      const want = expected[i];
      assert.equal(node.id, want.id);
      assert.deepEqual(
        node.speaker,
        want.speaker && {
          id: want.speaker.id,
          name: want.speaker.name,
          ar: want.speaker.ar,
          kind: want.speaker.kind,
          country: want.speaker.country && { code: want.speaker.country.code },
        },
      );
      assert.deepEqual(
        node.about,
        want.about.map((s: any) => ({
          __typename: s.__typename,
          name: s.name,
          ...(s.__typename === 'Country' ? { code: s.code } : {}),
          ...(s.__typename === 'Topic' ? { ar: s.ar } : {}),
        })),
      );
    });
  });

  it('one type selected narrowly in one place and widely in another reads the union for both', async () => {
    const full = await data(`{ statements(first: 10) { edges { node { speaker { ${print(ACTOR)} } } } } }`);
    const both = await data(
      `{ narrow: statements(first: 10) { edges { node { speaker { id } } } }
         wide: statements(first: 10) { edges { node { speaker { id name kind wikidata country { code } } } } }
         byId: node(id: "${statementId}") { ... on Statement { speaker { ar: name(lang: "ar") } } } }`,
    );
    const speakers = (full.statements.edges as any[]).map((e) => e.node.speaker);
    assert.deepEqual(
      (both.narrow.edges as any[]).map((e) => e.node.speaker),
      speakers.map((s) => s && { id: s.id }),
    );
    assert.deepEqual(
      (both.wide.edges as any[]).map((e) => e.node.speaker),
      speakers.map(
        (s) =>
          s && {
            id: s.id,
            name: s.name,
            kind: s.kind,
            wikidata: s.wikidata,
            country: s.country && { code: s.country.code },
          },
      ),
    );
    const one = await data(`{ node(id: "${statementId}") { ... on Statement { speaker { ar: name(lang: "ar") } } } }`);
    assert.deepEqual(both.byId, one.node);
  });

  it('@skip and @include: literal conditions drop a field, variables keep it answerable', async () => {
    const res = await data(
      `query($yes: Boolean!) { node(id: "${statementId}") { ... on Statement {
         text @skip(if: true) verb @include(if: false) form @include(if: $yes) event { cameo @skip(if: $yes) goldstein } } } }`,
      { yes: true },
    );
    const full = await data(`{ node(id: "${statementId}") { ... on Statement { form event { goldstein } } } }`);
    assert.deepEqual(res.node, full.node);
    const flipped = await data(
      `query($yes: Boolean!) { node(id: "${statementId}") { ... on Statement { form @include(if: $yes) event { cameo @skip(if: $yes) } } } }`,
      { yes: false },
    );
    const cameo = await data(`{ node(id: "${statementId}") { ... on Statement { event { cameo } } } }`);
    assert.deepEqual(flipped.node, cameo.node);
  });

  it('a deprecated statement answers its deprecation with only that field selected', async () => {
    const res = await data(
      `{ statements(first: 50, includeDeprecated: true) { edges { node { deprecation { reason } } } } }`,
    );
    const reasons = (res.statements.edges as any[]).map((e) => e.node.deprecation?.reason).filter(Boolean);
    assert.deepEqual(reasons, ['duplicate of another report']);
  });

  it('on search hits of every type: each field alone, through fragments on its type, with the same ranking', async () => {
    const seen = new Set<string>();
    for (const text of SEARCH_TEXTS) {
      const wrap = (s: string): string =>
        `{ search(text: ${JSON.stringify(text)}, first: 40) { totalCount edges { score cursor node { ${s} } } } }`;
      const full = await data(wrap(print(SEARCH_HIT)));
      const hits = full.search.edges.map((e: any) => e.node) as any[];
      hits.forEach((hit) => seen.add(hit.__typename));
      // Every value of the full selection is the one a read of that node by id answers (field-plan tested above).
      for (const hit of hits) {
        const byId = await data(`{ node(id: "${hit.id}") { ${print(SEARCH_HIT)} } }`);
        assert.deepEqual(hit, byId.node, `${hit.__typename} ${hit.id}`);
      }
      const checked = await eachFieldAlone(
        wrap,
        SEARCH_HIT,
        (a) => a.search.edges.map((e: any) => e.node),
        (a) => [a.search.totalCount, a.search.edges.map((e: any) => [e.score, e.cursor, e.node.__typename])],
      );
      assert.ok(checked > 80, `${checked} fields checked`);
    }
    assert.deepEqual([...seen].sort(), ['Actor', 'Article', 'Country', 'Statement', 'Topic'], 'every hit type');
  });

  it('search hits through fragments on Node, Entity and Subject, and named fragments on the members', async () => {
    for (const text of SEARCH_TEXTS) {
      const full = await data(
        `{ search(text: ${JSON.stringify(text)}, first: 40) { edges { node { ${print(SEARCH_HIT)} } } } }`,
      );
      const combined = await data(
        `query($text: String!, $lang: String) { search(text: $text, first: 40) { edges { node {
           __typename ...N ... on Entity { name } ...S ...St ...Ar } } } }
         fragment N on Node { id }
         fragment S on Subject { ... on Country { code } ... on Topic { name } ... on Actor { ar: name(lang: $lang) kind country { code } } }
         fragment St on Statement { text event { cameo } speaker { name } }
         fragment Ar on Article { title outlet { name } }`,
        { text, lang: 'ar' },
      );
      const expected = (full.search.edges as any[]).map(({ node: n }) => {
        const out: Record<string, unknown> = { __typename: n.__typename, id: n.id };
        if (n.__typename === 'Actor' || n.__typename === 'Country') out.name = n.name;
        if (n.__typename === 'Country') out.code = n.code;
        if (n.__typename === 'Topic') out.name = n.name;
        if (n.__typename === 'Actor')
          Object.assign(out, { ar: n.ar, kind: n.kind, country: n.country && { code: n.country.code } });
        if (n.__typename === 'Statement') {
          Object.assign(out, {
            text: n.text,
            event: { cameo: n.event.cameo },
            speaker: n.speaker && { name: n.speaker.name },
          });
        }
        if (n.__typename === 'Article')
          Object.assign(out, { title: n.title, outlet: n.outlet && { name: n.outlet.name } });
        return out;
      });
      assert.deepEqual(
        (combined.search.edges as any[]).map((e) => e.node),
        expected,
      );
    }
  });

  it('search reads only the stored properties (and keys of relations) the operation selects, per hit type', async () => {
    const schema = buildSchema(readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8'));
    const planOf = (query: string) => {
      const document = parse(query);
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      return fieldPlanOf(schema, document, operation as OperationDefinitionNode);
    };
    const cases: { query: string; props: Record<string, string[]>; refs: string[] }[] = [
      {
        // The benchmark's Q5: a type never selected beyond Node's id reads its key alone.
        query: `{ search(text: "x") { totalCount edges { score node { id ... on Statement { text } } } } }`,
        props: { Statement: ['id', 'sortKey', 'text'], Actor: ['id'], Country: ['id'], Article: ['id'], Topic: ['id'] },
        refs: [],
      },
      {
        query: `{ search(text: "x") { totalCount edges { score } } }`,
        props: { Statement: ['id', 'sortKey'], Actor: ['id'], Country: ['id'], Article: ['id'], Topic: ['id'] },
        refs: [],
      },
      {
        query: `{ search(text: "x") { edges { node { ...E ... on Article { title outlet { id } } } } } }
                fragment E on Entity { name ... on Actor { country { code } } }`,
        props: {
          Statement: ['id', 'sortKey'],
          Actor: ['id', 'name_*', 'name_en'],
          // Country.code is selected too, on the actors' countries: the plan is per type over the operation.
          Country: ['code', 'id', 'name_*', 'name_en'],
          Article: ['id', 'title'],
          Topic: ['id'],
        },
        refs: ['Actor', 'Article'],
      },
    ];
    const seen = new Set<string>();
    for (const { query, props, refs } of cases) {
      const plan = planOf(query);
      for (const text of SEARCH_TEXTS) {
        const { query: lucene, key } = searchQuery(text);
        const projected = await new SearchRepository(server.db, plan).search(lucene, key, SEARCH_LABELS, 0, 40);
        const whole = await new SearchRepository(server.db).search(lucene, key, SEARCH_LABELS, 0, 40);
        // The same ranking, total and ids as the whole read, and the same values for what was read.
        assert.equal(projected.total, whole.total);
        assert.deepEqual(
          projected.hits.map((h) => [h.label, h.props.id, h.score]),
          whole.hits.map((h) => [h.label, h.props.id, h.score]),
        );
        projected.hits.forEach((hit, i) => {
          const label = hit.label!;
          seen.add(label);
          assert.deepEqual(Object.keys(hit.props).sort(), props[label], `${query}: ${label} ${String(hit.props.id)}`);
          for (const [name, value] of Object.entries(hit.props)) {
            if (name !== 'name_*') assert.deepEqual(value, whole.hits[i]!.props[name] ?? null, `${label}.${name}`);
          }
          assert.equal(hit.ref, refs.includes(label) ? whole.hits[i]!.ref : null, `${label} ref`);
        });
      }
    }
    assert.deepEqual([...seen].sort(), ['Actor', 'Article', 'Country', 'Statement', 'Topic'], 'every hit type');
  });
});
