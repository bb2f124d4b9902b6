import { BadUserInputError, type FieldProblem } from '../shared/errors';
import { toGlobalId, tryFromGlobalId } from '../shared/global-id';
import { namesFrom, pickName, type Names } from '../shared/graphql/names';
import { hasArabic, normalizeName } from '../shared/text/normalize';
import { searchProperties } from '../shared/text/search-text';
import { keyFromName } from './ingest-keys';
import { withArticle } from './ingest-validation';
import type { RefSlot, RefTarget } from './ingest-refs';
import type { FoundNode, IngestRepository, NewEntityRow } from './ingest.repository';

/** What a reference resolved to: an existing node, or one to create (elementId filled in once created). */
export interface ResolvedRef {
  type: RefTarget;
  key: string;
  names: Names;
  elementId: string | null;
  isNew: boolean;
}

/** The outcome of resolving every reference of an input. */
export interface Resolution {
  /** By slot path (`statements[2].about[1]`). */
  bySlot: Map<string, ResolvedRef>;
  newActors: NewEntityRow[];
  newTopics: NewEntityRow[];
}

interface Ambiguity {
  path: string;
  name: string;
  candidates: { id: string; type: RefTarget; name: string }[];
}

function describeAllowed(allowed: readonly RefTarget[]): string {
  return [...new Set(allowed)].map(withArticle).join(' or ');
}

function found(node: FoundNode): ResolvedRef {
  return { type: node.type, key: node.key, names: namesFrom(node.properties), elementId: node.elementId, isNew: false };
}

/**
 * Resolves ids (following merge redirects) and names (through normalized aliases) for every reference slot.
 * Names that resolve to nothing become new actors or topics when `createMissing`; otherwise, and for ambiguous
 * names, one BAD_USER_INPUT error lists every offending path.
 */
export async function resolveRefs(
  repository: IngestRepository,
  slots: readonly RefSlot[],
  createMissing: boolean,
): Promise<Resolution> {
  const idRefs = new Map<string, { type: RefTarget; key: string }>();
  const nameKeys = new Set<string>();
  for (const slot of slots) {
    if (slot.id != null) {
      const decoded = tryFromGlobalId(slot.id)!;
      idRefs.set(`${decoded.type}:${decoded.id}`, { type: decoded.type as RefTarget, key: decoded.id });
    } else nameKeys.add(normalizeName(slot.name!));
  }
  const byId = new Map<string, FoundNode>();
  if (idRefs.size > 0) {
    for (const row of await repository.findByIds([...idRefs.values()])) if (row.found) byId.set(row.ref, row.found);
  }
  const byName = new Map<string, FoundNode[]>();
  if (nameKeys.size > 0) {
    for (const row of await repository.findByAliases([...nameKeys])) byName.set(row.key, row.candidates);
  }

  const problems: FieldProblem[] = [];
  const unresolved: { path: string; name: string }[] = [];
  const ambiguous: Ambiguity[] = [];
  const bySlot = new Map<string, ResolvedRef>();
  const pending = new Map<string, RefSlot[]>();

  for (const slot of slots) {
    if (slot.id != null) {
      const decoded = tryFromGlobalId(slot.id)!;
      const node = byId.get(`${decoded.type}:${decoded.id}`);
      if (node) bySlot.set(slot.path, found(node));
      else {
        problems.push({ path: `${slot.path}.id`, message: `no ${decoded.type} has the id "${slot.id}"` });
        unresolved.push({ path: `${slot.path}.id`, name: slot.id });
      }
      continue;
    }
    const name = slot.name!;
    const key = normalizeName(name);
    const all = byName.get(key) ?? [];
    const fitting = all.filter((node) => slot.allowed.includes(node.type));
    if (fitting.length === 1) {
      bySlot.set(slot.path, found(fitting[0]!));
    } else if (fitting.length > 1) {
      const candidates = fitting.map((node) => ({
        id: toGlobalId(node.type, node.key),
        type: node.type,
        name: pickName(namesFrom(node.properties), 'en'),
      }));
      ambiguous.push({ path: `${slot.path}.name`, name, candidates });
      problems.push({
        path: `${slot.path}.name`,
        message: `"${name}" is ambiguous: ${candidates.map((c) => `${c.type} ${c.id} "${c.name}"`).join(', ')}; refer to one by id`,
      });
    } else if (all.length > 0) {
      problems.push({
        path: `${slot.path}.name`,
        message: `"${name}" names ${describeAllowed(all.map((node) => node.type))}, but ${describeAllowed(slot.allowed)} is needed here`,
      });
      unresolved.push({ path: `${slot.path}.name`, name });
    } else if (createMissing && slot.creates) {
      pending.set(key, [...(pending.get(key) ?? []), slot]);
    } else {
      problems.push({
        path: `${slot.path}.name`,
        message: `nothing named "${name}" (${describeAllowed(slot.allowed)})${slot.creates ? '; set createMissing to create it' : ''}`,
      });
      unresolved.push({ path: `${slot.path}.name`, name });
    }
  }

  const { newActors, newTopics } = await planNewEntities(repository, pending, bySlot, problems);
  if (problems.length > 0) {
    throw new BadUserInputError(ambiguous.length > 0 ? 'Unresolved or ambiguous names' : 'Unresolved names', problems, {
      unresolved,
      ambiguous,
    });
  }
  return { bySlot, newActors, newTopics };
}

