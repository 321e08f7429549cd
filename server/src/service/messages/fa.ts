import { CAPTURE_MESSAGES } from '../../../../common/captureMessages';
import type { Messages } from './types';

/** The Persian catalogue: the seed guide's register, with the terms engineers use (INVITE, proxy, trunk) in Latin script. */
export const FA: Messages = {
  hover: {
    answers: (method, line, after) => `پاسخِ ${method} در خط ${line} است${after === undefined ? '' : `، ${after} ثانیه پس از آن`}.`,
    retransmission: (line) => `ارسال دوبارهٔ پاسخِ خط ${line} است.`,
    decidedCall: (state) => `پاسخ نهایی به درخواست آغازین تماس: ${state}.`,
    callStates: {
      completed: 'تماس انجام شد و پایان یافت',
      rejected: 'تماس رد شد',
      busy: 'مخاطب مشغول بود',
      cancelled: 'تماس لغو شد',
      redirected: 'تماس به مقصد دیگری هدایت شد',
      'in call': 'تماس پاسخ داده شد (BYE در ردگیری نیست)',
      registered: 'ثبت‌نام موفق بود',
      'failed authentication': 'احراز هویت ناموفق بود',
      'no final response': 'بی پاسخ نهایی',
    },
    notes: {
      commentedOut: () => 'در کدِ کامنت‌شده: این‌جا توضیح داده می‌شود اما بررسی نمی‌شود (تا از کامنت درنیاید کاری انجام نمی‌دهد).',
      standsFor: (name, value, line) => `${name} این‌جا به جای ${value} نوشته شده است (تعریف در خط ${line}).`,
      definitionUsed: (name, lines) => `${name} با این کد تعریف شده و جایی به کار رفته که کد وضعیت می‌آید (خط ${lines}).`,
      accounting: () => 'ماژول acc سه رقم اول این توضیح را کد SIP رکورد accounting و بقیه را reason آن می‌گیرد؛ پاسخی ارسال نمی‌شود.',
      switchLabel: (subject) => `یک case از switch (${subject}): وقتی اجرا می‌شود که کد پاسخ همین باشد.`,
      holdsReplyCode: (name, line) => `\`${name}\` کد پاسخ را در خود دارد (مقداردهی در خط ${line}).`,
      sentAsReply: (name, line) => `\`${name}\` به‌عنوان کد یک پاسخ ارسال می‌شود (خط ${line}).`,
      sendsReply: (name, line) => `\`${name}\` پاسخ خود را با این کد ارسال می‌کند (تعریف در خط ${line}).`,
      rpcReply: () => 'کد یک فرمان مدیریتی tm.reply/t_reply (JSON-RPC یا MI) که این‌جا ساخته می‌شود: با این کد به یک تراکنش در انتظار پاسخ می‌دهد.',
      sippRegex: () => 'SIPp این عبارت باقاعده را روی پیام دریافتی امتحان می‌کند: کدِ خط وضعیت آن.',
      keepsReceivedClass: (code) =>
        `sl_forward_reply پاسخ دریافت‌شده را با این کد به جای کد خودش ارسال می‌کند، اما Kamailio اجازهٔ تغییر کلاس را نمی‌دهد: روی پاسخی که ${code[0]}xx نباشد، تابع خطا می‌دهد («reply code class cannot be changed») و پاسخ را ارسال نمی‌کند.`,
    },
    inPractice: 'در عمل',
    inAnswerTo: (method) => `در پاسخ به ${method}`,
    definedIn: 'تعریف‌شده در',
    statusLabel: {
      deprecated: 'منسوخ (Deprecated)',
      removed: 'حذف‌شده از SIP (در رجیستری IANA نیست)',
      unregistered: 'در IANA ثبت نشده است',
      'product-specific': 'مخصوص یک محصول (در رجیستری IANA نیست)',
    },
    onTheWire: (phrase) => `متن پیام: «${phrase}»`,
    variantOf: (source) => `عبارتی که ${source} به کار می‌برد`,
    otherCodesPhrase: (phrase, codes) => `«${phrase}» عبارت استاندارد کد ${codes} است: بررسی کنید کد همان کدی باشد که منظور بوده است.`,
    customPhrase: 'عبارت دلخواه: در SIP مجاز است (عبارت برای انسان است و تصمیم را کد می‌گیرد)',
    unknownCode: (digits, digit) =>
      `${digits} در رجیستری IANA نیست. گیرنده‌ای که آن را نشناسد با آن مثل ${digit}00 رفتار می‌کند (RFC 3261 §8.1.3.2).`,
    impossibleCode: (digits) =>
      `${digits} نمی‌تواند کد وضعیت SIP باشد: کد وضعیت سه رقم از 100 تا 699 است (RFC 3261 §7.2 و §25.1).`,
    sipfrag:
      'این خط وضعیت، بدنهٔ message/sipfrag یک NOTIFY است (RFC 3515): وضعیت درخواستِ ارجاع‌شده (REFER) را گزارش می‌کند، نه وضعیت خود NOTIFY را.',
    reasonHeader: 'در هدر Reason (RFC 3326): کد وضعیتی که باعث این درخواست یا پاسخ شده است.',
    q850Heading: 'علت Q.850 معادل',
    q850Line: (rfc, asterisk, freeswitch) => `RFC 3398: ${rfc} · Asterisk: ${asterisk} · FreeSWITCH: ${freeswitch}`,
    notListed: 'فهرست نشده',
    causes: {
      q850: {
        title: (cause) => `علت Q.850 شمارهٔ ${cause}`,
        notStatus: 'این یک مقدار علت Q.850 (ISDN) است، نه کد وضعیت SIP.',
        unknown: (cause) => `${cause} مقدار علت Q.850ای نیست که دروازه‌های SIP نگاشت کنند.`,
      },
      'freeswitch-cause': {
        title: (cause) => `علت داخلی FreeSWITCH شمارهٔ ${cause}`,
        notStatus: 'شمارهٔ علت قطع تماس داخلی FreeSWITCH است؛ نه Q.850 است و نه کد وضعیت SIP.',
        unknown: (cause) =>
          `FreeSWITCH این مقدار را با شماره‌های علت قطع تماس خودش مقایسه می‌کند (Q.850 از 1 تا 127 و علت‌های داخلی 142، 487، 700 تا 703 و 800 تا 825)، نه با کدهای وضعیت SIP. ${cause} هیچ‌کدام از آن‌ها نیست، پس هیچ‌وقت جور درنمی‌آید.`,
      },
    },
    q850ToSip: (rfc, asterisk, freeswitch) => `معادل SIP: RFC 3398: ${rfc} · Asterisk chan_pjsip: ${asterisk} · FreeSWITCH: ${freeswitch}`,
    sipArrivesAs: (status, product, cause) => `پاسخ ${status} با علت ${cause} به ${product} می‌رسد: به جای آن، این شماره (یا نامش) را بنویسید.`,
    warnCode: (code) => `کد هشدار ${code}`,
    warnNotStatus: 'کد هشدار (warn-code) هدر Warning است (رجیستری جداگانه، RFC 3261 §20.43)، نه کد وضعیت SIP.',
    unknownWarn: (code) => `${code} کد هشدار ثبت‌شده‌ای نیست.`,
    patternHeading: 'الگوی کد وضعیت',
    patternMatches: (codes) => `با این کدها جور درمی‌آید: ${codes} (جست‌وجو در کد سه‌رقمی، بدون لنگر ابتدا و انتها).`,
    patternMatchesNothing: 'با هیچ کد وضعیتی از 100 تا 699 جور درنمی‌آید: این شرط هیچ‌وقت درست نیست.',
    patternInvalid: (error) => `عبارت باقاعدهٔ معتبری نیست: ${error}.`,
    patternUnchecked: (why) => `این‌جا بررسی نمی‌شود که با کدام کدها جور درمی‌آید: ${why}.`,
  },
  diagnostics: {
    codeNotAllowed: (digits, why) => `${digits} این‌جا پذیرفته نمی‌شود: ${why}`,
    customPhrase: (phrase, source, code, standard) =>
      `«${phrase}»${source ? ` (عبارتی که ${source} به کار می‌برد)` : ''} عبارت استاندارد کد ${code} («${standard}») نیست. عبارت دلخواه در SIP مجاز است: گیرنده فقط به کد عمل می‌کند.`,
    deprecatedCode: (title, note) => `${title} منسوخ (deprecated) است: ${note}`.trim(),
    impossibleCode: (digits) => `${digits} کد وضعیت معتبر SIP نیست: کد وضعیت سه رقم از 100 تا 699 است (RFC 3261 §7.2).`,
    phraseMismatch: (phrase, codes, title) =>
      `«${phrase}» عبارت کد ${codes} است، نه ${title}. عبارت پاسخ (reason phrase) در SIP متن آزاد است و گیرنده به کد عمل می‌کند؛ بررسی کنید منظور کدام بوده است.`,
    removedCode: (title, note) => `${title} از SIP حذف شده است: ${note}`.trim(),
    patternMatchesNothing: (pattern) => `الگوی «${pattern}» با هیچ کد وضعیتی از 100 تا 699 جور درنمی‌آید، پس این شرط هیچ‌وقت درست نیست.`,
    patternInvalid: (pattern, error) => `الگوی «${pattern}» عبارت باقاعدهٔ معتبری نیست: ${error}.`,
    unregisteredCode: (title, note) => (note ? `${title} کد وضعیت ثبت‌شدهٔ SIP نیست: ${note}` : `${title} کد وضعیت ثبت‌شدهٔ SIP نیست.`),
    treatedAs: (code) => `گیرنده‌ای که آن را نشناسد با آن مثل ${code} رفتار می‌کند (RFC 3261 §8.1.3.2).`,
    tooMany: (count, max) => `${count} هشدار دیگر SIP Sense نشان داده نمی‌شود (sipSense.diagnostics.maxPerDocument برابر ${max} است).`,
  },
  actions: {
    replacePhrase: (phrase) => `جایگزینی با عبارت استاندارد «${phrase}»`,
    explainCode: (digits) => `توضیح ${digits} (بدون تغییر خودکار)`,
    callFlow: '▶ جریان تماس',
  },
  completion: {
    deprecated: 'منسوخ',
  },
  cli: {
    usage: (synopsis) => `طرز استفاده:
${synopsis}

check   مشکلات کدهای وضعیت را مثل یک کامپایلر گزارش می‌کند (path:line:col: severity: message [rule])؛
        اگر خطایی (error) پیدا شود یا فایلی خوانده نشود با کد 1 خارج می‌شود، وگرنه با 0، و اگر دستور نادرست باشد با 2.
        یک capture (pcap، pcapng، gz.) به شکل trace رمزگشایی‌شده‌اش بررسی می‌شود.
explain معنای یک کد وضعیت را توضیح می‌دهد.
calls   تماس‌های traceها (و captureها) را فهرست می‌کند، هر تماس در یک ردیف: Call-ID، اولین method، From، To،
        شروع، مدت، تعداد پیام‌ها، کد و عبارت نهایی، وضعیت؛ اگر فایلی خوانده نشود با کد 1 خارج می‌شود.
flow    call flow یک trace یا capture را رسم می‌کند (همهٔ پیام‌ها، یا پیام‌های یک تماس): نردبان متنی، SVG مستقل،
        صفحهٔ HTML یا JSON؛ اگر فایل خوانده نشود یا چنین تماسی نداشته باشد با کد 1 خارج می‌شود.

decode  پیام‌های SIP یک capture را به شکل trace به سبک ngrep چاپ می‌کند (یا در FILE می‌نویسد)؛
        اگر فایل capture نباشد یا خراب باشد با کد 1 خارج می‌شود (آنچه تا آن‌جا خوانده شده باز هم چاپ می‌شود).`,
    unknownCommand: (command) => `دستور ناشناخته: ${command}`,
    noCommand: 'هیچ دستوری داده نشده است',
    unknownOption: (name) => `گزینهٔ ناشناخته: --${name}`,
    needsValue: (name) => `گزینهٔ --${name} به یک مقدار نیاز دارد`,
    takesOneOf: (name, values) => `گزینهٔ --${name} فقط یکی از این‌ها را می‌پذیرد: ${values}`,
    needsFiles: (command) => `${command} دست‌کم به یک فایل نیاز دارد`,
    explainTakesCode: 'explain فقط یک کد وضعیت می‌گیرد، مثلاً sipsense explain 486',
    flowTakesFile: 'flow فقط یک فایل می‌گیرد، مثلاً sipsense flow trace.sip',
    outputNeedsFile: 'گزینهٔ -o به نام یک فایل نیاز دارد',
    decodeTakesCapture: 'decode فقط یک فایل capture می‌گیرد',
    cannotRead: (file, reason) => `فایل ${file} خوانده نشد: ${reason}`,
    cannotWrite: (file, reason) => `در فایل ${file} نوشتن ممکن نشد: ${reason}`,
    skippedBinary: (file) => `${file} کنار گذاشته شد: فایل باینری است`,
    lineTooLong: (line, millions) => `سطر ${line} از ${millions} میلیون نویسه بلندتر است: باقی فایل بررسی نشد`,
    noSuchCall: (callId, file) => `در ${file} هیچ تماسی با Call-ID ${callId} نیست`,
    decoded: (frames, sipMessages, skipped) => `${frames} فریم، ${sipMessages} پیام SIP${skipped ? `؛ کنار گذاشته‌شده: ${skipped}` : ''}`,
    listSeparator: '، ',
    messageCount: (count) => `${count} پیام`,
    callStates: {
      completed: 'انجام‌شده',
      rejected: 'ردشده',
      busy: 'مشغول',
      cancelled: 'لغوشده',
      redirected: 'هدایت‌شده',
      'in call': 'در مکالمه',
      registered: 'ثبت‌نام‌شده',
      'failed authentication': 'احراز هویت ناموفق',
      'no final response': 'بی پاسخ نهایی',
    },
  },
  fromDisk: {
    reading: 'SIP Sense: در حال خواندن trace از دیسک',
    decodedSoFar: (size) => `${size} مگابایت پیام SIP رمزگشایی شد`,
    readSoFar: (size, total) => `${size} از ${total} مگابایت`,
    cancelled: 'خواندن trace لغو شد.',
    cannotRead: (path, reason) => `فایل ${path} خوانده نشد: ${reason}`,
    noSource: 'SIP Sense چنین سندی باز ندارد و فایلی هم با این نشانی روی دیسک نیست.',
    decoded: (size) => `از دیسک رمزگشایی شد (${size} مگابایت پیام SIP): ویرایشگر این capture را به SIP Sense نداد.`,
    read: (size) => `از دیسک خوانده شد (${size} مگابایت): ویرایشگر این فایل را به SIP Sense نداد.`,
  },
  capture: CAPTURE_MESSAGES.fa,
};
