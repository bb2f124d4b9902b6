import { randomUUID } from 'node:crypto';
import type { Caller } from '../shared/context';
import { ConflictError } from '../shared/errors';
import { toGlobalId } from '../shared/global-id';
import { MeetingKind, MeetingStatus } from '../shared/graphql/enums';
import type { Database } from '../shared/neo4j/database';
import { articleKey, contentHash, meetingKey, reportKey, statementKey, statusChangeKey } from './ingest-keys';
import { collectRefs } from './ingest-refs';
import { assertValidArticleInput } from './ingest-validation';
import { auditTag, zeroCounts, type ArticleInputData, type IngestOutcome } from './ingest.model';
import {
  IngestRepository,
  type MeetingRow,
  type StatementRow,
  type StatusChangeRow,
  type WriteStamp,
} from './ingest.repository';
import { meetingNames } from './meeting-naming';
import { LIFECYCLE_ORDER } from './meeting-status';
import { resolveRefs, type Resolution, type ResolvedRef } from './name-resolver';

/** An ingest's outcome plus the stored article, for the GraphQL result. */
export interface IngestedArticle extends IngestOutcome {
  article: Record<string, unknown>;
  outletKey: string;
}

/**
 * Ingests one article with its meetings, statements and status changes: validated first, then resolved and
 * written in ONE managed write transaction, so an invalid or unresolvable input writes nothing. Every node is
 * MERGEd on a deterministic key: replaying the input creates nothing, and concurrent ingests of the same article
 * leave exactly one. This is the only write path for articles: the GraphQL mutation, the seed loader and the CLI
 * all call it.
 * @throws BadUserInputError listing every invalid field or unresolved name with its input path.
 * @throws ConflictError when the URL already names an article with a different text.
 */
export async function ingestArticle(db: Database, input: ArticleInputData, caller: Caller): Promise<IngestedArticle> {
  assertValidArticleInput(input);
  const slots = collectRefs(input);
  const now = new Date().toISOString();
  const by = auditTag(caller);
  // The token is drawn per attempt: a retried transaction must not mistake its own earlier attempt's nodes.
  return db.writeTx((tx) => writeArticle(new IngestRepository(tx), input, slots, { now, by, token: randomUUID() }));
}

async function writeArticle(
  repository: IngestRepository,
  input: ArticleInputData,
  slots: ReturnType<typeof collectRefs>,
  stamp: WriteStamp,
): Promise<IngestedArticle> {
  const resolution = await resolveRefs(repository, slots, input.createMissing ?? false);
  const ref = (path: string): ResolvedRef => resolution.bySlot.get(path)!;
  const outlet = ref('outlet');
  const hash = contentHash(outlet.key, input.title, input.text);
  // The same content under a new URL is the same article: content identifies it as well as the URL does.
  const key = (await repository.articleByContent(hash)) ?? articleKey(input.url, hash);
  const article = await repository.mergeArticle(
    {
      key,
      contentHash: hash,
      title: input.title,
      language: input.language,
      publishedOn: input.publishedOn ?? null,
      url: input.url ?? null,
      text: input.text,
    },
    stamp,
  );
  if (!article.created && article.properties.text !== input.text) {
    throw new ConflictError('This URL is stored with a different article text; spans would not match it', {
      article: toGlobalId('Article', article.key),
    });
  }
  const created = zeroCounts();
  const matched = zeroCounts();
  if (article.created) created.articles = 1;
  else matched.articles = 1;

  const elementIds = await createEntities(repository, resolution, stamp, created, matched);
  const eid = (path: string): string => {
    const resolved = ref(path);
    return resolved.elementId ?? elementIds.get(`${resolved.type}:${resolved.key}`)!;
  };

  if (article.created) {
    await repository.linkArticle(
      article.elementId,
      eid('outlet'),
      (input.mentions ?? []).map((_, i) => eid(`mentions[${i}]`)),
      (input.topics ?? []).map((_, i) => eid(`topics[${i}]`)),
    );
  }

  const meetingKeys = new Map<string, string>();
  const meetingElementIds = new Map<string, string>();
  const storedMeetingKeys = new Map<string, string>();
  const meetingRows = new Map<string, MeetingRow>();
  (input.meetings ?? []).forEach((meeting, i) => {
    const participants = meeting.participants.map((_, j) => ref(`meetings[${i}].participants[${j}]`));
    const mKey = meetingKey(
      meeting.kind,
      participants.map((p) => p.key),
      meeting.date,
    );
    meetingKeys.set(meeting.key, mKey);
    const names = meetingNames(
      meeting.kind as MeetingKind,
      participants.map((p) => p.names),
    );
    if (!meetingRows.has(mKey)) {
      meetingRows.set(mKey, {
        key: mKey,
        kind: meeting.kind,
        names: { name_en: names.en, name_ar: names.ar },
        date: meeting.date ?? null,
        durationMinutes: meeting.durationMinutes ?? null,
        participants: [...new Set(participants.map((_, j) => eid(`meetings[${i}].participants[${j}]`)))],
        location: meeting.location ? eid(`meetings[${i}].location`) : null,
      });
    }
  });
  if (meetingRows.size > 0) {
    for (const row of await repository.mergeMeetings([...meetingRows.values()], stamp)) {
      meetingElementIds.set(row.rowKey, row.elementId);
      storedMeetingKeys.set(row.rowKey, row.key);
      if (row.created) created.meetings += 1;
      else matched.meetings += 1;
    }
  }

  const statementKeys = input.statements.map((statement, i) =>
    statementKey(key, statement.span, ref(`statements[${i}].speaker`).key),
  );
  const statementRows: StatementRow[] = input.statements.map((statement, i) => {
    const about = statement.about.map((subject, j) =>
      subject.meeting != null
        ? meetingElementIds.get(meetingKeys.get(subject.meeting)!)!
        : eid(`statements[${i}].about[${j}]`),
    );
    const sKey = statementKeys[i]!;
    return {
      key: sKey,
      props: {
        text: statement.text,
        language: statement.language ?? input.language,
        translation: statement.translation ?? null,
        form: statement.form,
        quote: statement.quote ?? null,
        verb: statement.verb ?? null,
        cameo: statement.cameo,
        plover: statement.plover ?? null,
        goldstein: statement.goldstein ?? null,
        rationale: statement.rationale ?? null,
      },
      saidOn: statement.saidOn ?? null,
      speaker: eid(`statements[${i}].speaker`),
      onBehalfOf: statement.onBehalfOf ? eid(`statements[${i}].onBehalfOf`) : null,
      via: statement.via ? eid(`statements[${i}].via`) : null,
      about: [...new Set(about)],
      report: {
        key: reportKey(sKey, key, statement.span),
        start: statement.span.start,
        end: statement.span.end,
        text: input.text.slice(statement.span.start, statement.span.end),
      },
    };
  });
  const storedStatementKeys = new Map<string, string>();
  if (statementRows.length > 0) {
    for (const row of await repository.mergeStatements(article.elementId, statementRows, stamp)) {
      storedStatementKeys.set(row.rowKey, row.key);
      if (row.created) created.statements += 1;
      else matched.statements += 1;
    }
  }

  const changes = statusChanges(
    input,
    new Map([...meetingKeys].map(([inputKey, rowKey]) => [inputKey, storedMeetingKeys.get(rowKey)!])),
    statementKeys.map((rowKey) => storedStatementKeys.get(rowKey)!),
  );
  if (changes.length > 0) {
    await repository.mergeStatusChanges(changes, stamp);
    await repository.refreshMeetingStatus([...new Set(changes.map((c) => c.meetingKey))], stamp);
  }
  return { articleKey: article.key, created, matched, article: article.properties, outletKey: outlet.key };
}

