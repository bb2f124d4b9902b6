import type { AliasIndex, IndexedEntity } from '../alias-index';
import type { Lexicon, MeetingKindCue } from '../lexicon/lexicon';
import type { MeetingKind, MeetingStatus } from '../../shared/graphql/enums';
import { isNegation } from './event-code';
import type { SentenceView } from './sentence';
import type { Token } from '../text/tokens';

/** A meeting named in one statement: which words, which kind, who takes part, and the status the words assert. */
export interface MeetingMention {
  from: number;
  to: number;
  kind: MeetingKind;
  participants: IndexedEntity[];
  cue: MeetingKindCue;
  status: MeetingStatus | null;
  statusCue: string | null;
  /** Set when the noun refers back to an earlier meeting of the article (هذا اللقاء، the summit). */
  anaphoric: boolean;
  /** Set when the words name the two parties without naming them (الجانبين، both sides). */
  pair: boolean;
  /** Minutes, when the words say how long it lasted (استمرت أكثر من ساعتين, lasted 90 minutes). */
  durationMinutes: number | null;
  /** Set for a definite proposal noun (الدعوة، the offer): it names the article's last offered meeting, if any. */
  proposal?: boolean;
}

/** The cue a proposal noun carries: it names a meeting of whatever kind the article's last meeting is. */
const PROPOSAL_CUE: MeetingKindCue = { kind: 'TALKS' as MeetingKind, defaultStatus: null, countries: false };

