import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { QueryLimits } from '../shared/config';
import { ErrorCode } from '../shared/errors';
import { MAX_QUERY_NODES } from './query-cost';

function tooComplex(message: string, limit: string, max: number, actual: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, max, actual } });
}

/** What a definition holds besides the fragments it spreads. */
interface DefinitionShape {
  /** The deepest field nesting written in the definition itself. */
  depth: number;
  /** Its selections (fields, fragment spreads, inline fragments) as written. */
  selections: number;
  /** Each fragment spread, with the number of fields above it in the definition. */
  spreads: { name: string; above: number }[];
}

/** An operation or fragment with its spreads expanded. */
export interface ExpandedShape {
  /** The deepest field nesting; introspection fields do not count. */
  depth: number;
  /** The selections execution would walk: each spread counted with its fragment's; capped at 2^53. */
  selections: number;
}

/**
 * The shape (field depth and expanded size) of a document's operations, and the work done to find it. Every
 * selection of every definition is read once and every fragment is expanded once (a memo per fragment), so the
 * work is linear in the size of the document however often fragments spread each other: 24 fragments each spreading
 * the next twice are 2^24 paths but 24 memo entries. Loops, not recursion, so no document can exhaust the stack.
 * Introspection fields (`__schema`, `__type`, `__typename`) are not descended and add no depth. A spread of an
 * unknown fragment or one closing a cycle adds nothing: graphql-js's own rules report those.
 */
export class DocumentShape {
  /** Selections read so far: the measure of work, which tests compare across document sizes. */
  visited = 0;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly shapes = new Map<string, DefinitionShape>();
  private readonly expanded = new Map<string, ExpandedShape>();

  constructor(document: DocumentNode) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  /** The operation with its fragments expanded. */
  operation(operation: OperationDefinitionNode): ExpandedShape {
    return this.expand(this.shapeOf(operation.selectionSet));
  }

  private expand(shape: DefinitionShape): ExpandedShape {
    let depth = shape.depth;
    let selections = shape.selections;
    for (const spread of shape.spreads) {
      const fragment = this.expanded.get(spread.name) ?? this.fragment(spread.name);
      depth = Math.max(depth, spread.above + fragment.depth);
      selections = Math.min(Number.MAX_SAFE_INTEGER, selections + fragment.selections);
    }
    return { depth, selections };
  }

  private shapeOf(root: SelectionSetNode): DefinitionShape {
    const shape: DefinitionShape = { depth: 0, selections: 0, spreads: [] };
    const pending: { set: SelectionSetNode; above: number }[] = [{ set: root, above: 0 }];
    for (let next = pending.pop(); next; next = pending.pop()) {
      for (const selection of next.set.selections) {
        this.visited += 1;
        shape.selections += 1;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          shape.depth = Math.max(shape.depth, next.above + 1);
          if (selection.selectionSet) pending.push({ set: selection.selectionSet, above: next.above + 1 });
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          pending.push({ set: selection.selectionSet, above: next.above });
        } else {
          shape.spreads.push({ name: selection.name.value, above: next.above });
        }
      }
    }
    return shape;
  }

  private fragmentShape(name: string): DefinitionShape | null {
    let shape = this.shapes.get(name);
    if (!shape) {
      const fragment = this.fragments.get(name);
      if (!fragment) return null;
      shape = this.shapeOf(fragment.selectionSet);
      this.shapes.set(name, shape);
    }
    return shape;
  }

  /**
   * Expands a fragment and, first, every fragment it reaches that is not expanded yet: a depth-first walk of the
   * spread graph with an explicit stack, each fragment finished after the fragments it spreads.
   */
  private fragment(start: string): ExpandedShape {
    const onPath = new Set<string>([start]);
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const shape = this.fragmentShape(top.name);
      const spread = shape?.spreads[top.next];
      if (shape && spread) {
        top.next += 1;
        if (!this.expanded.has(spread.name) && !onPath.has(spread.name)) {
          onPath.add(spread.name);
          stack.push({ name: spread.name, next: 0 });
        }
        continue;
      }
      // A spread still on the path closes a cycle: it reads as empty here.
      const closed = (name: string) => this.expanded.get(name) ?? { depth: 0, selections: 0 };
      let depth = shape?.depth ?? 0;
      let selections = shape?.selections ?? 0;
      for (const s of shape?.spreads ?? []) {
        depth = Math.max(depth, s.above + closed(s.name).depth);
        selections = Math.min(Number.MAX_SAFE_INTEGER, selections + closed(s.name).selections);
      }
      this.expanded.set(top.name, { depth, selections });
      onPath.delete(top.name);
      stack.pop();
    }
    return this.expanded.get(start)!;
  }
}

/**
 * Rejects operations nested deeper than `maxDepth` fields (introspection fields do not count) and operations that
 * expand to more than `maxSelections` selections (fragments spread into each other many times over); the work is
 * linear in the document (see DocumentShape).
 */
export function operationShapeRule(maxDepth: number, maxSelections: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let shapes: DocumentShape | null = null;
    return {
      OperationDefinition(operation) {
        shapes ??= new DocumentShape(context.getDocument());
        const { depth, selections } = shapes.operation(operation);
        if (depth > maxDepth) {
          context.reportError(
            tooComplex(`Query depth ${depth} exceeds the maximum of ${maxDepth}`, 'depth', maxDepth, depth),
          );
        } else if (selections > maxSelections) {
          context.reportError(
            tooComplex(
              `The query has more than ${maxSelections} fields once its fragments are expanded`,
              'nodes',
              maxSelections,
              selections,
            ),
          );
        }
      },
    };
  };
}

/** Rejects documents with more than `max` aliased fields. */
export function maxAliasesRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > max) {
            context.reportError(
              tooComplex(`The query uses ${aliases} aliases; the maximum is ${max}`, 'aliases', max, aliases),
            );
          }
        },
      },
    };
  };
}

/**
 * Rejects a literal `first` outside 1..`max` on any field (a `first` from a variable is checked by the cost plugin,
 * which sees the variables). BAD_USER_INPUT with HTTP 400, before anything runs: `first: -1` and `first: 101` are
 * the same kind of mistake and are answered alike (the resolvers' own check stays as a guard).
 */
export function maxPageSizeRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Argument(argument) {
      if (argument.name.value !== 'first' || argument.value.kind !== Kind.INT) return;
      const value = Number(argument.value.value);
      if (value >= 1 && value <= max) return;
      context.reportError(
        new GraphQLError(`Invalid page size: first: must be from 1 to ${max} (got ${value})`, {
          nodes: [argument],
          extensions: {
            code: ErrorCode.BAD_USER_INPUT,
            problems: [{ path: 'first', message: `must be from 1 to ${max} (got ${value})` }],
          },
        }),
      );
    },
  });
}

/** The validation rules that bound a query's shape before anything runs. */
export function validationRules(limits: QueryLimits): ValidationRule[] {
  return [
    operationShapeRule(limits.maxDepth, MAX_QUERY_NODES),
    maxAliasesRule(limits.maxAliases),
    maxPageSizeRule(limits.maxPageSize),
  ];
}
