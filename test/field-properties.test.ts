import 'reflect-metadata';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildSchema, isObjectType } from 'graphql';
import { ACTOR_FIELDS } from '../src/actor/actor.mapper';
import { ARTICLE_FIELDS } from '../src/article/article.mapper';
import { COUNTRY_FIELDS } from '../src/country/country.repository';
import { MEETING_FIELDS } from '../src/meeting/meeting.mapper';
import { REPORT_FIELDS, STATEMENT_FIELDS } from '../src/statement/statement.mapper';
import { TOPIC_FIELDS } from '../src/topic/topic.mapper';
import type { FieldProperties } from '../src/shared/graphql/stored-properties';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Each projected type's field map lists every field of the type (and of the value types it maps through): a
 * field added to the schema without saying which properties it reads fails here instead of answering from a
 * property nobody read.
 */
describe('field -> stored property maps', () => {
  const schema = buildSchema(readFileSync(path.join(ROOT, 'schema', 'schema.graphql'), 'utf8'));
  const maps: Record<string, FieldProperties> = {
    Statement: STATEMENT_FIELDS,
    Report: REPORT_FIELDS,
    Actor: ACTOR_FIELDS,
    Country: COUNTRY_FIELDS,
    Meeting: MEETING_FIELDS,
    Topic: TOPIC_FIELDS,
    Article: ARTICLE_FIELDS,
  };

  function check(typeName: string, fields: FieldProperties): void {
    const type = schema.getType(typeName);
    assert.ok(type && isObjectType(type), `${typeName} is an object type`);
    assert.deepEqual(Object.keys(fields).sort(), Object.keys(type.getFields()).sort(), typeName);
    for (const mapped of Object.values(fields)) {
      if (typeof mapped === 'object' && !Array.isArray(mapped)) {
        const nested = mapped as { type: string; fields: FieldProperties };
        check(nested.type, nested.fields);
      }
    }
  }

  for (const [typeName, fields] of Object.entries(maps)) {
    it(`${typeName} maps every field`, () => check(typeName, fields));
  }
});
