/**
 * One candidate statement from one reporting act: its quote or paraphrase, span, speaker, targets, meetings
 * mentioned, CAMEO code and Goldstein score, with the evidence and review reasons that explain it.
 */
import { ActorKind, StatementForm } from '../../shared/graphql/enums';
import type { AliasIndex, IndexedEntity } from '../alias-index';
import type { CandidateRef, CandidateStatement, MeetingRef } from '../extract.model';
import type { Lexicon } from '../lexicon/lexicon';
import { codeEvent, type EventCode } from './event-code';
import { assignDurations, assignStatuses, findMeetings, type MeetingMention } from './meetings';
import { entityOf, wordsOf } from './mentions';
import { type SentenceView, type SpeechQuote } from './sentence';
import { hasSpeaker, parseSubject, type SubjectPhrase } from './subject';
import { type Act, subjectBefore } from './reporting-act';
import { type Speaker, refOf, unresolvedRef, confidenceOf, speakerOf, spokespersonFor } from './speaker';

/**
 * Builds the candidate statement of `act` in `view` (tokens [actFrom, actTo) belong to it; `span` is its page span in
 * UTF-16 offsets), or null when the act reports nothing attributable (no content, a relay only).
 */
export function buildStatement(
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
export function lastColonAfter(view: SentenceView, from: number, to: number): number | null {
  let found: number | null = null;
  for (let k = from + 1; k < to; k++) if (view.tokens[k]!.punctBefore.includes(':') && !view.quoteOf[k]) found = k;
  return found;
}

/**
 * Whether a quote is the act's speech: opened right after a colon or the verb or its participle (وأوضح: «…»), or
 * followed by a comma and the verb (“…,” he said), or long (eight words or more) and not glued to a noun.
 */
export function isIntroduced(view: SentenceView, q: SpeechQuote, act: Act): boolean {
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
