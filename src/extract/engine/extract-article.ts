import { toGlobalId } from '../../shared/global-id';
import { ActorKind, StatementForm, type MeetingStatus } from '../../shared/graphql/enums';
import type { AliasIndex, IndexedEntity } from '../alias-index';
import type {
  CandidateArticle,
  CandidateMeeting,
  CandidateRef,
  CandidateStatement,
  MeetingRef,
  ProposedActor,
  RefSource,
} from '../extract.model';
import type { Lexicon, VerbForm } from '../lexicon/lexicon';
import type { PageArticle } from '../page-source';
import { splitSentences } from '../text/sentences';
import { toPageSpan } from '../text/span';
import { codeEvent, codeFromMeetingStatus, type EventCode } from './event-code';
import { assignDurations, assignStatuses, findMeetings, type MeetingMention } from './meetings';
import { entityOf, wordsOf } from './mentions';
import { viewSentence, type SentenceView, type SpeechQuote } from './sentence';
import { hasSpeaker, parseSubject, type SubjectPhrase } from './subject';

/** A reporting act found in a sentence: its verb (token range) and its kind. */
interface Act {
  at: number;
  to: number;
  form: VerbForm;
  /** Participles that continue it (مضيفاً), as written, and their verbs. */
  participles: string[];
  participleVerbs: VerbForm['verb'][];
  clauseStart: number;
}

interface Speaker {
  ref: CandidateRef;
  entity: IndexedEntity | null;
  onBehalfOf: CandidateRef | null;
  via: CandidateRef | null;
}

interface MeetingEntry {
  key: string;
  kind: CandidateMeeting['kind'];
  participants: IndexedEntity[];
  evidence: string[];
  durationMinutes: number | null;
}

const CLAUSE_BREAK = /[,،;؛]/;
/** Statuses a meeting named again keeps: it was held, called off or refused. */
const FINAL = new Set<MeetingStatus>(['HELD', 'CANCELLED', 'REJECTED'] as MeetingStatus[]);
const CONTINUATION_ROOM = 2;

export function refOf(entity: IndexedEntity, written: string, source: RefSource = 'RESOLVED'): CandidateRef {
  return {
    id: toGlobalId(entity.type, entity.key),
    type: entity.type,
    key: entity.key,
    name: entity.nameEn,
    written,
    source,
    kind: entity.kind,
    country: entity.country,
  };
}

function unresolvedRef(
  written: string,
  source: RefSource,
  kind: ActorKind | null,
  country: string | null,
): CandidateRef {
  return { id: null, type: null, key: null, name: written, written, source, kind, country };
}

/** Confidence of a candidate: verb certainty + speaker certainty + form, in 0..1 (two decimals). */
function confidenceOf(form: VerbForm, source: RefSource, quoted: boolean): number {
  const verb = form.type === 'finite' ? (form.verb.ambiguous ? 0.2 : 0.3) : 0.2;
  const speaker: Record<RefSource, number> = {
    RESOLVED: 0.6,
    ROLE: 0.5,
    PREVIOUS: 0.5,
    UNNAMED: 0.5,
    NEW: 0.3,
    UNRESOLVED: 0.1,
  };
  const value = verb + speaker[source] + (quoted ? 0.1 : 0.05);
  return Math.round(Math.min(1, value) * 100) / 100;
}

/**
 * The reporting acts of a sentence, in order. A finite verb opens an act unless it is embedded: right after an
 * embedding word (حيث، الذي، that, to), or inside reported content (after أن / that, before the next comma). An
 * ambiguous form (بين between / stated) counts only with a complement within six words. A participle (مضيفاً،
 * adding) stays with the act before it; with none before, it opens one.
 */
