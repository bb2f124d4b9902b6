import 'reflect-metadata';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  getIntrospectionQuery,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { MAX_NESTING, scanDocument } from '../src/plugins/document-limits.plugin';
import { maxAliasesRule, maxPageSizeRule, operationShapeRule } from '../src/plugins/query-limits';
import { MAX_QUERY_NODES } from '../src/plugins/query-cost';
import { buildGraphQLSchema } from '../src/schema';

/**
 * `npm run bench:limits`: what the query limits cost, before issue 12 (the recursive depth rule), with
 * @escape.tech/graphql-armor's rules (max depth, aliases, directives, tokens) and with ours (a lexer scan before
 * parsing, and one linear rule for depth and expanded size). Prints figures; asserts nothing. No database needed.
 */

// The bench's own pinned copy (compiled into dist/bench, a plain import would look in the product's node_modules).
const benchRequire = createRequire(path.resolve(__dirname, '..', '..', 'bench', 'package.json'));
const { ApolloArmor } = benchRequire('@escape.tech/graphql-armor') as typeof import('@escape.tech/graphql-armor');

const LIMITS = { maxDepth: 8, maxAliases: 15, maxTokens: 2000, maxPageSize: 100 };

/** The depth rule before issue 12, kept here only to measure it: it walks every path, fragments re-expanded. */
function selectionDepthBefore(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const below = selection.selectionSet ? 1 + selectionDepthBefore(selection.selectionSet, fragments, seen) : 1;
      deepest = Math.max(deepest, below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepthBefore(selection.selectionSet, fragments, seen));
    } else {
      const fragment = fragments[selection.name.value];
      if (!fragment || seen.has(selection.name.value)) continue;
      const inner = selectionDepthBefore(fragment.selectionSet, fragments, new Set(seen).add(selection.name.value));
      deepest = Math.max(deepest, inner);
    }
  }
  return deepest;
}

function depthRuleBefore(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const depth = selectionDepthBefore(operation.selectionSet, fragments, new Set());
      if (depth > max) context.reportError(new GraphQLError(`Query depth ${depth} exceeds the maximum of ${max}`));
    },
  });
}

function doubling(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) => `fragment f${i} on Query { ...f${i + 1} ...f${i + 1} }`);
  return ['{ ...f0 }', ...fragments, `fragment f${levels} on Query { countries(first: 1) { totalCount } }`].join('\n');
}

const PAGE = `query($first: Int) { statements(first: $first) { totalCount
  edges { node { id speaker { name } about { name } reports { article { outlet { name } } via { name } } } } } }`;

/** Median microseconds per call over `runs` timed batches, after a warm-up; a single batch when it is slow. */
function time(run: () => unknown, runs = 9): number {
  const first = process.hrtime.bigint();
  run();
  const once = Number(process.hrtime.bigint() - first) / 1000;
  if (once > 200_000) return once;
  const perBatch = Math.max(1, Math.ceil(20_000 / Math.max(once, 1)));
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < perBatch; i++) run();
    samples.push(Number(process.hrtime.bigint() - started) / 1000 / perBatch);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

function fmt(micros: number): string {
  return micros >= 1000 ? `${(micros / 1000).toFixed(1)} ms` : `${micros.toFixed(1)} µs`;
}

function codes(schema: GraphQLSchema, query: string, rules: ValidationRule[]): string {
  const errors = validate(schema, parse(query), rules);
  return errors.length === 0 ? 'valid' : errors.map((e) => e.message.slice(0, 70)).join(' | ');
}