/** Status precedence inside one statement (meeting-cues.json description). */
const PRECEDENCE: MeetingStatus[] = ['CANCELLED', 'REJECTED', 'PLANNED', 'PROPOSED', 'HELD'] as MeetingStatus[];
/** Words between a status cue and its meeting noun, at most (meeting-cues.json). */
const CUE_DISTANCE = 12;
const WITH = new Set(['مع', 'with']);
const STOP_PUNCT = /[.;:؛«»"“”()!?؟]/;

/**
 * Finds meeting nouns (meeting-cues.json) in tokens [from, to) of a sentence and their participants: the actors
 * named in the next ten words (لقاء بين بوتين وترامب، talks between X and Y), English names just before the noun
 * (the Putin-Trump summit), and the speaker after مع / with. A mention with fewer than two participants, none of
 * them a person, refers back to the article's last meeting of its kind when the noun is definite or follows a
 * demonstrative (هذا اللقاء، the call), else it is no meeting.
 */
export function findMeetings(
  view: SentenceView,
  from: number,
  to: number,
  skip: { from: number; to: number },
  verbAt: number,
  speaker: IndexedEntity | null,
  index: AliasIndex,
  lex: Lexicon,
  lookBehind = false,
): MeetingMention[] {
  const { tokens, mentionAt } = view;
  const out: MeetingMention[] = [];
  for (const m of lex.meetingKinds.findAll(tokens, from, to)) {
    if (m.from >= skip.from && m.from < skip.to) continue;
    const cue = m.entries[0]!;
    let negated = false;
    for (let k = Math.max(from, m.from - 5); k < m.from; k++) {
      if (isNegation(tokens, k, lex, true)) negated = true;
    }
    if (negated) continue;
    const participants: IndexedEntity[] = [];
    const add = (e: IndexedEntity | null | undefined) => {
      if (!e || participants.some((p) => p.type === e.type && p.key === e.key)) return;
      if (e.type === 'Actor' && e.kind !== 'MEDIA') participants.push(e);
      else if (e.type === 'Country' && cue.countries) participants.push(e);
    };
    const addMention = (k: number) => {
      const mention = mentionAt[k];
      if (mention?.type === 'entity') add(mention.entity);
      else if (mention?.type === 'nationality' && cue.countries) {
        // An adjective of a person (الرئيس الروسي فلاديمير بوتين) is not a party of its own.
        const next = mentionAt[mention.to];
        const officeBefore = k > 0 && view.mentions.some((x) => x.to === k && x.type === 'office');
        if (!(next?.type === 'entity' && next.entity.kind === 'PERSON') && !officeBefore) {
          add(index.entity('Country', mention.country));
        }
      }
    };
    let sawWith = false;
    let pair = false;
    // Up to fourteen words after the noun: a relative clause may come first (الاتصال الذي كان مقرراً ... بين بوتين وماكرون).
    for (let k = m.to; k < Math.min(to, m.to + 14); k++) {
      const t = tokens[k]!;
      if (k === verbAt || STOP_PUNCT.test(t.punctBefore) || lex.complementizers.has(t.norm)) break;
      if (WITH.has(t.norm) && participants.length === 0) sawWith = true;
      if (lex.pairWords.matchAt(tokens, k)) pair = true;
      addMention(k);
    }
    if (tokens[m.from]!.latin || lookBehind) {
      const reach = lookBehind && !tokens[m.from]!.latin ? m.from - from : 8;
      for (let k = m.from - 1; k >= Math.max(from, m.from - reach); k--) {
        if (tokens[k + 1]!.breakBefore && /[.;:؛]/.test(tokens[k + 1]!.punctBefore)) break;
        if ((k >= skip.from && k < skip.to) || k === verbAt || lex.verbs.matchAt(tokens, k)) break;
        addMention(k);
      }
    }
    if (sawWith) add(speaker);
    // The parties before the noun (الجانبين اتفقا على عقد لقاء), unless they belong to an earlier meeting noun.
    for (let k = Math.max(from, m.from - 4); k < m.from && !pair; k++) {
      if (!lex.pairWords.matchAt(tokens, k)) continue;
      let owned = false;
      for (let j = Math.max(from, k - 3); j < k; j++) if (lex.meetingKinds.matchAt(tokens, j)) owned = true;
      pair = !owned;
    }
    // A person stands for his country: the countries of the persons taking part are no parties of their own.
    for (const p of [...participants]) {
      if (p.type === 'Country' && participants.some((x) => x.kind === 'PERSON' && x.country === p.key)) {
        participants.splice(participants.indexOf(p), 1);
      }
    }
    const previous = tokens[m.from - 1];
    const definite =
      /^(ال|وال|فال|بال|لل)/.test(tokens[m.from]!.norm) || (previous?.latin === true && previous.norm === 'the');
    const demonstrative = previous !== undefined && /^(هذا|هذه|ذلك|تلك|the|this|that)$/.test(previous.norm);
    const persons = participants.filter((p) => p.kind === 'PERSON').length;
    const complete = participants.length >= 2 && (cue.countries || persons >= 1);
    out.push({
      from: m.from,
      to: m.to,
      kind: cue.kind,
      participants: complete ? participants : [],
      cue,
      status: null,
      statusCue: null,
      anaphoric: !complete && (definite || demonstrative),
      pair: !complete && pair,
      durationMinutes: null,
    });
  }
  for (const m of lex.proposalNouns.findAll(tokens, from, to)) {
    if (m.from >= skip.from && m.from < skip.to) continue;
    let negated = false;
    for (let k = Math.max(from, m.from - 2); k < m.from; k++) if (isNegation(tokens, k, lex, true)) negated = true;
    if (negated || out.some((x) => m.from < x.to && x.from < m.to)) continue;
    out.push({
      from: m.from,
      to: m.to,
      kind: PROPOSAL_CUE.kind,
      participants: [],
      cue: PROPOSAL_CUE,
      status: null,
      statusCue: null,
      anaphoric: true,
      pair: false,
      durationMinutes: null,
      proposal: true,
    });
  }
  out.sort((a, b) => a.from - b.from);
  return out;
}

/**
 * Assigns the status cues of tokens [from, to) to the nearest meeting mention: per meeting the first of
 * CANCELLED, REJECTED, PLANNED, PROPOSED, HELD among its cues wins; without a cue, a kind's default (a reported
 * call was held). A cue right after a negation does not count.
 */
export function assignStatuses(view: SentenceView, from: number, to: number, mentions: MeetingMention[], lex: Lexicon) {
  const { tokens } = view;
  if (mentions.length === 0) return;
  const found = new Map<MeetingMention, { status: MeetingStatus; cue: string }[]>();
  for (const cue of lex.meetingStatuses.findAll(tokens, from, to)) {
    let negated = false;
    for (let k = Math.max(from, cue.from - 2); k < cue.from; k++) if (isNegation(tokens, k, lex)) negated = true;
    if (negated) continue;
    if (cue.entries[0] === 'HELD' && isVerbalNoun(tokens, cue.from, lex)) continue;
    let nearest: MeetingMention | null = null;
    let distance = Infinity;
    for (const m of mentions) {
      if (cue.from >= m.from && cue.from < m.to) continue;
      const d = cue.from < m.from ? m.from - cue.to : cue.from - m.to;
      if (d < distance && d <= CUE_DISTANCE) {
        distance = d;
        nearest = m;
      }
    }
    if (!nearest) continue;
    const list = found.get(nearest) ?? [];
    list.push({
      status: cue.entries[0]!,
      cue: tokens
        .slice(cue.from, cue.to)
        .map((t) => t.text)
        .join(' '),
    });
    found.set(nearest, list);
  }
  for (const m of mentions) {
    const cues = found.get(m) ?? [];
    const best = PRECEDENCE.map((status) => cues.find((c) => c.status === status)).find((c) => c !== undefined);
    if (best) {
      m.status = best.status;
      m.statusCue = `«${best.cue}»`;
    } else if (m.cue.defaultStatus) {
      m.status = m.cue.defaultStatus;
      m.statusCue = `default for ${m.kind} (meeting-cues.json)`;
    }
  }
}

/** Whether token k is a verbal noun (عقد holding) after a preposition or with a glued ب/ل: a meeting to come. */
function isVerbalNoun(tokens: readonly Token[], k: number, lex: Lexicon): boolean {
  const t = tokens[k]!;
  if (lex.verbalNouns.words.has(t.norm)) return k > 0 && lex.verbalNouns.prepositions.has(tokens[k - 1]!.norm);
  const glued = /^[وف]?[بل]/.test(t.norm) && t.variants.some((v) => lex.verbalNouns.words.has(v));
  return glued;
}

/**
 * How long the nearest meeting lasted: a lead word (استمرت، lasted; meeting-cues.json durations) then, within six
 * words, an optional number (digits or a number word) and a unit (ساعة، ساعتين، minutes). Sets durationMinutes.
 */
export function assignDurations(
  view: SentenceView,
  from: number,
  to: number,
  mentions: MeetingMention[],
  lex: Lexicon,
) {
  const { tokens } = view;
  for (const lead of lex.durationLeads.findAll(tokens, from, to)) {
    for (let k = lead.to; k < Math.min(to, lead.to + 6); k++) {
      const unit = lex.durationUnits.get(tokens[k]!.norm);
      if (unit === undefined) continue;
      const before = tokens[k - 1];
      const number = before ? Number(before.norm) || lex.durationNumbers.get(before.norm) : undefined;
      const minutes = Math.round(unit * (number && k - 1 >= lead.to ? number : 1));
      let nearest: MeetingMention | null = null;
      for (const m of mentions) if (m.to <= lead.from && (!nearest || m.to > nearest.to)) nearest = m;
      if (nearest && nearest.durationMinutes === null) nearest.durationMinutes = minutes;
      break;
    }
  }
}
