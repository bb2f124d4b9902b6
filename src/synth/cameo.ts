/**
 * The CAMEO codes of the domain notes with their Goldstein scores, the PLOVER category where one fits, and
 * sentence templates ({A} = the subjects' names) in Arabic with the matching English translation.
 */
export interface CameoEntry {
  code: string;
  meaning: string;
  goldstein: number;
  plover: string | null;
  /** Relative frequency in generated news. */
  weight: number;
  templates: readonly { ar: string; en: string }[];
}

export const CAMEO: readonly CameoEntry[] = [
  {
    code: '010',
    meaning: 'make public statement',
    goldstein: 0,
    plover: null,
    weight: 30,
    templates: [
      { ar: 'لا توجد تفاصيل محددة حتى الآن بشأن {A}', en: 'there are no specific details yet about {A}' },
      { ar: 'الحوار مع {A} مستمر على مستوى الخبراء', en: 'the dialogue with {A} continues at expert level' },
      { ar: 'نتابع عن كثب التطورات المتعلقة بـ{A}', en: 'we are closely following developments concerning {A}' },
    ],
  },
  {
    code: '012',
    meaning: 'make pessimistic comment',
    goldstein: -0.4,
    plover: null,
    weight: 6,
    templates: [{ ar: 'آفاق التسوية مع {A} تبدو ضعيفة', en: 'the prospects of a settlement with {A} look weak' }],
  },
  {
    code: '013',
    meaning: 'make optimistic comment',
    goldstein: 0.4,
    plover: null,
    weight: 6,
    templates: [
      { ar: 'العلاقات مع {A} تسير في الاتجاه الصحيح', en: 'relations with {A} are heading in the right direction' },
    ],
  },
  {
    code: '020',
    meaning: 'make an appeal or request',
    goldstein: 3,
    plover: 'REQUEST',
    weight: 6,
    templates: [
      { ar: 'ندعو {A} إلى استئناف الحوار دون شروط', en: 'we call on {A} to resume dialogue without conditions' },
    ],
  },
  {
    code: '026',
    meaning: 'appeal to others to meet or negotiate',
    goldstein: 4,
    plover: 'REQUEST',
    weight: 4,
    templates: [
      { ar: 'ندعو {A} إلى الجلوس إلى طاولة المفاوضات', en: 'we call on {A} to sit at the negotiating table' },
    ],
  },
  {
    code: '036',
    meaning: 'express intent to meet or negotiate',
    goldstein: 4,
    plover: 'AGREE',
    weight: 6,
    templates: [
      {
        ar: 'اللقاء مع {A} ضروري ويحتاج إلى تحضير جيد',
        en: 'a meeting with {A} is necessary and needs good preparation',
      },
    ],
  },
  {
    code: '040',
    meaning: 'consult',
    goldstein: 1,
    plover: 'CONSULT',
    weight: 5,
    templates: [
      { ar: 'أجرينا مشاورات مع {A} حول القضايا الإقليمية', en: 'we held consultations with {A} on regional issues' },
    ],
  },
  {
    code: '041',
    meaning: 'discuss by telephone',
    goldstein: 1,
    plover: 'CONSULT',
    weight: 4,
    templates: [
      { ar: 'الاتصال الهاتفي مع {A} استمر أكثر من ساعة', en: 'the phone call with {A} lasted more than an hour' },
    ],
  },
  {
    code: '042',
    meaning: 'make a visit',
    goldstein: 1.9,
    plover: 'CONSULT',
    weight: 3,
    templates: [{ ar: 'الزيارة إلى {A} كانت مثمرة', en: 'the visit to {A} was fruitful' }],
  },
  {
    code: '043',
    meaning: 'host a visit',
    goldstein: 2.8,
    plover: 'CONSULT',
    weight: 3,
    templates: [
      { ar: 'نرحب باستقبال وفد {A} الأسبوع المقبل', en: 'we welcome hosting the delegation of {A} next week' },
    ],
  },
  {
    code: '044',
    meaning: 'meet at a third location',
    goldstein: 2.5,
    plover: 'CONSULT',
    weight: 2,
    templates: [
      {
        ar: 'اللقاء مع {A} في دولة ثالثة أسفر عن تفاهمات',
        en: 'the meeting with {A} in a third country produced understandings',
      },
    ],
  },
  {
    code: '111',
    meaning: 'criticize or denounce',
    goldstein: -2,
    plover: 'ACCUSE',
    weight: 8,
    templates: [{ ar: 'ننتقد بشدة تصرفات {A}', en: 'we strongly criticise the actions of {A}' }],
  },
  {
    code: '112',
    meaning: 'accuse',
    goldstein: -2,
    plover: 'ACCUSE',
    weight: 6,
    templates: [{ ar: 'نحمّل {A} المسؤولية عن التصعيد', en: 'we hold {A} responsible for the escalation' }],
  },
  {
    code: '120',
    meaning: 'reject',
    goldstein: -4,
    plover: 'REJECT',
    weight: 5,
    templates: [{ ar: 'نرفض بشكل قاطع مطالب {A}', en: 'we categorically reject the demands of {A}' }],
  },
  {
    code: '125',
    meaning: 'reject proposal to meet',
    goldstein: -5,
    plover: 'REJECT',
    weight: 2,
    templates: [{ ar: 'لا نرى أي جدوى من لقاء {A} في الوقت الراهن', en: 'we see no point in meeting {A} at present' }],
  },
  {
    code: '130',
    meaning: 'threaten',
    goldstein: -4.4,
    plover: 'THREATEN',
    weight: 3,
    templates: [
      {
        ar: 'سنرد بكل الوسائل المتاحة على خطوات {A}',
        en: 'we will respond by all available means to the steps of {A}',
      },
    ],
  },
  {
    code: '138',
    meaning: 'threaten with military force',
    goldstein: -7,
    plover: 'THREATEN',
    weight: 1,
    templates: [
      {
        ar: 'قواتنا مستعدة للرد عسكرياً على أي اعتداء من {A}',
        en: 'our forces are ready to respond militarily to any aggression by {A}',
      },
    ],
  },
];

/** The Goldstein score of each code, for checking generated rows. */
export const GOLDSTEIN: ReadonlyMap<string, number> = new Map(CAMEO.map((c) => [c.code, c.goldstein]));

/** Templates for statements that assert a meeting's status ({M} = the meeting's name). */
export const STATUS_TEMPLATES: Record<string, { code: string; ar: string; en: string }> = {
  PROPOSED: {
    code: '036',
    ar: '{M} ضروري ويحتاج إلى تحضير جيد',
    en: 'the {M} is necessary and needs good preparation',
  },
  PLANNED: { code: '036', ar: 'تم الاتفاق على موعد {M}', en: 'the date of the {M} has been agreed' },
  HELD: { code: '040', ar: '{M} جرى في أجواء بناءة', en: 'the {M} took place in a constructive atmosphere' },
  CANCELLED: { code: '010', ar: 'تقرر إلغاء {M}', en: 'it was decided to cancel the {M}' },
  REJECTED: { code: '125', ar: 'نرفض المشاركة في {M}', en: 'we refuse to take part in the {M}' },
};
