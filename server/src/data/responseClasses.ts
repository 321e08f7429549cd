import type { ResponseClassEntry } from './types';

/**
 * The six SIP response classes (RFC 3261 section 21; class semantics in section 7.2,
 * handling of unknown codes in section 8.1.3.2, 6xx forking behaviour in section 16.7).
 */
export const RESPONSE_CLASSES: readonly ResponseClassEntry[] = [
  {
    digit: 1,
    name: { en: 'Provisional', fa: 'موقت' },
    meaning: {
      en: 'The request has arrived and is still being worked on; a 1xx never completes the transaction, so the client keeps waiting for a final response (it does stop INVITE retransmissions over UDP). 100 Trying is hop-by-hop and never forwarded, while 18x responses travel end to end and, with a To-tag, create an early dialog. 1xx responses are neither acknowledged nor delivered reliably unless 100rel/PRACK (RFC 3262) is in use. A client that receives an unknown 1xx code other than 100 handles it as 183 Session Progress (RFC 3261 8.1.3.2).',
      fa: 'درخواست رسیده و هنوز در حال پردازش است؛ پاسخ 1xx هرگز تراکنش را تمام نمی‌کند و کلاینت همچنان منتظر پاسخ نهایی می‌ماند (البته ارسال دوباره‌ی INVITE روی UDP را متوقف می‌کند). 100 Trying فقط بین دو گره مجاور (hop-by-hop) معنا دارد و جلوتر فرستاده نمی‌شود، اما پاسخ‌های 18x از یک سر تا سر دیگر می‌روند و اگر To-tag داشته باشند یک early dialog می‌سازند. پاسخ‌های 1xx نه تأیید می‌شوند و نه رسیدنشان تضمین‌شده است، مگر اینکه 100rel/PRACK (RFC 3262) فعال باشد. کلاینتی که یک کد 1xx ناشناخته (غیر از 100) دریافت کند، آن را مثل 183 Session Progress در نظر می‌گیرد (RFC 3261 بخش 8.1.3.2).',
    },
  },
  {
    digit: 2,
    name: { en: 'Success', fa: 'موفقیت' },
    meaning: {
      en: 'A positive, final answer: the request succeeded and the transaction is complete. A 2xx to INVITE sets up the dialog; the UAS keeps retransmitting it until the caller’s ACK arrives, and that ACK is a separate end-to-end request, not part of the INVITE transaction. With forking, several 2xx may arrive for one INVITE, each creating its own dialog. An unknown 2xx code is handled as 200 OK (RFC 3261 8.1.3.2).',
      fa: 'کدهای محدوده‌ی 2xx پاسخ‌های مثبت، یعنی موفقیت‌آمیز، هستند: درخواست با موفقیت انجام شده و تراکنش به پایان رسیده است. پاسخ 2xx به INVITE دیالوگ تماس را برقرار می‌کند؛ UAS آن را آن‌قدر دوباره می‌فرستد تا ACK تماس‌گیرنده برسد، و این ACK خودش یک درخواست جداگانه و سرتاسری است و جزو تراکنش INVITE حساب نمی‌شود. اگر درخواست fork شده باشد، ممکن است برای یک INVITE چند پاسخ 2xx برسد که هر کدام دیالوگ جداگانه‌ای می‌سازند. کد 2xx ناشناخته مثل 200 OK در نظر گرفته می‌شود (RFC 3261 بخش 8.1.3.2).',
    },
  },
  {
    digit: 3,
    name: { en: 'Redirection', fa: 'تغییر مسیر' },
    meaning: {
      en: 'A final response that does not serve the request here but says where the user can now be reached: the new location(s) are in the Contact header (or, for 380, alternative services in the body). The client or a recursing proxy may send a new request to those targets; the original transaction is over, and an INVITE is acknowledged hop-by-hop by the transaction layer. An unknown 3xx code is handled as 300 Multiple Choices (RFC 3261 8.1.3.2).',
      fa: 'کدهای محدوده‌ی 3xx برای اعلام موقعیت یا مسیر جدید کاربر هستند: پاسخی نهایی که درخواست را همین‌جا انجام نمی‌دهد، بلکه می‌گوید کاربر اکنون از کجا در دسترس است. نشانی‌های جدید در هدر Contact می‌آیند (یا در مورد 380، سرویس‌های جایگزین در بدنه‌ی پیام). کلاینت یا یک پراکسی که خودش redirect را دنبال می‌کند می‌تواند درخواست تازه‌ای به این مقصدها بفرستد؛ تراکنش اصلی تمام شده و اگر درخواست INVITE بوده، لایه‌ی تراکنش آن را به‌صورت hop-by-hop با ACK تأیید می‌کند. کد 3xx ناشناخته مثل 300 Multiple Choices در نظر گرفته می‌شود (RFC 3261 بخش 8.1.3.2).',
    },
  },
  {
    digit: 4,
    name: { en: 'Request Failure', fa: 'خطای درخواست' },
    meaning: {
      en: 'A final failure from this particular server: the request, as sent, cannot be fulfilled here (bad syntax, missing credentials, unknown user, unacceptable session description …). Repeating it unchanged to the same server will not help, but a modified request (for example with credentials after 401/407) or the same request sent elsewhere may succeed, so a forking proxy keeps its other branches running. An INVITE is acknowledged hop-by-hop; an unknown 4xx code is handled as 400 Bad Request (RFC 3261 8.1.3.2).',
      fa: 'خطای نهایی از طرف همین سرور مشخص: درخواست، به همان شکلی که فرستاده شده، این‌جا قابل انجام نیست (نحو نادرست، نبودِ اطلاعات احراز هویت، کاربر ناشناخته، توضیح جلسه‌ی (SDP) غیرقابل‌قبول و …). تکرار همان درخواست بدون تغییر به همان سرور فایده‌ای ندارد، اما درخواست اصلاح‌شده (مثلاً همراه با اطلاعات احراز هویت پس از 401/407) یا همان درخواست به مقصدی دیگر ممکن است موفق شود؛ به همین دلیل پراکسیِ fork‌کننده شاخه‌های دیگرش را ادامه می‌دهد. INVITE به‌صورت hop-by-hop با ACK تأیید می‌شود و کد 4xx ناشناخته مثل 400 Bad Request در نظر گرفته می‌شود (RFC 3261 بخش 8.1.3.2).',
    },
  },
  {
    digit: 5,
    name: { en: 'Server Failure', fa: 'خطای سرور' },
    meaning: {
      en: 'A final failure on the server side: the request looked valid, but the server that answered (or one behind it, such as a trunk or gateway) could not carry it out because of overload, maintenance, a timeout or an internal fault. So look for the cause on the server that sent it, not in the request. Another server may succeed: a client using DNS SRV moves on to the next target after 503, and Retry-After says when to try again. An unknown 5xx code is handled as 500 Server Internal Error (RFC 3261 8.1.3.2).',
      fa: 'کدهای 5xx مربوط به خطاهایی هستند که سمت سرور رخ می‌دهد: درخواست معتبر به نظر می‌رسید، اما سروری که پاسخ داده (یا سروری پشت آن، مثل ترانک یا گیت‌وی) به دلیل بار زیاد، تعمیر و نگهداری، تمام شدن زمان انتظار یا خطای داخلی نتوانسته آن را انجام دهد. پس در این حالت‌ها دنبال رفع مشکل در سروری باشید که پاسخ را فرستاده (اگر سرور خودتان است، در تنظیمات و لاگ‌های آن)، نه در خودِ درخواست. ممکن است سرور دیگری موفق شود: کلاینتی که از DNS SRV استفاده می‌کند پس از 503 سراغ مقصد بعدی می‌رود و هدر Retry-After زمان تلاش دوباره را مشخص می‌کند. کد 5xx ناشناخته مثل 500 Server Internal Error در نظر گرفته می‌شود (RFC 3261 بخش 8.1.3.2).',
    },
  },
  {
    digit: 6,
    name: { en: 'Global Failure', fa: 'خطای سراسری' },
    meaning: {
      en: 'A definitive, final answer about the user, not just about this server: the request will fail wherever it is tried, so no other location will help. A forking proxy that receives a 6xx cancels its other pending branches instead of waiting for them (RFC 3261 16.7), and the caller should not retry elsewhere. HTTP has no such class. An unknown 6xx code is handled as 600 Busy Everywhere (RFC 3261 8.1.3.2).',
      fa: 'پاسخی قطعی و نهایی درباره‌ی خودِ کاربر، نه فقط درباره‌ی این سرور: درخواست هر جای دیگری هم فرستاده شود شکست می‌خورد و هیچ مقصد دیگری کمکی نمی‌کند. پراکسیِ fork‌کننده‌ای که 6xx دریافت کند، به جای منتظر ماندن، شاخه‌های باز دیگرش را CANCEL می‌کند (RFC 3261 بخش 16.7) و تماس‌گیرنده هم نباید جای دیگری را امتحان کند. چنین کلاسی در HTTP وجود ندارد. کد 6xx ناشناخته مثل 600 Busy Everywhere در نظر گرفته می‌شود (RFC 3261 بخش 8.1.3.2).',
    },
  },
];
