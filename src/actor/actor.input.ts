import { Field, InputType } from 'type-graphql';
import { ActorKind } from '../shared/graphql/enums';

@InputType('ActorFilter', { description: 'Narrows the actor list; all given conditions must hold.' })
export class ActorFilter {
  @Field(() => ActorKind, { nullable: true })
  kind?: ActorKind | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of the actor's country." })
  country?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of any name or alias, in any script; matched after normalization (case, accents, Arabic forms).',
  })
  name?: string | null;
}
