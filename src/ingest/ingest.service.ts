import { randomUUID } from 'node:crypto';
import type { Caller } from '../shared/context';
import { emitCreated } from '../shared/domain-events';
import { AppError, ConflictError, ErrorCode } from '../shared/errors';
import { recordIngest } from '../shared/observability/metrics';
import { toGlobalId } from '../shared/global-id';
import type { Database } from '../shared/neo4j/database';
import { canonicalUrl } from '../shared/text/canonical-url';
import { searchProperties } from '../shared/text/search-text';
import { articleKey, contentHash } from './ingest-keys';
import { ingestDigest } from './ingest-receipt';
import { IngestReceiptRepository, type IngestReceiptRow } from './ingest-receipt.repository';
import { collectRefs } from './ingest-refs';
import { meetingRows, statementRows, statusChangeRows, type Resolved } from './ingest-rows';
import { assertValidArticleInput } from './ingest-validation';
import { auditTag, zeroCounts, type ArticleInputData, type IngestOutcome } from './ingest.model';
import { IngestRepository, type StoredNode, type WriteStamp } from './ingest.repository';
import { resolveRefs, type Resolution, type ResolvedRef } from './name-resolver';

/** An ingest's outcome plus the stored article, for the GraphQL result. */
export interface IngestedArticle extends IngestOutcome {
  article: Record<string, unknown>;
  outletKey: string;
  /** Keys of the statements and status changes this ingest created (not those it found already there). */
  createdKeys: { statements: string[]; statusChanges: { key: string; meetingKey: string }[] };
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
  try {
    assertValidArticleInput(input);
    const digest = ingestDigest(input);
    const { receipt, epoch } = await new IngestReceiptRepository(db).find(digest);
    if (receipt) {
      recordIngest('matched');
      return fromReceipt(receipt);
    }
    const slots = collectRefs(input);
    const now = new Date().toISOString();
    const by = auditTag(caller);
    // The token is drawn per attempt: a retried transaction must not mistake its own earlier attempt's nodes.
    const ingested = await db.writeTx((tx) =>
      writeArticle(new IngestRepository(tx), input, { digest, epoch }, slots, { now, by, token: randomUUID() }),
    );
    recordIngest(ingested.created.articles > 0 ? 'created' : 'matched', { ...ingested.created });
    // Committed: now subscribers may hear of it.
    emitCreated(ingested.createdKeys.statements, ingested.createdKeys.statusChanges);
    return ingested;
  } catch (error) {
    recordIngest(
      error instanceof AppError && error.extensions.code !== ErrorCode.SERVICE_UNAVAILABLE ? 'rejected' : 'failed',
    );
    throw error;
  }
}

/**
 * A replay of an input that already landed, answered from its receipt (one read, no write transaction): nothing
 * created, and matched what the first ingest created or matched.
 */
function fromReceipt(receipt: IngestReceiptRow): IngestedArticle {
  return {
    articleKey: receipt.article.id as string,
    created: zeroCounts(),
    matched: receipt.counts,
    article: receipt.article,
    outletKey: receipt.outletKey,
    createdKeys: { statements: [], statusChanges: [] },
  };
}

