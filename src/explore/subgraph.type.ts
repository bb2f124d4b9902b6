import { Arg, Field, ID, ObjectType } from 'type-graphql';
import { pickName, type Names } from '../shared/graphql/names';

@ObjectType('SubgraphNode', { description: 'A node of a subgraph, for drawing: its global id, type and name.' })
export class SubgraphNode {
  /** The database's element id: edges refer to it until the result is built. */
  elementId!: string;
  names!: Names;

  @Field(() => ID, { description: 'Global id, usable with node(id:).' })
  id!: string;

  @Field({ description: 'The GraphQL type: Actor, Country, Statement, Meeting, Article or Topic.' })
  type!: string;

  @Field(() => String, {
    description: 'Display name in the given language, else English: a statement shows its opening words.',
  })
  name(@Arg('lang', () => String, { nullable: true, defaultValue: 'en' }) lang: string | null): string {
    return pickName(this.names, lang ?? 'en');
  }
}

@ObjectType('SubgraphEdge', {
  description:
    'A connection between two nodes of a subgraph. Internal nodes are folded into edges: a Report into ' +
    'REPORTED_IN (statement to article) and VIA (statement or article to agency), a Role into HOLDS_ROLE_IN (actor ' +
    'to organization), HOLDS_ROLE_FOR (actor to country) and HAS_OFFICE_FOR (organization to country), a ' +
    'StatusChange into ASSERTS_STATUS (statement to meeting).',
})
export class SubgraphEdge {
  @Field(() => ID, { description: 'Global id of the start node.' })
  source!: string;

  @Field(() => ID, { description: 'Global id of the end node.' })
  target!: string;

  @Field({
    description:
      'SAID_BY, ON_BEHALF_OF, ABOUT, OF_COUNTRY, PARTICIPANT, LOCATED_IN, PUBLISHED_BY, MENTIONS, HAS_TOPIC, ' +
      'or a folded REPORTED_IN, VIA, HOLDS_ROLE_IN, HOLDS_ROLE_FOR, HAS_OFFICE_FOR, ASSERTS_STATUS.',
  })
  type!: string;
}

@ObjectType('Subgraph', { description: 'Nodes and edges for graph visualisation.' })
export class Subgraph {
  // The node cap is costed by the query field (neighborhood's limit), not per list.
  @Field(() => [SubgraphNode], { complexity: 1 })
  nodes!: SubgraphNode[];

  @Field(() => [SubgraphEdge], { complexity: 1 })
  edges!: SubgraphEdge[];

  @Field({ description: 'True when a cap cut the result short: more nodes (or paths) exist than were returned.' })
  truncated!: boolean;
}
