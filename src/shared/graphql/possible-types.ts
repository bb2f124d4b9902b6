import { buildSchema, isAbstractType, type GraphQLSchema } from 'graphql';

/**
 * The `possibleTypes` map Apollo Client's InMemoryCache needs to match fragments on interfaces and unions
 * (`... on Node`, `... on Entity`, `... on Subject`): each abstract type with its object types, sorted. The same
 * shape as graphql-codegen's fragment-matcher output (`{ possibleTypes: { ... } }`), derived from the schema.
 */
export function possibleTypes(schema: GraphQLSchema): { possibleTypes: Record<string, string[]> } {
  const map: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (type.name.startsWith('__') || !isAbstractType(type)) continue;
    map[type.name] = schema
      .getPossibleTypes(type)
      .map((t) => t.name)
      .sort();
  }
  return { possibleTypes: map };
}

/** schema/possible-types.json's text for an SDL (schema/schema.graphql). */
export function possibleTypesJson(sdl: string): string {
  return `${JSON.stringify(possibleTypes(buildSchema(sdl)), null, 2)}\n`;
}
