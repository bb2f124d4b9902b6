import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActorKind } from '../shared/graphql/enums';
import { toGlobalId } from '../shared/global-id';
import { EntityMatcher } from './entity-matcher';

const matcher = new EntityMatcher([
  {
    key: 'dmitry-peskov',
    kind: ActorKind.PERSON,
    names: { en: 'Dmitry Peskov', ar: 'دميتري بيسكوف' },
    aliases: [{ text: 'بيسكوف', lang: 'ar' }],
    roles: [],
  },
]);

describe('EntityMatcher', () => {
  it('accepts an actor key by id, by its names and aliases, normalized', () => {
    const ref = { keys: ['dmitry-peskov'] };
    assert.equal(matcher.matches(ref, { id: toGlobalId('Actor', 'dmitry-peskov'), name: 'whatever' }), true);
    assert.equal(matcher.matches(ref, { name: 'DMITRY  peskov' }), true);
    assert.equal(matcher.matches(ref, { name: 'بِيسكوف' }), true);
    assert.equal(matcher.matches(ref, { id: toGlobalId('Actor', 'vladimir-putin'), name: 'Vladimir Putin' }), false);
    assert.equal(matcher.matches(ref, null), false);
  });

  it('accepts a country by id and by every reference name and alias (capitals stand for governments)', () => {
    const ref = { countries: ['RU'] };
    for (const name of ['Russia', 'Russian Federation', 'روسيا', 'موسكو', 'Moscow', 'RU'])
      assert.equal(matcher.matches(ref, { name }), true, name);
    assert.equal(matcher.matches(ref, { id: toGlobalId('Country', 'RU'), name: '?' }), true);
    assert.equal(matcher.matches(ref, { name: 'Ukraine' }), false);
  });

  it('accepts names as written', () => {
    assert.equal(matcher.matches({ names: ['ستيفان دوجاريك', 'دوجاريك'] }, { name: 'دوجاريك' }), true);
    assert.equal(matcher.matches({ names: ['ستيفان دوجاريك'] }, { name: 'غوتيريش' }), false);
  });

  it('takes an unnamed source only as an explicit unnamed speaker, never as a named actor', () => {
    const gold = { unnamed: true as const, names: ['مصدر دبلوماسي'] };
    assert.equal(matcher.matchesUnnamed(gold, { name: 'مصدر دبلوماسي', unnamed: true }), true);
    assert.equal(matcher.matchesUnnamed(gold, { name: 'مصدر دبلوماسي' }), true);
    assert.equal(matcher.matchesUnnamed(gold, { name: 'Unnamed source' }), true);
    assert.equal(matcher.matchesUnnamed(gold, { id: toGlobalId('Actor', 'unnamed-source'), name: 'x' }), true);
    assert.equal(
      matcher.matchesUnnamed(gold, { id: toGlobalId('Actor', 'dmitry-peskov'), name: 'مصدر دبلوماسي' }),
      false,
    );
    assert.equal(matcher.matchesUnnamed(gold, { name: 'Dmitry Peskov' }), false);
    assert.equal(matcher.matchesUnnamed(gold, null), false);
  });
});
