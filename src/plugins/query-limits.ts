import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { QueryLimits } from '../shared/config';
import { ErrorCode } from '../shared/errors';

function tooComplex(message: string, limit: string, max: number, actual: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, max, actual } });
}

function selectionDepth(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(
        deepest,
        selection.selectionSet ? 1 + selectionDepth(selection.selectionSet, fragments, seen) : 1,
      );
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // cycles are reported by graphql's own rule
      deepest = Math.max(deepest, selectionDepth(fragment.selectionSet, fragments, new Set(seen).add(name)));
    }
  }
  return deepest;
}

/** Rejects operations nested deeper than `max` fields (introspection fields do not count). */
export function maxDepthRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const depth = selectionDepth(operation.selectionSet, fragments, new Set());
      if (depth > max) {
        context.reportError(tooComplex(`Query depth ${depth} exceeds the maximum of ${max}`, 'depth', max, depth));
      }
    },
  });
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
  return [maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxPageSizeRule(limits.maxPageSize)];
}
