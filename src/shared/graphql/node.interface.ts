import { Field, ID, InterfaceType } from 'type-graphql';

/** The Relay Node interface: every object with a global id that `node(id:)` can fetch again. */
@InterfaceType('Node', { description: 'An object with a global id that node(id:) fetches again.' })
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  id!: string;
}
