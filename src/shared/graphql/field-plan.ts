import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The fields one operation selects, per GraphQL object type, over the whole operation: fragments and inline
 * fragments spread, aliases folded into the field they name, a selection on an interface or union counted for each
 * of its possible object types. Repositories read it to project only the stored properties those fields need, so
 * one projection per type serves the whole operation and a loader's cache never answers a wide selection from a
 * narrow read. `@skip`/`@include` drop a selection only when their `if` is a literal; with a variable the field
 * counts as selected (the plan is computed once per operation, not per set of variables: reading a property too
 * many costs less than computing the plan on every request).
 */
export class FieldPlan {
  private readonly memo = new Map<string, unknown>();

  constructor(private readonly byType: ReadonlyMap<string, ReadonlyMap<string, readonly FieldNode[]>>) {}

  /** The names of the fields selected on object type `type` (empty when the operation never reaches it). */
  fields(type: string): ReadonlySet<string> {
    return new Set(this.byType.get(type)?.keys() ?? []);
  }

  /** Whether the operation selects `field` on object type `type` anywhere. */
  has(type: string, field: string): boolean {
    return this.byType.get(type)?.has(field) ?? false;
  }

  /** Every selection of `field` on `type` (several with aliases or from several places), for their arguments. */
  nodes(type: string, field: string): readonly FieldNode[] {
    return this.byType.get(type)?.get(field) ?? [];
  }

  /**
   * A value derived from the plan, computed once per operation (the plan is cached with the parsed document, so
   * a repeated query reuses it): `key` names what is derived, such as `projection:Statement`.
   */
  derive<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }
}

/** False when a literal `@skip(if: true)` or `@include(if: false)` drops the selection; variables keep it. */
function kept(directives: readonly DirectiveNode[] | undefined): boolean {
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const condition = directive.arguments?.find((a) => a.name.value === 'if')?.value;
    if (condition?.kind !== Kind.BOOLEAN) continue;
    if (name === 'skip' && condition.value) return false;
    if (name === 'include' && !condition.value) return false;
  }
  return true;
}

function build(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): FieldPlan {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const byType = new Map<string, Map<string, FieldNode[]>>();
  const seen = new Map<SelectionSetNode, Set<string>>();
  const objectTypes = (type: GraphQLCompositeType): readonly GraphQLObjectType[] =>
    isAbstractType(type) ? schema.getPossibleTypes(type) : isObjectType(type) ? [type] : [];
  const typeNamed = (name: string | undefined, fallback: GraphQLCompositeType): GraphQLCompositeType | null => {
    if (!name) return fallback;
    const type = schema.getType(name);
    return type && isCompositeType(type) ? type : null;
  };

  const visit = (type: GraphQLCompositeType, set: SelectionSetNode): void => {
    // A fragment spread in many places is walked once per type it is reached as.
    const types = seen.get(set) ?? new Set<string>();
    if (types.has(type.name)) return;
    seen.set(set, types.add(type.name));
    for (const selection of set.selections) {
      if (!kept(selection.directives)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        for (const object of objectTypes(type)) {
          const fields = byType.get(object.name) ?? new Map<string, FieldNode[]>();
          byType.set(object.name, fields);
          fields.set(name, [...(fields.get(name) ?? []), selection]);
          const definition = object.getFields()[name];
          const returned = definition ? getNamedType(definition.type) : null;
          if (selection.selectionSet && returned && isCompositeType(returned)) visit(returned, selection.selectionSet);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = typeNamed(selection.typeCondition?.name.value, type);
        if (narrowed) visit(narrowed, selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        const narrowed = fragment ? typeNamed(fragment.typeCondition.name.value, type) : null;
        if (fragment && narrowed) visit(narrowed, fragment.selectionSet);
      }
    }
  };

  const root = schema.getRootType(operation.operation);
  if (root) visit(root, operation.selectionSet);
  return new FieldPlan(byType);
}

// Apollo keeps one parsed document per query text, so the operation node identifies the document and operation.
const plans = new WeakMap<OperationDefinitionNode, FieldPlan>();

/**
 * The field plan of `operation` in `document`, built once per parsed operation and then reused: a repeated query
 * costs a WeakMap lookup.
 */
export function fieldPlanOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): FieldPlan {
  let plan = plans.get(operation);
  if (!plan) plans.set(operation, (plan = build(schema, document, operation)));
  return plan;
}
