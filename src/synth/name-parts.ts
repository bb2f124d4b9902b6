/**
 * Word lists the generator composes names and sentences from, each entry an English form with its Arabic form.
 * Hand-written and deliberately generic: the point is realistic shape (lengths, scripts, spelling variants), not
 * real people.
 */
export type Pair = readonly [en: string, ar: string];

export const GIVEN_NAMES: readonly Pair[] = [
  ['Ahmed', 'أحمد'],
  ['Mohammed', 'محمد'],
  ['Khalid', 'خالد'],
  ['Omar', 'عمر'],
  ['Youssef', 'يوسف'],
  ['Ibrahim', 'إبراهيم'],
  ['Hassan', 'حسن'],
  ['Ali', 'علي'],
  ['Karim', 'كريم'],
  ['Tariq', 'طارق'],
  ['Fatima', 'فاطمة'],
  ['Layla', 'ليلى'],
  ['Mariam', 'مريم'],
  ['Nadia', 'نادية'],
  ['Salma', 'سلمى'],
  ['Sergei', 'سيرغي'],
  ['Dmitry', 'دميتري'],
  ['Vladimir', 'فلاديمير'],
  ['Alexander', 'ألكسندر'],
  ['Mikhail', 'ميخائيل'],
  ['Andrei', 'أندريه'],
  ['Maria', 'ماريا'],
  ['Olga', 'أولغا'],
  ['Anna', 'آنا'],
  ['Elena', 'إيلينا'],
  ['John', 'جون'],
  ['Michael', 'مايكل'],
  ['David', 'ديفيد'],
  ['James', 'جيمس'],
  ['Robert', 'روبرت'],
  ['Emmanuel', 'إيمانويل'],
  ['Jean', 'جان'],
  ['Pierre', 'بيير'],
  ['Olaf', 'أولاف'],
  ['Friedrich', 'فريدريش'],
  ['Recep', 'رجب'],
  ['Hakan', 'هاكان'],
  ['Ilham', 'إلهام'],
  ['Jeyhun', 'جيهون'],
  ['Volodymyr', 'فولوديمير'],
  ['Andriy', 'أندريه'],
  ['Xi', 'شي'],
  ['Wang', 'وانغ'],
  ['Narendra', 'ناريندرا'],
  ['Subrahmanyam', 'سوبرامانيام'],
  ['Abdullah', 'عبدالله'],
  ['Faisal', 'فيصل'],
  ['Abdel Fattah', 'عبدالفتاح'],
  ['Sameh', 'سامح'],
  ['Ayman', 'أيمن'],
];

/** Syllables for family names; the Arabic forms concatenate into plausible transliterations. */
export const SYLLABLES: readonly Pair[] = [
  ['ka', 'كا'],
  ['ro', 'رو'],
  ['mi', 'مي'],
  ['lan', 'لان'],
  ['ber', 'بير'],
  ['to', 'تو'],
  ['sa', 'سا'],
  ['vo', 'فو'],
  ['le', 'لي'],
  ['na', 'نا'],
  ['dar', 'دار'],
  ['gu', 'غو'],
  ['ha', 'ها'],
  ['ri', 'ري'],
  ['mon', 'مون'],
  ['tel', 'تل'],
  ['za', 'زا'],
  ['shi', 'شي'],
  ['ba', 'با'],
  ['kur', 'كور'],
  ['fe', 'في'],
  ['do', 'دو'],
  ['nes', 'نس'],
  ['ma', 'ما'],
  ['sel', 'سل'],
  ['ta', 'تا'],
  ['kin', 'كين'],
  ['pa', 'با'],
];

/** Endings that give family names a national flavour. */
export const SURNAME_ENDINGS: readonly Pair[] = [
  ['ov', 'وف'],
  ['ev', 'يف'],
  ['enko', 'ينكو'],
  ['sky', 'سكي'],
  ['i', 'ي'],
  ['an', 'ان'],
  ['son', 'سون'],
  ['er', 'ر'],
  ['oglu', 'أوغلو'],
  ['', ''],
  ['', ''],
  ['ani', 'اني'],
];

export const ROLE_TITLES: readonly { en: string; ar: string; org: 'presidency' | 'foreign' | 'defence' | 'cabinet' }[] =
  [
    { en: 'President of {c}', ar: 'رئيس {c}', org: 'presidency' },
    { en: 'Spokesperson of the presidency of {c}', ar: 'المتحدث باسم رئاسة {c}', org: 'presidency' },
    { en: 'Minister of Foreign Affairs of {c}', ar: 'وزير خارجية {c}', org: 'foreign' },
    { en: 'Spokesperson of the Foreign Ministry of {c}', ar: 'المتحدثة باسم وزارة خارجية {c}', org: 'foreign' },
    { en: 'Deputy Foreign Minister of {c}', ar: 'نائب وزير خارجية {c}', org: 'foreign' },
    { en: 'Minister of Defence of {c}', ar: 'وزير دفاع {c}', org: 'defence' },
    { en: 'Prime Minister of {c}', ar: 'رئيس وزراء {c}', org: 'cabinet' },
    { en: 'Ambassador of {c} to the United Nations', ar: 'سفير {c} لدى الأمم المتحدة', org: 'foreign' },
  ];

export const INSTITUTIONS: readonly {
  kind: 'presidency' | 'foreign' | 'defence' | 'cabinet';
  en: string;
  ar: string;
}[] = [
  { kind: 'presidency', en: 'Presidency of {c}', ar: 'رئاسة {c}' },
  { kind: 'foreign', en: 'Ministry of Foreign Affairs of {c}', ar: 'وزارة خارجية {c}' },
  { kind: 'defence', en: 'Ministry of Defence of {c}', ar: 'وزارة دفاع {c}' },
  { kind: 'cabinet', en: 'Government of {c}', ar: 'حكومة {c}' },
];

