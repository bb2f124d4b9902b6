import { toGlobalId } from '../shared/global-id';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { namesFrom } from '../shared/graphql/names';
import {
  NAMES,
  selectProperties,
  type FieldProperties,
  type PropertySelection,
} from '../shared/graphql/stored-properties';
import { Topic } from './topic.type';

export function toTopic(properties: Record<string, unknown>): Topic {
  const topic = new Topic();
  topic.key = String(properties.id);
  topic.id = toGlobalId('Topic', topic.key);
  topic.names = namesFrom(properties);
  return topic;
}

/** The stored properties each Topic field reads. */
export const TOPIC_FIELDS: FieldProperties = { id: [], name: NAMES };

/** The topic reads of the operation of `plan` (everything without one). */
export function topicSelection(plan: FieldPlan | undefined): PropertySelection {
  return selectProperties(plan, 'Topic', TOPIC_FIELDS, ['id']);
}
