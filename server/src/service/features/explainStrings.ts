import type { OccurrenceNote } from '../scanner/occurrence';
import type { CallState } from '../trace/types';

/** The fixed wording of explanations, in each hover language. Data only. */
export interface ExplainStrings {
  /** What a dialect notes about where a code was found (OccurrenceNote), by key. */
  notes: Record<OccurrenceNote['key'], (...args: string[]) => string>;
  /** The request a response answers, its line (1-based) and how many seconds after it (`3.2`), from the trace. */
  answers: (method: string, line: number, after: string | undefined) => string;
  retransmission: (line: number) => string;
  /** The final response to a call's initial request: what became of the call (a callStates word). */
  decidedCall: (state: string) => string;
  callStates: Record<CallState, string>;
  inPractice: string;
  inAnswerTo: (method: string) => string;
  definedIn: string;
  statusLabel: Record<'deprecated' | 'removed' | 'unregistered' | 'product-specific', string>;
  onTheWire: (phrase: string) => string;
  variantOf: (source: string) => string;
  otherCodesPhrase: (phrase: string, codes: string) => string;
  customPhrase: string;
  unknownCode: (digits: string, classDigit: string) => string;
  impossibleCode: (digits: string) => string;
  sipfrag: string;
  reasonHeader: string;
  /** sl_forward_reply: the new code must keep the received reply's class (classDigit: "4"). */
  keepsReceivedClass: (classDigit: string) => string;
  q850Heading: string;
  q850Line: (rfc: string, asterisk: string, freeswitch: string) => string;
  notListed: string;
  q850Cause: (cause: string) => string;
  q850NotStatus: string;
  q850ToSip: (rfc: string, asterisk: string, freeswitch: string) => string;
  freeswitchCause: (cause: string) => string;
  freeswitchNotStatus: string;
  freeswitchNoSuchCause: (cause: string) => string;
  freeswitchSipArrivesAs: (status: string, cause: string) => string;
  warnCode: (code: string) => string;
  warnNotStatus: string;
  unknownQ850: (cause: string) => string;
  unknownWarn: (code: string) => string;
  patternHeading: string;
  patternMatches: (codes: string) => string;
  patternMatchesNothing: string;
  patternInvalid: (error: string) => string;
  /** A valid pattern whose codes are not worked out (why: "longer than 1000 characters", "back-references ..."). */
  patternUnchecked: (why: string) => string;
}

