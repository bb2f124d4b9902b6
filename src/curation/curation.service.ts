import { toActor } from '../actor/actor.mapper';
import type { Actor } from '../actor/actor.type';
import { toCountry } from '../country/country.repository';
import type { Country } from '../country/country.type';
import { contentHash, statusChangeKey } from '../ingest/ingest-keys';
import { isLanguageTag } from '../ingest/ingest-validation';
import { IdentityEpochRepository } from '../ingest/identity-epoch.repository';
import { auditTag } from '../ingest/ingest.model';
import { IngestRepository } from '../ingest/ingest.repository';
import { LIFECYCLE_ORDER } from '../ingest/meeting-status';
import { toMeeting } from '../meeting/meeting.mapper';
import type { Meeting } from '../meeting/meeting.type';
import { toStatement } from '../statement/statement.mapper';
import type { Statement } from '../statement/statement.type';
import type { Caller } from '../shared/context';
import { emitCreated } from '../shared/domain-events';
import { BadUserInputError, NotFoundError, type FieldProblem } from '../shared/errors';
import { fromGlobalId } from '../shared/global-id';
import { Label } from '../shared/graph-schema';
import type { MeetingStatus } from '../shared/graphql/enums';
import type { Database } from '../shared/neo4j/database';
import { hasMatchableText, isInvisible, normalizeName } from '../shared/text/normalize';
import { SubjectMonthsRepository } from '../shared/neo4j/subject-months.repository';
import { CurationRepository, type CurationStamp } from './curation.repository';

const MAX_ALIAS = 300;
const MAX_REASON = 2_000;

function stampFor(caller: Caller): CurationStamp {
  return { now: new Date().toISOString(), by: auditTag(caller) };
}

function requireText(path: string, value: string, max: number): string {
  const text = value.trim();
  const problems: FieldProblem[] = [];
  if (isInvisible(text)) problems.push({ path, message: 'must not be empty (invisible characters do not count)' });
  else if (text.length > max) problems.push({ path, message: `must be at most ${max} characters` });
  if (problems.length > 0) throw new BadUserInputError('Invalid input', problems);
  return text;
}

/**
 * Adds an alias (any spelling, any language) to an actor or a country, so the name resolves to it from now on.
 * An id of a merged-away actor adds to the actor it was merged into.
 */
export async function addAlias(
  db: Database,
  caller: Caller,
  entityId: string,
  alias: string,
  lang: string | null,
): Promise<Actor | Country> {
  const entity = fromGlobalId(entityId, 'entity', ['Actor', 'Country']);
  const text = requireText('alias', alias, MAX_ALIAS);
  const key = normalizeName(text);
  if (!hasMatchableText(text)) {
    throw new BadUserInputError('Invalid input', [
      { path: 'alias', message: 'must hold a letter or digit (invisible characters and punctuation are not a name)' },
    ]);
  }
  if (lang != null && !isLanguageTag(lang)) {
    throw new BadUserInputError('Invalid input', [
      { path: 'lang', message: 'must be a BCP 47 language tag such as ar' },
    ]);
  }
  const stamp = stampFor(caller);
  return db.writeTx(async (tx) => {
    const repository = new CurationRepository(tx);
    const entityKey = (await repository.redirectTarget(entity.type, entity.id)) ?? entity.id;
    const label = entity.type === 'Actor' ? Label.Actor : Label.Country;
    const row = await repository.addAlias(label, entityKey, { key, text, lang }, stamp);
    if (!row) throw new NotFoundError(entity.type, entityId);
    return entity.type === 'Actor' ? toActor(row.props, row.link) : toCountry(row.props);
  });
}

/**
 * Adds a status history entry to a meeting, asserted by a statement about it and dated as that statement;
 * the meeting's current status is derived again from the whole history.
 */
export async function setMeetingStatus(
  db: Database,
  caller: Caller,
  meetingId: string,
  status: MeetingStatus,
  statementId: string,
): Promise<Meeting> {
  const meeting = fromGlobalId(meetingId, 'meeting', ['Meeting']);
  const statement = fromGlobalId(statementId, 'statement', ['Statement']);
  const stamp = stampFor(caller);
  const key = statusChangeKey(meeting.id, status, statement.id);
  const { result, created } = await db.writeTx(async (tx) => {
    const repository = new CurationRepository(tx);
    const found = await repository.statementForMeeting(meeting.id, statement.id);
    if (!found.meeting) throw new NotFoundError('Meeting', meetingId);
    if (!found.statement) throw new NotFoundError('Statement', statementId);
    if (!found.about) {
      throw new BadUserInputError('Invalid input', [
        { path: 'statement', message: 'must be a statement about this meeting to assert its status' },
      ]);
    }
    const created = await repository.addStatusChange(
      {
        key,
        meetingKey: meeting.id,
        statementKey: statement.id,
        status,
        seq: LIFECYCLE_ORDER[status],
      },
      stamp,
    );
    // Idempotent: an entry already there and indexed is only read.
    await new SubjectMonthsRepository(tx).refreshStatusChanges([key]);
    await new IngestRepository(tx).refreshMeetingStatus([meeting.id], stamp);
    return { result: toMeeting((await repository.meeting(meeting.id))!), created };
  });
  // Committed: now subscribers may hear of it (only when this call added the entry).
  if (created) emitCreated([], [{ key, meetingKey: meeting.id }]);
  return result;
}

