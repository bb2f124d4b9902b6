import { MeetingKind } from '../shared/graphql/enums';
import { pickName, type Names } from '../shared/graphql/names';

const KIND_LABELS: Record<MeetingKind, { en: string; ar: string }> = {
  [MeetingKind.SUMMIT]: { en: 'Summit', ar: 'قمة' },
  [MeetingKind.PHONE_CALL]: { en: 'Phone call', ar: 'اتصال هاتفي' },
  [MeetingKind.VISIT]: { en: 'Visit', ar: 'زيارة' },
  [MeetingKind.TALKS]: { en: 'Talks', ar: 'محادثات' },
  [MeetingKind.CONTACT]: { en: 'Contact', ar: 'اتصالات' },
};

/**
 * A meeting's display names, such as "Summit: Vladimir Putin – Donald Trump" and its Arabic counterpart, so a
 * meeting answers `name(lang)` like every other Subject.
 */
export function meetingNames(kind: MeetingKind, participants: readonly Names[]): { en: string; ar: string } {
  const label = KIND_LABELS[kind];
  return {
    en: `${label.en}: ${participants.map((names) => pickName(names, 'en')).join(' – ')}`,
    ar: `${label.ar}: ${participants.map((names) => pickName(names, 'ar')).join(' – ')}`,
  };
}
