import type { ActorKind } from '../shared/graphql/enums';
import type { Lexicon } from './lexicon/lexicon';
import { PhraseIndex, type PhraseMatch } from './text/phrase-index';
import type { Token } from './text/tokens';
import { phraseKey } from './text/tokens';

/** An actor, country or topic of the graph, as the extractor knows it. */
export interface IndexedEntity {
  type: 'Actor' | 'Country' | 'Topic';
  /** The node's `id` (a country's ISO alpha-2 code). */
  key: string;
  nameEn: string;
  nameAr: string | null;
  kind: ActorKind | null;
  /** ISO alpha-2 code: the actor's country, or the country itself. */
  country: string | null;
}

/** One row of the graph's entities with their normalized alias keys. */
export interface EntityRow extends IndexedEntity {
  aliasKeys: string[];
}

/** One Role node: who holds it, for which country or organization, from when until when (ISO dates). */
export interface RoleRow {
  holderKey: string;
  titles: string[];
  country: string | null;
  organization: string | null;
  since: string | null;
  until: string | null;
}

/** A role with the offices of offices.json its titles name. */
export interface IndexedRole extends RoleRow {
  holder: IndexedEntity;
  offices: string[];
}

/** Counts that change whenever aliases, actors or roles do: the index is rebuilt when they differ. */
export interface IndexVersion {
  aliases: number;
  aliasLinks: number;
  actors: number;
  roles: number;
  roleLinks: number;
}

/**
 * The graph's names in memory: every normalized alias key (normalizeName, the key ingest resolves names with) to
 * the entities it names, and the roles by office, for the extractor's name and role resolution. Built once from
 * the repository's rows (see AliasIndexService), immutable afterwards.
 */
export class AliasIndex {
  private readonly names = new PhraseIndex<IndexedEntity>();
  private readonly byId = new Map<string, IndexedEntity>();
  private readonly rolesByOffice = new Map<string, IndexedRole[]>();
  private readonly rolesByHolder = new Map<string, IndexedRole[]>();
  readonly roleCount: number;

  constructor(
    entities: readonly EntityRow[],
    roles: readonly RoleRow[],
    private readonly lex: Lexicon,
    readonly version: IndexVersion,
  ) {
    for (const row of entities) {
      const entity: IndexedEntity = {
        type: row.type,
        key: row.key,
        nameEn: row.nameEn,
        nameAr: row.nameAr,
        kind: row.kind,
        country: row.country,
      };
      this.byId.set(`${row.type}:${row.key}`, entity);
      for (const key of row.aliasKeys) this.names.addKey(key, entity);
    }
    let count = 0;
    // Titles repeat across roles (every ambassador's): classify each distinct set of titles once.
    const officeCache = new Map<string, string[]>();
    for (const role of roles) {
      const holder = this.byId.get(`Actor:${role.holderKey}`);
      if (!holder) continue;
      const titleKey = role.titles.join('\u0000');
      let offices = officeCache.get(titleKey);
      if (!offices) {
        offices = officesOf(role.titles, lex);
        officeCache.set(titleKey, offices);
      }
      const indexed: IndexedRole = { ...role, holder, offices };
      for (const office of offices) {
        const list = this.rolesByOffice.get(office) ?? [];
        list.push(indexed);
        this.rolesByOffice.set(office, list);
      }
      this.rolesByHolder.set(holder.key, [...(this.rolesByHolder.get(holder.key) ?? []), indexed]);
      count += 1;
    }
    this.roleCount = count;
  }

  /** Number of distinct alias keys. */
  get aliasKeyCount(): number {
    return this.names.size;
  }

  get entityCount(): number {
    return this.byId.size;
  }

  entity(type: IndexedEntity['type'], key: string): IndexedEntity | undefined {
    return this.byId.get(`${type}:${key}`);
  }

  /** The entities a name (any spelling) resolves to. */
  resolveName(name: string): readonly IndexedEntity[] {
    return this.names.lookup(phraseKey(name)) ?? [];
  }

  /**
   * The longest graph name starting at token `i`. A single everyday word of alias-stopwords.json never matches
   * alone, and an English match needs a capitalised word (so "us" is not the US, "turkey" not Turkey).
   */
  matchAt(tokens: readonly Token[], i: number): PhraseMatch<IndexedEntity> | null {
    return this.names.matchAt(tokens, i, (m) => {
      const words = tokens.slice(m.from, m.to);
      if (words[0]!.latin && !words.some((w) => w.capitalized)) return false;
      if (m.to - m.from === 1) {
        const w = words[0]!;
        const allCaps = w.latin && w.text.length > 1 && w.text === w.text.toUpperCase();
        if (this.lex.aliasStopwords.has(m.key) && !allCaps) return false;
      }
      return true;
    });
  }

  /** The roles an actor holds on `date` (ISO; null: today). */
  rolesOf(actorKey: string, date: string | null): IndexedRole[] {
    const on = date ?? new Date().toISOString().slice(0, 10);
    return (this.rolesByHolder.get(actorKey) ?? []).filter(
      (r) => (!r.since || r.since <= on) && (!r.until || r.until >= on),
    );
  }

  /**
   * Holders of an office (an id of offices.json) for a country and/or an organization on `date` (ISO; null: roles
   * open today). Roles with neither country nor organization given match on office alone only when no scope is asked.
   */
  officeHolders(office: string, scope: { country?: string | null; organization?: string | null }, date: string | null) {
    const roles = this.rolesByOffice.get(office) ?? [];
    const on = date ?? new Date().toISOString().slice(0, 10);
    const fitting = roles.filter((role) => {
      if (scope.organization && role.organization !== scope.organization) {
        if (!(scope.country && role.country === scope.country && !role.organization)) return false;
      }
      if (!scope.organization && scope.country && role.country !== scope.country) return false;
      if (role.since && role.since > on) return false;
      if (role.until && role.until < on) return false;
      return true;
    });
    const holders = new Map<string, IndexedRole>();
    for (const role of fitting) holders.set(role.holder.key, role);
    return [...holders.values()];
  }
}

/** The offices a role's titles name: every office of offices.json found in a title, most specific first. */
export function officesOf(titles: readonly string[], lex: Lexicon): string[] {
  const found = new Map<string, number>();
  for (const title of titles) {
    const key = ` ${phraseKey(title)} `;
    for (const office of lex.officeList) {
      for (const phrase of officeKeys(office)) if (key.includes(phrase)) found.set(office.id, office.rank);
    }
  }
  const ranked = [...found.entries()].sort((a, b) => a[1] - b[1]);
  // A title names one office: the most specific (a "Press Secretary of the President" is a spokesperson).
  return ranked.length > 0 ? [ranked[0]![0]] : [];
}

const OFFICE_KEYS = new WeakMap<object, string[]>();

/** An office's phrases as " key " strings, computed once per office. */
function officeKeys(office: Lexicon['officeList'][number]): string[] {
  let keys = OFFICE_KEYS.get(office);
  if (!keys) {
    keys = [...office.ar, ...office.en].map((phrase) => ` ${phraseKey(phrase)} `);
    OFFICE_KEYS.set(office, keys);
  }
  return keys;
}
