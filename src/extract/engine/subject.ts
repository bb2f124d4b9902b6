import type { IndexedEntity } from '../alias-index';
import type { Lexicon, RankedOffice } from '../lexicon/lexicon';
import type { SentenceView } from './sentence';

/** The subject of a reporting verb, as parsed from the words next to it (token range [from, to)). */
export interface SubjectPhrase {
  from: number;
  to: number;
  /** A person the graph knows, named. */
  person: IndexedEntity | null;
  personVia: string | null;
  /** An office word (المتحدث باسم، foreign minister) and what scopes it: an organization or country, a nationality. */
  office: RankedOffice | null;
  scopeEntity: IndexedEntity | null;
  scopeCountry: string | null;
  /** An unnamed-source phrase (مصدر دبلوماسي, two diplomats). */
  unnamed: boolean;
  /** An organization or country speaking (الكرملين، موسكو، the White House). */
  organization: IndexedEntity | null;
  /** An agency as the subject (ذكرت وكالة تاس): it relays, it does not speak. */
  agency: IndexedEntity | null;
  agencyName: string | null;
  /** A pronoun subject (he, she): the previous speaker. */
  pronoun: boolean;
  /** Token range of a name the graph does not know. */
  newName: { from: number; to: number } | null;
  /** A second person joined by and / و (ونظيره): a joint statement, spoken by the first. */
  coSpeaker: IndexedEntity | null;
}

function empty(from: number): SubjectPhrase {
  return {
    from,
    to: from,
    person: null,
    personVia: null,
    office: null,
    scopeEntity: null,
    scopeCountry: null,
    unnamed: false,
    organization: null,
    agency: null,
    agencyName: null,
    pronoun: false,
    newName: null,
    coSpeaker: null,
  };
}

/** Whether the parse found anything that can speak. */
export function hasSpeaker(s: SubjectPhrase): boolean {
  return (
    s.person !== null ||
    s.office !== null ||
    s.unnamed ||
    s.organization !== null ||
    s.agency !== null ||
    s.pronoun ||
    s.newName !== null
  );
}

const DETERMINERS = new Set(['the', 'a', 'an']);

/**
 * Parses a subject noun phrase from token `start`, up to `limit`: optional adverbs, then any of an office word with
 * its scope (باسم الكرملين، الروسي، Kremlin spokesman), a person's name, an unnamed-source phrase, an organization
 * or country, a pronoun, or, after an office word, a name the graph does not know (name as written). Stops at
 * words that open the reported content (أن، إلى، that ...), at quotes, and at punctuation (one comma is allowed
 * inside an English apposition: "the foreign minister, Hakan Fidan,").
 */