export const EXPLAIN_STRINGS: Record<'en' | 'fa', ExplainStrings> = {
  en: {
    answers: (method, line, after) => `Answers the ${method} at line ${line}${after === undefined ? '' : `, ${after} s later`}.`,
    retransmission: (line) => `A retransmission of the response at line ${line}.`,
    decidedCall: (state) => `The final response to the call's initial request: ${state}.`,
    callStates: {
      completed: 'the call completed',
      rejected: 'the call was rejected',
      busy: 'the call found the callee busy',
      cancelled: 'the call was cancelled',
      redirected: 'the call was redirected',
      'in call': 'the call was answered (no BYE in the trace)',
      registered: 'the registration succeeded',
      'failed authentication': 'the request failed authentication',
      'no final response': 'no final response',
    },
    notes: {
      commentedOut: () => 'In commented-out code: explained here, not checked (it does nothing until it is uncommented).',
      standsFor: (name, value, line) => `\`${name}\` stands for ${value} here (defined on line ${line}).`,
      definitionUsed: (name, lines) => `\`${name}\` is defined as this code and used where a status code goes (line ${lines}).`,
      accounting: () => 'acc takes the three leading digits of this comment as the SIP code of the accounting record and the rest as its reason; no reply is sent.',
      switchLabel: (subject) => `A case of switch (${subject}): taken when the reply code is this one.`,
      rpcReply: () => 'The code of a tm.reply/t_reply management command (JSON-RPC or MI) built here: it answers a pending transaction with this code.',
      sippRegex: () => 'SIPp matches this regular expression against the received message: the code of its status line.',
    },
    inPractice: 'In practice',
    inAnswerTo: (method) => `In answer to ${method}`,
    definedIn: 'Defined in',
    statusLabel: {
      deprecated: 'Deprecated',
      removed: 'Removed from SIP (not in the IANA registry)',
      unregistered: 'Not registered with IANA',
      'product-specific': 'Product-specific (not in the IANA registry)',
    },
    onTheWire: (phrase) => `The text says “${phrase}”`,
    variantOf: (source) => `the wording of ${source}`,
    otherCodesPhrase: (phrase, codes) => `“${phrase}” is the standard phrase of ${codes}: check that the code is the one meant.`,
    customPhrase: 'a custom phrase: legal in SIP (the phrase is for humans, the code decides)',
    unknownCode: (digits, digit) =>
      `${digits} is not in the IANA registry. A receiver that does not know it treats it as ${digit}00 (RFC 3261 §8.1.3.2).`,
    impossibleCode: (digits) =>
      `${digits} cannot be a SIP status code: a status code is three digits from 100 to 699 (RFC 3261 §7.2, §25.1).`,
    sipfrag:
      'This status line is the message/sipfrag body of a NOTIFY (RFC 3515): it reports how the referred request is going, not the status of the NOTIFY itself.',
    reasonHeader: 'In a Reason header (RFC 3326): the status code that caused this request or response.',
    keepsReceivedClass: (digit) =>
      `sl_forward_reply forwards the received reply with this code in place of its own, but Kamailio does not let it change the class: on a reply that is not ${digit}xx the function fails ("reply code class cannot be changed") without forwarding it.`,
    q850Heading: 'Q.850 cause it becomes',
    q850Line: (rfc, asterisk, freeswitch) => `RFC 3398: ${rfc} · Asterisk: ${asterisk} · FreeSWITCH: ${freeswitch}`,
    notListed: 'not listed',
    q850Cause: (cause) => `Q.850 cause ${cause}`,
    q850NotStatus: 'A Q.850 (ISDN) cause value, not a SIP status code.',
    q850ToSip: (rfc, asterisk, freeswitch) => `Sent as SIP: RFC 3398: ${rfc} · Asterisk chan_pjsip: ${asterisk} · FreeSWITCH: ${freeswitch}`,
    freeswitchCause: (cause) => `FreeSWITCH cause ${cause}`,
    freeswitchNotStatus: 'A FreeSWITCH-internal hangup cause number, neither Q.850 nor a SIP status code.',
    freeswitchNoSuchCause: (cause) =>
      `FreeSWITCH compares this entry with its hangup cause numbers (Q.850 1-127 and its own 142, 487, 700-703, 800-825), not with SIP status codes. ${cause} is none of them, so it never matches.`,
    freeswitchSipArrivesAs: (status, cause) => `A ${status} response reaches FreeSWITCH as cause ${cause}: list that number (or its name) instead.`,
    warnCode: (code) => `Warning code ${code}`,
    warnNotStatus: 'A warn-code of the Warning header (its own registry, RFC 3261 §20.43), not a SIP status code.',
    unknownQ850: (cause) => `${cause} is not a Q.850 cause value that SIP gateways map.`,
    unknownWarn: (code) => `${code} is not a registered warn-code.`,
    patternHeading: 'Status-code pattern',
    patternMatches: (codes) => `Matches ${codes} (searched in the three-digit code, not anchored).`,
    patternMatchesNothing: 'Matches no status code from 100 to 699: the check is never true.',
    patternInvalid: (error) => `Not a valid regular expression: ${error}.`,
    patternUnchecked: (why) => `Which codes it matches is not worked out here: ${why}.`,
  },
  fa: {
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
      standsFor: (name, value, line) => `\`${name}\` این‌جا به جای ${value} نوشته شده است (تعریف در خط ${line}).`,
      definitionUsed: (name, lines) => `\`${name}\` با این کد تعریف شده و جایی به کار رفته که کد وضعیت می‌آید (خط ${lines}).`,
      accounting: () => 'ماژول acc سه رقم اول این توضیح را کد SIP رکورد accounting و بقیه را reason آن می‌گیرد؛ پاسخی ارسال نمی‌شود.',
      switchLabel: (subject) => `یک case از switch (${subject}): وقتی اجرا می‌شود که کد پاسخ همین باشد.`,
      rpcReply: () => 'کد یک فرمان مدیریتی tm.reply/t_reply (JSON-RPC یا MI) که این‌جا ساخته می‌شود: با این کد به یک تراکنش در انتظار پاسخ می‌دهد.',
      sippRegex: () => 'SIPp این عبارت باقاعده را روی پیام دریافتی امتحان می‌کند: کدِ خط وضعیت آن.',
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
    keepsReceivedClass: (digit) =>
      `sl_forward_reply پاسخ دریافت‌شده را با این کد به جای کد خودش ارسال می‌کند، اما Kamailio اجازهٔ تغییر کلاس را نمی‌دهد: روی پاسخی که ${digit}xx نباشد، تابع خطا می‌دهد («reply code class cannot be changed») و پاسخ را ارسال نمی‌کند.`,
    q850Heading: 'علت Q.850 معادل',
    q850Line: (rfc, asterisk, freeswitch) => `RFC 3398: ${rfc} · Asterisk: ${asterisk} · FreeSWITCH: ${freeswitch}`,
    notListed: 'فهرست نشده',
    q850Cause: (cause) => `علت Q.850 شمارهٔ ${cause}`,
    q850NotStatus: 'این یک مقدار علت Q.850 (ISDN) است، نه کد وضعیت SIP.',
    q850ToSip: (rfc, asterisk, freeswitch) => `معادل SIP: RFC 3398: ${rfc} · Asterisk chan_pjsip: ${asterisk} · FreeSWITCH: ${freeswitch}`,
    freeswitchCause: (cause) => `علت داخلی FreeSWITCH شمارهٔ ${cause}`,
    freeswitchNotStatus: 'شمارهٔ علت قطع تماس داخلی FreeSWITCH است؛ نه Q.850 است و نه کد وضعیت SIP.',
    freeswitchNoSuchCause: (cause) =>
      `FreeSWITCH این مقدار را با شماره‌های علت قطع تماس خودش مقایسه می‌کند (Q.850 از 1 تا 127 و علت‌های داخلی 142، 487، 700 تا 703 و 800 تا 825)، نه با کدهای وضعیت SIP. ${cause} هیچ‌کدام از آن‌ها نیست، پس هیچ‌وقت جور درنمی‌آید.`,
    freeswitchSipArrivesAs: (status, cause) => `پاسخ ${status} با علت ${cause} به FreeSWITCH می‌رسد: به جای آن، این شماره (یا نامش) را بنویسید.`,
    warnCode: (code) => `کد هشدار ${code}`,
    warnNotStatus: 'کد هشدار (warn-code) هدر Warning است (رجیستری جداگانه، RFC 3261 §20.43)، نه کد وضعیت SIP.',
    unknownQ850: (cause) => `${cause} مقدار علت Q.850ای نیست که دروازه‌های SIP نگاشت کنند.`,
    unknownWarn: (code) => `${code} کد هشدار ثبت‌شده‌ای نیست.`,
    patternHeading: 'الگوی کد وضعیت',
    patternMatches: (codes) => `با این کدها جور درمی‌آید: ${codes} (جست‌وجو در کد سه‌رقمی، بدون لنگر ابتدا و انتها).`,
    patternMatchesNothing: 'با هیچ کد وضعیتی از 100 تا 699 جور درنمی‌آید: این شرط هیچ‌وقت درست نیست.',
    patternInvalid: (error) => `عبارت باقاعدهٔ معتبری نیست: ${error}.`,
    patternUnchecked: (why) => `این‌جا بررسی نمی‌شود که با کدام کدها جور درمی‌آید: ${why}.`,
  },
};
