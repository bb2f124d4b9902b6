import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/context';
import { toConnection } from '../shared/graphql/connection.type';
import { pageArgs } from '../shared/graphql/pagination';
import { countryLoaders } from './country.loaders';
import { CountryRepository } from './country.repository';
import { Country, CountryConnection } from './country.type';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: 'A country by ISO 3166-1 alpha-2 code (case-insensitive).' })
  country(@Arg('code', () => String) code: string, @Ctx() ctx: GraphQLContext): Promise<Country | null> {
    return ctx.scope.get(countryLoaders).byCode.load(code.trim().toUpperCase());
  }

  @Query(() => CountryConnection, { description: 'All countries, in code order.' })
  async countries(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<CountryConnection> {
    const page = pageArgs(ctx, info, 'id asc', first, after);
    return toConnection(await new CountryRepository(ctx.db).list(page.limit, page.after), page);
  }
}
