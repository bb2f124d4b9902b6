import { Field, ObjectType } from 'type-graphql';
import { Entity, Subject } from '../shared/graphql/entity.interface';
import { Node } from '../shared/graphql/node.interface';
import { ConnectionType } from '../shared/graphql/connection.type';

@ObjectType('Country', {
  implements: [Node, Subject, Entity],
  description: 'An ISO 3166-1 country. Its capital and other metonyms resolve to it.',
})
export class Country extends Entity {
  /** The node's own key: the alpha-2 code. */
  key!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 code.' })
  code!: string;

  @Field({ description: 'ISO 3166-1 alpha-3 code.' })
  alpha3!: string;
}

@ObjectType('CountryConnection')
export class CountryConnection extends ConnectionType(Country, 'Country') {}
