import { batchLoader } from '../shared/batch-loader';
import type { GraphQLContext } from '../shared/context';
import { CountryRepository } from './country.repository';

/** Per-request loaders for countries; use through `ctx.scope.get(countryLoaders)`. */
export function countryLoaders(ctx: GraphQLContext) {
  const repository = new CountryRepository(ctx.db);
  return {
    byCode: batchLoader(ctx, 'country.byCode', (codes: readonly string[]) => repository.byCodes(codes)),
  };
}
