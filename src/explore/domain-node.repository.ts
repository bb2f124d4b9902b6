import { readProps } from '../entity/entity.repository';
import { Label, Rel } from '../shared/graph-schema';

/** The labels of nodes that the API exposes as Node types. */
export const DOMAIN_LABELS: string[] = [
  Label.Country,
  Label.Actor,
  Label.Statement,
  Label.Meeting,
  Label.Article,
  Label.Topic,
];

/** The properties of any domain node `v` the mappers read: an article's verbatim text has its own loader. */
export function domainNodeProps(v: string): string {
  return `CASE WHEN ${v}:${Label.Article} THEN ${readProps(v, ['text'])} ELSE ${readProps(v)} END`;
}

/**
 * Cypher that reads node `v` as a domain-node row: `label`, `props` and `ref`, the key the mappers need beside the
 * properties (an actor's country, a statement's speaker, an article's outlet). Each of those labels has at most
 * one of the three relationship types, so one optional match serves them all.
 */
export function domainNodeColumns(v: string): string {
  return `CALL (${v}) {
      OPTIONAL MATCH (${v})-[:${Rel.OF_COUNTRY}|${Rel.SAID_BY}|${Rel.PUBLISHED_BY}]->(ref)
      RETURN ref.id AS ref LIMIT 1
    }
    WITH *, [l IN labels(${v}) WHERE l IN $domainLabels][0] AS label, ${domainNodeProps(v)} AS props`;
}
