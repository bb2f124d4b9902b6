/** One example operation of the README, as a GraphiQL tab. */
export interface ReadmeExample {
  /** Operation text, named after its first root field when the README leaves it anonymous. */
  query: string;
  /** JSON variables, when a ```json block follows the operation. */
  variables?: string;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Gives an anonymous operation a name (GraphiQL titles tabs by it) from its first root field or alias. */
function named(query: string, taken: Set<string>): string {
  const anonymous = /^\s*(query|mutation)?\s*(\(|\{)/.exec(query);
  if (!anonymous) return query;
  const field = /\{\s*(\w+)/.exec(query)?.[1] ?? 'Example';
  let name = pascal(field);
  for (let n = 2; taken.has(name); n++) name = `${pascal(field)}${n}`;
  taken.add(name);
  const keyword = anonymous[1] ?? 'query';
  const rest = query.slice(anonymous[0].length - 1);
  return `${keyword} ${name}${rest.startsWith('(') ? '' : ' '}${rest}`;
}

/**
 * The ```graphql blocks of README.md in order, each with the ```json block that directly follows it as variables.
 * GraphiQL preloads them as tabs, so the README and the IDE show the same operations with the seed's ids.
 */
export function readmeExamples(readme: string): ReadmeExample[] {
  const blocks = [...readme.matchAll(/```(graphql|json)\n([\s\S]*?)```/g)];
  const taken = new Set<string>();
  const examples: ReadmeExample[] = [];
  blocks.forEach((block, index) => {
    if (block[1] !== 'graphql') return;
    const next = blocks[index + 1];
    const between = next ? readme.slice(block.index! + block[0].length, next.index) : '';
    const variables = next?.[1] === 'json' && between.trim() === '' ? next[2]!.trimEnd() : undefined;
    examples.push({ query: named(block[2]!.trimEnd(), taken), ...(variables ? { variables } : {}) });
  });
  return examples;
}