/** Creates the actors and topics planned by name resolution; counts them and every existing one referenced. */
async function createEntities(
  repository: IngestRepository,
  resolution: Resolution,
  stamp: WriteStamp,
  created: ReturnType<typeof zeroCounts>,
  matched: ReturnType<typeof zeroCounts>,
): Promise<Map<string, string>> {
  const elementIds = new Map<string, string>();
  const existing = new Set<string>();
  for (const resolved of resolution.bySlot.values()) {
    if (!resolved.isNew && (resolved.type === 'Actor' || resolved.type === 'Topic')) {
      existing.add(`${resolved.type}:${resolved.key}`);
    }
  }
  for (const entry of existing) {
    if (entry.startsWith('Actor:')) matched.actors += 1;
    else matched.topics += 1;
  }
  const actors = resolution.newActors.length > 0 ? await repository.mergeActors(resolution.newActors, stamp) : [];
  for (const row of actors) {
    elementIds.set(`Actor:${row.key}`, row.elementId);
    if (row.created) created.actors += 1;
    else if (!existing.has(`Actor:${row.key}`)) matched.actors += 1;
  }
  const topics = resolution.newTopics.length > 0 ? await repository.mergeTopics(resolution.newTopics, stamp) : [];
  for (const row of topics) {
    elementIds.set(`Topic:${row.key}`, row.elementId);
    if (row.created) created.topics += 1;
    else if (!existing.has(`Topic:${row.key}`)) matched.topics += 1;
  }
  return elementIds;
}

/** The status history entries an article asserts: one per meeting status and asserting statement. */
function statusChanges(
  input: ArticleInputData,
  meetingKeys: ReadonlyMap<string, string>,
  statementKeys: readonly string[],
): StatusChangeRow[] {
  const rows = new Map<string, StatusChangeRow>();
  for (const meeting of input.meetings ?? []) {
    if (meeting.status == null) continue;
    const mKey = meetingKeys.get(meeting.key)!;
    const indices =
      meeting.statusStatements ??
      input.statements.flatMap((statement, i) => (statement.about.some((s) => s.meeting === meeting.key) ? [i] : []));
    for (const index of indices) {
      const sKey = statementKeys[index]!;
      const key = statusChangeKey(mKey, meeting.status, sKey);
      rows.set(key, {
        key,
        meetingKey: mKey,
        statementKey: sKey,
        status: meeting.status,
        seq: LIFECYCLE_ORDER[meeting.status as MeetingStatus],
      });
    }
  }
  return [...rows.values()];
}
