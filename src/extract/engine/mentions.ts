import type { AliasIndex, IndexedEntity } from '../alias-index';
import type { Lexicon, RankedOffice } from '../lexicon/lexicon';
import type { Agency } from '../lexicon/lexicon.schema';
import type { Token } from '../text/tokens';

/** Something a run of words names: tokens [from, to) of a sentence. */
export type Mention =
  | { type: 'entity'; from: number; to: number; entity: IndexedEntity; alternatives: IndexedEntity[]; via: string }
  | { type: 'office'; from: number; to: number; office: RankedOffice }
  | { type: 'nationality'; from: number; to: number; country: string }
  | { type: 'unnamed'; from: number; to: number; scope: UnnamedScope | null }
  | { type: 'agency'; from: number; to: number; agency: Agency; entity: IndexedEntity | null };

/** What an unnamed-source phrase says of the source's side: a nationality, or the institution it belongs to. */
export interface UnnamedScope {
  country: string | null;
  institution: IndexedEntity | null;
}

const KIND_ORDER: Record<string, number> = { PERSON: 0, ORGANIZATION: 1, MEDIA: 2 };

/** Picks among the entities one name resolves to: a person, then an organization, a country, a topic. */
function rank(entities: readonly IndexedEntity[]): IndexedEntity[] {
  const score = (e: IndexedEntity) =>
    e.type === 'Actor' ? (KIND_ORDER[e.kind ?? 'ORGANIZATION'] ?? 1) : e.type === 'Country' ? 3 : 4;
  return [...entities].sort((a, b) => score(a) - score(b));
}

/**
 * Every mention of a sentence's words, left to right, longest first: graph names and aliases, metonyms (the
 * Kremlin, Moscow), nationality adjectives, office words, unnamed-source phrases and news agencies. Where several
 * kinds match at one word, the longest wins; at equal length: unnamed source, metonym, graph name, agency, office,
 * nationality.
 * @returns the mentions, and for each token the mention starting there (or null).
 */
export function findMentions(
  tokens: readonly Token[],
  index: AliasIndex,
  lex: Lexicon,
  localNames: ReadonlyMap<string, IndexedEntity> = new Map(),
): { list: Mention[]; at: (Mention | null)[] } {
  const list: Mention[] = [];
  const at: (Mention | null)[] = tokens.map(() => null);
  for (let i = 0; i < tokens.length;) {
    const candidates: Mention[] = [];
    const unnamed = lex.unnamed.matchAt(tokens, i);
    const built = unnamedPhrase(tokens, i, lex, index);
    if (unnamed || built) {
      const to = Math.max(unnamed?.to ?? 0, built?.to ?? 0);
      candidates.push({ type: 'unnamed', from: i, to, scope: built && built.to === to ? built.scope : null });
    }
    const meto = lex.metonymy.matchAt(tokens, i);
    if (meto) {
      const entry = meto.entries[0]!;
      const actor = entry.actor ? index.resolveName(entry.actor).find((e) => e.type === 'Actor') : undefined;
      const country = entry.country ? index.entity('Country', entry.country) : undefined;
      const entity = actor ?? country;
      if (entity) {
        candidates.push({
          type: 'entity',
          from: i,
          to: meto.to,
          entity,
          alternatives: [],
          via: `metonymy «${tokens
            .slice(i, meto.to)
            .map((t) => t.text)
            .join(' ')}» → ${entity.nameEn}`,
        });
      }
    }
    const name = index.matchAt(tokens, i);
    if (name) {
      const [entity, ...alternatives] = rank(name.entries);
      candidates.push({
        type: 'entity',
        from: i,
        to: name.to,
        entity: entity!,
        alternatives,
        via: `alias «${tokens
          .slice(i, name.to)
          .map((t) => t.text)
          .join(' ')}» → ${entity!.nameEn}`,
      });
    }
    const agency = lex.agencies.matchAt(tokens, i);
    if (agency) {
      const a = agency.entries[0]!;
      const entity = index.resolveName(a.en).find((e) => e.type === 'Actor') ?? null;
      candidates.push({ type: 'agency', from: i, to: agency.to, agency: a, entity });
    }
    const office = lex.offices.matchAt(tokens, i);
    if (office) candidates.push({ type: 'office', from: i, to: office.to, office: office.entries[0]! });
    const nationality = lex.nationalities.matchAt(tokens, i);
    if (nationality) {
      candidates.push({ type: 'nationality', from: i, to: nationality.to, country: nationality.entries[0]! });
    }
    if (candidates.length === 0) {
      // A person named earlier in the article by full name, now by one of its words (قوه for قوه جيا كون).
      const t = tokens[i]!;
      const local = [t.norm, ...t.variants].map((k) => localNames.get(k)).find((e) => e !== undefined);
      if (local && (!t.latin || t.capitalized)) {
        const m: Mention = {
          type: 'entity',
          from: i,
          to: i + 1,
          entity: local,
          alternatives: [],
          via: `«${t.text}» names ${local.nameEn}, named in full earlier in the article`,
        };
        list.push(m);
        at[i] = m;
      }
      i += 1;
      continue;
    }
    // Stable sort: equal lengths keep the priority order of the pushes above.
    const best = candidates.sort((a, b) => b.to - b.from - (a.to - a.from))[0]!;
    list.push(best);
    at[i] = best;
    i = best.to;
  }
  return { list, at };
}

