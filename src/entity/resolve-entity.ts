import type { Actor } from '../actor/actor.type';
import type { Country } from '../country/country.type';
import { BadUserInputError } from '../shared/errors';
import type { Database } from '../shared/neo4j/database';
import { hasArabic, hasMatchableText, normalizeName } from '../shared/text/normalize';
import { toEntity } from './entity.mapper';
import { EntityRepository } from './entity.repository';
import { fuzzyNameQuery } from './lucene';

const MAX_NAME_LENGTH = 200;
const MAX_CANDIDATES = 10;

/**
 * Resolves a name or alias, in any language or spelling, to Actors and Countries: exact matches of its normalized
 * form against alias keys first, then fuzzy full-text matches of every word (the Arabic analyzer for Arabic text,
 * the standard one otherwise), best first and each entity once.
 * @throws BadUserInputError naming `name` when it has no letter or digit once normalized (empty, or only invisible
 *   characters such as U+200B) or is longer than 200 UTF-16 code units.
 */
export async function resolveEntity(db: Database, name: string): Promise<(Actor | Country)[]> {
  const key = normalizeName(name);
  if (!hasMatchableText(name) || name.length > MAX_NAME_LENGTH) {
    throw new BadUserInputError('Invalid name', [
      { path: 'name', message: `must hold a letter or digit and at most ${MAX_NAME_LENGTH} characters` },
    ]);
  }
  const index = hasArabic(key) ? 'alias_text_ar' : 'alias_text_std';
  const rows = await new EntityRepository(db).resolve(key, index, fuzzyNameQuery(key), MAX_CANDIDATES);
  return rows.map((row) => toEntity(row.node)).filter((entity): entity is Actor | Country => entity !== null);
}