function findActs(view: SentenceView, lex: Lexicon): Act[] {
  const { tokens, quoteOf } = view;
  const acts: Act[] = [];
  let openComplement = -1;
  let lastBreak = 0;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i]!;
    if (i > 0 && token.breakBefore && CLAUSE_BREAK.test(token.punctBefore)) lastBreak = i;
    if (quoteOf[i]) {
      i += 1;
      continue;
    }
    if (lex.complementizers.has(token.norm) && acts.length > 0) openComplement = i;
    const m = lex.verbs.matchAt(tokens, i);
    const lang = token.latin ? 'en' : 'ar';
    const forms = m ? m.entries.filter((f) => f.verb.lang === lang) : [];
    if (!m || forms.length === 0) {
      i += 1;
      continue;
    }
    const form = forms.find((f) => f.type === 'finite') ?? forms.find((f) => f.type === 'nominal') ?? forms[0]!;
    const previous = tokens[i - 1];
    const proclitic = m.key.split(' ')[0] !== token.norm;
    const embedded =
      previous !== undefined &&
      !token.breakBefore &&
      !proclitic &&
      [previous.norm, ...previous.variants].some((v) => lex.embedding.has(v) || lex.complementizers.has(v)) &&
      form.type !== 'nominal';
    const insideContent = openComplement >= 0 && !(lastBreak > openComplement && i - lastBreak <= CONTINUATION_ROOM);
    let complemented = true;
    if (form.verb.ambiguous) {
      complemented = false;
      for (let k = m.to; k < Math.min(tokens.length, m.to + 6); k++) {
        const t = tokens[k]!;
        if (lex.complementizers.has(t.norm) || /[:«"“]/.test(t.punctBefore) || ['الي', 'for', 'on'].includes(t.norm)) {
          complemented = true;
          break;
        }
        // The complement must be the verb's own, not one after a comma that belongs to another clause.
        if (t.breakBefore && k > m.to) break;
      }
    }
    if (form.type === 'participle' && acts.length > 0) {
      acts[acts.length - 1]!.participles.push(wordsOf(view.text, tokens, i, m.to));
      acts[acts.length - 1]!.participleVerbs.push(form.verb);
    } else if (!embedded && !insideContent && complemented) {
      const clauseStart = acts.length === 0 ? 0 : Math.max(lastBreak, acts[acts.length - 1]!.to);
      if (form.type === 'nominal' && relaysOnly(view, m.to, lex)) {
        // "according to the TASS news agency": the agency that carried the words, not an act (see the via scan).
        i = m.to;
        continue;
      }
      if (form.type === 'nominal' || isPostposed(view, i, m.to, lastBreak, lex)) {
        // "X rejected Y, the spokesman said." / "..., وفق ما قاله المتحدث": what came before is the content.
        acts.length = 0;
        acts.push({ at: i, to: m.to, form, participles: [], participleVerbs: [], clauseStart: 0 });
        openComplement = -1;
        i = m.to;
        continue;
      }
      acts.push({ at: i, to: m.to, form, participles: [], participleVerbs: [], clauseStart: Math.min(clauseStart, i) });
      openComplement = -1;
    }
    i = m.to;
  }
  return acts;
}

/**
 * Coordinated verbs of one subject in one sentence are one statement: "رفض المتحدث ... الدعوة، وقال إن ...",
 * "He denied the reports and said ...". A later act whose subject slot is empty (its verb right after a conjunction
 * or carrying one: وقال، فيما أكد، and said) is folded into the act before it.
 */
function mergeCoordinated(view: SentenceView, acts: Act[], lex: Lexicon): Act[] {
  const out: Act[] = [];
  for (const act of acts) {
    const previous = out[out.length - 1];
    if (previous && act.form.type === 'finite' && !hasExplicitSubject(view, act, lex)) {
      previous.participles.push(wordsOf(view.text, view.tokens, act.at, act.to));
      previous.participleVerbs.push(act.form.verb);
      continue;
    }
    out.push(act);
  }
  return out;
}

