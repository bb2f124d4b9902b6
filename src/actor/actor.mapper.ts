import { toGlobalId } from '../shared/global-id';
import { ActorKind } from '../shared/graphql/enums';
import { namesFrom } from '../shared/graphql/names';
import { dateString, stringOrNull } from '../shared/neo4j/values';
import { Actor } from './actor.type';
import { Role } from './role.type';

/** Maps an Actor node's properties (plus its country code) to the GraphQL object. */
export function toActor(properties: Record<string, unknown>, countryCode: string | null = null): Actor {
  const actor = new Actor();
  actor.key = String(properties.id);
  actor.id = toGlobalId('Actor', actor.key);
  actor.kind = properties.kind as ActorKind;
  actor.wikidata = stringOrNull(properties.wikidata);
  actor.names = namesFrom(properties);
  actor.countryCode = countryCode;
  return actor;
}

/** Maps a Role node's properties, with its organization and country keys, to the GraphQL object. */
export function toRole(
  properties: Record<string, unknown>,
  organizationKey: string | null,
  countryCode: string | null,
): Role {
  const role = new Role();
  role.key = String(properties.id);
  const titles: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (key.startsWith('title_') && typeof value === 'string') titles[key.slice(6)] = value;
  }
  role.titles = titles;
  role.since = dateString(properties.since);
  role.until = dateString(properties.until);
  role.organizationKey = organizationKey;
  role.countryCode = countryCode;
  return role;
}
