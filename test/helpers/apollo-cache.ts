import { InMemoryCache } from '@apollo/client';
import introspection from '../../schema/possible-types.json';

/**
 * The Apollo Client cache setup README.md documents ("Client cache"): the possibleTypes map generated from the
 * schema, the embedded value types (no identity, merged into their parent), and node(id:) read from the cache
 * when the object is there (a global id is base64url of "<Type>:<key>", so it names its own __typename).
 */
export function diplographCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: introspection.possibleTypes,
    typePolicies: {
      Event: { keyFields: false, merge: true },
      Span: { keyFields: false, merge: true },
      Deprecation: { keyFields: false, merge: true },
      Query: {
        fields: {
          node: {
            read: (_, { args, toReference }) =>
              typeof args?.id === 'string'
                ? toReference({
                    __typename: atob(args.id.replace(/-/g, '+').replace(/_/g, '/')).split(':')[0],
                    id: args.id,
                  })
                : undefined,
          },
        },
      },
    },
  });
}
