import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MeetingKind, MeetingStatus } from '../shared/graphql/enums';
import { meetingNames } from './meeting-naming';
import { currentStatus } from './meeting-status';

const { PROPOSED, PLANNED, HELD, CANCELLED } = MeetingStatus;

describe('meeting status and names', () => {
  it('takes the latest entry, undated ones counting as the oldest, ties by lifecycle order', () => {
    assert.equal(currentStatus([]), null);
    assert.equal(currentStatus([{ status: PROPOSED, asOf: null }]), PROPOSED);
    assert.equal(
      currentStatus([
        { status: HELD, asOf: null },
        { status: PROPOSED, asOf: '2025-05-06' },
      ]),
      PROPOSED,
    );
    assert.equal(
      currentStatus([
        { status: PLANNED, asOf: '2025-05-06' },
        { status: PROPOSED, asOf: '2025-05-06' },
      ]),
      PLANNED,
    );
    assert.equal(
      currentStatus([
        { status: CANCELLED, asOf: '2025-05-01' },
        { status: HELD, asOf: '2025-06-01' },
      ]),
      HELD,
    );
    assert.equal(
      currentStatus([
        { status: PROPOSED, asOf: null },
        { status: HELD, asOf: null },
      ]),
      HELD,
    );
  });

  it('names a meeting by kind and participants in English and Arabic', () => {
    const names = meetingNames(MeetingKind.SUMMIT, [
      { en: 'Vladimir Putin', ar: 'فلاديمير بوتين' },
      { en: 'Donald Trump', ar: 'دونالد ترامب' },
    ]);
    assert.deepEqual(names, {
      en: 'Summit: Vladimir Putin – Donald Trump',
      ar: 'قمة: فلاديمير بوتين – دونالد ترامب',
    });
  });
});
