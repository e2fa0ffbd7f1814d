/**
 * The people, places and sources of the relevance benchmark's archive, with how each language's press
 * spells them. English sources disagree on transliteration (each source keeps one house style, as real
 * desks do); Arabic and Persian sources spell names in their own script (Persian with پ چ ژ گ ک ی where
 * Arabic writes ب ج ز غ/ك ك ي).
 *
 * Some entities exist to be confused with others (precision traps for name matching): Sudan (the country)
 * beside al-Sudani (the Iraqi prime minister), Al-Qassim (the Saudi province, القصيم) beside Naim Qassem
 * (قاسم), Ruhollah Khomeini beside Ali Khamenei, King Salman beside Mohammed bin Salman.
 */

/**
 * en: house-style variants [full name, later short name]; ar/fa: [full, short]. `title` is the role
 * written before the name.
 */
export const PEOPLE = {
  araghchi: {
    en: [['Abbas Araghchi', 'Araghchi'], ['Abbas Araqchi', 'Araqchi'], ['Abbas Arakchi', 'Arakchi']],
    ar: ['عباس عراقجي', 'عراقجي'],
    fa: ['عباس عراقچی', 'عراقچی'],
    title: { en: "Iran's foreign minister", ar: 'وزير الخارجية الإيراني', fa: 'وزیر امور خارجه ایران' },
    country: 'iran',
  },
  mbs: {
    en: [['Mohammed bin Salman', 'Mohammed bin Salman'], ['Muhammad bin Salman', 'Muhammad bin Salman'], ['Mohamed bin Salman', 'Mohamed bin Salman'], ['Mohammad bin Salman', 'Prince Mohammad']],
    ar: ['الأمير محمد بن سلمان', 'محمد بن سلمان'],
    fa: ['محمد بن سلمان', 'بن سلمان'],
    title: { en: 'Saudi Crown Prince', ar: 'ولي العهد السعودي', fa: 'ولیعهد عربستان سعودی' },
    country: 'saudi',
  },
  sudani: {
    en: [['Mohammed Shia al-Sudani', 'al-Sudani'], ['Mohammed Shia el-Sudani', 'el-Sudani'], ['Mohammed Shia Al Sudani', 'Al Sudani'], ['Muhammad Shia al-Sudani', 'Sudani']],
    ar: ['محمد شياع السوداني', 'السوداني'],
    fa: ['محمد شیاع السودانی', 'السودانی'],
    title: { en: "Iraq's prime minister", ar: 'رئيس الوزراء العراقي', fa: 'نخست‌وزیر عراق' },
    country: 'iraq',
  },
  khamenei: {
    en: [['Ali Khamenei', 'Khamenei'], ["Ali Khamene'i", "Khamene'i"], ['Ayatollah Ali Khamenei', 'Khamenei']],
    ar: ['علي خامنئي', 'خامنئي'],
    fa: ['آیت‌الله علی خامنه‌ای', 'خامنه‌ای'],
    title: { en: "Iran's supreme leader", ar: 'المرشد الإيراني', fa: 'رهبر جمهوری اسلامی' },
    country: 'iran',
  },
  pezeshkian: {
    en: [['Masoud Pezeshkian', 'Pezeshkian'], ['Masoud Pezeshkiyan', 'Pezeshkiyan'], ['Massoud Pezeshkian', 'Pezeshkian']],
    ar: ['مسعود بزشكيان', 'بزشكيان'],
    fa: ['مسعود پزشکیان', 'پزشکیان'],
    title: { en: 'Iranian President', ar: 'الرئيس الإيراني', fa: 'رئیس‌جمهور' },
    country: 'iran',
  },
  busaidi: {
    en: [['Badr Albusaidi', 'Albusaidi'], ['Badr al-Busaidi', 'al-Busaidi'], ['Badr Al Busaidi', 'Al Busaidi']],
    ar: ['بدر البوسعيدي', 'البوسعيدي'],
    fa: ['بدر البوسعیدی', 'البوسعیدی'],
    title: { en: "Oman's foreign minister", ar: 'وزير الخارجية العماني', fa: 'وزیر خارجه عمان' },
    country: 'oman',
  },
  ghalibaf: {
    en: [['Mohammad Bagher Ghalibaf', 'Ghalibaf'], ['Mohammad Baqer Qalibaf', 'Qalibaf'], ['Mohammad-Bagher Ghalibaf', 'Ghalibaf']],
    ar: ['محمد باقر قاليباف', 'قاليباف'],
    fa: ['محمدباقر قالیباف', 'قالیباف'],
    title: { en: 'parliament speaker', ar: 'رئيس البرلمان الإيراني', fa: 'رئیس مجلس' },
    country: 'iran',
  },
  faisal: {
    en: [['Faisal bin Farhan', 'Prince Faisal'], ['Faisal bin Farhan Al Saud', 'Faisal bin Farhan'], ['Faysal bin Farhan', 'Faysal bin Farhan']],
    ar: ['الأمير فيصل بن فرحان', 'فيصل بن فرحان'],
    fa: ['فیصل بن فرحان', 'بن فرحان'],
    title: { en: 'Saudi Foreign Minister', ar: 'وزير الخارجية السعودي', fa: 'وزیر خارجه عربستان' },
    country: 'saudi',
  },
  thani: {
    en: [['Mohammed bin Abdulrahman Al Thani', 'Al Thani'], ['Mohammed bin Abdulrahman al-Thani', 'al-Thani'], ['Muhammad bin Abdulrahman Al-Thani', 'Al-Thani']],
    ar: ['الشيخ محمد بن عبد الرحمن آل ثاني', 'آل ثاني'],
    fa: ['شیخ محمد بن عبدالرحمن آل ثانی', 'آل ثانی'],
    title: { en: "Qatar's prime minister", ar: 'رئيس الوزراء القطري', fa: 'نخست‌وزیر قطر' },
    country: 'qatar',
  },
  qassem: {
    en: [['Naim Qassem', 'Qassem'], ['Naim Qasim', 'Qasim'], ['Naim Kassem', 'Kassem'], ['Naeem Qassem', 'Qassem']],
    ar: ['الشيخ نعيم قاسم', 'قاسم'],
    fa: ['نعیم قاسم', 'قاسم'],
    title: { en: "Hezbollah's secretary-general", ar: 'الأمين العام لحزب الله', fa: 'دبیرکل حزب‌الله' },
    country: 'lebanon',
  },
  larijani: {
    en: [['Ali Larijani', 'Larijani']],
    ar: ['علي لاريجاني', 'لاريجاني'],
    fa: ['علی لاریجانی', 'لاریجانی'],
    title: { en: 'senior adviser', ar: 'المستشار الإيراني', fa: 'مشاور رهبری' },
    country: 'iran',
  },
  fidan: {
    en: [['Hakan Fidan', 'Fidan']],
    ar: ['هاكان فيدان', 'فيدان'],
    fa: ['هاکان فیدان', 'فیدان'],
    title: { en: 'Turkish Foreign Minister', ar: 'وزير الخارجية التركي', fa: 'وزیر خارجه ترکیه' },
    country: 'turkey',
  },
  barzani: {
    en: [['Nechirvan Barzani', 'Barzani'], ['Nechervan Barzani', 'Barzani']],
    ar: ['نيجيرفان بارزاني', 'بارزاني'],
    fa: ['نیچروان بارزانی', 'بارزانی'],
    title: { en: 'Kurdistan Region President', ar: 'رئيس إقليم كردستان', fa: 'رئیس اقلیم کردستان' },
    country: 'iraq',
  },
  grossi: {
    en: [['Rafael Grossi', 'Grossi']],
    ar: ['رافائيل غروسي', 'غروسي'],
    fa: ['رافائل گروسی', 'گروسی'],
    title: { en: 'IAEA Director General', ar: 'المدير العام للوكالة الدولية للطاقة الذرية', fa: 'مدیرکل آژانس بین‌المللی انرژی اتمی' },
    country: 'iran',
  },
  /* Lookalikes: people a name key could confuse with the ones above. */
  khomeini: {
    en: [['Ruhollah Khomeini', 'Khomeini'], ['Ayatollah Ruhollah Khomeini', 'Khomeini']],
    ar: ['روح الله الخميني', 'الخميني'],
    fa: ['روح‌الله خمینی', 'خمینی'],
    title: { en: "the founder of the Islamic Republic", ar: 'مؤسس الجمهورية الإسلامية', fa: 'بنیانگذار جمهوری اسلامی' },
    country: 'iran',
  },
  kingsalman: {
    en: [['King Salman bin Abdulaziz', 'King Salman']],
    ar: ['الملك سلمان بن عبد العزيز', 'الملك سلمان'],
    fa: ['ملک سلمان بن عبدالعزیز', 'ملک سلمان'],
    title: { en: 'the Saudi monarch', ar: 'العاهل السعودي', fa: 'پادشاه عربستان' },
    country: 'saudi',
  },
};

