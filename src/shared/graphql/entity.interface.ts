import { Arg, Field, InterfaceType } from 'type-graphql';
import { pickName, type Names } from './names';
import { Node } from './node.interface';

/** Something a statement can be about: an actor, a country, a meeting or a topic. */
@InterfaceType('Subject', {
  implements: Node,
  description: 'Something a statement can be about: an actor, a country, a meeting or a topic.',
})
export abstract class Subject extends Node {
  names!: Names;

  @Field(() => String, { description: 'The name in the given language, else English.' })
  name(@Arg('lang', () => String, { nullable: true, defaultValue: 'en' }) lang: string | null): string {
    return pickName(this.names, lang ?? 'en');
  }
}

/** A named party that can speak or be spoken of: an actor or a country. */
@InterfaceType('Entity', {
  implements: [Node, Subject],
  description: 'A named party that can speak or be spoken of: an actor or a country.',
})
export abstract class Entity extends Subject {}
