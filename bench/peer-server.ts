import { createRequire } from 'node:module';
import path from 'node:path';
import { intOption, option } from './args';
import { PEER_TYPE_DEFS } from './peer-typedefs';

// Compiled into dist/bench, this file would resolve packages from the product's node_modules; the contender must
// use the bench's own pinned copies (one graphql instance shared by Apollo and the library), so load them from there.
const benchRequire = createRequire(path.resolve(__dirname, '..', '..', 'bench', 'package.json'));
const { ApolloServer } = benchRequire('@apollo/server') as typeof import('@apollo/server');
const { startStandaloneServer } = benchRequire(
  '@apollo/server/standalone',
) as typeof import('@apollo/server/standalone');
const { Neo4jGraphQL } = benchRequire('@neo4j/graphql') as typeof import('@neo4j/graphql');
const neo4j = (benchRequire('neo4j-driver') as { default: typeof import('neo4j-driver').default }).default;
const { printSchema } = benchRequire('graphql') as typeof import('graphql');

/**
 * The @neo4j/graphql contender: Apollo Server over the library's generated schema, on its own neo4j-driver with the
 * same pool size as Diplograph. Prints `READY <port>`; with --print-schema, prints the generated SDL and exits.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const driver = neo4j.driver(option(argv, 'uri', 'bolt://127.0.0.1:7687'), neo4j.auth.basic('neo4j', 'neo4j'), {
    maxConnectionPoolSize: 100,
  });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
  if (argv.includes('--print-schema')) {
    process.stdout.write(printSchema(schema));
    await driver.close();
    return;
  }
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, {
    listen: { port: intOption(argv, 'port', 4200), host: '127.0.0.1' },
  });
  process.stdout.write(`READY ${new URL(url).port}\n`);
  process.on('SIGTERM', () => {
    void server.stop().then(() => driver.close().then(() => process.exit(0)));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