/** Cities: [en, ar, fa] and country. */
export const CITIES = {
  tehran: { en: 'Tehran', ar: 'طهران', fa: 'تهران', country: 'iran' },
  isfahan: { en: 'Isfahan', ar: 'أصفهان', fa: 'اصفهان', country: 'iran' },
  kerman: { en: 'Kerman', ar: 'كرمان', fa: 'کرمان', country: 'iran' },
  riyadh: { en: 'Riyadh', ar: 'الرياض', fa: 'ریاض', country: 'saudi' },
  jeddah: { en: 'Jeddah', ar: 'جدة', fa: 'جده', country: 'saudi' },
  baghdad: { en: 'Baghdad', ar: 'بغداد', fa: 'بغداد', country: 'iraq' },
  basra: { en: 'Basra', ar: 'البصرة', fa: 'بصره', country: 'iraq' },
  erbil: { en: 'Erbil', ar: 'أربيل', fa: 'اربیل', country: 'iraq' },
  muscat: { en: 'Muscat', ar: 'مسقط', fa: 'مسقط', country: 'oman' },
  doha: { en: 'Doha', ar: 'الدوحة', fa: 'دوحه', country: 'qatar' },
  beirut: { en: 'Beirut', ar: 'بيروت', fa: 'بیروت', country: 'lebanon' },
  manama: { en: 'Manama', ar: 'المنامة', fa: 'منامه', country: 'bahrain' },
  ankara: { en: 'Ankara', ar: 'أنقرة', fa: 'آنکارا', country: 'turkey' },
  geneva: { en: 'Geneva', ar: 'جنيف', fa: 'ژنو', country: 'switzerland' },
  vienna: { en: 'Vienna', ar: 'فيينا', fa: 'وین', country: 'austria' },
};

