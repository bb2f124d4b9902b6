import { toActor } from '../actor/actor.mapper';
import { toArticle } from '../article/article.mapper';
import { toCountry } from '../country/country.repository';
import { toMeeting } from '../meeting/meeting.mapper';
import { Label } from '../shared/graph-schema';
import type { Node } from '../shared/graphql/node.interface';
import { toStatement } from '../statement/statement.mapper';
import { toTopic } from '../topic/topic.mapper';

/** A domain node as read by `domainNodeColumns`. */
export interface DomainNodeRow {
  label: string | null;
  props: Record<string, unknown>;
  ref: string | null;
}

/**
 * Builds the GraphQL object for a domain node with the domain's own mapper, so the other domains' field resolvers
 * (Statement.speaker, Actor.country ...) work on it. Null for a label the API does not expose.
 */
export function toDomainNode(row: DomainNodeRow): Node | null {
  switch (row.label) {
    case Label.Actor:
      return toActor(row.props, row.ref);
    case Label.Country:
      return toCountry(row.props);
    case Label.Statement:
      return toStatement(row.props, row.ref);
    case Label.Article:
      return toArticle(row.props, row.ref);
    case Label.Meeting:
      return toMeeting(row.props);
    case Label.Topic:
      return toTopic(row.props);
    default:
      return null;
  }
}
