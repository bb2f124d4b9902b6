import { BadUserInputError } from '../shared/errors';
import { normalizeName } from '../shared/text/normalize';
import type { ActorFilter } from './actor.input';
import type { ActorCriteria } from './actor.repository';

/**
 * Checks and normalizes the actor filter: the country must be an alpha-2 code, the name is normalized as alias
 * keys are.
 * @throws BadUserInputError naming `filter.country` or `filter.name`.
 */
export function actorCriteria(filter: ActorFilter): ActorCriteria {
  const country = filter.country?.trim().toUpperCase() || null;
  if (country !== null && !/^[A-Z]{2}$/.test(country)) {
    throw new BadUserInputError('Invalid actor filter', [
      { path: 'filter.country', message: 'must be an ISO 3166-1 alpha-2 code such as RU' },
    ]);
  }
  const name = filter.name ? normalizeName(filter.name) : null;
  if (name !== null && !/[\p{L}\p{N}]/u.test(name)) {
    throw new BadUserInputError('Invalid actor filter', [
      { path: 'filter.name', message: 'must hold a letter or digit' },
    ]);
  }
  return { kind: filter.kind ?? null, country, name };
}
