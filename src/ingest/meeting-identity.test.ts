import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLOSED_MEETING_STATUSES, MEETING_MATCH_WINDOW_DAYS, meetingAsOf } from './meeting-identity';

describe('meeting identity', () => {
  it("dates an article's mention of a meeting by its latest statement, else the publication date", () => {
    assert.equal(meetingAsOf(['2025-05-03', null, '2025-05-09'], '2025-05-01'), '2025-05-09');
    assert.equal(meetingAsOf([null], '2025-05-01'), '2025-05-01');
    assert.equal(meetingAsOf([], null), null);
  });

  it('closes meetings held, cancelled or rejected, with a 90-day window for open ones', () => {
    assert.deepEqual([...CLOSED_MEETING_STATUSES].sort(), ['CANCELLED', 'HELD', 'REJECTED']);
    assert.equal(MEETING_MATCH_WINDOW_DAYS, 90);
  });
});
