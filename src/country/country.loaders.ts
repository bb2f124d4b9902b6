import DataLoader from 'dataloader';
import type { GraphQLContext } from '../shared/context';
import { CountryRepository } from './country.repository';

/** Per-request loaders for countries; use through `ctx.scope.get(countryLoaders)`. */
export function countryLoaders(ctx: GraphQLContext) {
  const repository = new CountryRepository(ctx.db);
  return {
    byCode: new DataLoader((codes: readonly string[]) => repository.byCodes(codes)),
  };
}
