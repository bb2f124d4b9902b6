import { toGlobalId } from '../shared/global-id';
import { namesFrom } from '../shared/graphql/names';
import { Topic } from './topic.type';

export function toTopic(properties: Record<string, unknown>): Topic {
  const topic = new Topic();
  topic.key = String(properties.id);
  topic.id = toGlobalId('Topic', topic.key);
  topic.names = namesFrom(properties);
  return topic;
}