/** The entity a mention stands for (a graph name, a metonym, an agency the graph knows), or null. */
export function entityOf(m: Mention | null | undefined): IndexedEntity | null {
  if (!m) return null;
  if (m.type === 'entity') return m.entity;
  if (m.type === 'agency') return m.entity;
  return null;
}

/** The words of tokens [from, to) as written in `text`. */
export function wordsOf(text: string, tokens: readonly Token[], from: number, to: number): string {
  if (to <= from) return '';
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/**
 * An unnamed-source phrase built from its parts (unnamed-sources.json): English modifiers, nationality adjectives
 * or an organization's or country's graph name before a source noun ("a senior European diplomat", "a senior EU
 * official"), an Arabic source noun followed by modifiers or nationality adjectives (مصدر دبلوماسي أوروبي); then,
 * in both languages, an affiliation word and the graph name of the institution or country the source belongs to
 * (مصدر في قصر الإليزيه, an official at the Pentagon). Returns the end token, or null.
 */
function unnamedPhrase(
  tokens: readonly Token[],
  i: number,
  lex: Lexicon,
  index: AliasIndex,
): { to: number; scope: UnnamedScope } | null {
  const first = tokens[i]!;
  const scope: UnnamedScope = { country: null, institution: null };
  const institution = (k: number): number | null => {
    const meto = lex.metonymy.matchAt(tokens, k);
    if (meto) {
      const entry = meto.entries[0]!;
      const actor = entry.actor ? index.resolveName(entry.actor).find((e) => e.type === 'Actor') : undefined;
      scope.institution ??= actor ?? (entry.country ? (index.entity('Country', entry.country) ?? null) : null);
      scope.country ??= entry.country ?? actor?.country ?? null;
      return meto.to;
    }
    const name = index.matchAt(tokens, k);
    const entity = name ? rank(name.entries)[0] : undefined;
    if (!name || !entity) return null;
    if (entity.type !== 'Country' && !(entity.type === 'Actor' && entity.kind === 'ORGANIZATION')) return null;
    scope.institution ??= entity;
    scope.country ??= entity.type === 'Country' ? entity.key : entity.country;
    return name.to;
  };
  const affiliated = (end: number): number => {
    const word = end < tokens.length && !tokens[end]!.breakBefore ? lex.unnamedAffiliations.matchAt(tokens, end) : null;
    return (word ? institution(word.to) : null) ?? end;
  };
  if (first.latin) {
    let k = i;
    let modifiers = 0;
    while (k < tokens.length && k - i < 5 && (k === i || !tokens[k]!.breakBefore)) {
      const t = tokens[k]!;
      if (lex.unnamedNouns.has(t.norm) && modifiers > 0) return { to: affiliated(k + 1), scope };
      const nationality = lex.nationalities.matchAt(tokens, k);
      if (lex.unnamedModifiers.has(t.norm)) k += 1;
      else if (nationality) {
        scope.country ??= nationality.entries[0]!;
        k = nationality.to;
      } else {
        const end = k > i && t.capitalized ? institution(k) : null;
        if (end === null) return null;
        k = end;
      }
      modifiers += 1;
    }
    return null;
  }
  if (![first.norm, ...first.variants].some((v) => lex.unnamedNouns.has(v))) return null;
  let k = i + 1;
  while (k < tokens.length && !tokens[k]!.breakBefore) {
    const nationality = lex.nationalities.matchAt(tokens, k);
    if (lex.unnamedModifiers.has(tokens[k]!.norm)) k += 1;
    else if (nationality) {
      scope.country ??= nationality.entries[0]!;
      k = nationality.to;
    } else break;
  }
  const end = affiliated(k);
  return end > i + 1 ? { to: end, scope } : null;
}
