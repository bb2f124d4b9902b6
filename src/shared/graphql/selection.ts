import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** The fields of `sets` (fragments and inline fragments spread) named `name`. */
function fieldsNamed(sets: readonly SelectionSetNode[], name: string | null, info: SelectionInfo): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (name === null || selection.name.value === name) out.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return out;
}

/**
 * The names of the fields the client selected at `path` below the field being resolved, through fragments and
 * inline fragments: `selectedFields(info, ['edges', 'node'])` on a connection field gives the node's fields. A
 * resolver uses it to read relations along with a page instead of one round trip per relation. Fields under
 * `@skip`/`@include` count as selected: reading one relation too many costs less than a round trip.
 */
export function selectedFields(info: SelectionInfo, path: readonly string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const step of path) {
    sets = fieldsNamed(sets, step, info).flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  }
  return new Set(fieldsNamed(sets, null, info).map((node) => node.name.value));
}
