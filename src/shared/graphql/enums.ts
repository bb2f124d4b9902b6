import { registerEnumType } from 'type-graphql';

export enum ActorKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
  MEDIA = 'MEDIA',
}

export enum StatementForm {
  DIRECT_QUOTE = 'DIRECT_QUOTE',
  PARAPHRASE = 'PARAPHRASE',
}

/** Wikidata's ranks: a wrong statement is deprecated, never deleted. */
export enum StatementRank {
  PREFERRED = 'PREFERRED',
  NORMAL = 'NORMAL',
  DEPRECATED = 'DEPRECATED',
}

export enum MeetingKind {
  SUMMIT = 'SUMMIT',
  PHONE_CALL = 'PHONE_CALL',
  VISIT = 'VISIT',
  TALKS = 'TALKS',
  CONTACT = 'CONTACT',
}

export enum MeetingStatus {
  PROPOSED = 'PROPOSED',
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
  REJECTED = 'REJECTED',
}

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'A person, an organization (such as the Kremlin) or a media outlet or agency.',
});
registerEnumType(StatementForm, { name: 'StatementForm' });
registerEnumType(StatementRank, {
  name: 'StatementRank',
  description: 'PREFERRED, NORMAL or DEPRECATED (kept, with a reason).',
});
registerEnumType(MeetingKind, { name: 'MeetingKind' });
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'The meeting lifecycle: PROPOSED, PLANNED, HELD; or CANCELLED, REJECTED.',
});
