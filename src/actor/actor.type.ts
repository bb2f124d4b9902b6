import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../shared/graphql/connection.type';
import { Entity, Subject } from '../shared/graphql/entity.interface';
import { ActorKind } from '../shared/graphql/enums';
import { Node } from '../shared/graphql/node.interface';

@ObjectType('Alias', { description: 'One name or spelling under which an entity appears.' })
export class Alias {
  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'Language tag, such as ar or en.' })
  lang!: string | null;
}

@ObjectType('Actor', {
  implements: [Node, Subject, Entity],
  description: 'A person, an institution such as the Kremlin, or a media outlet or agency.',
})
export class Actor extends Entity {
  /** The node's own key. */
  key!: string;

  @Field(() => ActorKind)
  kind!: ActorKind;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, such as Q7747.' })
  wikidata!: string | null;

  /** ISO code of the actor's country, resolved by the `country` field. */
  countryCode!: string | null;
}

@ObjectType('ActorConnection')
export class ActorConnection extends ConnectionType(Actor, 'Actor') {}