async function main(): Promise<void> {
  const schema = await buildGraphQLSchema();
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: 50 },
    maxTokens: { n: LIMITS.maxTokens },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const ours: ValidationRule[] = [
    operationShapeRule(LIMITS.maxDepth, MAX_QUERY_NODES),
    maxAliasesRule(LIMITS.maxAliases),
    maxPageSizeRule(LIMITS.maxPageSize),
  ];
  const contenders: [string, ValidationRule[]][] = [
    ['before issue 12', [depthRuleBefore(LIMITS.maxDepth), maxAliasesRule(LIMITS.maxAliases)]],
    ['graphql-armor 3.2.0', armor.validationRules as ValidationRule[]],
    ['ours', ours],
  ];

  console.log('## Limit rules alone: validate() with only the limit rules, median per document\n');
  console.log('| document | before issue 12 | graphql-armor | ours |');
  console.log('| --- | --- | --- | --- |');
  const documents: [string, string][] = [
    ['statements page (honest)', PAGE],
    ['introspection (honest)', getIntrospectionQuery()],
    ...[12, 16, 20, 24, 48].map((n): [string, string] => [
      `doubling, ${n} fragments (${doubling(n).length} B)`,
      doubling(n),
    ]),
  ];
  for (const [name, query] of documents) {
    const document = parse(query);
    const cells = contenders.map(([label, rules]) => {
      const levels = /doubling, (\d+)/.exec(name);
      // The rule before issue 12 takes 4x per two levels: 30 s at 24 in the issue; not run past 20.
      if (label === 'before issue 12' && levels && Number(levels[1]) > 20) return 'not run (exponential)';
      return fmt(time(() => validate(schema, document, rules), levels ? 3 : 9));
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }

  console.log('\n## Whole validation (graphql-js rules + limit rules), median per document\n');
  console.log('| document | graphql-armor | ours |');
  console.log('| --- | --- | --- |');
  for (const [name, query] of documents) {
    const document = parse(query);
    const cells = contenders
      .slice(1)
      .map(([, rules]) => fmt(time(() => validate(schema, document, [...specifiedRules, ...rules]), 5)));
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }

  console.log('\n## Before parsing: bounding tokens, median per document\n');
  const armorTokens = armor.plugins.find(
    (plugin) => 'requestDidStart' in plugin && 'unexpectedErrorProcessingRequest' in plugin,
  );
  console.log(
    "| document | parse(maxTokens) | our scan + parse(maxTokens) | graphql-armor (its parse, then Apollo's) |",
  );
  console.log('| --- | --- | --- | --- |');
  for (const [name, query] of documents.slice(0, 2)) {
    const plain = time(() => parse(query, { maxTokens: LIMITS.maxTokens }));
    const scanned = time(() => {
      scanDocument(query, LIMITS.maxTokens, MAX_NESTING);
      parse(query, { maxTokens: LIMITS.maxTokens });
    });
    const listener = (await (armorTokens as any).requestDidStart({})) as { parsingDidStart(c: unknown): unknown };
    const armored = time(() => {
      void listener.parsingDidStart({ source: query });
      parse(query);
    });
    console.log(`| ${name} | ${fmt(plain)} | ${fmt(scanned)} | ${fmt(armored)} |`);
  }

  console.log('\n## What each answers\n');
  const nested = `{${'a{'.repeat(3000)}b${'}'.repeat(3000)}}`;
  const scan = scanDocument(nested, LIMITS.maxTokens, MAX_NESTING);
  console.log(`- 3,000-level query, our scan: over ${scan.over} after ${scan.tokens} tokens (no parse)`);
  try {
    const listener = (await (armorTokens as any).requestDidStart({})) as { parsingDidStart(c: unknown): unknown };
    await listener.parsingDidStart({ source: nested });
    console.log('- 3,000-level query, graphql-armor: passed its token parser');
  } catch (error) {
    console.log(`- 3,000-level query, graphql-armor: thrown from parsingDidStart: ${(error as Error).message}`);
  }
  const deep = `{ actors(first: 1) { edges { node { ...f0 } } } }
    fragment f0 on Actor { statements(first: 1) { edges { node { speaker { ...f1 } } } } }
    fragment f1 on Actor { id }`;
  for (const [label, rules] of contenders.slice(1)) {
    console.log(`- ${label}, nested fragments (8 fields deep): ${codes(schema, deep, rules)}`);
    console.log(`- ${label}, doubling 24: ${codes(schema, doubling(24), rules)}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
