import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildGraphQLSchema, printSdl } from '../src/schema';
import { possibleTypesJson } from '../src/shared/graphql/possible-types';

/**
 * Writes the SDL that type-graphql builds to schema/schema.graphql, and the Apollo Client possibleTypes map derived
 * from it to schema/possible-types.json (both committed; tests fail when either is stale).
 */
async function main(): Promise<void> {
  const dir = path.resolve(__dirname, '..', '..', 'schema');
  const sdl = printSdl(await buildGraphQLSchema());
  writeFileSync(path.join(dir, 'schema.graphql'), sdl);
  writeFileSync(path.join(dir, 'possible-types.json'), possibleTypesJson(sdl));
  process.stdout.write(`Wrote ${dir}/schema.graphql and possible-types.json\n`);
}

void main();