/** Whether an act names its own subject, before the verb (English) or right after it (Arabic). */
function hasExplicitSubject(view: SentenceView, act: Act, lex: Lexicon): boolean {
  const { tokens } = view;
  if (tokens[act.at]!.latin) {
    const before = tokens.slice(act.clauseStart, act.at).filter((t) => !/^(and|but|also|then)$/.test(t.norm));
    return before.length > 0;
  }
  const subject = parseSubject(view, act.to, tokens.length, lex);
  if (hasSpeaker(subject) && !subject.pronoun) return true;
  const next = tokens[act.to];
  return next !== undefined && !next.breakBefore && !lex.complement.matchAt(tokens, act.to) && !view.quoteOf[act.to];
}

/** Whether the words after a nominal attribution (according to ...) name an agency only. */
function relaysOnly(view: SentenceView, from: number, lex: Lexicon): boolean {
  let k = from;
  if (view.tokens[k]?.latin && view.tokens[k]!.norm === 'the') k += 1;
  const agencyWord = lex.agencyWords.matchAt(view.tokens, k);
  if (agencyWord) k = agencyWord.to;
  const m = view.mentionAt[k];
  return m?.type === 'agency' || (m?.type === 'entity' && m.entity.kind === 'MEDIA');
}

/**
 * Whether a verb closes its sentence as a post-posed attribution: after a comma, with a subject before it and at
 * most a few words after it ("..., Kremlin spokesman Dmitry Peskov said on Wednesday.", "..., قال المتحدث").
 */
