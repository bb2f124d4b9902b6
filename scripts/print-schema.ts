import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildGraphQLSchema, printSdl } from '../src/schema';

/** Writes the SDL that type-graphql builds to schema/schema.graphql (committed; a test fails when stale). */
async function main(): Promise<void> {
  const target = path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql');
  writeFileSync(target, printSdl(await buildGraphQLSchema()));
  process.stdout.write(`Wrote ${target}\n`);
}

void main();
