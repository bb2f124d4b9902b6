import { batchLoader } from '../shared/batch-loader';
import type { GraphQLContext } from '../shared/context';
import { CountryRepository, countrySelection } from './country.repository';

/** Per-request loaders for countries; use through `ctx.scope.get(countryLoaders)`. */
export function countryLoaders(ctx: GraphQLContext) {
  const repository = new CountryRepository(ctx.db, countrySelection(ctx.scope.fields));
  return {
    byCode: batchLoader(ctx, 'country.byCode', (codes: readonly string[]) => repository.byCodes(codes)),
  };
}
