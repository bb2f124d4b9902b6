import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseBundle, SeedFileError } from './seed-file';
import { formatPath, parsePath } from './seed-file.schema';

const seedPath = path.join(__dirname, '..', '..', '..', 'seed', 'al-ittihad-2025-05.json');
const seedJson = readFileSync(seedPath, 'utf8');

function problemsOf(json: string): string[] {
  try {
    parseBundle('file.json', json);
  } catch (error) {
    assert.ok(error instanceof SeedFileError);
    assert.match(error.message, /^Invalid bundle file file\.json:/);
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
  return [];
}

describe('bundle file schema', () => {
  it('accepts the seed annotation', () => {
    const bundle = parseBundle(seedPath, seedJson);
    assert.equal(bundle.articles.length, 2);
    assert.equal(bundle.actors.length, 9);
    assert.equal(bundle.articles.flatMap((a) => a.statements).length, 10);
  });

  it('names the JSON path and the reason of each problem', () => {
    const bundle = JSON.parse(seedJson);
    bundle.actors[0].kind = 'HUMAN';
    bundle.actors[1].key = bundle.actors[2].key;
    bundle.topics[0].names = {};
    bundle.articles[0].statements[2].span.start = 'x';
    bundle.articles[1].statements[4].goldstein = -11;
    bundle.articles[1].surprise = true;
    const problems = problemsOf(JSON.stringify(bundle));
    assert.ok(
      problems.some((p) => p.startsWith('actors[0].kind: Invalid option')),
      problems.join('\n'),
    );
    assert.ok(problems.some((p) => p.startsWith('topics[0].names: must give at least one name')));
    assert.ok(problems.some((p) => p.startsWith('articles[0].statements[2].span.start: Invalid input')));
    assert.ok(problems.some((p) => p.startsWith('articles[1]: Unrecognized key: "surprise"')));
  });

  it('runs the mutation checks on each article, with paths inside the file', () => {
    const bundle = JSON.parse(seedJson);
    bundle.articles[1].statements[4].goldstein = -11;
    bundle.actors[1].key = bundle.actors[2].key;
    assert.deepEqual(problemsOf(JSON.stringify(bundle)).sort(), [
      'actors[2].key: key "donald-trump" is used twice',
      'articles[1].statements[4].goldstein: must be a Goldstein score from -10 to 10 (got -11)',
    ]);
  });

  it('reads a lone ArticleInput as a bundle of one, reporting paths as in its file', () => {
    const article = JSON.parse(seedJson).articles[0];
    assert.equal(parseBundle('a.json', JSON.stringify(article)).articles.length, 1);
    article.statements[0].cameo = '999';
    assert.deepEqual(problemsOf(JSON.stringify(article)), [
      'statements[0].cameo: must be a CAMEO code of 2 to 4 digits, category 01-20 (got "999")',
    ]);
  });

  it('reports JSON syntax errors', () => {
    assert.match(problemsOf('{"articles": [')[0]!, /^: not valid JSON/);
  });

  it('converts between path strings and segments', () => {
    assert.deepEqual(parsePath('statements[4].about[1].name'), ['statements', 4, 'about', 1, 'name']);
    assert.equal(formatPath(['articles', 1, 'statements', 4, 'goldstein']), 'articles[1].statements[4].goldstein');
  });
});
