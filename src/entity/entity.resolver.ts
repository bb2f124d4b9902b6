import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Alias } from '../actor/actor.type';
import { Country } from '../country/country.type';
import type { GraphQLContext } from '../shared/context';
import { Entity } from '../shared/graphql/entity.interface';
import { entityLoaders } from './entity.loaders';
import { resolveEntity } from './resolve-entity';

@Resolver()
export class EntityResolver {
  @Query(() => [Entity], {
    description:
      'Actors and countries known by this name or alias, in any language or spelling: exact matches after ' +
      'normalization first, then close spellings. Best match first; at most 10.',
  })
  resolveEntity(@Arg('name', () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<Entity[]> {
    return resolveEntity(ctx.db, name);
  }
}

@Resolver(() => Country)
export class CountryAliasResolver {
  @FieldResolver(() => [Alias], { description: 'Every name and spelling the country is known by.' })
  aliases(@Root() country: Country, @Ctx() ctx: GraphQLContext): Promise<Alias[]> {
    return ctx.scope.get(entityLoaders).countryAliases.load(country.key);
  }
}
