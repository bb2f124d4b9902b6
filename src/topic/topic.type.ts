import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../shared/graphql/connection.type';
import { Subject } from '../shared/graphql/entity.interface';
import { Node } from '../shared/graphql/node.interface';

@ObjectType('Topic', {
  implements: [Node, Subject],
  description: 'A subject that is not an actor or a country, such as weapons supplies to Ukraine.',
})
export class Topic extends Subject {
  key!: string;
}

@ObjectType('TopicConnection')
export class TopicConnection extends ConnectionType(Topic, 'Topic') {}