async function writeArticle(
  repository: IngestRepository,
  input: ArticleInputData,
  receipt: { digest: string; epoch: number },
  slots: ReturnType<typeof collectRefs>,
  stamp: WriteStamp,
): Promise<IngestedArticle> {
  const resolution = await resolveRefs(repository, slots, input.createMissing ?? false);
  const ref = (path: string): ResolvedRef => resolution.bySlot.get(path)!;
  const outlet = ref('outlet');
  const hash = contentHash(outlet.key, input.title, input.text);
  const key = articleKey(input.url, hash);
  // The same content under a new URL is the same article: content identifies it as well as the URL does. A URL
  // identifies by its canonical form; an article stored before canonical keys is found by its canonicalUrl.
  const canonical = input.url ? canonicalUrl(input.url) : null;
  const created = zeroCounts();
  const matched = zeroCounts();
  // Actors and topics first: a new article links to those it mentions in the same round trip that creates it.
  const elementIds = await createEntities(repository, resolution, stamp, created, matched);
  const resolved: Resolved = {
    ref,
    eid: (path) => {
      const target = ref(path);
      return target.elementId ?? elementIds.get(`${target.type}:${target.key}`)!;
    },
  };
  const article = await repository.mergeArticle(
    {
      key,
      contentHash: hash,
      title: input.title,
      language: input.language,
      publishedOn: input.publishedOn ?? null,
      url: input.url ?? null,
      canonicalUrl: canonical,
      text: input.text,
      search: searchProperties('Article', { title: input.title, text: input.text }),
    },
    {
      outlet: resolved.eid('outlet'),
      mentions: (input.mentions ?? []).map((_, i) => resolved.eid(`mentions[${i}]`)),
      topics: (input.topics ?? []).map((_, i) => resolved.eid(`topics[${i}]`)),
    },
    { ...receipt, counts: receiptCounts(input, key, created, matched, resolved) },
    stamp,
  );
  if (!article.created && article.properties.text !== input.text) {
    throw new ConflictError('This URL is stored with a different article text; spans would not match it', {
      article: toGlobalId('Article', article.key),
    });
  }
  if (article.created) created.articles = 1;
  else matched.articles = 1;

  // Stored nodes by the key computed for them: an older node may carry another key (see mergeMeetings).
  const meetings = meetingRows(input, article.key, resolved);
  const storedMeetings = new Map<string, StoredNode>();
  if (meetings.rows.length > 0) {
    for (const row of await repository.mergeMeetings(article.elementId, meetings.rows, stamp)) {
      storedMeetings.set(row.rowKey, row);
      created.meetings += row.created ? 1 : 0;
      matched.meetings += row.created ? 0 : 1;
    }
  }
  const storedMeeting = (inputKey: string): StoredNode => storedMeetings.get(meetings.rowKeyOf.get(inputKey)!)!;

  const statements = statementRows(input, article.key, resolved, (inputKey) => storedMeeting(inputKey).elementId);
  const storedStatements = new Map<string, string>();
  const createdKeys: IngestedArticle['createdKeys'] = { statements: [], statusChanges: [] };
  if (statements.length > 0) {
    for (const row of await repository.mergeStatements(article.elementId, statements, stamp)) {
      storedStatements.set(row.rowKey, row.key);
      if (row.created) createdKeys.statements.push(row.key);
      created.statements += row.created ? 1 : 0;
      matched.statements += row.created ? 0 : 1;
    }
  }

  const changes = statusChangeRows(
    input,
    new Map((input.meetings ?? []).map((meeting) => [meeting.key, storedMeeting(meeting.key).key])),
    statements.map((row) => storedStatements.get(row.key)!),
  );
  if (changes.length > 0) {
    const merged = await repository.mergeStatusChanges(changes, stamp);
    const meetingOf = new Map(changes.map((change) => [change.key, change.meetingKey]));
    for (const row of merged) {
      if (row.created) createdKeys.statusChanges.push({ key: row.key, meetingKey: meetingOf.get(row.key)! });
    }
    await repository.refreshMeetingStatus([...new Set(changes.map((c) => c.meetingKey))], stamp);
  }
  return { articleKey: article.key, created, matched, article: article.properties, outletKey: outlet.key, createdKeys };
}

/**
 * What the whole ingest creates or matches, known before the article is written (its receipt goes with it): one
 * article, the actors and topics counted by createEntities, one per statement row and one per distinct meeting row.
 * Meeting rows are keyed under the article's computed key here; a stored article's older key changes every row key
 * alike, so never their number.
 */
function receiptCounts(
  input: ArticleInputData,
  key: string,
  created: ReturnType<typeof zeroCounts>,
  matched: ReturnType<typeof zeroCounts>,
  resolved: Resolved,
): ReturnType<typeof zeroCounts> {
  return {
    articles: 1,
    actors: created.actors + matched.actors,
    meetings: meetingRows(input, key, resolved).rows.length,
    statements: input.statements.length,
    topics: created.topics + matched.topics,
  };
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
