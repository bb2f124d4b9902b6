// The named lock of meeting identity (see IngestRepository.mergeMeetings): an ingest MERGEs and at once DELETEs a
// MeetingIdentityLock node keyed by the meeting's kind and participants. The uniqueness constraint makes that MERGE
// take a lock on the key's index entry, held until commit, so two ingests proposing the same meeting queue on it
// while ingests of other meetings with the same participants do not. No such node outlives its statement.
CREATE CONSTRAINT meeting_identity_lock_id IF NOT EXISTS FOR (n:MeetingIdentityLock) REQUIRE n.id IS UNIQUE;
