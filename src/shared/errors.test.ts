import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Neo4jError } from 'neo4j-driver';
import {
  ConflictError,
  DATABASE_TIMEOUT_MESSAGE,
  ErrorCode,
  mapDriverError,
  publicErrorMessage,
  ServiceUnavailableError,
} from './errors';

function driverError(message: string, code: string): Neo4jError {
  return new Neo4jError(message, code, '50N42', 'error', { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' });
}

describe('mapDriverError', () => {
  it('maps every way of the database being away to SERVICE_UNAVAILABLE with 503 and Retry-After', () => {
    const away = [
      driverError('Could not perform discovery', 'ServiceUnavailable'),
      driverError('Connection was closed by server', 'SessionExpired'),
      driverError('Database is shutting down', 'Neo.TransientError.General.DatabaseUnavailable'),
      driverError('Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 3', 'N/A'),
      driverError('Failed to establish connection in 5000ms', 'N/A'),
    ];
    for (const error of away) {
      const mapped = mapDriverError(error);
      assert.ok(mapped instanceof ServiceUnavailableError, error.message);
      assert.equal(mapped.extensions.code, ErrorCode.SERVICE_UNAVAILABLE);
      const http = mapped.extensions.http as { status: number; headers: Map<string, string> };
      assert.equal(http.status, 503);
      assert.equal(http.headers.get('retry-after'), '5');
    }
  });

  it('tells a timed-out transaction apart from an unreachable server', () => {
    const mapped = mapDriverError(
      driverError(
        'The transaction has been terminated',
        'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      ),
    );
    assert.ok(mapped instanceof ServiceUnavailableError);
    assert.equal(mapped.message, DATABASE_TIMEOUT_MESSAGE);
  });

  it('keeps constraint violations as CONFLICT and leaves other errors to be masked', () => {
    const conflict = driverError('already exists', 'Neo.ClientError.Schema.ConstraintValidationFailed');
    assert.ok(mapDriverError(conflict) instanceof ConflictError);
    const syntax = driverError('Invalid input', 'Neo.ClientError.Statement.SyntaxError');
    assert.equal(mapDriverError(syntax), syntax);
    const plain = new TypeError("Cannot read properties of undefined (reading 'isRetryable')");
    assert.equal(mapDriverError(plain), plain);
  });
});

describe('publicErrorMessage', () => {
  it('never passes on the text of an unexpected error', () => {
    assert.equal(
      publicErrorMessage(new TypeError("Cannot read properties of undefined (reading 'isRetryable') at /srv/app.js")),
      'Internal error (details in the server log)',
    );
    assert.equal(
      publicErrorMessage(driverError('connect ECONNREFUSED 127.0.0.1:7687', 'ServiceUnavailable')),
      'The database is not reachable right now; try again shortly',
    );
  });
});
