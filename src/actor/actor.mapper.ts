import { toGlobalId } from '../shared/global-id';
import { ActorKind } from '../shared/graphql/enums';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { namesFrom } from '../shared/graphql/names';
import {
  NAMES,
  selectProperties,
  type FieldProperties,
  type PropertySelection,
} from '../shared/graphql/stored-properties';
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

/** The stored properties each Actor field reads (relations read none: their loaders go by the key). */
export const ACTOR_FIELDS: FieldProperties = {
  id: [],
  name: NAMES,
  kind: ['kind'],
  wikidata: ['wikidata'],
  country: [],
  roles: [],
  aliases: [],
  statements: [],
  mentionedIn: [],
};

/** How an operation reads actors: the properties, and whether their country (OF_COUNTRY) comes along. */
export interface ActorSelection {
  properties: PropertySelection;
  country: boolean;
}

/** Everything: for reads outside an operation's plan. */
export const WHOLE_ACTOR: ActorSelection = { properties: null, country: true };

/** The actor reads of the operation of `plan` (everything without one). */
export function actorSelection(plan: FieldPlan | undefined): ActorSelection {
  if (!plan) return WHOLE_ACTOR;
  return { properties: selectProperties(plan, 'Actor', ACTOR_FIELDS, ['id']), country: plan.has('Actor', 'country') };
}
