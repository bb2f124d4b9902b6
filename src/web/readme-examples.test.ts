import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readmeExamples } from './readme-examples';

const fence = '```';

describe('readmeExamples', () => {
  it('names anonymous operations after their first root field and pairs a following json block', () => {
    const readme = [
      'Intro',
      `${fence}graphql\n{\n  resolveEntity(name: "x") {\n    id\n  }\n}\n${fence}`,
      'text',
      `${fence}graphql\nquery ($id: ID = "a") {\n  timeline(id: $id) {\n    totalCount\n  }\n}\n${fence}`,
      `${fence}graphql\n{\n  resolveEntity(name: "y") {\n    id\n  }\n}\n${fence}`,
      `${fence}graphql\nmutation Ingest($input: ArticleInput!) {\n  ingestArticle(input: $input) {\n    created {\n      articles\n    }\n  }\n}\n${fence}`,
      '',
      `${fence}json\n{ "input": {} }\n${fence}`,
    ].join('\n');
    const examples = readmeExamples(readme);
    assert.deepEqual(
      examples.map((e) => e.query.split('\n')[0]),
      [
        'query ResolveEntity {',
        'query Timeline($id: ID = "a") {',
        'query ResolveEntity2 {',
        'mutation Ingest($input: ArticleInput!) {',
      ],
    );
    assert.equal(examples[3]!.variables, '{ "input": {} }');
    assert.equal(examples[0]!.variables, undefined);
  });

  it('leaves a json block that does not directly follow an operation alone', () => {
    const readme = `${fence}graphql\n{\n  a\n}\n${fence}\nsee below\n${fence}json\n{}\n${fence}`;
    assert.equal(readmeExamples(readme)[0]!.variables, undefined);
  });
});