/**
 * Decides what each new name becomes: an actor when any slot naming it takes an entity (with the first kind and
 * country given), else a topic. Adds a problem where a needed kind or country is missing or unknown.
 */
async function planNewEntities(
  repository: IngestRepository,
  pending: Map<string, RefSlot[]>,
  bySlot: Map<string, ResolvedRef>,
  problems: FieldProblem[],
): Promise<{ newActors: NewEntityRow[]; newTopics: NewEntityRow[] }> {
  const newActors: NewEntityRow[] = [];
  const newTopics: NewEntityRow[] = [];
  const codes = new Set<string>();
  for (const slots of pending.values()) {
    for (const slot of slots) if (slot.country) codes.add(slot.country.toUpperCase());
  }
  const knownCodes = new Set(codes.size > 0 ? await repository.existingCountries([...codes]) : []);

  for (const [aliasKey, slots] of pending) {
    const first = slots[0]!;
    const name = first.name!.trim();
    const lang = hasArabic(name) ? 'ar' : 'en';
    const type: RefTarget = slots.some((slot) => slot.creates === 'Actor') ? 'Actor' : 'Topic';
    const key = keyFromName(type.toLowerCase(), name);
    const row: NewEntityRow = {
      key,
      kind: null,
      names: { [`name_${lang}`]: name },
      alias: { key: aliasKey, text: name, lang },
      country: null,
      search: type === 'Topic' ? searchProperties('Topic', { [`name_${lang}`]: name }) : {},
    };
    if (type === 'Actor') {
      const withKind = slots.find((slot) => slot.kind != null);
      if (!withKind) problems.push({ path: `${first.path}.kind`, message: `is needed to create the actor "${name}"` });
      row.kind = withKind?.kind ?? null;
      const withCountry = slots.find((slot) => slot.country != null);
      row.country = withCountry?.country?.toUpperCase() ?? null;
      if (withCountry && !knownCodes.has(row.country!)) {
        problems.push({
          path: `${withCountry.path}.country`,
          message: `no country has the code "${withCountry.country}"`,
        });
      }
      newActors.push(row);
    } else newTopics.push(row);
    for (const slot of slots) {
      if (!slot.allowed.includes(type)) {
        problems.push({
          path: `${slot.path}.name`,
          message: `"${name}" would be created as ${withArticle(type)}, but ${describeAllowed(slot.allowed)} is needed here`,
        });
      }
      bySlot.set(slot.path, { type, key, names: { [lang]: name }, elementId: null, isNew: true });
    }
  }
  return { newActors, newTopics };
}
