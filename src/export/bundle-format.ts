import { toGlobalId } from '../shared/global-id';
import type { NodeTypeName } from '../shared/graph-schema';
import type { ArticleInputData, MeetingInputData, StatementInputData } from '../ingest/ingest.model';
import type { MeetingKind, MeetingStatus, StatementForm, ActorKind } from '../shared/graphql/enums';
import type { ActorDefinition, TopicDefinition } from '../seed/seed-file.schema';
import { namesFrom, pickName } from '../shared/graphql/names';
import type { BundleActorRow, BundleArticleRow, BundleMeetingRow, BundleTopicRow } from './export.repository';

/**
 * Stored rows back into the ingest bundle format (seed-file.schema.ts): the inverse of loadBundle, so that
 * export + `npm run ingest` is a backup and restore. Entities are named by global id (`{"id": ...}`), never by name,
 * so nothing is resolved by alias on the way back.
 */

/** `name_<lang>` (or `title_<lang>`) properties as a names map; stored `_` in a tag is its `-`. */
function namesOf(props: Record<string, unknown>, prefix: 'name_' | 'title_'): Record<string, string> {
  const names: Record<string, string> = {};
  // Sorted: a node's property order is the store's, which a restore does not keep.
  for (const [key, value] of Object.entries(props).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (key.startsWith(prefix) && typeof value === 'string') names[key.slice(prefix.length).replace(/_/g, '-')] = value;
  }
  return names;
}

const ref = (type: NodeTypeName, key: string) => ({ id: toGlobalId(type, key) });
const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/**
 * Names ordered so that loading them rebuilds the stored aliases: the loader makes an alias of each name in order and
 * keeps the first language for a text two names share (`{en: "Emmanuel Macron", fr: "Emmanuel Macron"}`), so the
 * name whose language the stored alias has goes first.
 */
function namesForAliases(
  names: Record<string, string>,
  aliases: readonly { text: string; lang: string }[],
): Record<string, string> {
  const stored = new Set(aliases.map((alias) => `${alias.lang}\u0000${alias.text}`));
  const entries = Object.entries(names);
  const rank = ([lang, text]: [string, string]) => (stored.has(`${lang}\u0000${text}`) ? 0 : 1);
  return Object.fromEntries(entries.sort((a, b) => rank(a) - rank(b)));
}

export function bundleActor(row: BundleActorRow): ActorDefinition {
  const p = row.props;
  return {
    key: String(p.id),
    kind: p.kind as ActorKind,
    names: namesForAliases(namesOf(p, 'name_'), row.aliases),
    aliases: row.aliases,
    ...(p.wikidata ? { wikidata: String(p.wikidata) } : {}),
    country: row.country,
    roles: row.roles.map((role) => ({
      title: namesOf(role.props, 'title_'),
      organization: role.organization,
      country: role.country,
      since: role.since,
      until: role.until,
    })),
  };
}

export function bundleTopic(row: BundleTopicRow): TopicDefinition {
  return {
    key: String(row.props.id),
    names: namesForAliases(namesOf(row.props, 'name_'), row.aliases),
    aliases: row.aliases,
  };
}

/**
 * A meeting's participant keys in the order its stored name lists them: ingest names a meeting from its participants
 * in input order ("Contact: Ilham Aliyev – Volodymyr Zelensky"), so this order rebuilds the same name. Participants
 * the name does not show (renamed since) keep key order, after the others.
 */
function participantsInNameOrder(meeting: BundleMeetingRow): string[] {
  const listed = (meeting.name ?? '').replace(/^[^:]*:\s*/, '').split(' – ');
  const position = (props: Record<string, unknown>) => {
    const i = listed.indexOf(pickName(namesFrom(props), 'en'));
    return i === -1 ? listed.length : i;
  };
  return [...meeting.participants]
    .sort((a, b) => position(a.props) - position(b.props) || (a.key < b.key ? -1 : 1))
    .map((p) => p.key);
}

const subjectRef = (subject: { label: string; key: string }) => ref(subject.label as NodeTypeName, subject.key);

/**
 * One article as an ArticleInput. Each meeting a statement is about appears in `meetings` under its stored key;
 * a status asserted by statements of this article becomes that meeting's `status` with `statusStatements`. When
 * statements of one article assert several statuses of one meeting, the meeting is listed once per status (keys
 * `<key>`, `<key>~<STATUS>`; ingest folds them into one node) and each asserting statement names its entry.
 */
export function bundleArticle(row: BundleArticleRow): ArticleInputData {
  const p = row.props;
  const statuses = new Map<string, Map<string, number[]>>();
  row.statements.forEach((statement, i) => {
    for (const assertion of statement.asserts) {
      const byStatus = statuses.get(assertion.meeting) ?? new Map<string, number[]>();
      byStatus.set(assertion.status, [...(byStatus.get(assertion.status) ?? []), i]);
      statuses.set(assertion.meeting, byStatus);
    }
  });
  const entryKey = (meeting: string, n: number, status: string) => (n === 0 ? meeting : `${meeting}~${status}`);
  const meetings: MeetingInputData[] = [];
  const extraAbout = new Map<number, string[]>();
  for (const meeting of row.meetings) {
    const base = {
      kind: meeting.kind as MeetingKind,
      participants: participantsInNameOrder(meeting).map((key) => ref('Actor', key)),
      date: meeting.date,
      durationMinutes: meeting.durationMinutes === null ? null : Number(meeting.durationMinutes),
      location: meeting.location ? ref('Country', meeting.location) : null,
    };
    const byStatus = [...(statuses.get(meeting.key) ?? new Map<string, number[]>()).entries()];
    if (byStatus.length === 0) meetings.push({ key: meeting.key, ...base, status: null, statusStatements: null });
    byStatus.forEach(([status, indices], n) => {
      const key = entryKey(meeting.key, n, status);
      meetings.push({ key, ...base, status: status as MeetingStatus, statusStatements: indices });
      if (n > 0) for (const i of indices) extraAbout.set(i, [...(extraAbout.get(i) ?? []), key]);
    });
  }
  const statements: StatementInputData[] = row.statements.map((s, i) => {
    const sp = s.props;
    return {
      speaker: ref('Actor', s.speaker),
      onBehalfOf: s.onBehalfOf ? subjectRef(s.onBehalfOf) : null,
      via: s.via ? ref('Actor', s.via) : null,
      form: sp.form as StatementForm,
      text: String(sp.text),
      language: str(sp.language),
      translation: str(sp.translation),
      quote: str(sp.quote),
      verb: str(sp.verb),
      saidOn: s.saidOn,
      about: [
        ...s.about.map((subject) => (subject.label === 'Meeting' ? { meeting: subject.key } : subjectRef(subject))),
        ...(extraAbout.get(i) ?? []).map((key) => ({ meeting: key })),
      ],
      cameo: String(sp.cameo),
      plover: str(sp.plover),
      goldstein: sp.goldstein === null || sp.goldstein === undefined ? null : Number(sp.goldstein),
      rationale: str(sp.rationale),
      span: { start: Number(s.start), end: Number(s.end) },
    };
  });
  return {
    title: String(p.title),
    language: String(p.language),
    publishedOn: row.publishedOn,
    url: str(p.url),
    outlet: ref('Actor', row.outlet),
    text: String(p.text),
    meetings,
    statements,
    mentions: row.mentions.map(subjectRef),
    topics: row.topics.map((key) => ref('Topic', key)),
    createMissing: false,
  };
}
