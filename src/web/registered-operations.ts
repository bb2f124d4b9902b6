import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { documentId, type ManifestOperation, type PersistedQueryManifest } from '../shared/graphql/trusted-documents';
import { readmeExamples } from './readme-examples';

/** One GraphQL document of the explorer: where it is written and its text as the browser sends it. */
export interface ExplorerDocument {
  /** Path from the project root, such as web/src/screens/node/node-screen.tsx. */
  file: string;
  /** The constant that holds it. */
  constant: string;
  text: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sources(full);
      return /\.tsx?$/.test(name) ? [full] : [];
    });
}

/**
 * The operations of the explorer (web/src): every `const X = /* GraphQL *\/ \`...\`;` template that starts with
 * `query` or `mutation`, with interpolated constants (`${STATEMENT_CARD_FIELDS}`) filled in from the same files, so
 * the text is the string the browser sends.
 * @throws Error when a template interpolates a constant that is not such a template.
 */
export function explorerDocuments(root: string): ExplorerDocument[] {
  const templates = new Map<string, string>();
  const found: { file: string; constant: string; raw: string }[] = [];
  for (const file of sources(path.join(root, 'web', 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:export )?const (\w+) = \/\* GraphQL \*\/ `([\s\S]*?)`;/g)) {
      templates.set(match[1]!, match[2]!);
      found.push({ file: path.relative(root, file).split(path.sep).join('/'), constant: match[1]!, raw: match[2]! });
    }
  }
  const fill = (raw: string): string =>
    raw.replace(/\$\{(\w+)\}/g, (_, name: string) => {
      const value = templates.get(name);
      if (value === undefined) throw new Error(`unknown interpolation \${${name}} in a GraphQL template`);
      return fill(value);
    });
  return found
    .filter((doc) => /^\s*(query|mutation|subscription)\b/.test(doc.raw))
    .map((doc) => ({ file: doc.file, constant: doc.constant, text: fill(doc.raw) }));
}

function operationsOf(body: string): OperationDefinitionNode[] {
  return parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

function entry(body: string, operations: OperationDefinitionNode[], fallbackName: string): ManifestOperation {
  return {
    id: documentId(body),
    name: operations.map((operation) => operation.name?.value ?? fallbackName).join('+'),
    type: operations[0]!.operation,
    body,
  };
}

/**
 * The registered operations, in Apollo's persisted query manifest format: each explorer document, then each
 * ```graphql block of README.md as GraphiQL's tabs send it (see readmeExamples); a block with several operations is
 * registered whole (GraphiQL sends the tab with an operationName) and also each operation alone, as its exact source
 * text. Identical texts are listed once. `npm run documents:generate` writes it to schema/persisted-query-manifest.json.
 */
export function registeredOperations(root: string): PersistedQueryManifest {
  const operations: ManifestOperation[] = [];
  const seen = new Set<string>();
  const add = (op: ManifestOperation) => {
    if (seen.has(op.id)) return;
    seen.add(op.id);
    operations.push(op);
  };
  for (const doc of explorerDocuments(root)) add(entry(doc.text, operationsOf(doc.text), doc.constant));
  for (const example of readmeExamples(readFileSync(path.join(root, 'README.md'), 'utf8'))) {
    const ops = operationsOf(example.query);
    add(entry(example.query, ops, 'Example'));
    if (ops.length > 1) {
      for (const op of ops) {
        const text = example.query.slice(op.loc!.start, op.loc!.end);
        add(entry(text, [op], 'Example'));
      }
    }
  }
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** The manifest file's text: two-space JSON and a final newline, as prettier leaves it. */
export function manifestText(manifest: PersistedQueryManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
