import { ActorKind, type MeetingStatus } from '../../shared/graphql/enums';
import type { AliasIndex, IndexedEntity } from '../alias-index';
import type { CandidateArticle, CandidateMeeting, CandidateStatement, ProposedActor } from '../extract.model';
import type { Lexicon } from '../lexicon/lexicon';
import type { PageArticle } from '../page-source';
import { splitSentences } from '../text/sentences';
import { toPageSpan } from '../text/span';
import { codeFromMeetingStatus } from './event-code';
import { assignDurations, assignStatuses, findMeetings, type MeetingMention } from './meetings';
import { wordsOf } from './mentions';
import { viewSentence, type SentenceView } from './sentence';
import { findActs, mergeCoordinated } from './reporting-act';
import { type Speaker, refOf, slug } from './speaker';
import { buildStatement } from './statement-builder';
export { refOf } from './speaker';

interface MeetingEntry {
  key: string;
  kind: CandidateMeeting['kind'];
  participants: IndexedEntity[];
  evidence: string[];
  durationMinutes: number | null;
}

/** Statuses a meeting named again keeps: it was held, called off or refused. */
const FINAL = new Set<MeetingStatus>(['HELD', 'CANCELLED', 'REJECTED'] as MeetingStatus[]);

/**
 * Extracts candidate statements and meetings from one article of a page. Pure: the alias index and the lexicon
 * are all it reads. Statements are looked for in the body only (never the title, dateline or furniture).
 */