/**
 * Merges two actors: every relationship and alias of `remove` moves to `keep`, names and the Wikidata id
 * `keep` lacks are copied, and a redirect makes the removed id resolve to `keep`. Replaying a merge already done
 * returns the kept actor.
 */
export async function mergeEntities(db: Database, caller: Caller, keepId: string, removeId: string): Promise<Actor> {
  const keep = fromGlobalId(keepId, 'keep', ['Actor']);
  const remove = fromGlobalId(removeId, 'remove', ['Actor']);
  const stamp = stampFor(caller);
  return db.writeTx(async (tx) => {
    const repository = new CurationRepository(tx);
    const keepKey = (await repository.redirectTarget('Actor', keep.id)) ?? keep.id;
    if (keepKey === remove.id) {
      throw new BadUserInputError('Invalid input', [{ path: 'remove', message: 'must differ from keep' }]);
    }
    const locked = await repository.lockActors(keepKey, remove.id, stamp);
    if (!locked.keep) throw new NotFoundError('Actor', keepId);
    if (!locked.remove) {
      if ((await repository.redirectTarget('Actor', remove.id)) === keepKey) {
        return toActorRow(repository, keepKey);
      }
      throw new NotFoundError('Actor', removeId);
    }
    const extra: Record<string, unknown> = {};
    for (const [property, value] of Object.entries(locked.remove)) {
      if ((property.startsWith('name_') || property === 'wikidata') && locked.keep[property] == null) {
        extra[property] = value;
      }
    }
    const published = await repository.publishedBy(remove.id);
    const hashes = published.map((a) => ({ key: a.key, contentHash: contentHash(keepKey, a.title, a.text) }));
    await repository.mergeActors(keepKey, remove.id, extra, hashes, stamp);
    await new IdentityEpochRepository(tx).advance();
    // The kept actor now has the removed one's statements, roles, country and meetings: closures changed.
    await new SubjectMonthsRepository(tx).refreshAroundActors([keepKey]);
    return toActorRow(repository, keepKey);
  });
}

/**
 * Merges two meetings that are one (split by an ingest before the identity rule, or told apart by it wrongly):
 * statements about `remove`, its participants, status history and (if `keep` has none) location move to `keep`,
 * the date and duration `keep` lacks are copied, `keep`'s status is derived again from the joined history, and a
 * redirect makes the removed id resolve to `keep`. Replaying a merge already done returns the kept meeting.
 * @throws BadUserInputError naming `keep` or `remove` when an id is not a meeting's, or `remove` when both are one.
 * @throws NotFoundError when either meeting does not exist.
 */
export async function mergeMeetings(db: Database, caller: Caller, keepId: string, removeId: string): Promise<Meeting> {
  const keep = fromGlobalId(keepId, 'keep', ['Meeting']);
  const remove = fromGlobalId(removeId, 'remove', ['Meeting']);
  const stamp = stampFor(caller);
  return db.writeTx(async (tx) => {
    const repository = new CurationRepository(tx);
    const keepKey = (await repository.redirectTarget('Meeting', keep.id)) ?? keep.id;
    if (keepKey === remove.id) {
      throw new BadUserInputError('Invalid input', [{ path: 'remove', message: 'must differ from keep' }]);
    }
    const locked = await repository.lockMeetings(keepKey, remove.id, stamp);
    if (!locked.keep) throw new NotFoundError('Meeting', keepId);
    if (!locked.remove) {
      if ((await repository.redirectTarget('Meeting', remove.id)) === keepKey) {
        return toMeeting((await repository.meeting(keepKey))!);
      }
      throw new NotFoundError('Meeting', removeId);
    }
    await repository.mergeMeetings(keepKey, remove.id, stamp);
    await new IdentityEpochRepository(tx).advance();
    await new SubjectMonthsRepository(tx).refreshAroundMeetings([keepKey]);
    await new IngestRepository(tx).refreshMeetingStatus([keepKey], stamp);
    return toMeeting((await repository.meeting(keepKey))!);
  });
}

async function toActorRow(repository: CurationRepository, key: string): Promise<Actor> {
  const row = (await repository.actor(key))!;
  return toActor(row.props, row.link);
}

/** Deprecates a statement with a reason: it stays in the graph with rank DEPRECATED, who and when. */
export async function deprecateStatement(
  db: Database,
  caller: Caller,
  statementId: string,
  reason: string,
): Promise<Statement> {
  const statement = fromGlobalId(statementId, 'id', ['Statement']);
  const text = requireText('reason', reason, MAX_REASON);
  const stamp = stampFor(caller);
  return db.writeTx(async (tx) => {
    const row = await new CurationRepository(tx).deprecateStatement(statement.id, text, stamp);
    if (!row) throw new NotFoundError('Statement', statementId);
    await new SubjectMonthsRepository(tx).refreshStatements([statement.id]);
    return toStatement(row.props, row.link);
  });
}