function isPostposed(view: SentenceView, at: number, to: number, lastBreak: number, lex: Lexicon): boolean {
  const { tokens } = view;
  if (lastBreak === 0) return false;
  for (let k = to; k < tokens.length; k++) {
    if (view.quoteOf[k] || lex.complementizers.has(tokens[k]!.norm) || /[:«"“]/.test(tokens[k]!.punctBefore))
      return false;
  }
  // The closing clause must name who speaks: "..., قال المتحدث", "..., the spokesman said"; not "لكنه رفض الكشف".
  if (tokens[at]!.latin) {
    if (!(at > lastBreak && at - lastBreak <= 6 && tokens.length - to <= 4)) return false;
    for (let j = lastBreak; j < at; j++) {
      const subject = parseSubject(view, j, at, lex);
      if (hasSpeaker(subject) && !subject.pronoun && onlyFiller(view, subject.to, at, lex)) return true;
    }
    return false;
  }
  if (!(at - lastBreak <= 1 && tokens.length - to <= 10)) return false;
  const subject = parseSubject(view, to, tokens.length, lex);
  return hasSpeaker(subject) && !subject.pronoun;
}

/** Whether tokens [from, to) hold nothing but adverbs and punctuation (between a subject and its verb). */
function onlyFiller(view: SentenceView, from: number, to: number, lex: Lexicon): boolean {
  for (let k = from; k < to;) {
    const adverb = lex.adverbs.matchAt(view.tokens, k);
    if (!adverb) return false;
    k = adverb.to;
  }
  return true;
}

/** The subject before the verb (SVO; English): the earliest parse from the clause start that ends at the verb. */
function subjectBefore(view: SentenceView, act: Act, lex: Lexicon): SubjectPhrase | null {
  let first: SubjectPhrase | null = null;
  for (let j = act.clauseStart; j < act.at; j++) {
    if (view.quoteOf[j]) continue;
    const s = parseSubject(view, j, act.at, lex);
    if (!hasSpeaker(s)) continue;
    if (onlyFiller(view, s.to, act.at, lex)) return s;
    if (j === act.clauseStart) first ??= s;
  }
  return first;
}

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

/**
 * A spokesperson speaks for the institution of the role they hold at the date (the Kremlin's spokesman for the
 * Kremlin): the organization of a spokesperson Role, else its country.
 */
function spokespersonFor(
  person: IndexedEntity,
  index: AliasIndex,
  date: string | null,
  evidence: string[],
): CandidateRef | null {
  const role = index.rolesOf(person.key, date).find((r) => r.offices.includes('spokesperson'));
  if (!role) return null;
  const scope = role.organization
    ? index.entity('Actor', role.organization)
    : role.country
      ? index.entity('Country', role.country)
      : undefined;
  if (!scope) return null;
  evidence.push(
    `on behalf of ${scope.nameEn}: ${person.nameEn} is its spokesperson on ${date ?? 'today'} (graph Role)`,
  );
  return refOf(scope, person.nameEn);
}

function slug(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words[words.length - 1] ?? 'x';
}

/** Builds the speaker of an act from its subject phrase (or the previous statement's speaker). */
function speakerOf(
  view: SentenceView,
  s: SubjectPhrase | null,
  previous: Speaker | null,
  index: AliasIndex,
  lex: Lexicon,
  date: string | null,
  evidence: string[],
  review: string[],
  anonymous: boolean,
): Speaker | null {
  const written = s ? wordsOf(view.text, view.tokens, s.from, s.to) : '';
  if (!s || s.pronoun || !hasSpeaker(s)) {
    if (!previous) return null;
    evidence.push(
      `no subject${s?.pronoun ? ` but «${written}»` : ''}: continues the previous speaker (${previous.ref.name})`,
    );
    return { ...previous, ref: { ...previous.ref, source: 'PREVIOUS', written: written || previous.ref.written } };
  }
  let onBehalfOf: CandidateRef | null = null;
  if (s.office?.onBehalf) {
    const scope = s.scopeEntity ?? (s.scopeCountry ? (index.entity('Country', s.scopeCountry) ?? null) : null);
    if (scope) {
      onBehalfOf = refOf(scope, written);
      evidence.push(`on behalf of ${scope.nameEn}: office "${s.office.id}" of «${written}» (offices.json)`);
    }
  }
  if (s.person && !anonymous) {
    evidence.push(`speaker: ${s.personVia}${s.coSpeaker ? ` (jointly with ${s.coSpeaker.nameEn})` : ''}`);
    if (!onBehalfOf) onBehalfOf = spokespersonFor(s.person, index, date, evidence);
    return { ref: refOf(s.person, written), entity: s.person, onBehalfOf, via: null };
  }
  if (s.unnamed || anonymous) {
    evidence.push(
      `unnamed source «${written}» (unnamed-sources.json): the explicit unnamed-source speaker, no name guessed`,
    );
    const country =
      s.scopeCountry ?? (s.scopeEntity?.type === 'Country' ? s.scopeEntity.key : (s.scopeEntity?.country ?? null));
    const ref = unresolvedRef(lex.unnamedSpeaker.en, 'UNNAMED', ActorKind.PERSON, country);
    return { ref: { ...ref, written }, entity: null, onBehalfOf, via: null };
  }
  if (s.office) {
    const organization = s.scopeEntity?.type === 'Actor' ? s.scopeEntity.key : null;
    const country =
      s.scopeCountry ?? (s.scopeEntity?.type === 'Country' ? s.scopeEntity.key : (s.scopeEntity?.country ?? null));
    if (s.newName) {
      const name = wordsOf(view.text, view.tokens, s.newName.from, s.newName.to);
      evidence.push(
        `speaker «${name}» is not in the graph: proposed as a new person (${s.office.id}${country ? `, ${country}` : ''})`,
      );
      review.push(`new actor «${name}»`);
      return { ref: unresolvedRef(name, 'NEW', ActorKind.PERSON, country), entity: null, onBehalfOf, via: null };
    }
    const holders = index.officeHolders(s.office.id, { organization, country }, date);
    if (holders.length === 1) {
      const holder = holders[0]!.holder;
      evidence.push(
        `role «${written}» → ${holder.nameEn}, ${s.office.id} of ${organization ?? country} on ${date ?? 'today'} (graph Role)`,
      );
      return { ref: refOf(holder, written, 'ROLE'), entity: holder, onBehalfOf, via: null };
    }
    evidence.push(
      `role «${written}»: ${holders.length === 0 ? 'no office-holder in the graph' : `${holders.length} office-holders`} on ${date ?? 'today'}`,
    );
    review.push(`speaker «${written}» unresolved`);
    return {
      ref: unresolvedRef(written, 'UNRESOLVED', ActorKind.PERSON, country),
      entity: null,
      onBehalfOf,
      via: null,
    };
  }
  if (s.organization) {
    evidence.push(
      `speaker: ${s.organization.type === 'Country' ? 'country' : 'organization'} «${written}» → ${s.organization.nameEn}`,
    );
    if (s.organization.type !== 'Actor') review.push('a country as speaker: the graph records statements by actors');
    return { ref: refOf(s.organization, written), entity: s.organization, onBehalfOf, via: null };
  }
  if (s.newName) {
    const name = wordsOf(view.text, view.tokens, s.newName.from, s.newName.to);
    evidence.push(`speaker «${name}» is not in the graph: proposed as a new person`);
    review.push(`new actor «${name}»`);
    return { ref: unresolvedRef(name, 'NEW', ActorKind.PERSON, null), entity: null, onBehalfOf, via: null };
  }
  return null;
}

function buildStatement(
  view: SentenceView,
  act: Act,
  actFrom: number,
  actTo: number,
  span: { start: number; end: number },
  previous: Speaker | null,
  index: AliasIndex,
  lex: Lexicon,
  date: string | null,
): { statement: CandidateStatement; speaker: Speaker; mentions: MeetingMention[]; event: EventCode } | null {
  const { tokens, text, quoteOf, mentionAt } = view;
  const evidence: string[] = [];
  const review: string[] = [];
  const verbWords = wordsOf(text, tokens, act.at, act.to);
  evidence.push(
    `${act.form.type} reporting verb «${verbWords}» (${act.form.verb.lemma}, ${act.form.verb.gloss}; reporting-verbs.json)` +
      (act.participles.length > 0 ? `, continued by «${act.participles.join('», «')}»` : ''),
  );

  // The subject: after the verb (Arabic VSO, English inversion, "according to X"), else before it.
  // "وفق ما أعلنت وزارة الخارجية": after a nominal attribution, its own verb before the subject.
  let subjectFrom = act.to;
  if (act.form.type === 'nominal' && lex.verbs.matchAt(tokens, act.to))
    subjectFrom = lex.verbs.matchAt(tokens, act.to)!.to;
  const after = parseSubject(view, subjectFrom, actTo, lex);
  const before = act.form.type === 'nominal' ? null : subjectBefore(view, act, lex);
  let subject: SubjectPhrase | null;
  if (act.form.type === 'nominal') subject = after;
  else if (tokens[act.at]!.latin) subject = before && hasSpeaker(before) ? before : after;
  else subject = hasSpeaker(after) ? after : before;
  if (subject && !hasSpeaker(subject)) subject = null;
  // An explicit subject the parser could not read (وزارة الخارجية الروسية unknown) must not continue the previous
  // speaker: only an empty subject slot (وأضاف: «...», وأشار إلى أن) does.
  if (!subject && !tokens[act.at]!.latin) {
    let k = act.to;
    while (k < actTo && lex.adverbs.matchAt(tokens, k)) k = lex.adverbs.matchAt(tokens, k)!.to;
    const t = tokens[k];
    const empty =
      !t ||
      t.breakBefore ||
      quoteOf[k] !== null ||
      lex.complement.matchAt(tokens, k) !== null ||
      lex.verbs.matchAt(tokens, k) !== null;
    if (!empty) {
      let e = k;
      while (
        e < actTo &&
        e - k < 5 &&
        !lex.complement.matchAt(tokens, e) &&
        !quoteOf[e] &&
        !(e > k && tokens[e]!.breakBefore)
      )
        e++;
      const written = wordsOf(text, tokens, k, e);
      evidence.push(`subject «${written}» matches no graph name, role or source`);
      review.push(`speaker «${written}» unresolved`);
      subject = null;
      const speaker: Speaker = {
        ref: unresolvedRef(written, 'UNRESOLVED', null, null),
        entity: null,
        onBehalfOf: null,
        via: null,
      };
      return finish(speaker, { from: k, to: e });
    }
  }
  if (subject?.agency) {
    // The agency relays someone's words (نقلت وكالة تاس عن لافروف قوله، ذكرت وكالة ... أن بيسكوف قال): the first
    // person named after it speaks, the agency is via; with nobody named, there is no statement.
    const agency = subject.agency;
    const person = view.mentions.find(
      (m) => m.from >= subject!.to && m.from < actTo && m.type === 'entity' && m.entity.kind === 'PERSON',
    );
    if (!person || person.type !== 'entity') return null;
    evidence.push(`the agency «${subject.agencyName}» relays the words of ${person.entity.nameEn}`);
    const relayed: Speaker = {
      ref: refOf(person.entity, wordsOf(text, tokens, person.from, person.to)),
      entity: person.entity,
      onBehalfOf: spokespersonFor(person.entity, index, date, evidence),
      via: agency ? refOf(agency, subject.agencyName ?? agency.nameEn) : null,
    };
    return finish(relayed, { from: subject.from, to: person.to });
  }
  let anonymous = false;
  for (let k = actFrom; k < actTo; k++) {
    const cue = quoteOf[k] ? null : lex.anonymity.matchAt(tokens, k);
    if (cue) {
      anonymous = true;
      evidence.push(
        `«${wordsOf(text, tokens, cue.from, cue.to)}»: an unnamed source (attribution-cues.json anonymity)`,
      );
      break;
    }
  }
  const speaker = speakerOf(view, subject, previous, index, lex, date, evidence, review, anonymous);
  if (!speaker) return null;
  return finish(speaker, subject ? { from: subject.from, to: subject.to } : { from: act.to, to: act.to });

  function finish(sp: Speaker, subjectRange: { from: number; to: number }) {
    let speakerRef = sp.ref;
    let via = sp.ref.source === 'PREVIOUS' || sp.via ? sp.via : null;
    let onBehalfOf = sp.onBehalfOf;
    const excluded = (k: number) => k >= subjectRange.from && k < subjectRange.to;

    // Relays: "in a statement read out by X" (X is via), "quoting X" (X speaks, the subject is via).
    for (let k = actFrom; k < actTo; k++) {
      if (quoteOf[k]) continue;
      const by = lex.relayBy.matchAt(tokens, k);
      const from = by ? null : lex.relayFrom.matchAt(tokens, k);
      const cue = by ?? from;
      if (!cue) continue;
      const target = parseSubject(view, cue.to, actTo, lex);
      const person = target.person ?? target.organization;
      if (!person) continue;
      const words = wordsOf(text, tokens, target.from, target.to);
      if (by) {
        via = refOf(person, words);
        evidence.push(`relayed: «${wordsOf(text, tokens, cue.from, cue.to)}» ${person.nameEn} (via)`);
      } else {
        if (sp.entity) via = refOf(sp.entity, sp.ref.written);
        speakerRef = refOf(person, words);
        evidence.push(
          `«${wordsOf(text, tokens, cue.from, cue.to)}» ${person.nameEn}: the speaker; ${sp.ref.name} passes the words on (via)`,
        );
      }
      break;
    }
    // Agencies credited for the words: «أوردتها وكالة ريا نوفوستي», "told Reuters", "according to TASS".
    for (const m of view.mentions) {
      if (m.from < actFrom || m.from >= actTo || quoteOf[m.from] || excluded(m.from)) continue;
      const media = m.type === 'agency' || (m.type === 'entity' && m.entity.kind === 'MEDIA');
      if (!media) continue;
      let cued = false;
      for (let k = Math.max(actFrom, m.from - 4); k < m.from; k++) {
        const cue = lex.via.matchAt(tokens, k) ?? lex.agencyWords.matchAt(tokens, k);
        if (cue && cue.to <= m.from + 1) cued = true;
      }
      if (!cued) continue;
      const entity = entityOf(m);
      const words = wordsOf(text, tokens, m.from, m.to);
      via = entity
        ? refOf(entity, words)
        : unresolvedRef(m.type === 'agency' ? m.agency.en : words, 'NEW', ActorKind.MEDIA, null);
      evidence.push(`via: agency «${words}» after an attribution cue (attribution-cues.json)`);
      break;
    }
    // Explicit "on behalf of X" / "نيابة عن X" outside the subject.
    for (let k = actFrom; k < actTo && !onBehalfOf; k++) {
      if (quoteOf[k] || excluded(k)) continue;
      const cue = lex.onBehalf.matchAt(tokens, k);
      if (!cue || tokens[k]!.norm === 'for') continue;
      const target = entityOf(mentionAt[cue.to]);
      if (target) {
        onBehalfOf = refOf(target, wordsOf(text, tokens, cue.from, cue.to + 1));
        evidence.push(`on behalf of ${target.nameEn}: «${wordsOf(text, tokens, cue.from, cue.to)}»`);
      }
    }

    // Form: direct speech in quote marks introduced by the verb or a colon, or words after a colon.
    const speech = view.quotes.filter((q) => q.from >= actFrom && q.to <= actTo && q.depth === 0);
    const introduced = speech.filter((q) => isIntroduced(view, q, act));
    let form = StatementForm.PARAPHRASE;
    let quote: string | null = null;
    let content: { from: number; to: number }[] | null = null;
    if (introduced.length > 0) {
      form = StatementForm.DIRECT_QUOTE;
      const q = introduced[0]!;
      quote = text.slice(q.open + 1, q.close).trim();
      content = introduced.map((x) => ({ from: x.from, to: x.to }));
      evidence.push(`direct quote in ${q.mark}…${text[q.close] ?? ''} marks`);
    } else if (speech.length === 0) {
      const colon = lastColonAfter(view, act.to, actTo);
      if (colon !== null && colon < actTo) {
        form = StatementForm.DIRECT_QUOTE;
        quote = text.slice(tokens[colon]!.start, span.end).replace(/[.\s]+$/, '');
        content = [{ from: colon, to: actTo }];
        evidence.push('direct speech after a colon, without quote marks');
      }
    }
    if (!content) {
      let from = Math.max(subjectRange.to, act.to);
      let complementizer = false;
      for (let k = from; k < actTo; k++) {
        if (lex.complementizers.has(tokens[k]!.norm)) {
          from = k;
          complementizer = true;
          break;
        }
      }
      content = [{ from, to: actTo }];
      // Content before a post-posed attribution ("Russia will respond ..., Peskov said").
      const lead = Math.min(subjectRange.from, act.at);
      if (!complementizer && lead > actFrom) content.unshift({ from: actFrom, to: lead });
    }

    // Meetings and what the words are about.
    const meetingMentions = findMeetings(view, actFrom, actTo, subjectRange, act.at, sp.entity, index, lex);
    assignStatuses(view, actFrom, actTo, meetingMentions, lex);
    assignDurations(view, actFrom, actTo, meetingMentions, lex);
    const about: (CandidateRef | MeetingRef)[] = [];
    const skipKeys = new Set(
      [speakerRef, onBehalfOf, via]
        .filter((r): r is CandidateRef => r !== null && r.key !== null)
        .map((r) => `${r.type}:${r.key}`),
    );
    // What a statement is about excludes the speaker's own side: its country, the side it speaks for, the
    // organizations of its roles ("Russia will respond", said the Kremlin's spokesman: about the EU, not Russia).
    for (const r of [speakerRef, onBehalfOf]) {
      if (r?.country) skipKeys.add(`Country:${r.country}`);
      if (r?.type === 'Country' && r.key) skipKeys.add(`Country:${r.key}`);
    }
    if (speakerRef.key && speakerRef.type === 'Actor') {
      for (const role of index.rolesOf(speakerRef.key, date)) {
        if (role.organization) skipKeys.add(`Actor:${role.organization}`);
        if (role.country) skipKeys.add(`Country:${role.country}`);
      }
    }
    for (const m of view.mentions) {
      if (m.from < actFrom || m.from >= actTo || excluded(m.from)) continue;
      let entity: IndexedEntity | null = null;
      if (m.type === 'entity') entity = m.entity;
      else if (m.type === 'nationality') {
        const near = mentionAt[m.to] ?? null;
        const prev = view.mentions.find((x) => x.to === m.from) ?? null;
        const describesPerson = near?.type === 'entity' || near?.type === 'office' || prev?.type === 'office';
        if (!describesPerson) entity = index.entity('Country', m.country) ?? null;
      }
      if (!entity || entity.kind === 'MEDIA') continue;
      const id = `${entity.type}:${entity.key}`;
      if (skipKeys.has(id)) continue;
      skipKeys.add(id);
      about.push(refOf(entity, wordsOf(text, tokens, m.from, m.to)));
    }

    const event = codeEvent(
      tokens,
      content,
      { from: actFrom, to: actTo },
      act.form.verb,
      act.participleVerbs,
      meetingMentions.length > 0,
      lex,
    );
    evidence.push(event.rationale);
    if (speakerRef.type === 'Country') review.push('a country as speaker: the graph records statements by actors');
    const statement: CandidateStatement = {
      speaker: speakerRef,
      onBehalfOf,
      via,
      verb: act.form.verb.lemma,
      form,
      text: text.slice(span.start, span.end),
      quote,
      about,
      cameo: event.cameo,
      plover: event.plover,
      goldstein: event.goldstein,
      rationale: event.rationale,
      span,
      pageSpan: span,
      confidence: confidenceOf(act.form, speakerRef.source, form === StatementForm.DIRECT_QUOTE),
      evidence,
      review,
    };
    const speaker: Speaker = { ref: speakerRef, entity: speakerRef.key ? sp.entity : null, onBehalfOf, via };
    return { statement, speaker, mentions: meetingMentions, event };
  }
}

/** The token index just after the last colon that follows the verb (outside quotes) in [from, to), or null. */
function lastColonAfter(view: SentenceView, from: number, to: number): number | null {
  let found: number | null = null;
  for (let k = from + 1; k < to; k++) if (view.tokens[k]!.punctBefore.includes(':') && !view.quoteOf[k]) found = k;
  return found;
}

/**
 * Whether a quote is the act's speech: opened right after a colon or the verb or its participle (وأوضح: «…»), or
 * followed by a comma and the verb (“…,” he said), or long (eight words or more) and not glued to a noun.
 */
function isIntroduced(view: SentenceView, q: SpeechQuote, act: Act): boolean {
  const { text, tokens } = view;
  let p = q.open - 1;
  while (p >= 0 && /\s/.test(text[p]!)) p--;
  const before = text[p];
  if (before === ':' || before === '؛') return true;
  const previousToken = q.from - 1;
  if (previousToken === act.to - 1 || previousToken < 0) return true;
  let n = q.close + 1;
  while (n < text.length && /[\s»”"]/.test(text[n]!)) n++;
  if (/[,،]/.test(text[n] ?? '') && act.at >= q.to && act.at - q.to <= 4) return true;
  if (act.at >= q.to && act.at - q.to <= 3 && tokens[q.to]?.punctBefore.match(/[,،]/)) return true;
  return q.to - q.from >= 8 && (before === undefined || /[,،.]/.test(before));
}