export function extractArticle(article: PageArticle, index: AliasIndex, lex: Lexicon): CandidateArticle {
  const { text } = article;
  const date = article.publishedOn;
  const paragraphs = article.paragraphs.length > 0 ? article.paragraphs : [article.bodySpan];
  const evidence = [...article.evidence];
  const statements: CandidateStatement[] = [];
  const statementMeetings: Map<string, { status: MeetingStatus | null; cue: string | null }>[] = [];
  const meetings = new Map<string, MeetingEntry>();
  const lastOfKind = new Map<string, string>();
  const proposed = new Map<string, ProposedActor>();
  let previous: Speaker | null = null;

  const localNames = new Map<string, IndexedEntity>();
  /** The status the article last gave each meeting (statements or narration). */
  const established = new Map<string, MeetingStatus>();

  /** The article's meeting a mention names: registered (or found) by kind and participants, or referred back to. */
  let lastMeeting: string | undefined;
  /** The first person of the last narration sentence: who a subject-less verb is about when no one spoke yet. */
  let narrated: IndexedEntity | null = null;
  const meetingOf = (m: MeetingMention, view: SentenceView): string | undefined => {
    const words = wordsOf(text, view.tokens, m.from, m.to);
    if (m.participants.length > 0) {
      const id = (ps: readonly IndexedEntity[]) =>
        `${m.kind}|${ps
          .map((p) => p.key)
          .sort()
          .join('|')}`;
      let entry = [...meetings.values()].find((e) => e.kind === m.kind && id(e.participants) === id(m.participants));
      if (!entry) {
        const base = `${m.participants.map((p) => slug(p.nameEn)).join('-')}-${m.kind.toLowerCase().replace('_', '-')}`;
        let unique = base;
        for (let n = 2; meetings.has(unique); n++) unique = `${base}-${n}`;
        entry = { key: unique, kind: m.kind, participants: m.participants, evidence: [], durationMinutes: null };
        meetings.set(unique, entry);
      }
      entry.evidence.push(`«${words}» with ${m.participants.map((p) => p.nameEn).join(', ')}`);
      lastOfKind.set(m.kind, entry.key);
      lastMeeting = entry.key;
      return entry.key;
    }
    if (m.pair && lastMeeting) {
      // "الجانبين اتفقا على عقد لقاء": the parties of the article's last meeting, in a meeting of this kind.
      const parties = meetings.get(lastMeeting)!.participants;
      return meetingOf({ ...m, participants: parties, pair: false }, view);
    }
    if (!m.anaphoric) return undefined;
    const key = lastOfKind.get(m.kind) ?? lastMeeting;
    if (key) meetings.get(key)!.evidence.push(`«${words}» refers back to it`);
    return key;
  };

  for (const span of splitSentences(text, paragraphs, article.language)) {
    const view = viewSentence(text, span, article.language, index, lex, localNames);
    const { tokens } = view;
    // Persons named in full: a later sentence may call them by one word of the name (قوه, Kallas).
    for (const m of view.mentions) {
      if (m.type !== 'entity' || m.entity.kind !== 'PERSON' || m.to - m.from < 2) continue;
      for (let k = m.from; k < m.to; k++) {
        const key = tokens[k]!.norm;
        if (key.length >= 3 && !lex.aliasStopwords.has(key) && index.resolveName(key).length === 0) {
          localNames.set(key, m.entity);
        }
      }
    }
    // "did not respond", "declined to comment", "رفض الكشف": no statement where they sit. A sentence made of one is
    // narration; an act whose verb they hold (لكنه رفض الكشف عن مضمونها) is dropped, the sentence's others stay.
    const skips = lex.nonStatements.findAll(tokens).filter((m) => !view.quoteOf[m.from]);
    const acts = mergeCoordinated(
      view,
      findActs(view, lex).filter((act) => !skips.some((m) => act.at >= m.from && act.at < m.to + 1)),
      lex,
    );
    for (const skip of skips) {
      evidence.push(
        `no statement in «${wordsOf(text, tokens, skip.from, skip.to)}» (attribution-cues.json nonStatements)`,
      );
    }
    if (acts.length === 0) {
      const person = view.mentions.find((m) => m.type === 'entity' && m.entity.kind === 'PERSON');
      if (person?.type === 'entity') narrated = person.entity;
      // Narration: meetings it names (and the status it gives them) are there for later statements to refer to.
      const mentions = findMeetings(view, 0, tokens.length, { from: 0, to: 0 }, -1, null, index, lex, true);
      assignStatuses(view, 0, tokens.length, mentions, lex);
      assignDurations(view, 0, tokens.length, mentions, lex);
      for (const m of mentions) {
        const key = meetingOf(m, view);
        if (key && m.durationMinutes !== null) meetings.get(key)!.durationMinutes ??= m.durationMinutes;
        if (key && m.status && !m.statusCue?.startsWith('default')) established.set(key, m.status);
      }
      continue;
    }
    acts.forEach((act, k) => {
      const next = acts[k + 1];
      const actEnd = next ? next.clauseStart : tokens.length;
      const start = k === 0 ? span.start : tokens[act.clauseStart]!.start;
      let end = next ? tokens[next.clauseStart]!.start : span.end;
      while (end > start && /[\s,،;؛]/.test(text[end - 1]!)) end -= 1;
      // With no statement before, a subject-less verb (وأكد سموه) continues the person the narration is about.
      const continued: Speaker | null =
        previous ??
        (narrated
          ? { ref: refOf(narrated, narrated.nameAr ?? narrated.nameEn), entity: narrated, onBehalfOf: null, via: null }
          : null);
      const result = buildStatement(view, act, act.clauseStart, actEnd, { start, end }, continued, index, lex, date);
      if (!result) return;
      const { statement, speaker, mentions, event } = result;
      const perMeeting = new Map<string, { status: MeetingStatus | null; cue: string | null }>();
      const keys = mentions.map((m) => meetingOf(m, view));
      // A meeting noun the act does not tie to anybody belongs to the one meeting the act does name, if only one.
      const named = [...new Set(keys.filter((k, i) => k !== undefined && mentions[i]!.participants.length > 0))];
      keys.forEach((key, i) => {
        if (key === undefined && named.length === 1) keys[i] = named[0];
      });
      for (const [i, m] of mentions.entries()) {
        const key = keys[i];
        if (!key) continue;
        if (m.durationMinutes !== null) meetings.get(key)!.durationMinutes ??= m.durationMinutes;
        let status = m.status;
        let cue = m.statusCue;
        const known = established.get(key);
        // A kind's default (a reported call was held) never overrides what the article already said of the meeting.
        if (cue?.startsWith('default') && known && known !== status) {
          status = null;
          cue = null;
        }
        if (!status && m.anaphoric && known && FINAL.has(known)) {
          status = known;
          cue = `refers back to a meeting the article already gave as ${known}`;
        }
        const before = perMeeting.get(key);
        if (!before || (before.status === null && status !== null)) perMeeting.set(key, { status, cue });
      }
      for (const [key, s] of perMeeting) {
        if (!statement.about.some((a) => 'meeting' in a && a.meeting === key)) {
          statement.about.unshift({ meeting: key });
        }
        if (s.status) {
          statement.evidence.push(`asserts ${key} ${s.status} (${s.cue})`);
          established.set(key, s.status);
        }
      }
      const recoded = codeFromMeetingStatus(
        event,
        [...perMeeting.values()].map((x) => x.status).filter((x): x is MeetingStatus => x !== null),
      );
      if (recoded) {
        statement.cameo = recoded.cameo;
        statement.goldstein = recoded.goldstein;
        statement.plover = recoded.plover;
        statement.rationale = recoded.rationale;
        statement.evidence.push(recoded.rationale);
      }
      statements.push(statement);
      statementMeetings.push(perMeeting);
      for (const ref of [statement.speaker, statement.via]) {
        if (ref?.source === 'NEW' && ref.kind) {
          proposed.set(ref.name, {
            name: ref.name,
            kind: ref.kind,
            country: ref.country,
            evidence: `${ref.kind === ActorKind.MEDIA ? 'via' : 'speaker'} of "${statement.text.slice(0, 80)}"`,
          });
        }
      }
      previous = speaker;
    });
  }

  const candidateMeetings: CandidateMeeting[] = [];
  for (const entry of meetings.values()) {
    const asserting = statementMeetings.map((m, i) => ({ i, s: m.get(entry.key) })).filter((x) => x.s !== undefined);
    if (asserting.length === 0) continue;
    const withStatus = asserting.filter((x) => x.s!.status !== null);
    const status = withStatus.length > 0 ? withStatus[withStatus.length - 1]!.s!.status : null;
    candidateMeetings.push({
      key: entry.key,
      kind: entry.kind,
      status,
      statusStatements: withStatus.filter((x) => x.s!.status === status).map((x) => x.i),
      participants: entry.participants.map((p) => refOf(p, p.nameAr ?? p.nameEn)),
      durationMinutes: entry.durationMinutes,
      evidence: entry.evidence,
    });
  }
  return {
    title: article.title ?? '',
    language: article.language,
    publishedOn: article.publishedOn,
    url: null,
    outlet: { name: article.outlet ?? '' },
    text,
    pageSpan: article.pageSpan,
    statements: statements.map((s) => ({ ...s, pageSpan: toPageSpan(s.span, article.pageOffsets) })),
    meetings: candidateMeetings,
    proposedActors: [...proposed.values()],
    evidence,
  };
}
