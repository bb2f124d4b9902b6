import { toActor } from '../actor/actor.mapper';
import type { Actor } from '../actor/actor.type';
import { toCountry } from '../country/country.repository';
import type { Country } from '../country/country.type';
import { toMeeting } from '../meeting/meeting.mapper';
import { Label } from '../shared/graph-schema';
import type { Subject } from '../shared/graphql/entity.interface';
import { toTopic } from '../topic/topic.mapper';

/** A node read with its labels, as the read queries project any Actor, Country, Meeting or Topic. */
export interface NodeRow {
  labels: string[];
  props: Record<string, unknown>;
  /** The country code of an actor (OF_COUNTRY); null for other nodes. */
  country: string | null;
}

/** An actor node with its country code, as the read queries project it. */
export interface ActorRow {
  props: Record<string, unknown>;
  country: string | null;
}

/** Maps an actor read through `actorProjection` to its GraphQL object. */
export function actorFromRow(row: ActorRow): Actor {
  return toActor(row.props, row.country);
}

/** Maps an Actor or Country node to its GraphQL object; null for any other node. */
export function toEntity(row: NodeRow): Actor | Country | null {
  if (row.labels.includes(Label.Actor)) return toActor(row.props, row.country);
  if (row.labels.includes(Label.Country)) return toCountry(row.props);
  return null;
}

/** Maps any node a statement can be about (Actor, Country, Meeting, Topic); null for any other node. */
export function toSubject(row: NodeRow): Subject | null {
  if (row.labels.includes(Label.Meeting)) return toMeeting(row.props);
  if (row.labels.includes(Label.Topic)) return toTopic(row.props);
  return toEntity(row);
}
