import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { displayNames, projectPath, type RawNode } from './projection';

const node = (elementId: string, label: string, props: Record<string, unknown> = {}): RawNode => ({
  elementId,
  labels: [label],
  props: { id: elementId, ...props },
});

describe('projectPath', () => {
  it('keeps direct relationships and folds a report into REPORTED_IN, statement to article', () => {
    const nodes = [node('t', 'Actor'), node('s', 'Statement'), node('r', 'Report'), node('a', 'Article')];
    const rels = [
      { type: 'SAID_BY', start: 's', end: 't' },
      { type: 'HAS_REPORT', start: 's', end: 'r' },
      { type: 'IN_ARTICLE', start: 'r', end: 'a' },
    ];
    assert.deepEqual(projectPath(nodes, rels), {
      nodes: [nodes[0], nodes[1], nodes[3]],
      edges: [
        { source: 's', target: 't', type: 'SAID_BY' },
        { source: 's', target: 'a', type: 'REPORTED_IN' },
      ],
    });
  });

  it('folds roles and status changes whichever way the path runs', () => {
    const role = projectPath(
      [node('c', 'Country'), node('r', 'Role'), node('p', 'Actor')],
      [
        { type: 'FOR_COUNTRY', start: 'r', end: 'c' },
        { type: 'HOLDS_ROLE', start: 'p', end: 'r' },
      ],
    );
    assert.deepEqual(role?.edges, [{ source: 'p', target: 'c', type: 'HOLDS_ROLE_FOR' }]);
    const status = projectPath(
      [node('m', 'Meeting'), node('x', 'StatusChange'), node('s', 'Statement')],
      [
        { type: 'HAS_STATUS', start: 'm', end: 'x' },
        { type: 'ASSERTED_BY', start: 'x', end: 's' },
      ],
    );
    assert.deepEqual(status?.edges, [{ source: 's', target: 'm', type: 'ASSERTS_STATUS' }]);
  });

  it('folds the other passes too: an article relayed via an agency, an organization with an office for a country', () => {
    const article = projectPath(
      [node('a', 'Article'), node('r', 'Report'), node('v', 'Actor')],
      [
        { type: 'IN_ARTICLE', start: 'r', end: 'a' },
        { type: 'VIA', start: 'r', end: 'v' },
      ],
    );
    assert.deepEqual(article?.edges, [{ source: 'a', target: 'v', type: 'VIA' }]);
    const office = projectPath(
      [node('c', 'Country'), node('r', 'Role'), node('o', 'Actor')],
      [
        { type: 'FOR_COUNTRY', start: 'r', end: 'c' },
        { type: 'IN_ORGANIZATION', start: 'r', end: 'o' },
      ],
    );
    assert.deepEqual(office?.edges, [{ source: 'o', target: 'c', type: 'HAS_OFFICE_FOR' }]);
  });

  it('refuses a pass that folds into nothing', () => {
    const path = projectPath(
      [node('s', 'Statement'), node('r', 'Report'), node('t', 'Statement')],
      [
        { type: 'HAS_REPORT', start: 's', end: 'r' },
        { type: 'HAS_REPORT', start: 't', end: 'r' },
      ],
    );
    assert.equal(path, null);
  });
});

describe('displayNames', () => {
  it('names a statement by its opening words in both languages, an article by its title', () => {
    const long = 'x'.repeat(100);
    const names = displayNames('Statement', { text: 'قال بيسكوف', language: 'ar', translation: long });
    assert.equal(names.ar, 'قال بيسكوف');
    assert.equal(names.en!.length, 80);
    assert.ok(names.en!.endsWith('…'));
    assert.deepEqual(displayNames('Article', { title: 'عنوان', language: 'ar' }), { ar: 'عنوان' });
    assert.deepEqual(displayNames('Actor', { id: 'k', name_en: 'Kremlin', name_ar: 'الكرملين' }), {
      en: 'Kremlin',
      ar: 'الكرملين',
    });
  });
});
