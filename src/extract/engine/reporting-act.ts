/**
 * Reporting acts: where a sentence reports speech (a reporting verb, its participles, a nominal attribution) and
 * the subject phrase before the verb. Split from extract-article.ts so each rule family reads on its own.
 */
import type { Lexicon, VerbForm } from '../lexicon/lexicon';
import { wordsOf } from './mentions';
import { type SentenceView } from './sentence';
import { hasSpeaker, parseSubject, type SubjectPhrase } from './subject';

/** A reporting act found in a sentence: its verb (token range) and its kind. */
export interface Act {
  at: number;
  to: number;
  form: VerbForm;
  /** Participles that continue it (مضيفاً), as written, and their verbs. */
  participles: string[];
  participleVerbs: VerbForm['verb'][];
  clauseStart: number;
}

export const CLAUSE_BREAK = /[,،;؛]/;
const CONTINUATION_ROOM = 2;

/**
 * The reporting acts of a sentence, in order. A finite verb opens an act unless it is embedded: right after an
 * embedding word (حيث، الذي، that, to), or inside reported content (after أن / that, before the next comma). An
 * ambiguous form (بين between / stated) counts only with a complement within six words. A participle (مضيفاً،
 * adding) stays with the act before it; with none before, it opens one.
 */
export function findActs(view: SentenceView, lex: Lexicon): Act[] {
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
export function mergeCoordinated(view: SentenceView, acts: Act[], lex: Lexicon): Act[] {
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
export function hasExplicitSubject(view: SentenceView, act: Act, lex: Lexicon): boolean {
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
export function relaysOnly(view: SentenceView, from: number, lex: Lexicon): boolean {
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
export function isPostposed(view: SentenceView, at: number, to: number, lastBreak: number, lex: Lexicon): boolean {
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
export function onlyFiller(view: SentenceView, from: number, to: number, lex: Lexicon): boolean {
  for (let k = from; k < to;) {
    const adverb = lex.adverbs.matchAt(view.tokens, k);
    if (!adverb) return false;
    k = adverb.to;
  }
  return true;
}

/** The subject before the verb (SVO; English): the earliest parse from the clause start that ends at the verb. */
export function subjectBefore(view: SentenceView, act: Act, lex: Lexicon): SubjectPhrase | null {
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
