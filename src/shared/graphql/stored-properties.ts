import { Kind } from 'graphql';
import type { FieldPlan } from './field-plan';

/** The field is `name(lang:)`: it reads the `name_<lang>` properties (see names.ts). */
export const NAMES = 'name_*';

/**
 * How the fields of one GraphQL object type map to the stored properties of its node: each field lists the
 * properties its resolver or mapper reads (none for a relation, resolved through its own loader from the key), or
 * names a value type whose own fields map further (`event: {type: 'Event', fields: {...}}`), or is `NAMES`.
 * Every field of the type must be listed (a test checks it against the schema), so a new field cannot silently
 * read a property nobody projected.
 */
export interface FieldProperties {
  readonly [field: string]: readonly string[] | typeof NAMES | { type: string; fields: FieldProperties };
}

/**
 * The stored properties a type's node is read with in one operation: `null` reads them all (no plan: internal
 * reads, subscriptions), else `properties` plus the names in `names` (`'all'` when a language comes from a
 * variable).
 */
export type PropertySelection = { properties: readonly string[]; names: readonly string[] | 'all' } | null;

// Only a tag a stored name can have (nameProperties writes `name_<tag>` with - made _): others never match a name.
const STORED_LANG = /^[A-Za-z0-9_]+$/;

/** The languages the `name` selections of `type` ask for ('en' being the default and the fallback). */
function nameLangs(plan: FieldPlan, type: string): string[] | 'all' {
  const langs = new Set<string>(['en']);
  for (const node of plan.nodes(type, 'name')) {
    const value = node.arguments?.find((a) => a.name.value === 'lang')?.value;
    if (!value || value.kind === Kind.NULL) continue;
    if (value.kind !== Kind.STRING) return 'all';
    if (STORED_LANG.test(value.value)) langs.add(value.value);
  }
  return [...langs].sort();
}

function collect(plan: FieldPlan, type: string, fields: FieldProperties, out: Set<string>): boolean {
  let names = false;
  for (const field of plan.fields(type)) {
    const mapped = fields[field];
    if (mapped === undefined) continue;
    if (mapped === NAMES) names = true;
    else if (Array.isArray(mapped)) mapped.forEach((p) => out.add(p));
    else {
      const nested = mapped as { type: string; fields: FieldProperties };
      if (collect(plan, nested.type, nested.fields, out)) names = true;
    }
  }
  return names;
}

/**
 * The properties type `type` is read with in the operation of `plan`: `always` (its key, its sort key) plus what
 * its selected fields need, computed once per operation. Without a plan, everything.
 */
export function selectProperties(
  plan: FieldPlan | undefined,
  type: string,
  fields: FieldProperties,
  always: readonly string[],
): PropertySelection {
  if (!plan) return null;
  return plan.derive(`properties:${type}`, () => {
    const properties = new Set(always);
    const names = collect(plan, type, fields, properties);
    return { properties: [...properties].sort(), names: names ? nameLangs(plan, type) : [] };
  });
}

// Identifiers go into Cypher text: only ones our own code wrote (field maps and checked language tags) pass.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checked(identifier: string): string {
  if (!IDENTIFIER.test(identifier)) throw new Error(`Not a property name: ${identifier}`);
  return identifier;
}

/**
 * Cypher map of the selected properties of node `v`, or `all` (the full read) for a null selection. Names are read
 * per language, with English; when English is missing, `name_*` carries the node's first name, the fallback of
 * pickName, so `name(lang:)` answers as it does from the whole property map.
 */
export function projectProperties(v: string, selection: PropertySelection, all: string): string {
  if (selection === null || selection.names === 'all') return all;
  const entries = selection.properties.map((p) => `.${checked(p)}`);
  if (selection.names.length > 0) {
    entries.push(...selection.names.map((lang) => `.name_${checked(lang)}`));
    entries.push(
      `\`${NAMES}\`: CASE WHEN ${v}.name_en IS NULL THEN head([${v}_k IN keys(${v}) WHERE ${v}_k STARTS WITH 'name_' | ${v}[${v}_k]]) END`,
    );
  }
  return `${checked(v)} {${entries.join(', ')}}`;
}
