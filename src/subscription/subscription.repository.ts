import { Label, Rel } from '../shared/graph-schema';
import { ActorKind, StatementRank } from '../shared/graphql/enums';
import type { Database } from '../shared/neo4j/database';
import {
  FOLLOW_REDIRECTS,
  batchConditions,
  statementSource,
  type StatementCriteria,
} from '../statement/statement-filter.repository';

/** The reads that decide which subscription hears of a write. */
export class SubscriptionRepository {
  constructor(private readonly db: Database) {}

  /**
   * Which of `keys` (new statements) match `criteria`, with the very conditions of the statements query
   * (statement-filter.repository), includeRelated included; in the order of `keys`.
   */
  async matchingStatements(criteria: StatementCriteria, keys: readonly string[]): Promise<string[]> {
    const anchored = criteria.aboutLabel !== null || criteria.speaker !== null;
    const rows = await this.db.read<{ key: string }>(
      `WITH $key AS key
       ${FOLLOW_REDIRECTS}
       CALL (k) {
         ${anchored ? statementSource(criteria) : `MATCH (s:${Label.Statement})`}
         WHERE s.id IN k.keys AND ${batchConditions(criteria)}
         RETURN s.id AS key
       }
       RETURN key`,
      {
        key: {
          ...criteria,
          keys,
          aboutRef: criteria.about === null ? null : `${criteria.aboutLabel}:${criteria.about}`,
          speakerRef: criteria.speaker === null ? null : `${Label.Actor}:${criteria.speaker}`,
        },
        deprecated: StatementRank.DEPRECATED,
        organizationKind: ActorKind.ORGANIZATION,
      },
    );
    const matched = new Set(rows.map((row) => row.key));
    return keys.filter((key) => matched.has(key));
  }

  /** Which of `meetingKeys` have `participant` (an actor key, redirects followed) among their participants. */
  async meetingsWithParticipant(meetingKeys: readonly string[], participant: string): Promise<Set<string>> {
    const rows = await this.db.read<{ key: string }>(
      `OPTIONAL MATCH (r:${Label.Redirect} {id: $ref})
       WITH coalesce(r.target, $participant) AS actor
       UNWIND $meetingKeys AS key
       MATCH (:${Label.Meeting} {id: key})-[:${Rel.PARTICIPANT}]->(:${Label.Actor} {id: actor})
       RETURN key`,
      { meetingKeys, participant, ref: `${Label.Actor}:${participant}` },
    );
    return new Set(rows.map((row) => row.key));
  }
}
