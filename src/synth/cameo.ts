import { CAMEO_CODES } from '../shared/cameo/cameo-codes';

/**
 * The CAMEO codes of the domain notes with their Goldstein scores (from the shared code table), the PLOVER category where one fits, and
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

function entry(code: string, weight: number, templates: CameoEntry['templates']): CameoEntry {
  const known = CAMEO_CODES.get(code);
  if (!known) throw new Error(`synth: CAMEO code ${code} is not in cameo-codes.json`);
  return { code, meaning: known.meaning, goldstein: known.goldstein, plover: known.plover, weight, templates };
}

export const CAMEO: readonly CameoEntry[] = [
  entry('010', 30, [
    { ar: 'لا توجد تفاصيل محددة حتى الآن بشأن {A}', en: 'there are no specific details yet about {A}' },
    { ar: 'الحوار مع {A} مستمر على مستوى الخبراء', en: 'the dialogue with {A} continues at expert level' },
    { ar: 'نتابع عن كثب التطورات المتعلقة بـ{A}', en: 'we are closely following developments concerning {A}' },
  ]),
  entry('012', 6, [{ ar: 'آفاق التسوية مع {A} تبدو ضعيفة', en: 'the prospects of a settlement with {A} look weak' }]),
  entry('013', 6, [
    { ar: 'العلاقات مع {A} تسير في الاتجاه الصحيح', en: 'relations with {A} are heading in the right direction' },
  ]),
  entry('020', 6, [
    { ar: 'ندعو {A} إلى استئناف الحوار دون شروط', en: 'we call on {A} to resume dialogue without conditions' },
  ]),
  entry('026', 4, [
    { ar: 'ندعو {A} إلى الجلوس إلى طاولة المفاوضات', en: 'we call on {A} to sit at the negotiating table' },
  ]),
  entry('036', 6, [
    {
      ar: 'اللقاء مع {A} ضروري ويحتاج إلى تحضير جيد',
      en: 'a meeting with {A} is necessary and needs good preparation',
    },
  ]),
  entry('040', 5, [
    { ar: 'أجرينا مشاورات مع {A} حول القضايا الإقليمية', en: 'we held consultations with {A} on regional issues' },
  ]),
  entry('041', 4, [
    { ar: 'الاتصال الهاتفي مع {A} استمر أكثر من ساعة', en: 'the phone call with {A} lasted more than an hour' },
  ]),
  entry('042', 3, [{ ar: 'الزيارة إلى {A} كانت مثمرة', en: 'the visit to {A} was fruitful' }]),
  entry('043', 3, [
    { ar: 'نرحب باستقبال وفد {A} الأسبوع المقبل', en: 'we welcome hosting the delegation of {A} next week' },
  ]),
  entry('044', 2, [
    {
      ar: 'اللقاء مع {A} في دولة ثالثة أسفر عن تفاهمات',
      en: 'the meeting with {A} in a third country produced understandings',
    },
  ]),
  entry('111', 8, [{ ar: 'ننتقد بشدة تصرفات {A}', en: 'we strongly criticise the actions of {A}' }]),
  entry('112', 6, [{ ar: 'نحمّل {A} المسؤولية عن التصعيد', en: 'we hold {A} responsible for the escalation' }]),
  entry('120', 5, [{ ar: 'نرفض بشكل قاطع مطالب {A}', en: 'we categorically reject the demands of {A}' }]),
  entry('125', 2, [
    { ar: 'لا نرى أي جدوى من لقاء {A} في الوقت الراهن', en: 'we see no point in meeting {A} at present' },
  ]),
  entry('130', 3, [
    {
      ar: 'سنرد بكل الوسائل المتاحة على خطوات {A}',
      en: 'we will respond by all available means to the steps of {A}',
    },
  ]),
  entry('138', 1, [
    {
      ar: 'قواتنا مستعدة للرد عسكرياً على أي اعتداء من {A}',
      en: 'our forces are ready to respond militarily to any aggression by {A}',
    },
  ]),
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