/** Countries: name, adjective (en), name with article / adjective (ar), name (fa). */
export const COUNTRIES = {
  iran: { en: 'Iran', adj: 'Iranian', ar: 'إيران', arAdj: 'الإيرانية', fa: 'ایران', faAdj: 'ایرانی' },
  saudi: { en: 'Saudi Arabia', adj: 'Saudi', ar: 'السعودية', arAdj: 'السعودية', fa: 'عربستان سعودی', faAdj: 'سعودی' },
  iraq: { en: 'Iraq', adj: 'Iraqi', ar: 'العراق', arAdj: 'العراقية', fa: 'عراق', faAdj: 'عراقی' },
  oman: { en: 'Oman', adj: 'Omani', ar: 'سلطنة عمان', arAdj: 'العمانية', fa: 'عمان', faAdj: 'عمانی' },
  qatar: { en: 'Qatar', adj: 'Qatari', ar: 'قطر', arAdj: 'القطرية', fa: 'قطر', faAdj: 'قطری' },
  lebanon: { en: 'Lebanon', adj: 'Lebanese', ar: 'لبنان', arAdj: 'اللبنانية', fa: 'لبنان', faAdj: 'لبنانی' },
  bahrain: { en: 'Bahrain', adj: 'Bahraini', ar: 'البحرين', arAdj: 'البحرينية', fa: 'بحرین', faAdj: 'بحرینی' },
  turkey: { en: 'Turkey', adj: 'Turkish', ar: 'تركيا', arAdj: 'التركية', fa: 'ترکیه', faAdj: 'ترکیه‌ای' },
  switzerland: { en: 'Switzerland', adj: 'Swiss', ar: 'سويسرا', arAdj: 'السويسرية', fa: 'سوئیس', faAdj: 'سوئیسی' },
  austria: { en: 'Austria', adj: 'Austrian', ar: 'النمسا', arAdj: 'النمساوية', fa: 'اتریش', faAdj: 'اتریشی' },
};

/** Sources per language; an English source's index picks its house spelling of every name. */
export const SOURCES = {
  en: ['Gulf Wire', 'Levant Daily', 'The Regional Observer', 'Eastern Desk', 'Policy Review Weekly', 'Crescent News Agency', 'Harbour Post'],
  ar: ['وكالة الخليج للأنباء', 'صحيفة الشرق الجديد', 'الرافدين اليوم', 'بوابة المشرق', 'جريدة الوطن العربي'],
  fa: ['خبرگزاری پارس نو', 'روزنامه همشهری امروز', 'دیده‌بان خلیج', 'خبرآنلاین منطقه', 'هفته‌نامه دیپلماسی'],
};

export const TAGS = ['diplomacy', 'economy', 'security', 'energy', 'politics', 'society', 'culture', 'sport', 'science', 'health'];