export function parseSubject(view: SentenceView, start: number, limit: number, lex: Lexicon): SubjectPhrase {
  const { tokens, mentionAt, quoteOf } = view;
  const s = empty(start);
  let j = start;
  while (j < limit) {
    const adverb = lex.adverbs.matchAt(tokens, j);
    if (!adverb || adverb.to > limit) break;
    j = adverb.to;
  }
  s.from = j;
  let commas = 0;
  while (j < limit) {
    const token = tokens[j]!;
    if (quoteOf[j]) break;
    if (j > s.from && token.breakBefore) {
      const comma = /^[,،]$/.test(token.punctBefore);
      // Quote marks around a name (وكالة «تاس») do not end the subject.
      const quotedName = /^[«»"“”]+$/.test(token.punctBefore) && mentionAt[j] !== null;
      if (!quotedName) {
        if (!(comma && s.office && !s.person && commas === 0)) break;
        commas += 1;
      }
    }
    const m = mentionAt[j];
    if (!m && token.latin && DETERMINERS.has(token.norm) && j === s.from && mentionAt[j + 1]) {
      j += 1;
      s.from = j;
      continue;
    }
    if (!m && lex.complement.matchAt(tokens, j)) break;
    if (m?.type === 'unnamed') {
      s.unnamed = true;
      // The source's side as the phrase gives it (مصدر دبلوماسي روسي، a source at the Elysée).
      if (m.scope?.institution) s.scopeEntity = m.scope.institution;
      if (m.scope?.country) s.scopeCountry = m.scope.country;
      j = m.to;
      const nat = mentionAt[j];
      if (nat?.type === 'nationality') {
        s.scopeCountry = nat.country;
        j = nat.to;
      }
      break;
    }
    if (m?.type === 'office') {
      if (s.person) break;
      s.office ??= m.office;
      j = m.to;
      continue;
    }
    if (m?.type === 'nationality') {
      if (!s.office && !mentionAt[m.to]) break;
      s.scopeCountry ??= m.country;
      j = m.to;
      continue;
    }
    if (m?.type === 'agency' || (m?.type === 'entity' && m.entity.kind === 'MEDIA')) {
      if (s.office || s.person) break;
      s.agency = m.type === 'agency' ? m.entity : m.entity;
      s.agencyName = view.text.slice(tokens[m.from]!.start, tokens[m.to - 1]!.end);
      j = m.to;
      break;
    }
    if (m?.type === 'entity') {
      const e = m.entity;
      if (e.type === 'Actor' && e.kind === 'PERSON') {
        s.person = e;
        s.personVia = m.via;
        j = m.to;
        j = coordinated(view, j, limit, s);
        break;
      }
      if (e.type === 'Topic') break;
      const next = mentionAt[m.to];
      if (s.office || next?.type === 'office' || next?.type === 'nationality') {
        s.scopeEntity ??= e;
        j = m.to;
        continue;
      }
      if (s.person) break;
      s.organization = e;
      j = m.to;
      break;
    }
    const behalf = lex.onBehalf.matchAt(tokens, j);
    if (behalf && s.office && token.norm !== 'for') {
      j = behalf.to;
      continue;
    }
    if (s.office && token.latin && (token.norm === 'of' || token.norm === 'for')) {
      j += 1;
      continue;
    }
    const agencyWord = lex.agencyWords.matchAt(tokens, j);
    if (agencyWord) {
      j = agencyWord.to;
      continue;
    }
    if (!s.office && !s.person && lex.pronouns.matchAt(tokens, j)?.from === j && j === s.from) {
      s.pronoun = true;
      j += lex.pronouns.matchAt(tokens, j)!.to - j;
      break;
    }
    if (s.office && !s.person) {
      // The office's long complement (للشؤون الخارجية والسياسة الأمنية) before the holder's name.
      for (let k = j; k < Math.min(limit, j + 6); k++) {
        if (quoteOf[k] || (k > j && tokens[k]!.breakBefore) || lex.complement.matchAt(tokens, k)) break;
        const m2 = mentionAt[k];
        if (m2?.type === 'entity' && m2.entity.kind === 'PERSON') {
          s.person = m2.entity;
          s.personVia = m2.via;
          j = m2.to;
          break;
        }
      }
      if (s.person) break;
      let k = j;
      while (
        k < limit &&
        k - j < 4 &&
        !mentionAt[k] &&
        !quoteOf[k] &&
        !(k > j && tokens[k]!.breakBefore) &&
        !lex.complement.matchAt(tokens, k) &&
        !lex.embedding.has(tokens[k]!.norm) &&
        !lex.verbs.matchAt(tokens, k) &&
        (!tokens[k]!.latin || tokens[k]!.capitalized)
      ) {
        k++;
      }
      if (k > j) {
        s.newName = { from: j, to: k };
        j = k;
      }
    } else if (!s.office && !token.latin && j === s.from) {
      // "قال ستيفان دوجاريك، المتحدث باسم الأمين العام،": a name the graph does not know, then its office.
      let k = j;
      while (k < limit && k - j < 4 && !mentionAt[k] && !tokens[k]!.breakBefore && !lex.complement.matchAt(tokens, k))
        k++;
      const office = mentionAt[k];
      if (k > j && k - j <= 3 && office?.type === 'office' && /^[,،]$/.test(tokens[k]!.punctBefore)) {
        s.newName = { from: j, to: k };
        s.office = office.office;
        j = office.to;
        const scope = mentionAt[j];
        if (scope?.type === 'entity' && scope.entity.kind !== 'PERSON') {
          s.scopeEntity = scope.entity;
          j = scope.to;
        }
      }
    } else if (!s.office && token.latin && token.capitalized && j === s.from) {
      // An English name the graph does not know: two or more capitalised words ("Hakan Fidan said").
      let k = j;
      while (k < limit && k - j < 4 && tokens[k]!.capitalized && !mentionAt[k] && !(k > j && tokens[k]!.breakBefore)) {
        k++;
      }
      if (k - j >= 2) {
        s.newName = { from: j, to: k };
        j = k;
      }
    }
    break;
  }
  s.to = j;
  return s;
}

const AND = new Set(['and', 'و']);
const COUNTERPART = /^(و?نظير(ه|ها|يه)?|counterpart)$/;

/**
 * After a person: "and Turkish Foreign Minister Hakan Fidan", "ونظيره التركي هاكان فيدان". A joint statement: the
 * first person speaks, the second is kept in `coSpeaker`. Returns where the subject ends.
 */
function coordinated(view: SentenceView, j: number, limit: number, s: SubjectPhrase): number {
  const { tokens, mentionAt } = view;
  let k = j;
  const t = tokens[k];
  if (!t) return j;
  const joined = AND.has(t.norm) || (!t.latin && t.norm.startsWith('و') && t.norm.length > 2);
  if (!joined) return j;
  if (AND.has(t.norm)) k += 1;
  for (let n = 0; k < limit && n < 8; n++) {
    if (k > j && tokens[k]!.breakBefore && !/^[,،]$/.test(tokens[k]!.punctBefore)) return j;
    const m = mentionAt[k];
    if (m?.type === 'entity' && m.entity.type === 'Actor' && m.entity.kind === 'PERSON') {
      s.coSpeaker = m.entity;
      return m.to;
    }
    if (m && (m.type === 'office' || m.type === 'nationality' || m.type === 'entity')) {
      k = m.to;
      continue;
    }
    if (COUNTERPART.test(tokens[k]!.norm) || (tokens[k]!.latin && /^(the|his|her|its)$/.test(tokens[k]!.norm))) {
      k += 1;
      continue;
    }
    return j;
  }
  return j;
}
