import { countryReferenceRows } from '../country/country-reference';
import type { ActorDefinition } from '../seed/seed-file.schema';
import { tryFromGlobalId } from '../shared/global-id';
import { normalizeName } from '../shared/text/normalize';
import type { GoldRef, GoldUnnamed } from './gold.schema';

/** An entity as the extractor reports it: `{ id?, name }`, with `unnamed: true` for an unnamed source. */
export interface PredictedEntity {
  id?: string | null;
  name?: string | null;
  unnamed?: boolean | null;
}

// An extractor may also mark an unnamed source by name or by a placeholder actor; both count as unnamed.
const UNNAMED_NAME = /^(unnamed|unidentified|anonymous|unknown)\b/i;
const UNNAMED_KEY = /^(unnamed|anonymous|unknown)/i;

/**
 * Decides whether an extracted entity is one that the gold accepts. Names compare through normalizeName (the
 * matching key ingest uses); an actor key accepts that actor's id (`Actor:<key>` as a global id) and every name
 * and alias the bundles give it; a country code accepts its id and every name and alias of the ISO reference data
 * the graph is loaded with (so "Moscow", "روسيا" and "Russian Federation" all count as RU).
 */
export class EntityMatcher {
  private readonly actorNames = new Map<string, Set<string>>();
  private readonly actorDisplay = new Map<string, string>();
  private readonly countryNames = new Map<string, Set<string>>();
  private readonly countryDisplay = new Map<string, string>();

  /** @param actors the actor definitions of the bundles the evaluation database is loaded with. */
  constructor(actors: readonly ActorDefinition[]) {
    for (const actor of actors) {
      const names = this.actorNames.get(actor.key) ?? new Set<string>();
      for (const text of [...Object.values(actor.names), ...actor.aliases.map((a) => a.text)])
        names.add(normalizeName(text));
      this.actorNames.set(actor.key, names);
      this.actorDisplay.set(actor.key, actor.names.en ?? Object.values(actor.names)[0]!);
    }
    for (const row of countryReferenceRows()) {
      const names = new Set(row.aliases.map((alias) => alias.key));
      for (const text of Object.values(row.names)) names.add(normalizeName(text));
      this.countryNames.set(row.code, names);
      this.countryDisplay.set(row.code, row.names.name_en ?? row.code);
    }
  }

  /** True when the gold names an actor key that no bundle defines (a typo in a gold file). */
  isKnownKey(key: string): boolean {
    return this.actorNames.has(key);
  }

  /** The English name the graph gives an actor key or a country code. */
  displayName(kind: 'actor' | 'country', key: string): string | undefined {
    return kind === 'actor' ? this.actorDisplay.get(key) : this.countryDisplay.get(key);
  }

  /** Every normalized name the gold reference accepts. */
  acceptedNames(ref: GoldRef): Set<string> {
    const accepted = new Set<string>((ref.names ?? []).map(normalizeName));
    for (const key of ref.keys ?? []) for (const name of this.actorNames.get(key) ?? []) accepted.add(name);
    for (const code of ref.countries ?? []) for (const name of this.countryNames.get(code) ?? []) accepted.add(name);
    accepted.delete('');
    return accepted;
  }

  /** Whether `entity` is the one `ref` means: by id (actor key or country code), else by any accepted name. */
  matches(ref: GoldRef, entity: PredictedEntity | null | undefined): boolean {
    if (!entity) return false;
    const decoded = entity.id ? tryFromGlobalId(entity.id) : null;
    if (decoded?.type === 'Actor' && ref.keys?.includes(decoded.id)) return true;
    if (decoded?.type === 'Country' && ref.countries?.includes(decoded.id)) return true;
    return entity.name ? this.acceptedNames(ref).has(normalizeName(entity.name)) : false;
  }

  /**
   * Whether `entity` is an explicit unnamed-source speaker: `unnamed: true`, a placeholder actor (`unnamed…`), a
   * name such as "unnamed source", or the source's description as written (e.g. "مصدر دبلوماسي") with no actor id.
   * A named actor is never right for an unnamed source.
   */
  matchesUnnamed(gold: GoldUnnamed, entity: PredictedEntity | null | undefined): boolean {
    if (!entity) return false;
    if (entity.unnamed === true) return true;
    const decoded = entity.id ? tryFromGlobalId(entity.id) : null;
    if (decoded?.type === 'Actor') return UNNAMED_KEY.test(decoded.id);
    if (decoded) return false;
    const name = entity.name ?? '';
    if (UNNAMED_NAME.test(name.trim())) return true;
    return gold.names.map(normalizeName).includes(normalizeName(name));
  }
}