export const OUTLETS: readonly Pair[] = [
  ['Al-Ittihad', 'صحيفة الاتحاد'],
  ['Al-Khaleej', 'صحيفة الخليج'],
  ['Al-Ahram', 'صحيفة الأهرام'],
  ['Asharq Al-Awsat', 'صحيفة الشرق الأوسط'],
  ['Al-Rai', 'صحيفة الرأي'],
  ['Al-Bayan', 'صحيفة البيان'],
  ['Al-Watan', 'صحيفة الوطن'],
  ['Al-Quds Al-Arabi', 'صحيفة القدس العربي'],
  ['Al-Akhbar', 'صحيفة الأخبار'],
  ['Al-Jarida', 'صحيفة الجريدة'],
  ['Al-Sharq', 'صحيفة الشرق'],
  ['Al-Masry Al-Youm', 'صحيفة المصري اليوم'],
  ['Al-Ghad', 'صحيفة الغد'],
  ['Al-Nahar', 'صحيفة النهار'],
  ['Al-Riyadh', 'صحيفة الرياض'],
  ['Okaz', 'صحيفة عكاظ'],
  ['Al-Shorouk', 'صحيفة الشروق'],
  ['Al-Arab', 'صحيفة العرب'],
  ['Al-Sabah', 'صحيفة الصباح'],
  ['Al-Youm', 'صحيفة اليوم'],
];

export const AGENCIES: readonly Pair[] = [
  ['RIA Novosti', 'وكالة ريا نوفوستي'],
  ['TASS', 'وكالة تاس'],
  ['Reuters', 'وكالة رويترز'],
  ['Agence France-Presse', 'وكالة الصحافة الفرنسية'],
  ['Associated Press', 'وكالة أسوشيتد برس'],
  ['Anadolu Agency', 'وكالة الأناضول'],
  ['Xinhua', 'وكالة شينخوا'],
  ['WAM', 'وكالة أنباء الإمارات'],
  ['Saudi Press Agency', 'وكالة الأنباء السعودية'],
  ['MENA', 'وكالة أنباء الشرق الأوسط'],
  ['Interfax', 'وكالة إنترفاكس'],
  ['Ukrinform', 'وكالة أوكرينفورم'],
  ['IRNA', 'وكالة إرنا'],
  ['QNA', 'وكالة الأنباء القطرية'],
  ['Petra', 'وكالة بترا'],
];

export const TOPIC_STEMS: readonly Pair[] = [
  ['Weapons supplies to {c}', 'إمدادات الأسلحة إلى {c}'],
  ['Sanctions against {c}', 'العقوبات على {c}'],
  ['Citizens of {c} detained abroad', 'مواطنو {c} المحتجزون في الخارج'],
  ['Energy exports of {c}', 'صادرات الطاقة من {c}'],
  ['Humanitarian aid to {c}', 'المساعدات الإنسانية إلى {c}'],
  ['Ceasefire in {c}', 'وقف إطلاق النار في {c}'],
  ['Refugees from {c}', 'اللاجئون من {c}'],
  ['Nuclear programme of {c}', 'البرنامج النووي لـ{c}'],
  ['Elections in {c}', 'الانتخابات في {c}'],
  ['Border dispute with {c}', 'النزاع الحدودي مع {c}'],
];

/** Reporting verbs as written (the domain notes' list), each with the English gloss used in translations. */
export const VERBS: readonly Pair[] = [
  ['said', 'قال'],
  ['affirmed', 'أكد'],
  ['clarified', 'أوضح'],
  ['added', 'أضاف'],
  ['pointed out', 'أشار'],
  ['declared', 'صرّح'],
  ['revealed', 'كشف'],
  ['considered', 'اعتبر'],
  ['held the view', 'رأى'],
  ['stated', 'بيّن'],
  ['cautioned', 'نبّه'],
  ['concluded', 'ختم'],
  ['stressed', 'شدّد'],
  ['announced', 'أعلن'],
  ['denied', 'نفى'],
  ['warned', 'حذّر'],
  ['called for', 'دعا'],
  ['accused', 'اتهم'],
  ['rejected', 'رفض'],
  ['threatened', 'هدّد'],
];

/** Filler sentences between statements, as articles have. */
export const FILLERS: readonly string[] = [
  'يأتي ذلك في ظل تصاعد التوتر في المنطقة خلال الأسابيع الأخيرة.',
  'وتشهد العلاقات بين البلدين تقلبات منذ مطلع العام.',
  'ولم يصدر أي تعليق رسمي من الجانب الآخر حتى الآن.',
  'وكانت وسائل إعلام قد تحدثت عن اتصالات غير معلنة بين الطرفين.',
  'ويرى مراقبون أن المرحلة المقبلة ستكون حاسمة.',
  'وتتواصل المشاورات على مستوى الخبراء في أكثر من عاصمة.',
  'وجاءت هذه التصريحات عقب اجتماع مطول في العاصمة.',
];

export const CITIES_AR: readonly string[] = [
  'موسكو',
  'واشنطن',
  'القاهرة',
  'أبوظبي',
  'الرياض',
  'أنقرة',
  'باريس',
  'برلين',
  'بكين',
  'كييف',
  'باكو',
  'الدوحة',
  'عمّان',
  'بيروت',
  'لندن',
];
