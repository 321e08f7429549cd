import type { StatusCodeEntry } from './types';

/**
 * Every SIP response status code SIP Sense knows: the 75 codes of the IANA "Response Codes"
 * registry, the deprecated (202) and removed (409, 411) ones, and the unregistered and
 * product-specific codes seen on the wire and in logs (101, 303, 304, 490, Kamailio 477-479,
 * OpenSIPS 473-477, sofia-sip 687, pjsip 701-703). Data only, in code order; checked against
 * ../shared/reference/codes.tsv by test/unit/registry.test.ts.
 *
 * Sections are those of the RFC text that describes each code. Codes without a defining RFC cite
 * the RFC 3261 rule receivers apply to them (8.1.3.2 for unknown codes, 7.2 for the six classes).
 * Where codes.tsv was doubtful the RFC was followed, and a comment on the entry says so.
 */
export const STATUS_CODES: readonly StatusCodeEntry[] = [
  {
    code: 100,
    phrase: 'Trying',
    status: 'registered',
    defined: { rfc: 3261, section: '21.1.1' },
    variants: [
      { phrase: 'trying -- your call is important to us', source: 'Kamailio tm (auto_inv_100_reason default)' },
      { phrase: 'Giving a try', source: 'OpenSIPS tm 1.x-2.x' },
      { phrase: 'Giving it a try', source: 'OpenSIPS tm (current)' },
      { phrase: 'Telnyx Trying', source: 'Telnyx trunks' },
    ],
    meaning: {
      en: 'The next hop has received the request and is working on it. 100 is hop-by-hop: a stateful proxy sends it itself and never forwards it upstream, and it creates no dialog. Not the same as HTTP 100 Continue.',
      fa: 'گام بعدی (next hop) درخواست را دریافت کرده و در حال رسیدگی به آن است. کد 100 فقط میان دو گام مجاور معنا دارد: پراکسیِ stateful خودش آن را می‌فرستد، هرگز آن را به سمت فرستنده بازارسال نمی‌کند و هیچ دیالوگی هم نمی‌سازد. با 100 Continue در HTTP یکی نیست.',
    },
    practice: {
      en: 'Kamailio and OpenSIPS (tm), Asterisk and FreeSWITCH send it within milliseconds of an INVITE. It stops the sender’s INVITE retransmissions (Timer A) and takes Timer B (32 s) out of play. INVITEs retransmitted with no 100 at all: the next hop never got them (firewall, wrong port or transport, NAT, DNS). 100 received but nothing else: the problem is further downstream, and the proxy’s timers decide (Kamailio fr_inv_timer, RFC 3261 Timer C > 3 min).',
      fa: 'Kamailio و OpenSIPS (ماژول tm)، Asterisk و FreeSWITCH چند میلی‌ثانیه پس از رسیدن INVITE آن را می‌فرستند. با رسیدن 100 ارسال مجدد INVITE (Timer A) متوقف می‌شود و Timer B (32 ثانیه) دیگر نقشی ندارد. اگر INVITE مدام تکرار می‌شود و هیچ 100ی نمی‌آید، گام بعدی اصلاً آن را دریافت نکرده است: فایروال، پورت یا transport اشتباه، NAT و DNS را بررسی کنید. اگر 100 آمده ولی پاسخ دیگری نیامده، مشکل جلوتر در مسیر است و تایمرهای پراکسی تعیین‌کننده‌اند (fr_inv_timer در Kamailio و Timer C در RFC 3261 با مقدار بیش از 3 دقیقه).',
    },
    methods: {
      REGISTER: {
        en: 'Legal but unusual: RFC 3261 8.2.6.1 asks servers to answer non-INVITE requests with a final response quickly instead of a provisional one. A 100 to REGISTER only shows the registrar is alive; a slow final answer usually points at its database or authentication backend.',
        fa: 'مجاز است ولی معمول نیست: RFC 3261 در بخش 8.2.6.1 از سرورها می‌خواهد به درخواست‌های غیر INVITE به‌جای پاسخ موقت، هرچه زودتر پاسخ نهایی بدهند. 100 در پاسخ به REGISTER فقط نشان می‌دهد رجیسترار زنده است؛ اگر پاسخ نهایی دیر می‌رسد، معمولاً پایگاه داده یا سرویس احراز هویت پشت آن کند است.',
      },
    },
  },
  {
    code: 101,
    // Sent with this misspelling ('Establishement') by libeXosip2 (src/jresponse.c, _eXosip_build_response_default).
    phrase: 'Dialog Establishement',
    status: 'unregistered',
    // No RFC defines 101; cite the rule receivers apply to an unknown 1xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    variants: [
      { phrase: 'Dialogue Establishment', source: 'the seed guide and older code lists' },
      { phrase: 'Connecting', source: 'sipcapture test payloads' },
    ],
    meaning: {
      en: 'A provisional code no RFC defines. Receivers must treat an unknown 1xx other than 100 like 183 Session Progress (RFC 3261 8.1.3.2); sent to an INVITE with a To tag it creates an early dialog like any 101-199 response (RFC 3261 12.1).',
      fa: 'کد موقتی که هیچ RFCی آن را تعریف نکرده است. گیرنده باید هر کد 1xx ناشناخته (به‌جز 100) را مانند 183 Session Progress پردازش کند (RFC 3261 بخش 8.1.3.2)؛ اگر در پاسخ به INVITE و همراه با tag در هدر To بیاید، مثل هر پاسخ 101 تا 199 یک دیالوگ اولیه (early dialog) می‌سازد (RFC 3261 بخش 12.1).',
    },
    practice: {
      en: 'Typical of GB/T 28181 video platforms and IP cameras built on libeXosip2, whose default response builder calls 101 ‘Dialog Establishement’ (sic): they answer an INVITE with 100, then 101 with a To tag and Contact, then 200. Harmless; if a proxy or SBC rejects or drops it, look for strict filtering of provisional codes. Not to be confused with HTTP/1.1 101 Switching Protocols, the WebSocket upgrade seen in SIP-over-WebSocket (RFC 7118) captures.',
      fa: 'بیشتر از پلتفرم‌های ویدئویی و دوربین‌های IP مبتنی بر استاندارد GB/T 28181 دیده می‌شود که روی libeXosip2 ساخته شده‌اند؛ این کتابخانه در سازنده‌ی پیش‌فرض پاسخ، 101 را «Dialog Establishement» (با همین غلط املایی) می‌نامد. این دستگاه‌ها به INVITE ابتدا 100، سپس 101 همراه با tag در To و هدر Contact و در پایان 200 می‌دهند. بی‌خطر است؛ اگر پراکسی یا SBC آن را رد یا حذف می‌کند، دنبال فیلتر سخت‌گیرانه‌ی کدهای موقت بگردید. آن را با HTTP/1.1 101 Switching Protocols اشتباه نگیرید که در ضبط‌های SIP روی WebSocket (RFC 7118) برای ارتقای اتصال دیده می‌شود.',
    },
    statusNote: {
      en: 'Not in the IANA registry and defined by no RFC. A compliant UAC handles it as 183 (RFC 3261 8.1.3.2). The seed guide’s ‘101 Dialogue Establishment’ is this non-standard usage, not an IETF code.',
      fa: 'در رجیستری IANA نیست و هیچ RFCی آن را تعریف نکرده است. UAC استاندارد آن را مانند 183 پردازش می‌کند (RFC 3261 بخش 8.1.3.2). «101 Dialogue Establishment» در راهنمای اولیه همین کاربرد غیراستاندارد است، نه کدی از IETF.',
    },
  },
  {
    code: 180,
    phrase: 'Ringing',
    status: 'registered',
    defined: { rfc: 3261, section: '21.1.2' },
    meaning: {
      en: 'The callee’s user agent received the INVITE and is alerting the user. The caller may play ringback locally; with a To tag the 180 creates an early dialog, and if it carries SDP it can also start early media.',
      fa: 'عامل کاربرِ (UA) مقصد INVITE را دریافت کرده و در حال به صدا درآوردن زنگ برای کاربر است. تماس‌گیرنده می‌تواند صدای زنگ برگشتی (ringback) را خودش پخش کند؛ 180 همراه با tag در To یک دیالوگ اولیه می‌سازد و اگر SDP داشته باشد، رسانه‌ی پیش از پاسخ (early media) را هم می‌تواند آغاز کند.',
    },
    practice: {
      en: 'Phones send it when they start ringing; Asterisk sends it for Ringing() or while Dial() rings the callee, FreeSWITCH for ring_ready. Caller hears silence: a 180 without SDP means the caller’s own device must generate ringback, and a PSTN gateway that expects in-band tones plays nothing; send 183 with SDP instead (Asterisk Progress(), FreeSWITCH pre_answer). Several 180s with different To tags mean a proxy forked the call to several devices.',
      fa: 'تلفن‌ها هنگام شروع زنگ آن را می‌فرستند؛ Asterisk با Ringing() یا وقتی Dial() در حال زنگ زدن به مقصد است، و FreeSWITCH با ring_ready. اگر تماس‌گیرنده سکوت می‌شنود: 180 بدون SDP یعنی دستگاه خود تماس‌گیرنده باید صدای زنگ را بسازد، و گیت‌وی PSTN که منتظر تون درون‌باند است چیزی پخش نمی‌کند؛ به‌جای آن 183 همراه با SDP بفرستید (Progress() در Asterisk و pre_answer در FreeSWITCH). چند 180 با tagهای متفاوت در To یعنی پراکسی تماس را میان چند دستگاه فورک کرده است.',
    },
  },
  {
    code: 181,
    phrase: 'Call Is Being Forwarded',
    status: 'registered',
    defined: { rfc: 3261, section: '21.1.3' },
    meaning: {
      en: 'A server tells the caller that the call is being forwarded to a different set of destinations. Informational only: the call attempt continues.',
      fa: 'سرور به تماس‌گیرنده اطلاع می‌دهد که تماس به مقصد یا مقصدهای دیگری منتقل (forward) می‌شود. فقط جنبه‌ی اطلاع‌رسانی دارد و تلاش برای برقراری تماس ادامه پیدا می‌کند.',
    },
    practice: {
      en: 'Sent by PBXs and proxies when a forwarding rule fires: Asterisk chan_pjsip sends 181 when the redirecting information of an unanswered incoming call changes (res_pjsip_diversion adds a Diversion header), and chan_sip did the same. Read Diversion or History-Info in the 181 to see who forwarded the call and why; sngrep marks such calls as DIVERTED.',
      fa: 'مرکز تلفن‌ها و پراکسی‌ها وقتی یک قانون انتقال تماس فعال می‌شود آن را می‌فرستند: chan_pjsip در Asterisk وقتی اطلاعات redirecting یک تماس ورودیِ هنوز پاسخ‌داده‌نشده تغییر کند 181 می‌فرستد (res_pjsip_diversion هدر Diversion را اضافه می‌کند) و chan_sip هم همین کار را می‌کرد. برای اینکه بفهمید چه کسی و به چه دلیل تماس را منتقل کرده، هدر Diversion یا History-Info را در همین 181 بخوانید؛ sngrep این تماس‌ها را DIVERTED نشان می‌دهد.',
    },
  },
  {
    code: 182,
    phrase: 'Queued',
    status: 'registered',
    defined: { rfc: 3261, section: '21.1.4' },
    meaning: {
      en: 'The callee is temporarily unavailable and the server has queued the call instead of rejecting it; the final response comes once the callee is available. The server may send several 182s, and the reason phrase may give queue details such as position or expected wait.',
      fa: 'مقصد موقتاً در دسترس نیست و سرور به‌جای رد کردن، تماس را در صف گذاشته است؛ پاسخ نهایی وقتی می‌آید که مقصد آزاد شود. سرور ممکن است چند 182 بفرستد و reason phrase می‌تواند جزئیات صف، مثل جایگاه در صف یا زمان انتظار، را بگوید.',
    },
    practice: {
      en: 'Rare on the wire: call-centre queues such as Asterisk Queue() or FreeSWITCH mod_callcenter usually answer the call and play hold music instead. When 182 is used, expect a long wait: the server must repeat a non-100 provisional at least every minute, or proxies may cancel an INVITE that has seen no response for 3 minutes (Timer C, RFC 3261 13.3.1.1).',
      fa: 'روی سیم کمیاب است: صف‌های مرکز تماس مثل Queue() در Asterisk یا mod_callcenter در FreeSWITCH معمولاً تماس را پاسخ می‌دهند و موسیقی انتظار پخش می‌کنند. اگر 182 به کار رفته، منتظر انتظار طولانی باشید: سرور باید دست‌کم هر یک دقیقه یک پاسخ موقتِ غیر از 100 تکرار کند، وگرنه پراکسی‌ها INVITEی را که 3 دقیقه بی‌پاسخ مانده لغو می‌کنند (Timer C، RFC 3261 بخش 13.3.1.1).',
    },
  },
  {
    code: 183,
    phrase: 'Session Progress',
    status: 'registered',
    defined: { rfc: 3261, section: '21.1.5' },
    variants: [
      { phrase: 'Session in Progress', source: 'vendor code tables and blog lists (also the seed guide)' },
    ],
    meaning: {
      en: 'A general provisional response for call progress not covered by the other 1xx codes. In practice it usually carries SDP to open early media (ringback, announcements, IVR prompts) before the call is answered. Receivers treat any unknown 1xx as 183.',
      fa: 'پاسخ موقت عمومی برای گزارش پیشرفت تماس در مواردی که کدهای 1xx دیگر پوشش نمی‌دهند. در عمل معمولاً SDP همراه دارد تا پیش از پاسخ‌گویی، رسانه‌ی اولیه (early media) مثل صدای زنگ، اعلان‌ها یا منوی IVR را باز کند. گیرنده هر 1xx ناشناخته را هم مانند 183 در نظر می‌گیرد.',
    },
    practice: {
      en: 'Carriers and gateways send 183 with SDP to play ringback or ‘number not in service’ announcements; Asterisk Progress() and FreeSWITCH pre_answer do the same. No audio during 183: check the SDP address and codec, whether the early RTP gets through NAT and firewalls, and whether your PBX passes it on (Asterisk Dial() option r plays its own ringback instead). A 183 with Require: 100rel must be acknowledged with PRACK (RFC 3262).',
      fa: 'اپراتورها و گیت‌وی‌ها 183 همراه با SDP می‌فرستند تا صدای زنگ یا اعلان‌هایی مثل «شماره در دسترس نیست» را پخش کنند؛ Progress() در Asterisk و pre_answer در FreeSWITCH هم همین کار را می‌کنند. اگر هنگام 183 صدایی نمی‌آید: آدرس و کدک داخل SDP، عبور RTP اولیه از NAT و فایروال، و اینکه مرکز تلفن شما آن را عبور می‌دهد یا نه را بررسی کنید (گزینه‌ی r در Dial() باعث می‌شود Asterisk صدای زنگ خودش را پخش کند). به 183 دارای Require: 100rel باید با PRACK پاسخ داد (RFC 3262).',
    },
  },
  {
    code: 199,
    phrase: 'Early Dialog Terminated',
    status: 'registered',
    // RFC 6228 has no section devoted to the code itself: section 1 introduces it,
    // sections 4-6 give UAC/UAS/proxy rules and 11.1 registers it.
    defined: { rfc: 6228, section: '1' },
    meaning: {
      en: 'Tells upstream entities that one early dialog of a forked INVITE has ended (that branch received a non-2xx final response) while the call continues on other branches. It carries the To tag of the terminated early dialog and a Reason header with the cause, so the caller can release that dialog’s media and resources.',
      fa: 'به موجودیت‌های بالادست اعلام می‌کند که یکی از دیالوگ‌های اولیه‌ی یک INVITE فورک‌شده تمام شده است (آن شاخه پاسخ نهاییِ غیر 2xx گرفته)، در حالی که تماس روی شاخه‌های دیگر ادامه دارد. tag در هدر To دیالوگ اولیه‌ی پایان‌یافته را مشخص می‌کند و هدر Reason علت را می‌گوید، تا تماس‌گیرنده رسانه و منابع همان دیالوگ را آزاد کند.',
    },
    practice: {
      en: 'Only sent when the INVITE carried Supported: 199 (RFC 6228 sections 4-6), mainly in IMS networks that fork calls to several devices. Informational: the call is not over and no BYE is needed for that early dialog. Proxies cannot generate it when the INVITE has Require: 100rel. Wireshark’s SIP statistics use 199 as the label of the catch-all bucket for other 1xx codes; do not mistake that for real 199 responses.',
      fa: 'فقط وقتی فرستاده می‌شود که INVITE هدر Supported: 199 داشته باشد (RFC 6228 بخش‌های 4 تا 6)؛ بیشتر در شبکه‌های IMS که تماس را میان چند دستگاه فورک می‌کنند دیده می‌شود. جنبه‌ی اطلاع‌رسانی دارد: تماس تمام نشده و برای آن دیالوگ اولیه BYE لازم نیست. اگر INVITE هدر Require: 100rel داشته باشد، پراکسی‌ها نمی‌توانند آن را تولید کنند. در آمار SIP نرم‌افزار Wireshark، عدد 199 برچسب دسته‌ی «سایر 1xxها» است؛ آن را با پاسخ‌های واقعی 199 اشتباه نگیرید.',
    },
  },
  {
    code: 200,
    phrase: 'OK',
    status: 'registered',
    defined: { rfc: 3261, section: '21.2.1' },
    meaning: {
      en: 'The request succeeded; what that means depends on the method (call answered, registration accepted, BYE or CANCEL done, and so on). A 2xx to INVITE creates the dialog and must be acknowledged with ACK.',
      fa: 'کدهای محدوده‌ی 2xx پاسخ مثبت، یعنی همان پاسخ موفقیت‌آمیز هستند و 200 اصلی‌ترین آن‌هاست: درخواست با موفقیت انجام شد. معنای دقیقش به متد بستگی دارد (پاسخ دادن به تماس، پذیرش ثبت‌نام، انجام شدن BYE یا CANCEL و غیره). 2xx در پاسخ به INVITE دیالوگ را می‌سازد و باید با ACK تأیید شود.',
    },
    practice: {
      en: 'The classic trap is the 200 to INVITE: the UAS retransmits it until the ACK arrives and, after 64×T1 = 32 s without ACK, gives up and sends BYE. Calls that drop after about 30 seconds therefore mean the ACK never reached the answering side: wrong Contact or Record-Route in the 200, a private IP in Contact behind NAT, or a firewall/SBC on the ACK path.',
      fa: 'دام معروف، 200 در پاسخ به INVITE است: UAS آن را تا رسیدن ACK دوباره و دوباره می‌فرستد و اگر پس از 64×T1 یعنی 32 ثانیه ACK نرسد، تسلیم می‌شود و BYE می‌فرستد. پس قطع شدن تماس حدود 30 ثانیه پس از برقراری یعنی ACK هرگز به طرف پاسخ‌دهنده نرسیده است: Contact یا Record-Route اشتباه در 200، IP خصوصی در Contact پشت NAT، یا فایروال/SBC در مسیر ACK.',
    },
    methods: {
      INVITE: {
        en: 'The call was answered, or a re-INVITE was accepted and its SDP now applies (hold, resume, codec change). Send ACK. With forking, several 200s with different To tags can arrive: each is a separate dialog that must be ACKed and, if unwanted, ended with BYE.',
        fa: 'تماس پاسخ داده شد، یا re-INVITE پذیرفته شد و SDP جدیدش اکنون اعمال می‌شود (hold، resume یا تغییر کدک). ACK بفرستید. در حالت فورک ممکن است چند 200 با tagهای متفاوت در To برسد: هر کدام دیالوگ جداگانه‌ای است که باید ACK شود و اگر لازم نیست با BYE بسته شود.',
      },
      CANCEL: {
        en: 'Only means the CANCEL matched the pending INVITE; the call was NOT answered. The INVITE itself should now end with 487 Request Terminated. If a 200 to the INVITE crossed the CANCEL, the call was answered anyway and must be ACKed and ended with BYE.',
        fa: 'فقط یعنی CANCEL با INVITEِ در جریان جور شد؛ تماس پاسخ داده نشده است. خود INVITE اکنون باید با 487 Request Terminated تمام شود. اگر 200ِ مربوط به INVITE هم‌زمان با CANCEL در راه بوده، تماس در عمل پاسخ داده شده و باید ACK شود و با BYE بسته شود.',
      },
      REGISTER: {
        en: 'Registration, refresh or removal accepted. The 200 lists every current Contact binding of the AOR with the expires value the registrar granted (it may be shorter than requested); refresh before it runs out. Check that the stored Contact is reachable behind NAT (received/rport, Asterisk rewrite_contact, Kamailio fix_nated_register).',
        fa: 'ثبت‌نام، تمدید یا حذف آن پذیرفته شد. 200 همه‌ی Contactهای فعلی آن AOR را همراه با مقدار expires که رجیسترار تعیین کرده فهرست می‌کند (ممکن است کمتر از مقدار درخواستی باشد)؛ پیش از تمام شدن آن ثبت‌نام را تمدید کنید. بررسی کنید Contact ذخیره‌شده پشت NAT در دسترس باشد (received/rport، rewrite_contact در Asterisk، fix_nated_register در Kamailio).',
      },
      BYE: {
        en: 'The other side accepted the BYE: the call is over and the dialog is closed normally.',
        fa: 'طرف مقابل BYE را پذیرفت: تماس تمام شد و دیالوگ به‌طور عادی بسته شد.',
      },
      OPTIONS: {
        en: 'The peer is up; its Allow, Accept and Supported headers show its capabilities. Keep-alive checks rely on it: Asterisk qualify, Kamailio and OpenSIPS dispatcher probing, FreeSWITCH gateway ping.',
        fa: 'طرف مقابل فعال است و هدرهای Allow، Accept و Supported توانایی‌هایش را نشان می‌دهند. پایش زنده بودن بر همین پاسخ تکیه دارد: qualify در Asterisk، probing ماژول dispatcher در Kamailio و OpenSIPS، و ping گیت‌وی در FreeSWITCH.',
      },
      SUBSCRIBE: {
        en: 'Subscription accepted (authorization may still be pending). The Expires in the 200 is the duration actually granted, and a NOTIFY with the current state and Subscription-State follows.',
        fa: 'اشتراک پذیرفته شد (ممکن است مجوز آن هنوز در انتظار باشد). مقدار Expires در 200 مدتی است که واقعاً داده شده و پس از آن NOTIFYی با وضعیت فعلی و هدر Subscription-State می‌آید.',
      },
      PUBLISH: {
        en: 'Event state stored. Keep the SIP-ETag from the 200 and send it in SIP-If-Match on refreshes and updates (RFC 3903).',
        fa: 'وضعیت رویداد ذخیره شد. مقدار SIP-ETag را از همین 200 نگه دارید و در تمدید یا به‌روزرسانی بعدی در هدر SIP-If-Match بفرستید (RFC 3903).',
      },
      MESSAGE: {
        en: 'Delivered to the recipient’s device, not necessarily read by the user (RFC 3428).',
        fa: 'پیام به دستگاه گیرنده تحویل شد، ولی لزوماً کاربر آن را نخوانده است (RFC 3428).',
      },
      REFER: {
        en: 'Transfer request accepted (RFC 7647 replaced the older 202 with 200). The outcome of the transfer arrives later in NOTIFY requests with message/sipfrag bodies.',
        fa: 'درخواست انتقال تماس پذیرفته شد (RFC 7647 به‌جای 202 قدیمی، 200 را الزامی کرد). نتیجه‌ی انتقال بعداً در درخواست‌های NOTIFY با بدنه‌ی message/sipfrag می‌آید.',
      },
    },
  },
  {
    code: 202,
    phrase: 'Accepted',
    status: 'deprecated',
    defined: { rfc: 6665, section: '8.3.1' },
    history: {
      en: 'Defined by RFC 3265 section 7.3.1 for SIP events (subscription understood, authorization possibly still pending); RFC 3515 also required 202 for an accepted REFER. RFC 6665 (2012) deprecated it for SUBSCRIBE and NOTIFY, and RFC 7647 (2015) for REFER: 200 is sent instead.',
      fa: 'نخست RFC 3265 در بخش 7.3.1 آن را برای رویدادهای SIP تعریف کرد (اشتراک فهمیده شده ولی ممکن است مجوزش هنوز در انتظار باشد)؛ RFC 3515 هم برای REFERِ پذیرفته‌شده 202 را الزامی می‌دانست. RFC 6665 در سال 2012 آن را برای SUBSCRIBE و NOTIFY و RFC 7647 در سال 2015 برای REFER منسوخ کرد و اکنون به‌جای آن 200 فرستاده می‌شود.',
    },
    variants: [
      { phrase: 'Accepted subscription', source: 'libeXosip2 (202 to SUBSCRIBE)' },
    ],
    meaning: {
      en: 'The request was accepted, but the processing it triggers is not complete. For MESSAGE (RFC 3428) it means a gateway or store-and-forward server took the message, not that the user received it.',
      fa: 'از خانواده‌ی 2xx است، یعنی پاسخ مثبت یا موفقیت‌آمیز: درخواست پذیرفته شد، ولی پردازشی که به راه انداخته هنوز تمام نشده است. برای MESSAGE (RFC 3428) یعنی یک گیت‌وی یا سرور ذخیره و ارسال پیام را تحویل گرفته، نه اینکه پیام به دست کاربر رسیده باشد.',
    },
    practice: {
      en: 'Still common from older stacks: Asterisk chan_sip answered REFER and relayed MESSAGE with 202, FreeSWITCH (sofia-sip) answers SUBSCRIBE with 202, libeXosip2 sends ‘202 Accepted subscription’. Harmless: handle it exactly like 200. It only hurts where something compares the code with 200 exactly, for example a SIPp scenario with <recv response="200"> after a REFER.',
      fa: 'هنوز از پشته‌های قدیمی‌تر زیاد دیده می‌شود: chan_sip در Asterisk به REFER و MESSAGEِ بازارسال‌شده 202 می‌داد، FreeSWITCH (sofia-sip) به SUBSCRIBE پاسخ 202 می‌دهد و libeXosip2 پاسخ «202 Accepted subscription» می‌فرستد. بی‌خطر است و باید دقیقاً مانند 200 با آن رفتار کرد. فقط جایی مشکل می‌سازد که چیزی کد را دقیقاً با 200 مقایسه کند، مثلاً سناریوی SIPp با <recv response="200"> پس از REFER.',
    },
    statusNote: {
      en: 'IANA lists 202 as deprecated (RFC 6665). Conforming implementations must not send it to SUBSCRIBE, NOTIFY or REFER and must treat a received 202 like 200 (RFC 6665 8.3.1, RFC 7647 section 5). The MESSAGE meaning from RFC 3428 is unaffected.',
      fa: 'IANA کد 202 را منسوخ (deprecated) اعلام کرده است (RFC 6665). پیاده‌سازی‌های سازگار نباید آن را در پاسخ به SUBSCRIBE، NOTIFY یا REFER بفرستند و باید 202ِ دریافتی را مثل 200 در نظر بگیرند (RFC 6665 بخش 8.3.1 و RFC 7647 بخش 5). معنای آن برای MESSAGE در RFC 3428 تغییری نکرده است.',
    },
    methods: {
      SUBSCRIBE: {
        en: 'Old RFC 3265 meaning: subscription received, authorization may be pending. Today it is equivalent to 200; the following NOTIFY (Subscription-State: pending or active) tells the real state.',
        fa: 'معنای قدیمی RFC 3265: اشتراک دریافت شد و ممکن است مجوزش در انتظار باشد. امروز معادل 200 است و NOTIFY بعدی (با Subscription-State برابر pending یا active) وضعیت واقعی را می‌گوید.',
      },
      REFER: {
        en: 'Transfer accepted, identical to 200 per RFC 7647. The result arrives in NOTIFY with a message/sipfrag body, e.g. ‘SIP/2.0 200 OK’ once the transfer target answered.',
        fa: 'انتقال تماس پذیرفته شد و طبق RFC 7647 معادل 200 است. نتیجه در NOTIFY با بدنه‌ی message/sipfrag می‌آید، مثلاً «SIP/2.0 200 OK» وقتی مقصد انتقال پاسخ داد.',
      },
      MESSAGE: {
        en: 'Accepted by a gateway or store-and-forward server, or relayed (Asterisk chan_sip did this); delivery to the user is not confirmed (RFC 3428 section 4).',
        fa: 'یک گیت‌وی یا سرور ذخیره و ارسال پیام را پذیرفته یا بازارسال کرده است (chan_sip در Asterisk چنین می‌کرد)؛ تحویل به کاربر تأیید نشده است (RFC 3428 بخش 4).',
      },
    },
  },
  {
    code: 204,
    phrase: 'No Notification',
    status: 'registered',
    defined: { rfc: 5839, section: '7.1' },
    meaning: {
      en: 'The SUBSCRIBE succeeded, but the notifier will not send the NOTIFY that would normally follow, because the subscriber already holds the current state: the entity-tag it sent in Suppress-If-Match still matches (RFC 5839). Unrelated to HTTP 204 No Content.',
      fa: 'از خانواده‌ی 2xx است، یعنی پاسخ مثبت یا موفقیت‌آمیز: SUBSCRIBE موفق بود، ولی notifier آن NOTIFYی را که معمولاً پس از آن می‌آید نمی‌فرستد، چون مشترک وضعیت فعلی را از قبل دارد؛ entity-tagی که در هدر Suppress-If-Match فرستاده هنوز معتبر است (RFC 5839). ربطی به HTTP 204 No Content ندارد.',
    },
    practice: {
      en: 'Seen with conditional event notification: presence, BLF or dialog subscriptions refreshed with Suppress-If-Match, which saves one NOTIFY per refresh in large presence deployments. Nothing to fix: the subscription is active and the last received state is still valid. If a client shows stale state after 204, it sent an entity-tag other than the one from the last NOTIFY it processed.',
      fa: 'در اعلان شرطی رویدادها دیده می‌شود: اشتراک‌های presence، BLF یا dialog که با Suppress-If-Match تمدید می‌شوند و در سامانه‌های بزرگ presence در هر تمدید یک NOTIFY صرفه‌جویی می‌کنند. چیزی برای اصلاح نیست: اشتراک فعال است و آخرین وضعیت دریافت‌شده هنوز معتبر است. اگر کلاینت پس از 204 وضعیت کهنه نشان می‌دهد، entity-tagی غیر از tag آخرین NOTIFY پردازش‌شده فرستاده است.',
    },
  },
  {
    code: 300,
    phrase: 'Multiple Choices',
    status: 'registered',
    defined: { rfc: 3261, section: '21.3.1' },
    meaning: {
      en: 'The address resolved to several possible locations. The Contact header fields list them (optionally with q-values), and the caller or its proxy may try one or more of them.',
      fa: 'کدهای محدوده‌ی 3xx موقعیت یا مسیر تازه‌ی کاربر را تعیین می‌کنند. در 300، آدرس به چند مکان ممکن رسیده است: هدرهای Contact آن‌ها را (گاهی با مقدار q) فهرست می‌کنند و تماس‌گیرنده یا پراکسی او می‌تواند یکی یا چند تا از آن‌ها را امتحان کند.',
    },
    practice: {
      en: 'Mostly from redirect servers and location services that prefer not to fork: a Kamailio or OpenSIPS script that builds a destination set and calls sl_send_reply("300", ...) returns the branches as Contacts. Phones rarely let the user choose; most try the Contacts in q-value order or give up. Proxies relay 3xx upstream unless the script follows them (Kamailio uac_redirect get_redirects()).',
      fa: 'بیشتر از سرورهای redirect و سرویس‌های مکان‌یابی می‌آید که نمی‌خواهند خودشان فورک کنند: اسکریپت Kamailio یا OpenSIPS که مجموعه‌ی مقصدها را می‌سازد و sl_send_reply("300", ...) را صدا می‌زند، شاخه‌ها را به‌صورت Contact برمی‌گرداند. تلفن‌ها به‌ندرت انتخاب را به کاربر می‌سپارند؛ بیشترشان Contactها را به ترتیب مقدار q امتحان می‌کنند یا منصرف می‌شوند. پراکسی‌ها 3xx را به بالادست می‌فرستند، مگر اینکه اسکریپت خودش آن را دنبال کند (get_redirects() در ماژول uac_redirect در Kamailio).',
    },
  },
  {
    code: 301,
    phrase: 'Moved Permanently',
    status: 'registered',
    defined: { rfc: 3261, section: '21.3.2' },
    meaning: {
      en: 'The user can no longer be found at the Request-URI. The caller should retry at the address in Contact and update its address books and caches so that future requests go there directly.',
      fa: 'کدهای 3xx موقعیت یا مسیر تازه‌ی کاربر را تعیین می‌کنند. در 301 کاربر دیگر در Request-URI پیدا نمی‌شود: تماس‌گیرنده باید درخواست را به آدرس داخل Contact بفرستد و دفترچه‌ی آدرس و حافظه‌های موقت خود را به‌روز کند تا درخواست‌های بعدی مستقیم به همان‌جا بروند.',
    },
    practice: {
      en: 'Rare in live traffic; used when an account or number moved to another domain or server. Because callers may cache it, a wrong 301 keeps misrouting calls until those caches are cleared; use 302 for temporary moves. If nothing happens after the 301, check whether the caller follows redirects at all (Asterisk Dial() option i ignores them, Kamailio’s WITH_BLOCK3XX turns 3xx into 404).',
      fa: 'در ترافیک واقعی کمیاب است و وقتی به کار می‌رود که حساب یا شماره به دامنه یا سرور دیگری منتقل شده باشد. چون تماس‌گیرنده ممکن است آن را در حافظه نگه دارد، 301ِ اشتباه تا پاک شدن آن حافظه‌ها تماس‌ها را به مسیر غلط می‌فرستد؛ برای جابه‌جایی موقت از 302 استفاده کنید. اگر پس از 301 اتفاقی نمی‌افتد، ببینید تماس‌گیرنده اصلاً redirect را دنبال می‌کند یا نه (گزینه‌ی i در Dial() در Asterisk آن را نادیده می‌گیرد و WITH_BLOCK3XX در Kamailio هر 3xx را به 404 تبدیل می‌کند).',
    },
  },
  {
    code: 302,
    phrase: 'Moved Temporarily',
    status: 'registered',
    defined: { rfc: 3261, section: '21.3.3' },
    meaning: {
      en: 'Retry the request at the address(es) in Contact. The Contact may be cached only for the time given by Expires (header or contact parameter); without it, it is valid for this one retry. SIP calls it ‘Moved Temporarily’, not HTTP’s ‘Found’.',
      fa: 'کدهای 3xx موقعیت یا مسیر تازه‌ی کاربر را تعیین می‌کنند. در 302 باید درخواست را به آدرس یا آدرس‌های داخل Contact فرستاد. Contact فقط به مدتی که Expires (هدر یا پارامتر contact) تعیین کرده قابل نگهداری است و بدون آن فقط برای همین یک تلاش اعتبار دارد. نام آن در SIP «Moved Temporarily» است، نه «Found» در HTTP.',
    },
    practice: {
      en: 'The usual form of call forwarding by redirect: Asterisk sends 302 when Transfer() is used on an unanswered PJSIP call, FreeSWITCH with the redirect application, Kamailio and OpenSIPS redirect servers after a location lookup. Receiving side: Asterisk follows it inside Dial() (pjsip redirect_method; Dial option i ignores it), FreeSWITCH follows it by default, or with the profile’s manual-redirect hands it to the dialplan (sip_redirect_dialstring), proxies relay it upstream. Failure after 302: the Contact target is unreachable, or the caller is configured to ignore redirects.',
      fa: 'رایج‌ترین شکل انتقال تماس با redirect است: Asterisk وقتی Transfer() روی یک تماس PJSIPِ پاسخ‌داده‌نشده اجرا شود 302 می‌فرستد، FreeSWITCH با اپلیکیشن redirect، و سرورهای redirect در Kamailio و OpenSIPS پس از جست‌وجوی location. در سمت گیرنده: Asterisk آن را داخل Dial() دنبال می‌کند (redirect_method در pjsip؛ گزینه‌ی i در Dial() آن را نادیده می‌گیرد)، FreeSWITCH به‌طور پیش‌فرض دنبالش می‌کند یا اگر manual-redirect در پروفایل فعال باشد آن را به dialplan می‌سپارد (متغیر sip_redirect_dialstring)، و پراکسی‌ها آن را به بالادست می‌فرستند. اگر پس از 302 تماس شکست خورد، یا مقصد داخل Contact در دسترس نیست یا تماس‌گیرنده طوری تنظیم شده که redirect را نادیده بگیرد.',
    },
  },
  {
    code: 303,
    phrase: 'See Other',
    status: 'unregistered',
    // The only SIP document naming 303 is the RFC 2543 status-code grammar (section 5.1.1,
    // Figure 6: '"303" ; See Other'); section 7.3 never defines it and RFC 3261 dropped it.
    // codes.tsv marked this '(unverified)'; checked against the RFC 2543 text.
    defined: { rfc: 2543, section: '5.1.1' },
    meaning: {
      en: 'No SIP meaning. A receiver treats it as 300 Multiple Choices, the x00 of the redirection class (RFC 3261 8.1.3.2), and may try the Contact it carries.',
      fa: 'در SIP معنایی ندارد. کدهای 3xx برای تعیین موقعیت یا مسیر تازه‌ی کاربرند و گیرنده 303 را مانند 300 Multiple Choices، یعنی کد x00 همین دسته، پردازش می‌کند (RFC 3261 بخش 8.1.3.2) و ممکن است Contact همراه آن را امتحان کند.',
    },
    practice: {
      en: 'Usually the mark of an HTTP-minded implementation or of an old code list. Some sipsorcery-derived code bases number UseProxy as 303 in their status enum, so an application built on them can send 303 where it meant 305. Inside a Warning header, 303 is the warn-code ‘Incompatible bandwidth units’, a different registry.',
      fa: 'معمولاً نشانه‌ی پیاده‌سازی‌ای است که با ذهنیت HTTP نوشته شده یا از یک فهرست کد قدیمی پیروی می‌کند. در بعضی کدهای مشتق از sipsorcery، مقدار UseProxy در enum وضعیت‌ها 303 است؛ بنابراین برنامه‌ای که روی آن‌ها ساخته شده ممکن است به‌جای 305، کد 303 بفرستد. عدد 303 در هدر Warning کد هشدار «Incompatible bandwidth units» است که به رجیستری دیگری تعلق دارد.',
    },
    statusNote: {
      en: 'Unregistered: RFC 2543 listed ‘303 See Other’ in its status-code grammar (section 5.1.1) without ever defining it, RFC 3261 removed it, and IANA never registered it. Handle it as 300 (RFC 3261 8.1.3.2).',
      fa: 'ثبت‌نشده: RFC 2543 عبارت «303 See Other» را فقط در گرامر کدهای وضعیت خود (بخش 5.1.1) آورده بود و هرگز تعریفش نکرد؛ RFC 3261 آن را حذف کرد و IANA هم هرگز ثبتش نکرده است. با آن مانند 300 رفتار کنید (RFC 3261 بخش 8.1.3.2).',
    },
  },
  {
    code: 304,
    // HTTP's phrase; no SIP document assigns one.
    phrase: 'Not Modified',
    status: 'unregistered',
    // No RFC defines 304 in SIP; cite the rule receivers apply to an unknown 3xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    meaning: {
      en: 'No SIP meaning; HTTP 304 Not Modified has no SIP counterpart. A receiver treats it as 300 Multiple Choices (RFC 3261 8.1.3.2).',
      fa: 'در SIP معنایی ندارد و HTTP 304 Not Modified هم معادلی در SIP ندارد. گیرنده آن را مانند 300 Multiple Choices، یعنی کد پایه‌ی دسته‌ی 3xx که برای موقعیت یا مسیر تازه‌ی کاربر است، پردازش می‌کند (RFC 3261 بخش 8.1.3.2).',
    },
    practice: {
      en: 'Comes from buggy stacks: sipsorcery’s status enum gives AlternativeService the value 304 instead of 380, so applications built on it that answer ‘alternative service’ put 304 on the wire. Ask the sender to use 380. Inside a Warning header, 304 is the warn-code ‘Media type not available’, a different registry.',
      fa: 'از پشته‌های باگ‌دار می‌آید: در enum وضعیت‌های sipsorcery مقدار AlternativeService به‌جای 380 برابر 304 است، پس برنامه‌هایی که روی آن ساخته شده‌اند و بخواهند «alternative service» پاسخ دهند، روی سیم 304 می‌فرستند. از فرستنده بخواهید از 380 استفاده کند. عدد 304 در هدر Warning کد هشدار «Media type not available» است که به رجیستری دیگری تعلق دارد.',
    },
    statusNote: {
      en: 'Never defined by any SIP RFC and not in the IANA registry. Handle it as 300 (RFC 3261 8.1.3.2).',
      fa: 'هیچ RFCی در SIP آن را تعریف نکرده و در رجیستری IANA نیست. با آن مانند 300 رفتار کنید (RFC 3261 بخش 8.1.3.2).',
    },
  },
  {
    code: 305,
    phrase: 'Use Proxy',
    status: 'registered',
    defined: { rfc: 3261, section: '21.3.4' },
    meaning: {
      en: 'The requested resource must be reached through the proxy given in Contact; the caller should resend this single request via that proxy. Only user agent servers may send it. Unlike HTTP, where 305 is deprecated, it is still valid in SIP.',
      fa: 'کدهای 3xx موقعیت یا مسیر تازه‌ی کاربر را تعیین می‌کنند؛ در 305 مسیر تازه یک پراکسی است: منبع درخواستی فقط از طریق پراکسیِ داخل Contact در دسترس است و تماس‌گیرنده باید همین یک درخواست را از آن پراکسی دوباره بفرستد. فقط UAS اجازه‌ی فرستادنش را دارد. برخلاف HTTP که 305 را منسوخ کرده، در SIP همچنان معتبر است.',
    },
    practice: {
      en: 'Rare, and support is patchy: many phones and B2BUAs treat it like any failed redirect rather than re-sending via the proxy, since obeying it lets the far end steer signalling through a host of its choice. If a call stops at 305, check the proxy in Contact and whether your side implements 305 at all. Inside a Warning header, 305 is the warn-code ‘Incompatible media format’, a different registry.',
      fa: 'کمیاب است و پشتیبانی از آن یکدست نیست: بسیاری از تلفن‌ها و B2BUAها به‌جای ارسال دوباره از طریق پراکسی، آن را مثل یک redirect ناموفق در نظر می‌گیرند، چون پیروی از آن به طرف مقابل اجازه می‌دهد سیگنالینگ را از میزبان دلخواه خودش عبور دهد. اگر تماس روی 305 متوقف شد، پراکسی داخل Contact و اینکه سمت شما اصلاً 305 را پیاده کرده یا نه را بررسی کنید. عدد 305 در هدر Warning کد هشدار «Incompatible media format» است که به رجیستری دیگری تعلق دارد.',
    },
  },
  {
    code: 380,
    phrase: 'Alternative Service',
    status: 'registered',
    defined: { rfc: 3261, section: '21.3.5' },
    meaning: {
      en: 'The call failed, but alternative services are possible; they are described in the response body, whose format RFC 3261 leaves to other specifications.',
      fa: 'برخلاف بیشتر کدهای 3xx که موقعیت یا مسیر تازه‌ی کاربر را تعیین می‌کنند، 380 سرویس جایگزین را معرفی می‌کند: تماس موفق نبود، ولی سرویس‌های جایگزین ممکن است و در بدنه‌ی پاسخ توصیف می‌شوند؛ قالب این بدنه را RFC 3261 به مشخصات دیگر سپرده است.',
    },
    practice: {
      en: 'Its main real use is IMS/VoLTE emergency calling: per 3GPP TS 24.229 a P-CSCF or SBC answers 380 with an application/3gpp-ims+xml body (<alternative-service> with type emergency, action emergency-registration) to tell a UE to retry as an emergency call or over circuit-switched access (GSMA IR.92). Elsewhere rare; some stacks mis-number it (sipsorcery: 304). Inside a Warning header, 380 is the warn-code ‘SIPS Not Allowed’ (RFC 5630), a different registry.',
      fa: 'کاربرد اصلی و واقعی آن در تماس‌های اضطراری IMS/VoLTE است: طبق 3GPP TS 24.229، P-CSCF یا SBC پاسخ 380 را با بدنه‌ی application/3gpp-ims+xml (عنصر <alternative-service> با type برابر emergency و action برابر emergency-registration) می‌فرستد تا به UE بگوید تماس را به‌صورت تماس اضطراری یا از طریق شبکه‌ی سوئیچ مداری دوباره برقرار کند (GSMA IR.92). در جاهای دیگر کمیاب است و بعضی پشته‌ها شماره‌اش را اشتباه گرفته‌اند (sipsorcery: 304). عدد 380 در هدر Warning کد هشدار «SIPS Not Allowed» (RFC 5630) است که به رجیستری دیگری تعلق دارد.',
    },
  },
  {
    code: 400,
    phrase: 'Bad Request',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.1' },
    variants: [
      { phrase: 'Content-Length mis-match', source: 'Kamailio sanity module' },
      { phrase: 'Bad Contact Header', source: 'Kamailio sanity module' },
      { phrase: 'Session-Expires Invalid Syntax', source: 'Asterisk chan_sip' },
      { phrase: 'Bad Request (Refer-to missing)', source: 'Asterisk chan_sip' },
    ],
    meaning: {
      en: 'The request is malformed (a broken or missing mandatory header, a Content-Length that does not match the body, a URI that cannot be parsed), so the receiver could not process it at all. RFC 3261 expects whoever sends the 400 to name the exact problem in the reason phrase, so read the phrase and any Warning header first.',
      fa: 'درخواست از نظر نحوی خراب است (هدر اجباری ناقص یا معیوب، Content-Length ناهماهنگ با بدنه، URI که parse نمی‌شود) و گیرنده اصلاً نتوانسته آن را پردازش کند. RFC 3261 از فرستندهٔ 400 می‌خواهد مشکل دقیق را در reason phrase بنویسد؛ پس اول همان متن و هدر Warning را بخوانید.',
    },
    practice: {
      en: 'Usual suspects: a router’s SIP ALG rewriting headers or SDP, a Content-Length that no longer matches a truncated or hand-edited body (SIPp templates), unescaped characters in a display name or URI, or a missing or duplicated To/From tag. Kamailio’s sanity module and Asterisk put the failed check in the phrase (e.g. "Content-Length mis-match", "Session-Expires Invalid Syntax"); capture the request where it is received (sngrep, tcpdump) and compare it with what was sent.',
      fa: 'مظنونان همیشگی: SIP ALG روتر که هدرها یا SDP را بازنویسی و خراب می‌کند، Content-Length که دیگر با بدنهٔ بریده‌شده یا دست‌کاری‌شده (مثلاً در قالب‌های SIPp) نمی‌خواند، کاراکترهای escape‌نشده در display name یا URI، یا tag گم‌شده یا تکراری در To و From. ماژول sanity در Kamailio و خود Asterisk نام بررسیِ ناموفق را در phrase می‌نویسند (مثل "Content-Length mis-match" یا "Session-Expires Invalid Syntax")؛ درخواست را در سمت گیرنده با sngrep یا tcpdump بگیرید و با چیزی که فرستاده شده مقایسه کنید.',
    },
    methods: {
      INVITE: {
        en: 'To a re-INVITE only that transaction fails (RFC 5057): the call goes on with the session it already had. To an initial INVITE the attempt is over; fix the message before retrying, since the same request will fail the same way.',
        fa: 'اگر پاسخ یک re-INVITE باشد فقط همان تراکنش شکست خورده (RFC 5057) و تماس با همان session قبلی ادامه می‌یابد. اگر پاسخ INVITE اولیه باشد تلاش برای تماس تمام شده است؛ پیش از تلاش دوباره پیام را اصلاح کنید، چون همان درخواست دوباره به همین شکل رد می‌شود.',
      },
    },
  },
  {
    code: 401,
    phrase: 'Unauthorized',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.2' },
    variants: [{ phrase: 'Authorization Required', source: 'SIPp documentation (sample UAS scenarios)' }],
    meaning: {
      en: 'The UAS or registrar will not accept the request without authentication: the response carries a WWW-Authenticate challenge (realm, nonce) and the client is expected to repeat the request with an Authorization header computed from its username and password. Endpoints and registrars send 401; proxies send 407 instead.',
      fa: 'زمانی که یک درخواست بدون نام کاربری و رمز به سرور برسد، در حالی که سرور بدون تصدیق هویت هیچ تماسی را قبول نمی‌کند، این پاسخ برمی‌گردد. پاسخ یک چالش WWW-Authenticate (شامل realm و nonce) دارد و کلاینت باید همان درخواست را با هدر Authorization، که از نام کاربری و رمزش ساخته می‌شود، دوباره بفرستد؛ این کد را UAS و registrar می‌فرستند و proxy به‌جای آن 407 می‌دهد.',
    },
    practice: {
      en: 'One 401 followed by a successful retry is the normal digest handshake, not a fault. A loop of 401s means the credentials are rejected: wrong password, wrong auth username (it often differs from the extension number) or a realm mismatch; Asterisk PJSIP answers a wrong password with a fresh 401 (FreeSWITCH sends 403 instead) and chan_sip’s alwaysauthreject makes unknown users look the same. A 401 with stale=true after credentials were sent only means the nonce expired and the client should retry with the new one.',
      fa: 'یک 401 که پشت سرش درخواست دوباره موفق شود همان دست‌دادن عادی digest است، نه خطا. اگر 401 پشت سر هم تکرار شود یعنی اعتبارنامه رد می‌شود: رمز اشتباه، auth username اشتباه (که اغلب با شمارهٔ داخلی فرق دارد) یا realm ناهماهنگ؛ Asterisk PJSIP به رمز اشتباه با یک 401 تازه جواب می‌دهد (FreeSWITCH در این حالت 403 می‌فرستد) و گزینهٔ alwaysauthreject در chan_sip کاربر ناموجود را هم همین‌طور جواب می‌دهد. 401 با stale=true پس از ارسال اعتبارنامه فقط یعنی nonce منقضی شده و کلاینت باید با nonce جدید دوباره بفرستد.',
    },
    methods: {
      REGISTER: {
        en: 'Expected on the first REGISTER of every registration cycle: the phone repeats it with Authorization and gets 200. When Asterisk registers to a provider, a 401/407 that still comes back after credentials were sent is treated as permanent (auth_rejection_permanent=yes by default) and, with fatal_retry_interval=0, registration stops.',
        fa: 'روی اولین REGISTER هر دور ثبت‌نام کاملاً طبیعی است: تلفن آن را با Authorization تکرار می‌کند و 200 می‌گیرد. وقتی Asterisk خودش روی سرویس‌دهنده register می‌کند، 401 یا 407ای که پس از ارسال اعتبارنامه باز هم برگردد دائمی حساب می‌شود (auth_rejection_permanent=yes پیش‌فرض است) و با fatal_retry_interval=0 دیگر تلاشی برای ثبت‌نام نمی‌شود.',
      },
      INVITE: {
        en: 'Asterisk challenges incoming INVITEs with 401 because it acts as a UAS, while proxies and FreeSWITCH use 407. The caller ACKs the 401 and sends a new INVITE with the same Call-ID, CSeq + 1 and an Authorization header; a second 401 means the endpoint’s credentials are wrong.',
        fa: 'Asterisk چون نقش UAS دارد INVITEهای ورودی را با 401 به چالش می‌کشد، در حالی که proxyها و FreeSWITCH از 407 استفاده می‌کنند. تماس‌گیرنده برای 401 یک ACK می‌فرستد و INVITE تازه‌ای با همان Call-ID، CSeq یکی بیشتر و هدر Authorization می‌فرستد؛ 401 دوم یعنی اعتبارنامهٔ آن endpoint اشتباه است.',
      },
      BYE: {
        en: 'Some servers challenge BYE and other in-dialog requests too. A UA that does not answer the challenge leaves the call up on the far side until a session timer or an RTP timeout clears it.',
        fa: 'بعضی سرورها BYE و دیگر درخواست‌های داخل dialog را هم به چالش می‌کشند. UAای که به این چالش جواب ندهد تماس را در طرف مقابل باز می‌گذارد تا session timer یا مهلت RTP آن را ببندد.',
      },
    },
  },
  {
    code: 402,
    phrase: 'Payment Required',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.3' },
    meaning: {
      en: 'Reserved by RFC 3261 for future use: no standard semantics were ever defined, so a receiver handles it like an unrecognised 4xx failure (RFC 5057 says the same).',
      fa: 'RFC 3261 این کد را برای استفادهٔ آینده رزرو کرده و هیچ‌وقت معنای استانداردی برایش تعریف نشده است؛ بنابراین گیرنده با آن مثل یک خطای 4xx ناشناخته رفتار می‌کند (RFC 5057 هم همین را می‌گوید).',
    },
    practice: {
      en: 'When it does appear it usually comes from a provider’s billing logic: prepaid credit exhausted, an account suspended for non-payment, or a destination outside the plan. Check the balance and the provider portal rather than the SIP configuration; RFC 3398 and FreeSWITCH map it to Q.850 cause 21 (call rejected), Asterisk to cause 127.',
      fa: 'اگر روی سیم دیده شود معمولاً از منطق صورت‌حساب سرویس‌دهنده می‌آید: اعتبار پیش‌پرداخت تمام شده، حساب به خاطر پرداخت‌نشدن معلق شده، یا مقصد خارج از طرح است. به‌جای پیکربندی SIP موجودی حساب و پنل سرویس‌دهنده را بررسی کنید؛ RFC 3398 و FreeSWITCH آن را به Q.850 cause 21 (call rejected) و Asterisk به cause 127 تبدیل می‌کنند.',
    },
  },
  {
    code: 403,
    phrase: 'Forbidden',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.4' },
    variants: [
      { phrase: 'Stale Date', source: 'RFC 8224 (STIR verifier, Date header too old); sofia-sip' },
      { phrase: 'Not relaying', source: 'Kamailio default kamailio.cfg' },
      { phrase: 'Forbidden (policy)', source: 'Asterisk chan_sip' },
    ],
    meaning: {
      en: 'The server understood the request but refuses to fulfil it. Unlike 401/407 there is no challenge to answer, so resending the same request, even with credentials, will not help.',
      fa: 'سرور درخواست را فهمیده ولی از انجام آن خودداری می‌کند. برخلاف 401 و 407 چالشی برای پاسخ دادن در کار نیست، پس فرستادن دوبارهٔ همان درخواست، حتی با اعتبارنامه، فایده‌ای ندارد.',
    },
    practice: {
      en: 'To a REGISTER it most often means a wrong password or an unknown user (FreeSWITCH answers 403 here, Asterisk PJSIP re-challenges with 401), or a blocked account, IP or user agent (ACL, ban lists, maximum registrations reached). To an INVITE it is a policy refusal: no permission for that destination, caller ID rejected by the trunk, source IP not whitelisted, or Kamailio’s sample config answering "403 Not relaying" because neither the From nor the Request-URI domain is local. A "403 Stale Date" comes from a STIR verifier that found the Date header too old (check NTP); Asterisk sends 403 for Q.850 cause 21.',
      fa: 'معمولاً وقتی برای ما پیش می‌آید که رمز یک داخلی را اشتباه وارد کرده باشیم: در پاسخ REGISTER بیشتر یعنی رمز اشتباه یا کاربر ناموجود (FreeSWITCH اینجا 403 می‌دهد ولی Asterisk PJSIP دوباره با 401 چالش می‌کند)، یا حساب، IP یا user agent مسدود شده است (ACL، فهرست‌های ban، پرشدن سقف ثبت‌نام‌ها). در پاسخ INVITE یک امتناع سیاستی است: مجوز تماس با آن مقصد وجود ندارد، ترانک caller ID را نمی‌پذیرد، IP مبدأ در whitelist نیست، یا پیکربندی نمونهٔ Kamailio چون نه دامنهٔ From و نه دامنهٔ Request-URI محلی است "403 Not relaying" می‌دهد. "403 Stale Date" را verifier سیستم STIR می‌فرستد وقتی هدر Date خیلی قدیمی است (NTP را بررسی کنید)؛ Asterisk هم Q.850 cause 21 را به 403 تبدیل می‌کند.',
    },
    methods: {
      REGISTER: {
        en: 'Check the password, the username/auth username and the domain on the phone first, then whether the registrar blocks the IP or account. When Asterisk registers to a provider, a 403 stops further attempts unless forbidden_retry_interval (PJSIP) or register_retry_403 (chan_sip) is set.',
        fa: 'اول رمز، نام کاربری/auth username و دامنهٔ تنظیم‌شده روی تلفن را بررسی کنید و بعد ببینید registrar آن IP یا حساب را مسدود کرده یا نه. وقتی Asterisk خودش روی سرویس‌دهنده register می‌کند، با گرفتن 403 دیگر تلاش نمی‌کند مگر اینکه forbidden_retry_interval (در PJSIP) یا register_retry_403 (در chan_sip) تنظیم شده باشد.',
      },
      INVITE: {
        en: 'The caller is known but not allowed to make this call: outbound route or permission missing, toll restriction, caller ID or source IP refused by the trunk. To a re-INVITE only that transaction fails (RFC 5057) and the call continues.',
        fa: 'تماس‌گیرنده شناخته شده ولی اجازهٔ این تماس را ندارد: مسیر خروجی یا مجوز تعریف نشده، محدودیت تماس بین‌شهری/بین‌المللی، یا ترانک caller ID یا IP مبدأ را نمی‌پذیرد. اگر پاسخ یک re-INVITE باشد فقط همان تراکنش شکست خورده (RFC 5057) و تماس ادامه دارد.',
      },
      SUBSCRIBE: {
        en: 'The watcher may not subscribe to this resource (BLF, presence or MWI not allowed for that user); Asterisk chan_sip answers "403 Forbidden (policy)" when subscriptions are disabled.',
        fa: 'این مشترک اجازهٔ subscribe کردن به آن منبع را ندارد (BLF، presence یا MWI برای آن کاربر مجاز نیست)؛ Asterisk chan_sip وقتی subscription غیرفعال باشد "403 Forbidden (policy)" برمی‌گرداند.',
      },
    },
  },
  {
    code: 404,
    phrase: 'Not Found',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.5' },
    variants: [
      { phrase: 'Not found (unknown domain)', source: 'Asterisk chan_sip' },
      { phrase: 'Not found (no mailbox)', source: 'Asterisk chan_sip' },
    ],
    meaning: {
      en: 'The server, authoritative for the Request-URI’s domain, knows that no such user or number exists there. The same code is returned when the Request-URI’s domain is not one the server handles.',
      fa: 'سرور به شما اطلاع می‌دهد که چنین اطلاعات و کاربری وجود ندارد: سرورِ مسئول دامنهٔ Request-URI با قطعیت می‌داند کاربر یا شماره‌ای با این مشخصات آنجا نیست. اگر دامنهٔ Request-URI جزو دامنه‌هایی نباشد که سرور سرویس می‌دهد هم همین پاسخ برمی‌گردد.',
    },
    practice: {
      en: 'On calls it mostly means the dialled number matched nothing: no dialplan extension (Asterisk logs "rejected because extension not found in context ..."), no route in FreeSWITCH, a user who is not registered in Kamailio’s default config (a failed lookup("location") answers 404), or a number in a format the carrier does not accept (missing country code or prefix). Check the Request-URI user part and the context or domain the call landed in; Q.850 cause 1 (unallocated number) maps to and from 404.',
      fa: 'در تماس‌ها بیشتر یعنی شمارهٔ گرفته‌شده با هیچ چیز جور نشده است: داخلی‌ای در dialplan نیست (Asterisk در لاگ می‌نویسد "rejected because extension not found in context ...")، FreeSWITCH مسیری پیدا نکرده، کاربر در پیکربندی پیش‌فرض Kamailio ثبت‌نام نکرده (شکست lookup("location") با 404 جواب داده می‌شود)، یا قالب شماره برای اپراتور قابل قبول نیست (کد کشور یا پیش‌شماره جا افتاده). بخش user در Request-URI و context یا دامنه‌ای که تماس در آن فرود آمده را بررسی کنید؛ Q.850 cause 1 (unallocated number) در هر دو جهت با 404 متناظر است.',
    },
    methods: {
      INVITE: {
        en: 'To an initial INVITE: the number or extension does not exist at that server. To a re-INVITE, RFC 5057 treats 404 as fatal for the whole dialog: the Contact learned at call setup no longer leads to the peer (NAT, a SIP ALG or a restarted device).',
        fa: 'در پاسخ INVITE اولیه: آن شماره یا داخلی روی این سرور وجود ندارد. در پاسخ re-INVITE، طبق RFC 5057 کل dialog از دست رفته است: Contactای که هنگام برقراری تماس یاد گرفته شده دیگر به طرف مقابل نمی‌رسد (NAT، SIP ALG یا دستگاهی که ری‌استارت شده).',
      },
      REGISTER: {
        en: 'The registrar does not serve that domain or user: compare the domain/realm configured on the phone with the server’s domains (Asterisk chan_sip says "404 Not found (unknown domain)", or 401 when alwaysauthreject is on).',
        fa: 'registrar آن دامنه یا کاربر را سرویس نمی‌دهد: دامنه/realm تنظیم‌شده روی تلفن را با دامنه‌های سرور مقایسه کنید (Asterisk chan_sip می‌گوید "404 Not found (unknown domain)" و اگر alwaysauthreject روشن باشد 401 می‌دهد).',
      },
      SUBSCRIBE: {
        en: 'The watched resource does not exist: typically a BLF key pointing to an extension that has no hint in Asterisk, or an MWI subscription for a peer without a mailbox ("404 Not found (no mailbox)" in chan_sip).',
        fa: 'منبعی که تحت نظر گرفته شده وجود ندارد: معمولاً کلید BLF به داخلی‌ای اشاره می‌کند که در Asterisk هیچ hint ندارد، یا subscription مربوط به MWI برای peerی است که mailbox ندارد ("404 Not found (no mailbox)" در chan_sip).',
      },
    },
  },
  {
    code: 405,
    phrase: 'Method Not Allowed',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.6' },
    meaning: {
      en: 'The server recognises the method but does not allow it for the addressed resource; the response must carry an Allow header listing the methods it does accept there. (501 is for a method the server does not implement at all.)',
      fa: 'سرور متد را می‌شناسد ولی برای منبعی که آدرس داده شده اجازه‌اش را نمی‌دهد؛ پاسخ باید هدر Allow را با فهرست متدهای مجاز داشته باشد. (501 برای متدی است که سرور اصلاً پیاده‌سازی نکرده.)',
    },
    practice: {
      en: 'Read the Allow header of the 405. Typical cases: a phone or PBX without presence support answering SUBSCRIBE or PUBLISH, MESSAGE or REFER disabled on the endpoint, INFO or UPDATE not enabled, or Kamailio’s default config answering 405 when lookup("location") finds contacts that do not accept this method.',
      fa: 'هدر Allow در پاسخ 405 را بخوانید. موارد رایج: تلفن یا PBX بدون پشتیبانی presence که به SUBSCRIBE یا PUBLISH جواب می‌دهد، MESSAGE یا REFER که روی endpoint غیرفعال است، INFO یا UPDATE که فعال نشده، یا پیکربندی پیش‌فرض Kamailio که وقتی lookup("location") فقط contactهایی پیدا می‌کند که این متد را نمی‌پذیرند 405 برمی‌گرداند.',
    },
    methods: {
      INFO: {
        en: 'Only this INFO fails; the call continues (RFC 5057). If the INFO carried DTMF, switch both sides to RFC 4733 telephone-events in RTP.',
        fa: 'فقط همین INFO شکست خورده و تماس ادامه دارد (RFC 5057). اگر INFO حامل DTMF بوده، هر دو طرف را روی telephone-event در RTP طبق RFC 4733 تنظیم کنید.',
      },
      UPDATE: {
        en: 'Only this UPDATE fails and the session keeps its previous state; use a re-INVITE for session refreshes or media changes toward this peer.',
        fa: 'فقط همین UPDATE شکست خورده و session همان وضعیت قبلی را دارد؛ برای session refresh یا تغییر media با این طرف از re-INVITE استفاده کنید.',
      },
      SUBSCRIBE: {
        en: 'The server offers no event subscriptions at this URI (no presence/BLF/MWI service there): point BLF or MWI at the server that owns the resource, or switch the feature off on the phone.',
        fa: 'سرور روی این URI سرویس subscription رویداد ندارد (presence، BLF یا MWI آنجا ارائه نمی‌شود): BLF یا MWI را به سروری که صاحب آن منبع است هدایت کنید یا آن قابلیت را روی تلفن خاموش کنید.',
      },
      REFER: {
        en: 'The far end does not accept transfers by REFER; the call itself continues. Let the PBX perform the transfer (e.g. attended transfer handled locally) instead.',
        fa: 'طرف مقابل انتقال تماس با REFER را نمی‌پذیرد ولی خود تماس ادامه دارد. انتقال را به PBX بسپارید (مثلاً attended transfer که به‌صورت محلی انجام می‌شود).',
      },
    },
  },
  {
    code: 406,
    phrase: 'Not Acceptable',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.7' },
    meaning: {
      en: 'The resource can only produce response bodies whose content type, encoding or language is not among those listed in the request’s Accept, Accept-Encoding or Accept-Language headers. It is about body formats, not session parameters (that is 488 or 606).',
      fa: 'منبع فقط می‌تواند بدنه‌هایی تولید کند که نوع محتوا، encoding یا زبانشان در هدرهای Accept، Accept-Encoding یا Accept-Language درخواست نیامده است. موضوع قالب بدنه است، نه پارامترهای session (آن 488 یا 606 است).',
    },
    practice: {
      en: 'Rare on calls; it shows up mostly with event subscriptions whose Accept header lists only body formats the notifier cannot generate (for example a phone asking only for application/dialog-info+xml from a server that produces application/pidf+xml). Compare the request’s Accept header with what the server supports; RFC 3398 maps 406 to Q.850 cause 79.',
      fa: 'در تماس‌ها کم پیش می‌آید؛ بیشتر در subscriptionهایی دیده می‌شود که هدر Accept آن‌ها فقط قالب‌هایی را نام می‌برد که notifier نمی‌تواند بسازد (مثلاً تلفنی که فقط application/dialog-info+xml می‌خواهد از سروری که application/pidf+xml تولید می‌کند). هدر Accept درخواست را با قالب‌هایی که سرور پشتیبانی می‌کند مقایسه کنید؛ RFC 3398 کد 406 را به Q.850 cause 79 نگاشت می‌کند.',
    },
    methods: {
      SUBSCRIBE: {
        en: 'The notifier cannot deliver this event package in any format listed in Accept; change the phone’s requested format or subscribe to a server that supports it.',
        fa: 'notifier نمی‌تواند این event package را در هیچ‌یک از قالب‌های فهرست‌شده در Accept بفرستد؛ قالب درخواستی تلفن را عوض کنید یا به سروری subscribe کنید که آن را پشتیبانی می‌کند.',
      },
    },
  },
  {
    code: 407,
    phrase: 'Proxy Authentication Required',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.8' },
    meaning: {
      en: 'Like 401, but the challenge comes from a proxy (or a B2BUA acting as one) in the path: the response carries Proxy-Authenticate and the client must resend the request with Proxy-Authorization before it is forwarded. It is also used when access to the network itself, such as a PSTN gateway, needs authentication.',
      fa: 'مثل 401 است، با این تفاوت که چالش از یک proxy (یا B2BUAای که نقش proxy دارد) در مسیر می‌آید: پاسخ هدر Proxy-Authenticate دارد و کلاینت باید پیش از آنکه درخواست جلوتر برود آن را با Proxy-Authorization دوباره بفرستد. برای مواقعی هم به کار می‌رود که دسترسی به خود شبکه، مثلاً یک gateway به PSTN، نیاز به احراز هویت دارد.',
    },
    practice: {
      en: 'A 407 to an outgoing call is the normal challenge from Kamailio/OpenSIPS (auth_challenge, proxy_challenge), FreeSWITCH or a carrier; the UAC ACKs it and resends the INVITE with credentials. If it repeats or the call fails right after, the trunk credentials are wrong or missing: on Asterisk PJSIP the endpoint needs outbound_auth (registration auth alone does not cover calls), on FreeSWITCH check the gateway username/password and the from-user the provider expects.',
      fa: '407 در پاسخ تماس خروجی همان چالش عادی Kamailio/OpenSIPS (auth_challenge یا proxy_challenge)، FreeSWITCH یا اپراتور است؛ UAC برایش ACK می‌فرستد و INVITE را با اعتبارنامه دوباره ارسال می‌کند. اگر تکرار شود یا تماس درست بعد از آن شکست بخورد، اعتبارنامهٔ ترانک اشتباه است یا اصلاً تنظیم نشده: در Asterisk PJSIP، endpoint به outbound_auth نیاز دارد (auth ثبت‌نام تماس‌ها را پوشش نمی‌دهد) و در FreeSWITCH نام کاربری/رمز gateway و from-userای که سرویس‌دهنده انتظار دارد را بررسی کنید.',
    },
    methods: {
      INVITE: {
        en: 'FreeSWITCH challenges incoming INVITEs with 407 (and REGISTERs with 401), and a dialplan "respond 407" forces the same challenge. A second 407 after credentials were sent means they were rejected.',
        fa: 'FreeSWITCH به INVITEهای ورودی با 407 چالش می‌دهد (و به REGISTERها با 401)، و "respond 407" در dialplan هم همین چالش را اجباری می‌کند. 407 دوم پس از ارسال اعتبارنامه یعنی اعتبارنامه رد شده است.',
      },
      REGISTER: {
        en: 'Registrars normally challenge with 401; a 407 to a REGISTER comes from an outbound proxy or SBC that wants its own credentials before forwarding it.',
        fa: 'registrarها معمولاً با 401 چالش می‌کنند؛ 407 در پاسخ REGISTER از یک outbound proxy یا SBC می‌آید که پیش از فرستادن درخواست به جلو، اعتبارنامهٔ خودش را می‌خواهد.',
      },
      BYE: {
        en: 'Proxies may challenge BYE too. If the UA does not answer the challenge, the far end keeps the call up (hung channels, over-long CDRs) until a session timer or RTP timeout ends it.',
        fa: 'proxyها ممکن است BYE را هم به چالش بکشند. اگر UA به چالش جواب ندهد، طرف مقابل تماس را باز نگه می‌دارد (کانال‌های آویزان، CDRهای بیش از حد طولانی) تا session timer یا مهلت RTP آن را تمام کند.',
      },
    },
  },
  {
    // codes.tsv calls "Request Time-out" the RFC 2543 phrase, but RFC 2543 itself
    // (section 7.4.9 and the Client-Error grammar in 5.1.1) says "Request Timeout";
    // "Request Time-out" is the HTTP/1.1 (RFC 2068/2616) spelling copied into old code lists.
    code: 408,
    phrase: 'Request Timeout',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.9' },
    variants: [{ phrase: 'Request Time-out', source: 'old SIP code lists copying the HTTP/1.1 (RFC 2616) phrase' }],
    meaning: {
      en: 'No final response could be produced in time: a server (typically a proxy) gave up waiting for the next hop or for the user to be located, or the client transaction timed out and the stack reported it as 408. The client may send the same request again later.',
      fa: 'وقتی سرور برای انجام کار خود، مثلاً پیدا کردن کاربر دیگر، به پایان زمان مشخص‌شده برسد این کد را می‌فرستد: سرور (معمولاً یک proxy) از انتظار برای hop بعدی یا پیدا کردن کاربر دست کشیده، یا تراکنش سمت کلاینت منقضی شده و پشتهٔ SIP آن را به شکل 408 گزارش کرده است. کلاینت می‌تواند بعداً همان درخواست را دوباره بفرستد.',
    },
    practice: {
      en: 'A locally generated 408 after 32 s (Timer B/F = 64 × T1) means nothing answered at all: the callee or trunk is unreachable, a NAT binding expired so requests never reach the phone, a firewall drops UDP 5060, or a large INVITE was fragmented and a fragment lost. Kamailio/OpenSIPS tm produce a local 408 when fr_timer/fr_timeout (30 s without any reply) or fr_inv_timer/fr_inv_timeout (120 s ringing without answer) fires; Asterisk maps 408 to Q.850 cause 18, FreeSWITCH to RECOVERY_ON_TIMER_EXPIRE (102).',
      fa: '408ای که پس از 32 ثانیه به‌صورت محلی ساخته می‌شود (Timer B/F برابر 64 × T1) یعنی هیچ‌کس جواب نداده است: مقصد یا ترانک در دسترس نیست، binding در NAT منقضی شده و درخواست‌ها به تلفن نمی‌رسند، فایروال UDP 5060 را دور می‌ریزد، یا INVITE بزرگ fragment شده و یک تکه گم شده است. ماژول tm در Kamailio/OpenSIPS وقتی fr_timer/fr_timeout (30 ثانیه بدون هیچ پاسخی) یا fr_inv_timer/fr_inv_timeout (120 ثانیه زنگ بدون پاسخ) تمام شود 408 محلی می‌سازد؛ Asterisk این کد را به Q.850 cause 18 و FreeSWITCH به RECOVERY_ON_TIMER_EXPIRE (102) تبدیل می‌کند.',
    },
    methods: {
      INVITE: {
        en: 'To an initial INVITE: unreachable callee or no answer within the proxy timer. To a re-INVITE (including a session-timer refresh) RFC 3261 sections 12.2.1.2 and 14.1 tell the UAC to end the dialog, so the call is usually torn down with a BYE.',
        fa: 'در پاسخ INVITE اولیه: مقصد در دسترس نیست یا در مهلت proxy جواب نداده است. در پاسخ re-INVITE (از جمله refresh مربوط به session timer)، طبق بخش‌های 12.2.1.2 و 14.1 از RFC 3261 کلاینت باید dialog را تمام کند، پس تماس معمولاً با یک BYE قطع می‌شود.',
      },
      REGISTER: {
        en: 'The registrar never answered: wrong host, port or transport, a DNS SRV record pointing to a dead server, or a firewall in the way. Kamailio’s uac module logs "got sip response 408 while registering".',
        fa: 'registrar هیچ پاسخی نداده است: میزبان، پورت یا transport اشتباه، رکورد DNS SRV که به سرور مرده اشاره می‌کند، یا فایروالی در مسیر. ماژول uac در Kamailio در این حالت "got sip response 408 while registering" را لاگ می‌کند.',
      },
      OPTIONS: {
        en: 'Keep-alive or qualify pings went unanswered: Asterisk marks the contact Unreachable and Kamailio’s dispatcher can disable the gateway. Check reachability of the peer, not the call path.',
        fa: 'pingهای keep-alive یا qualify بی‌پاسخ مانده‌اند: Asterisk آن contact را Unreachable علامت می‌زند و dispatcher در Kamailio می‌تواند gateway را غیرفعال کند. دسترس‌پذیری طرف مقابل را بررسی کنید، نه مسیر تماس را.',
      },
      BYE: {
        en: 'The other side is unreachable; locally the call is over anyway, but look for a hung call on the far end.',
        fa: 'طرف مقابل در دسترس نیست؛ در سمت شما تماس به هر حال تمام شده، ولی احتمال تماس آویزان در طرف مقابل را بررسی کنید.',
      },
    },
  },
  {
    code: 409,
    phrase: 'Conflict',
    status: 'removed',
    defined: { rfc: 2543, section: '7.4.10' },
    meaning: {
      en: 'RFC 2543 meaning: the request conflicts with the current state of the resource, specifically a REGISTER whose ‘action’ parameter (proxy or redirect) clashed with existing registrations. RFC 3261 dropped both the action parameter and the code.',
      fa: 'معنای آن در RFC 2543: درخواست با وضعیت فعلی منبع تعارض دارد؛ مشخصاً REGISTERی که پارامتر action آن (proxy یا redirect) با ثبت‌نام‌های موجود ناسازگار بود. RFC 3261 هم پارامتر action و هم این کد را کنار گذاشت.',
    },
    practice: {
      en: 'Still present in the pjsip, sofia-sip and OpenSIPS phrase tables, so custom applications or very old registrars occasionally send it. The request failed: handle it as 400 and look in the sender’s logs for the conflict it meant. Asterisk maps a received 409 to Q.850 cause 41 (temporary failure), FreeSWITCH to 31.',
      fa: 'هنوز در جدول عبارت‌های pjsip، sofia-sip و OpenSIPS وجود دارد، پس گاهی برنامه‌های سفارشی یا رجیسترارهای خیلی قدیمی آن را می‌فرستند. درخواست شکست خورده است: آن را مانند 400 در نظر بگیرید و در لاگ فرستنده ببینید منظورش از تعارض چه بوده است. Asterisk کد 409ِ دریافتی را به cause 41 در Q.850 (خرابی موقت) و FreeSWITCH به 31 نگاشت می‌کند.',
    },
    statusNote: {
      en: 'Removed: defined only by RFC 2543, omitted from RFC 3261 and never registered with IANA. An RFC 3261 UAC treats it as 400 Bad Request (8.1.3.2).',
      fa: 'حذف‌شده: فقط RFC 2543 آن را تعریف کرده بود، در RFC 3261 نیامد و هرگز در IANA ثبت نشد. UAC مطابق RFC 3261 آن را مانند 400 Bad Request پردازش می‌کند (بخش 8.1.3.2).',
    },
    methods: {
      REGISTER: {
        en: 'The RFC 2543 case: the registrar refused a binding that clashed with an existing registration. Remove stale bindings or the obsolete action parameter and register again.',
        fa: 'همان حالت RFC 2543: رجیسترار bindingی را که با ثبت‌نام موجود تعارض داشت نپذیرفت. bindingهای کهنه یا پارامتر منسوخ action را حذف کنید و دوباره ثبت‌نام کنید.',
      },
    },
  },
  {
    code: 410,
    phrase: 'Gone',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.10' },
    meaning: {
      en: 'The user or number existed once but is permanently gone and no forwarding address is known. A server that cannot tell whether the condition is permanent should send 404 instead.',
      fa: 'کاربر یا شماره زمانی وجود داشته ولی برای همیشه رفته است و نشانی جدیدی هم برایش معلوم نیست. سروری که نمی‌داند وضعیت دائمی است یا نه باید به‌جای آن 404 بفرستد.',
    },
    practice: {
      en: 'Typically a disconnected or ported-out number: the PSTN side reports Q.850 cause 22 (number changed), which Asterisk and FreeSWITCH both translate to 410 and back. Check whether the dialled number is still in service or has a new number, and do not retry automatically; on a mid-dialog request RFC 5057 treats 410 as fatal for the dialog.',
      fa: 'معمولاً شماره‌ای است که قطع شده یا به اپراتور دیگری منتقل شده: سمت PSTN علت Q.850 cause 22 (number changed) را گزارش می‌کند و Asterisk و FreeSWITCH هر دو آن را به 410 و برعکس تبدیل می‌کنند. بررسی کنید شمارهٔ گرفته‌شده هنوز فعال است یا شمارهٔ جدیدی دارد و خودکار دوباره تلاش نکنید؛ اگر پاسخ درخواستی داخل dialog باشد، طبق RFC 5057 کل dialog از بین رفته است.',
    },
  },
  {
    code: 411,
    phrase: 'Length Required',
    status: 'removed',
    defined: { rfc: 2543, section: '7.4.12' },
    meaning: {
      en: 'RFC 2543 meaning: the server refuses the request because it lacks a valid Content-Length; the client may retry with one.',
      fa: 'معنای آن در RFC 2543: سرور درخواست را نمی‌پذیرد چون Content-Length معتبر ندارد؛ کلاینت می‌تواند با افزودن آن دوباره تلاش کند.',
    },
    practice: {
      en: 'Today a missing or wrong Content-Length gets 400 (RFC 3261 makes the header mandatory on TCP/TLS, 18.3). A 411 comes from an RFC 2543-era stack or a library that kept the old phrase table (pjsip, sofia-sip, OpenSIPS). Check that Content-Length equals the body size in bytes, especially after an SBC or ALG rewrote the SDP.',
      fa: 'امروزه به Content-Length گم‌شده یا نادرست پاسخ 400 داده می‌شود (RFC 3261 این هدر را روی TCP/TLS الزامی کرده است، بخش 18.3). 411 از پشته‌های دوران RFC 2543 یا کتابخانه‌هایی می‌آید که جدول عبارت‌های قدیمی را نگه داشته‌اند (pjsip، sofia-sip، OpenSIPS). بررسی کنید Content-Length با اندازه‌ی بدنه بر حسب بایت برابر باشد، به‌ویژه پس از اینکه SBC یا ALG متن SDP را بازنویسی کرده است.',
    },
    statusNote: {
      en: 'Removed: defined only by RFC 2543, omitted from RFC 3261 and never registered with IANA. An RFC 3261 UAC treats it as 400 Bad Request (8.1.3.2).',
      fa: 'حذف‌شده: فقط RFC 2543 آن را تعریف کرده بود، در RFC 3261 نیامد و هرگز در IANA ثبت نشد. UAC مطابق RFC 3261 آن را مانند 400 Bad Request پردازش می‌کند (بخش 8.1.3.2).',
    },
  },
  {
    code: 412,
    phrase: 'Conditional Request Failed',
    status: 'registered',
    defined: { rfc: 3903, section: '11.2.1' },
    variants: [{ phrase: 'Precondition Failed', source: 'sofia-sip (HTTP phrase), hence FreeSWITCH' }],
    meaning: {
      en: 'The condition attached to the request was not met: in practice a PUBLISH refresh, modification or removal whose SIP-If-Match entity-tag matches no publication the presence server (Event State Compositor) still holds. It has nothing to do with 580 Precondition Failure (QoS preconditions) or with HTTP’s 412.',
      fa: 'شرطی که به درخواست پیوست شده برقرار نبوده است: در عمل یک PUBLISH از نوع refresh، تغییر یا حذف که entity-tag موجود در SIP-If-Match آن با هیچ publicationای که سرور presence (همان Event State Compositor) هنوز نگه می‌دارد نمی‌خواند. ربطی به 580 Precondition Failure (پیش‌شرط‌های QoS) یا 412 در HTTP ندارد.',
    },
    practice: {
      en: 'The presence server no longer knows the publication: it expired because the refresh came too late, the server restarted or lost its presentity table, or in a cluster the PUBLISH reached a node without the shared state (Kamailio/OpenSIPS presence and Asterisk chan_sip answer 412 here). The client must drop the old entity-tag and send a fresh initial PUBLISH without SIP-If-Match; clients that keep refreshing with the dead tag loop on 412.',
      fa: 'سرور presence دیگر آن publication را نمی‌شناسد: چون refresh دیر رسیده منقضی شده، سرور ری‌استارت شده یا جدول presentity را از دست داده، یا در یک کلاستر PUBLISH به گره‌ای رسیده که وضعیت مشترک را ندارد (ماژول presence در Kamailio/OpenSIPS و Asterisk chan_sip در این حالت 412 می‌دهند). کلاینت باید entity-tag قدیمی را دور بریزد و یک PUBLISH اولیهٔ تازه بدون SIP-If-Match بفرستد؛ کلاینتی که با همان tag مرده به refresh ادامه دهد در حلقهٔ 412 گیر می‌کند.',
    },
    methods: {
      PUBLISH: {
        en: 'RFC 3903 section 5: the publisher must not retry the same request; it discards the entity-tag and publishes its state again from scratch (initial PUBLISH with a body, no SIP-If-Match).',
        fa: 'طبق بخش 5 از RFC 3903 ناشر نباید همان درخواست را تکرار کند؛ entity-tag را کنار می‌گذارد و وضعیتش را از اول منتشر می‌کند (PUBLISH اولیه با بدنه و بدون SIP-If-Match).',
      },
    },
  },
  {
    code: 413,
    phrase: 'Request Entity Too Large',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.11' },
    meaning: {
      en: 'The server refuses the request because its body is larger than it is willing or able to process; if the limit is only temporary it adds a Retry-After header.',
      fa: 'سرور درخواست را رد می‌کند چون بدنهٔ آن بزرگ‌تر از حدی است که می‌خواهد یا می‌تواند پردازش کند؛ اگر این محدودیت موقتی باشد هدر Retry-After هم اضافه می‌کند.',
    },
    practice: {
      en: 'Usually a bloated SDP (many codecs, video, dozens of ICE candidates) or a large MESSAGE or NOTIFY body; over UDP such messages also risk IP fragmentation, which is why RFC 3261 section 18.1.1 moves requests larger than about 1300 bytes to TCP. Trim codecs and candidates or move the trunk to TCP/TLS; note that Kamailio’s sample config rejects oversized messages with "403 Message too large" rather than 413.',
      fa: 'معمولاً SDP پف‌کرده (کدک‌های زیاد، ویدئو، ده‌ها ICE candidate) یا بدنهٔ بزرگ MESSAGE یا NOTIFY است؛ چنین پیام‌هایی روی UDP در خطر fragment شدن در IP هم هستند و برای همین بخش 18.1.1 از RFC 3261 درخواست‌های بزرگ‌تر از حدود 1300 بایت را به TCP می‌برد. کدک‌ها و candidateها را کم کنید یا ترانک را روی TCP/TLS ببرید؛ توجه کنید که پیکربندی نمونهٔ Kamailio پیام‌های خیلی بزرگ را به‌جای 413 با "403 Message too large" رد می‌کند.',
    },
    methods: {
      MESSAGE: {
        en: 'The instant message body exceeds the server’s limit; send large content by reference or over an MSRP session instead of inside the MESSAGE.',
        fa: 'بدنهٔ پیام فوری از حد مجاز سرور بیشتر است؛ محتوای بزرگ را به‌صورت ارجاع (by reference) یا در یک session از نوع MSRP بفرستید، نه داخل خود MESSAGE.',
      },
    },
  },
  {
    code: 414,
    phrase: 'Request-URI Too Long',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.12' },
    variants: [{ phrase: 'Request-URI Too Large', source: 'RFC 2543 (Client-Error grammar, section 5.1.1)' }],
    meaning: {
      en: 'The server refuses to process the request because the Request-URI is longer than it is willing to interpret.',
      fa: 'سرور از پردازش درخواست خودداری می‌کند چون Request-URI بلندتر از حدی است که حاضر به تفسیرش است.',
    },
    practice: {
      en: 'Look at the Request-URI itself: a routing loop or script that keeps appending parameters or prefixes, a huge user part built from concatenated data, or headers embedded in the URI. Kamailio’s sample config answers this case with "403 R-URI too large" instead (see RURI_MAX_SIZE there).',
      fa: 'خود Request-URI را نگاه کنید: حلقهٔ مسیریابی یا اسکریپتی که مدام پارامتر یا پیشوند اضافه می‌کند، بخش user بسیار بلند که از به‌هم‌چسباندن داده‌ها ساخته شده، یا هدرهایی که داخل URI جاسازی شده‌اند. پیکربندی نمونهٔ Kamailio در این حالت به‌جای 414 پاسخ "403 R-URI too large" می‌دهد (RURI_MAX_SIZE را آنجا ببینید).',
    },
  },
  {
    code: 415,
    phrase: 'Unsupported Media Type',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.13' },
    meaning: {
      en: 'The server will not process the request because the body’s format (Content-Type), encoding or language is not supported for this method; the response must list what it accepts in Accept, Accept-Encoding or Accept-Language, and the client should retry using only those.',
      fa: 'سرور درخواست را پردازش نمی‌کند چون قالب بدنه (Content-Type)، encoding یا زبان آن برای این متد پشتیبانی نمی‌شود؛ پاسخ باید موارد قابل قبول را در Accept، Accept-Encoding یا Accept-Language فهرست کند و کلاینت باید فقط با همان‌ها دوباره تلاش کند.',
    },
    practice: {
      en: 'Compare the request’s Content-Type with the Accept header of the 415. Typical cases: DTMF sent in INFO as application/dtmf-relay or application/dtmf to a peer that does not take it, MESSAGE bodies other than text/plain, multipart INVITE bodies (SDP plus ISUP from SIP-I gateways) sent to a PBX that only accepts application/sdp, or, in Asterisk PJSIP, a body with a Content-Disposition it cannot handle. RFC 3398 maps 415 to Q.850 cause 79.',
      fa: 'Content-Type درخواست را با هدر Accept در پاسخ 415 مقایسه کنید. موارد رایج: DTMF که در INFO با application/dtmf-relay یا application/dtmf به طرفی فرستاده می‌شود که آن را نمی‌پذیرد، بدنهٔ MESSAGE با نوعی غیر از text/plain، بدنهٔ multipart در INVITE (SDP همراه ISUP از gatewayهای SIP-I) که به PBXای می‌رسد که فقط application/sdp قبول می‌کند، یا در Asterisk PJSIP بدنه‌ای با Content-Disposition که نمی‌تواند پردازشش کند. RFC 3398 کد 415 را به Q.850 cause 79 نگاشت می‌کند.',
    },
    methods: {
      INFO: {
        en: 'Only this INFO fails and the call continues; carry DTMF as RFC 4733 telephone-events or agree on the INFO body type both sides support.',
        fa: 'فقط همین INFO رد شده و تماس ادامه دارد؛ DTMF را با telephone-event طبق RFC 4733 بفرستید یا روی نوع بدنهٔ INFOای توافق کنید که هر دو طرف پشتیبانی می‌کنند.',
      },
      MESSAGE: {
        en: 'The IM content type (for example text/html or application/im-iscomposing+xml) is not supported; resend as text/plain or in a type listed in Accept.',
        fa: 'نوع محتوای پیام فوری (مثلاً text/html یا application/im-iscomposing+xml) پشتیبانی نمی‌شود؛ پیام را به‌صورت text/plain یا با نوعی که در Accept آمده دوباره بفرستید.',
      },
    },
  },
  {
    code: 416,
    phrase: 'Unsupported URI Scheme',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.14' },
    variants: [{ phrase: 'Unsupported URI Scheme in Request URI', source: 'Kamailio sanity module' }],
    meaning: {
      en: 'The server does not know the scheme of the Request-URI (for example tel:, sips:, urn: or a mistyped scheme) and cannot process the request; the client should retry with a sip: URI.',
      fa: 'سرور scheme مربوط به Request-URI را نمی‌شناسد (مثلاً tel:، sips:، urn: یا schemeای که اشتباه تایپ شده) و نمی‌تواند درخواست را پردازش کند؛ کلاینت باید با یک URI از نوع sip: دوباره تلاش کند.',
    },
    practice: {
      en: 'Check the scheme of the Request-URI: tel: URIs sent to a server that only handles sip:, sips: sent to a server without TLS/SIPS support, or a malformed URI. Asterisk PJSIP answers incoming calls whose Request-URI is not sip:, sips: or tel: with 416; convert tel: to sip:number@domain at the edge (SBC, Kamailio) or enable TLS for sips:. On a mid-dialog request RFC 5057 treats 416 as fatal for the dialog.',
      fa: 'scheme در Request-URI را بررسی کنید: URIهای tel: که به سروری رسیده‌اند که فقط sip: را می‌فهمد، sips: برای سروری که TLS/SIPS ندارد، یا URI بدشکل. Asterisk PJSIP به تماس ورودی‌ای که Request-URI آن sip:، sips: یا tel: نباشد پاسخ 416 می‌دهد؛ در لبهٔ شبکه (SBC یا Kamailio) tel: را به sip:number@domain تبدیل کنید یا برای sips: TLS را فعال کنید. اگر پاسخ درخواستی داخل dialog باشد، طبق RFC 5057 کل dialog از بین رفته است.',
    },
  },
  {
    code: 417,
    phrase: 'Unknown Resource-Priority',
    status: 'registered',
    defined: { rfc: 4412, section: '4.6.2' },
    variants: [{ phrase: 'Bad Extension', source: 'Kamailio core error.c (bug: the 420 phrase is filed under 417), used in tm local replies and acc records' }],
    meaning: {
      en: 'The request demanded priority treatment (Require: resource-priority) but the element understands none of the namespaces or priority values in its Resource-Priority header. Without that Require tag the element would simply have processed the request at normal priority.',
      fa: 'درخواست رسیدگی اولویت‌دار خواسته (Require: resource-priority) ولی آن عنصر هیچ‌یک از namespaceها یا مقادیر اولویتِ هدر Resource-Priority را نمی‌شناسد. اگر این Require نبود، عنصر درخواست را با اولویت عادی پردازش می‌کرد.',
    },
    practice: {
      en: 'Seen only in networks with priority calling: government emergency schemes (ETS/WPS, DSN/DRSN), emergency-services networks (esnet, RFC 7135) and 3GPP mission-critical push-to-talk (mcpttp/mcpttq, RFC 8101). Read the Accept-Resource-Priority header of the 417 and retry with one of the listed values, or drop Require: resource-priority. A 417 reported by Kamailio (local replies, acc logs) may carry the text "Bad Extension" because of a wrong entry in Kamailio’s own phrase table: trust the code, not the text.',
      fa: 'فقط در شبکه‌هایی با تماس اولویت‌دار دیده می‌شود: طرح‌های اضطراری دولتی (ETS/WPS، DSN/DRSN)، شبکه‌های خدمات اضطراری (esnet طبق RFC 7135) و push-to-talk حیاتی در 3GPP (mcpttp/mcpttq طبق RFC 8101). هدر Accept-Resource-Priority در پاسخ 417 را بخوانید و با یکی از مقادیر فهرست‌شده دوباره تلاش کنید، یا Require: resource-priority را حذف کنید. 417ای که Kamailio گزارش می‌کند (پاسخ‌های محلی، لاگ‌های acc) ممکن است به خاطر یک مدخل اشتباه در جدول phraseهای خود Kamailio متن "Bad Extension" داشته باشد: به کد اعتماد کنید، نه به متن.',
    },
  },
  {
    code: 420,
    phrase: 'Bad Extension',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.15' },
    variants: [
      { phrase: 'Bad extension (unsupported)', source: 'Asterisk chan_sip' },
      { phrase: 'Option Disabled', source: 'Asterisk chan_sip (Require: timer with session timers refused)' },
      { phrase: 'Bad Proxy Require Extension', source: 'Kamailio sanity module' },
    ],
    meaning: {
      en: 'The server does not support an extension (option tag) that the request lists in Require or Proxy-Require; the response names the offending tags in an Unsupported header, and the client should retry without them.',
      fa: 'سرور از extension (option tag) که درخواست در Require یا Proxy-Require آورده پشتیبانی نمی‌کند؛ پاسخ tagهای مشکل‌دار را در هدر Unsupported نام می‌برد و کلاینت باید بدون آن‌ها دوباره تلاش کند.',
    },
    practice: {
      en: 'Read the Unsupported header: typically 100rel (PRACK) required by a carrier or an IMS/VoLTE core toward a PBX that has it disabled, timer when session timers are refused (chan_sip answers "420 Option Disabled"), precondition, sec-agree or path. Fix it by moving the tag from Require to Supported on the sender or by enabling the extension on the receiver (e.g. Asterisk PJSIP 100rel=yes); Kamailio’s sanity module answers 420 for unknown Proxy-Require tags.',
      fa: 'هدر Unsupported را بخوانید: معمولاً 100rel (PRACK) است که اپراتور یا هستهٔ IMS/VoLTE از PBXای که آن را غیرفعال کرده می‌خواهد، timer وقتی session timer رد شده باشد (chan_sip پاسخ "420 Option Disabled" می‌دهد)، precondition، sec-agree یا path. راه‌حل این است که فرستنده آن tag را از Require به Supported ببرد یا گیرنده آن extension را فعال کند (مثلاً 100rel=yes در Asterisk PJSIP)؛ ماژول sanity در Kamailio برای tagهای ناشناخته در Proxy-Require پاسخ 420 می‌دهد.',
    },
    methods: {
      INVITE: {
        en: 'RFC 3261 section 8.1.3.5: the UAC should send a new INVITE (same Call-ID, CSeq + 1) without the tags listed in Unsupported; if the feature is essential, route the call to a peer that supports it.',
        fa: 'طبق بخش 8.1.3.5 از RFC 3261، UAC باید INVITE تازه‌ای (با همان Call-ID و CSeq یکی بیشتر) بدون tagهای آمده در Unsupported بفرستد؛ اگر آن قابلیت ضروری است، تماس را به طرفی بفرستید که پشتیبانی‌اش می‌کند.',
      },
    },
  },
  {
    code: 421,
    phrase: 'Extension Required',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.16' },
    meaning: {
      en: 'The UAS can only process the request with an extension that the client did not list in its Supported header; the response names it in a Require header. RFC 3261 asks servers to use this only when they truly cannot offer baseline service.',
      fa: 'UAS فقط با extensionای می‌تواند درخواست را پردازش کند که کلاینت در هدر Supported خود نیاورده است؛ پاسخ آن را در هدر Require نام می‌برد. RFC 3261 از سرورها می‌خواهد فقط وقتی از این کد استفاده کنند که واقعاً هیچ سرویس پایه‌ای نمی‌توانند بدهند.',
    },
    practice: {
      en: 'Look at the Require header of the 421: commonly 100rel, timer or precondition demanded by an IMS core, an SBC or a PBX configured that way (Asterisk PJSIP with 100rel=required or timers=required answers 421 to peers that do not advertise them). Either add the tag to Supported on the calling side (enable PRACK or session timers there) or relax the requirement on the answering side.',
      fa: 'هدر Require در پاسخ 421 را ببینید: معمولاً 100rel، timer یا precondition است که یک هستهٔ IMS، یک SBC یا PBXای که این‌طور تنظیم شده می‌خواهد (Asterisk PJSIP با 100rel=required یا timers=required به طرف‌هایی که آن را اعلام نکرده‌اند 421 می‌دهد). یا در سمت تماس‌گیرنده tag را به Supported اضافه کنید (PRACK یا session timer را آنجا فعال کنید) یا در سمت پاسخ‌دهنده این الزام را سبک‌تر کنید.',
    },
  },
  {
    code: 422,
    phrase: 'Session Interval Too Small',
    status: 'registered',
    defined: { rfc: 4028, section: '6' },
    variants: [{ phrase: 'Session Timer Too Small', source: 'Kamailio and OpenSIPS sst module, Wireshark (draft-era name)' }],
    meaning: {
      en: 'A UAS or proxy rejects the request because its Session-Expires interval is below the shortest session-refresh interval that element accepts; the 422 must carry a Min-SE header with that minimum, which is never below 90 seconds.',
      fa: 'یک UAS یا proxy درخواست را رد می‌کند چون بازهٔ Session-Expires آن از کوتاه‌ترین بازهٔ session refresh که آن عنصر قبول دارد کمتر است؛ پاسخ 422 باید هدر Min-SE را با همان حداقل داشته باشد که هرگز کمتر از 90 ثانیه نیست.',
    },
    practice: {
      en: 'The caller’s Session-Expires is too short for some hop: for example a WebRTC/JsSIP client sending Session-Expires: 90 to FreeSWITCH, whose sofia-sip stack answers with Min-SE: 120 by default, or a Kamailio/OpenSIPS sst module with a higher min_se. A compliant UAC retries automatically with Session-Expires and Min-SE raised to the received value; repeated 422s mean the client ignores Min-SE, so raise its session-timer setting (Asterisk PJSIP timers_min_se / timers_sess_expires) or lower the server minimum.',
      fa: 'Session-Expires تماس‌گیرنده برای یکی از hopها خیلی کوتاه است: مثلاً کلاینت WebRTC/JsSIP که Session-Expires: 90 به FreeSWITCH می‌فرستد در حالی که پشتهٔ sofia-sip آن به‌طور پیش‌فرض با Min-SE: 120 جواب می‌دهد، یا ماژول sst در Kamailio/OpenSIPS با min_se بالاتر. UAC سازگار با استاندارد خودکار با Session-Expires و Min-SE برابر مقدار دریافتی دوباره تلاش می‌کند؛ 422 پشت سر هم یعنی کلاینت Min-SE را نادیده می‌گیرد، پس تنظیم session timer آن را بالا ببرید (timers_min_se و timers_sess_expires در Asterisk PJSIP) یا حداقل سرور را پایین بیاورید.',
    },
    methods: {
      INVITE: {
        en: 'On an initial INVITE the UAC resends with a larger Session-Expires. On a re-INVITE used as a session refresh RFC 5057 calls a 422 a protocol violation by some element in the path: treat it like an unknown 4xx, which fails only that transaction.',
        fa: 'در پاسخ INVITE اولیه، UAC با Session-Expires بزرگ‌تر دوباره می‌فرستد. در پاسخ re-INVITEای که برای session refresh فرستاده شده، RFC 5057 آن را نقض پروتکل توسط یکی از عناصر مسیر می‌داند: با آن مثل یک 4xx ناشناخته رفتار کنید که فقط همان تراکنش را ناموفق می‌کند.',
      },
      UPDATE: {
        en: 'Same rule as for INVITE: on a refresh inside an established call a 422 should not happen; it fails only that UPDATE and the call keeps running on the old interval.',
        fa: 'همان قاعدهٔ INVITE: در refresh داخل تماس برقرار، 422 نباید رخ دهد؛ فقط همان UPDATE ناموفق می‌شود و تماس با بازهٔ قبلی ادامه پیدا می‌کند.',
      },
    },
  },
  {
    code: 423,
    phrase: 'Interval Too Brief',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.17' },
    variants: [{ phrase: 'Interval too small', source: 'Asterisk chan_sip (SUBSCRIBE, PUBLISH)' }],
    meaning: {
      en: 'The request asked for a lifetime (Expires header or the Contact expires parameter) shorter than the server is willing to keep the resource, be it a registration binding, a subscription or a publication; the 423 carries a Min-Expires header with the smallest acceptable value.',
      fa: 'درخواست عمری کوتاه‌تر از حداقلی که سرور برای نگه داشتن منبع قبول دارد خواسته است (در هدر Expires یا پارامتر expires در Contact)، چه آن منبع binding ثبت‌نام باشد چه subscription یا publication؛ پاسخ 423 هدر Min-Expires را با کمترین مقدار قابل قبول دارد.',
    },
    practice: {
      en: 'The client asked for a very short expiry, often to keep a NAT pinhole open, below the server’s minimum. Many open-source registrars quietly raise such values instead (Asterisk PJSIP minimum_expiration, chan_sip minexpiry, Kamailio/OpenSIPS registrar min_expires), so a 423 to a REGISTER usually comes from a provider or IMS registrar or from Kamailio with min_expires_mode=1, while Kamailio presence (min_expires_action=1, the default) and Asterisk chan_sip send it for SUBSCRIBE/PUBLISH. Set the expiry to at least the Min-Expires value and keep NAT bindings alive with CRLF/OPTIONS keep-alives rather than tiny expiries.',
      fa: 'کلاینت expiry خیلی کوتاهی خواسته، اغلب برای باز نگه داشتن روزنهٔ NAT، که از حداقل سرور کمتر است. بسیاری از registrarهای متن‌باز به‌جای 423 بی‌صدا مقدار را بالا می‌برند (minimum_expiration در Asterisk PJSIP، minexpiry در chan_sip، min_expires در registrar مربوط به Kamailio و OpenSIPS)، پس 423 در پاسخ REGISTER معمولاً از registrar سرویس‌دهنده یا IMS یا از Kamailio با min_expires_mode=1 می‌آید، در حالی که ماژول presence در Kamailio (با min_expires_action=1 که پیش‌فرض است) و Asterisk chan_sip آن را برای SUBSCRIBE و PUBLISH می‌فرستند. expiry را دست‌کم برابر Min-Expires بگذارید و binding در NAT را به‌جای expiryهای خیلی کوتاه با keep-aliveهای CRLF یا OPTIONS زنده نگه دارید.',
    },
    methods: {
      REGISTER: {
        en: 'RFC 3261 section 10.2.8: the UA may retry with every Contact expiry equal to or above Min-Expires. A client that ignores Min-Expires keeps looping on 423 and never registers.',
        fa: 'طبق بخش 10.2.8 از RFC 3261، UA می‌تواند با expiry همهٔ Contactها برابر یا بیشتر از Min-Expires دوباره تلاش کند. کلاینتی که Min-Expires را نادیده بگیرد در حلقهٔ 423 می‌ماند و هیچ‌وقت ثبت‌نام نمی‌شود.',
      },
      SUBSCRIBE: {
        en: 'The requested subscription duration (BLF, presence, MWI) is below the notifier’s minimum; raise the phone’s subscription period.',
        fa: 'مدت subscription درخواستی (BLF، presence یا MWI) از حداقل notifier کمتر است؛ دورهٔ subscription را روی تلفن بالا ببرید.',
      },
      PUBLISH: {
        en: 'RFC 3903 section 5: retry the publication with Expires equal to or above the Min-Expires value of the 423.',
        fa: 'طبق بخش 5 از RFC 3903، publication را با Expires برابر یا بیشتر از مقدار Min-Expires در پاسخ 423 دوباره بفرستید.',
      },
    },
  },
  {
    code: 424,
    phrase: 'Bad Location Information',
    status: 'registered',
    defined: { rfc: 6442, section: '4.3' },
    meaning: {
      en: 'The location conveyed in the request (Geolocation header with a PIDF-LO body or a location URI) was malformed, unsuitable for the recipient’s purpose, or could not be dereferenced. The response must include a Geolocation-Error header saying what was wrong and may carry the location the intermediary believes is correct.',
      fa: 'موقعیت مکانی ارسال‌شده در درخواست (هدر Geolocation با بدنهٔ PIDF-LO یا یک URI مکان) بدشکل بوده، به کار گیرنده نمی‌آمده یا dereference نشده است. پاسخ باید هدر Geolocation-Error را با شرح اشکال داشته باشد و ممکن است موقعیتی را که عنصر میانی درست می‌داند هم همراه داشته باشد.',
    },
    practice: {
      en: 'Seen in emergency-calling (NG911/NG112) and location-based routing. Read the Geolocation-Error value, whose 3-digit codes are not SIP status codes (100 Cannot Process Location, 200-202 permission problems, 300 Dereference Failure), then check the PIDF-LO XML or the reachability of the location-by-reference server; if the 424 carries a location, resend the request with it. A 424 never ends an existing dialog and is only sent to requests that had a Geolocation header.',
      fa: 'در تماس‌های اضطراری (NG911/NG112) و مسیریابی بر اساس مکان دیده می‌شود. مقدار Geolocation-Error را بخوانید که کدهای سه‌رقمی‌اش کد وضعیت SIP نیستند (100 Cannot Process Location، 200 تا 202 مشکلات مجوز، 300 Dereference Failure)، سپس XML مربوط به PIDF-LO یا در دسترس بودن سرور location-by-reference را بررسی کنید؛ اگر 424 موقعیتی همراه دارد، درخواست را با همان موقعیت دوباره بفرستید. 424 هرگز dialog موجود را تمام نمی‌کند و فقط به درخواستی داده می‌شود که هدر Geolocation داشته است.',
    },
  },
  {
    code: 425,
    phrase: 'Bad Alert Message',
    status: 'registered',
    defined: { rfc: 8876, section: '5.1' },
    meaning: {
      en: 'A non-interactive emergency call carried an alert (a Common Alerting Protocol, CAP, body) so malformed that no reasonable emergency response can be determined; the response must include an AlertMsg-Error header describing the problem. It is the newest 4xx code (RFC 8876, 2020).',
      fa: 'یک تماس اضطراری غیرتعاملی هشداری (بدنهٔ CAP یا Common Alerting Protocol) حمل می‌کرده که آن‌قدر خراب است که هیچ واکنش اضطراری معقولی از آن درنمی‌آید؛ پاسخ باید هدر AlertMsg-Error را با شرح مشکل داشته باشد. این جدیدترین کد 4xx است (RFC 8876، سال 2020).',
    },
    practice: {
      en: 'Comes from a PSAP or emergency-services network receiving automated alerts (alarm panels, sensors, vehicles) by MESSAGE or INVITE. Check the AlertMsg-Error value (100 cannot process the payload, 101 payload missing, 102 not enough information, 103 payload corrupted; its own codes, not SIP codes), validate the application/EmergencyCallData.cap+xml body and the Call-Info purpose=EmergencyCallData.cap reference to it. Most stacks (Kamailio, OpenSIPS, pjsip, sofia-sip) have no phrase for 425 and show it as a generic 4xx; HTTP’s 425 Too Early is unrelated.',
      fa: 'از PSAP یا شبکهٔ خدمات اضطراری می‌آید که هشدارهای خودکار (پنل‌های دزدگیر، حسگرها، خودروها) را با MESSAGE یا INVITE دریافت می‌کند. مقدار AlertMsg-Error را بررسی کنید (100 پردازش محتوا ممکن نیست، 101 محتوا نیست یا پیدا نمی‌شود، 102 اطلاعات کافی نیست، 103 محتوا خراب است؛ این‌ها کدهای جداگانه‌اند نه کد SIP)، و بدنهٔ application/EmergencyCallData.cap+xml و ارجاع Call-Info با purpose=EmergencyCallData.cap به آن را اعتبارسنجی کنید. بیشتر پشته‌ها (Kamailio، OpenSIPS، pjsip، sofia-sip) برای 425 متنی ندارند و آن را یک 4xx عمومی نشان می‌دهند؛ 425 Too Early در HTTP هیچ ربطی به آن ندارد.',
    },
    methods: {
      MESSAGE: {
        en: 'The PSAP refused the alert carried in the MESSAGE; a PSAP that accepts the MESSAGE despite a bad alert answers 200 with an AlertMsg-Error header instead, and one that cannot process alerts at all should use 500.',
        fa: 'PSAP هشدار داخل MESSAGE را رد کرده است؛ PSAPای که با وجود هشدار خراب MESSAGE را بپذیرد به‌جایش 200 همراه هدر AlertMsg-Error می‌دهد، و PSAPای که اصلاً نمی‌تواند هشدار پردازش کند باید 500 بدهد.',
      },
    },
  },
  {
    code: 428,
    phrase: 'Use Identity Header',
    status: 'registered',
    defined: { rfc: 8224, section: '6.2.2' },
    history: {
      en: 'Introduced by RFC 4474 (section 14.2) for the original SIP Identity mechanism. RFC 8224 (STIR, 2018) obsoleted RFC 4474 and kept 428 with the same phrase, so IANA now cites RFC 8224.',
      fa: 'نخستین بار RFC 4474 (بخش 14.2) آن را برای سازوکار اولیهٔ SIP Identity تعریف کرد. RFC 8224 (STIR، سال 2018) جای RFC 4474 را گرفت و 428 را با همان phrase نگه داشت، برای همین IANA اکنون به RFC 8224 ارجاع می‌دهد.',
    },
    variants: [{ phrase: 'Use Supported PASSporT Format', source: 'RFC 8224 section 6.2.2 (when only unsupported "ppt" values were received)' }],
    meaning: {
      en: 'The verification service’s policy requires a usable Identity header (a signed PASSporT, STIR/SHAKEN) and the request had none, or only Identity headers with unsupported "ppt" extensions. Not to be confused with HTTP 428 Precondition Required.',
      fa: 'سیاست سرویس verification یک هدر Identity قابل استفاده (PASSporT امضاشده در STIR/SHAKEN) می‌خواهد و درخواست هیچ هدری نداشته، یا فقط هدرهای Identity با extensionهای "ppt" پشتیبانی‌نشده داشته است. با 428 Precondition Required در HTTP اشتباه نشود.',
    },
    practice: {
      en: 'In STIR/SHAKEN interconnects: the originating side did not sign the call (no authentication service or certificate configured, e.g. Asterisk res_stir_shaken without attestation set up), an SBC or B2BUA in the path dropped the Identity header, or the verifier only accepts other PASSporT types. Check whether the INVITE leaving your network still carries Identity; FreeSWITCH maps 428 to and from its NO_IDENTITY cause.',
      fa: 'در اتصال‌های STIR/SHAKEN: سمت مبدأ تماس را امضا نکرده است (سرویس authentication یا گواهی تنظیم نشده، مثلاً res_stir_shaken در Asterisk بدون تنظیم attestation)، یک SBC یا B2BUA در مسیر هدر Identity را حذف کرده، یا verifier فقط انواع دیگری از PASSporT را می‌پذیرد. بررسی کنید INVITEای که از شبکهٔ شما خارج می‌شود هنوز هدر Identity دارد یا نه؛ FreeSWITCH کد 428 را در هر دو جهت با علت NO_IDENTITY خودش متناظر می‌کند.',
    },
  },
  {
    code: 429,
    phrase: 'Provide Referrer Identity',
    status: 'registered',
    defined: { rfc: 3892, section: '5' },
    meaning: {
      en: 'The refer target (or the referee) demands a valid Referred-By token, an S/MIME-signed body proving who asked for the transfer, and the request had none, or an invalid or stale one. It is not a rate-limit signal: HTTP’s 429 Too Many Requests has no meaning in SIP.',
      fa: 'مقصد انتقال (یا referee) یک Referred-By token معتبر می‌خواهد، یعنی بدنه‌ای با امضای S/MIME که ثابت کند چه کسی انتقال را درخواست کرده، و درخواست یا آن را نداشته یا token نامعتبر یا کهنه داشته است. این کد نشانهٔ محدودیت نرخ نیست: 429 Too Many Requests در HTTP در SIP هیچ معنایی ندارد.',
    },
    practice: {
      en: 'Genuine 429s are rare because few products implement Referred-By tokens. More often FreeSWITCH sends 429 when a call ends with its internal cause BAD_IDENTITY_INFO (a STIR/SHAKEN identity problem that should be 436) and turns an incoming 429 back into that cause, or a gateway has borrowed HTTP’s 429 for rate limiting, where SIP would use 503 with Retry-After. Check the reason phrase and whether a REFER/transfer is involved to tell which case you have.',
      fa: '429 واقعی کم پیش می‌آید چون محصولات کمی Referred-By token را پیاده‌سازی کرده‌اند. بیشتر وقت‌ها FreeSWITCH وقتی تماسی با علت داخلی BAD_IDENTITY_INFO تمام می‌شود (مشکل هویت در STIR/SHAKEN که باید 436 باشد) کد 429 می‌فرستد و 429 ورودی را هم به همین علت برمی‌گرداند، یا gatewayای کد 429 را برای محدودیت نرخ از HTTP قرض گرفته، در حالی که SIP برای این کار 503 همراه Retry-After دارد. reason phrase و اینکه REFER یا انتقال تماسی در کار بوده را نگاه کنید تا بفهمید با کدام حالت روبه‌رو هستید.',
    },
    methods: {
      REFER: {
        en: 'The referee will not act on the REFER without a Referred-By token; per RFC 5057 only the REFER fails and the call continues. If the 429 arrives inside a NOTIFY (message/sipfrag), the transfer target rejected the referred INVITE; resend the REFER with a signed token or let the PBX do the transfer.',
        fa: 'referee بدون Referred-By token به REFER عمل نمی‌کند؛ طبق RFC 5057 فقط REFER شکست خورده و تماس ادامه دارد. اگر 429 داخل یک NOTIFY (به شکل message/sipfrag) برسد، مقصد انتقال INVITE ارجاع‌شده را رد کرده است؛ REFER را با token امضاشده دوباره بفرستید یا انتقال را به PBX بسپارید.',
      },
      INVITE: {
        en: 'To an INVITE carrying Referred-By: the transfer target wants a valid token. On an ordinary call from FreeSWITCH it stands for the BAD_IDENTITY_INFO cause, i.e. a STIR/SHAKEN identity problem.',
        fa: 'در پاسخ INVITEای که Referred-By دارد: مقصد انتقال token معتبر می‌خواهد. در یک تماس معمولی از سمت FreeSWITCH به معنای علت BAD_IDENTITY_INFO است، یعنی مشکل هویت در STIR/SHAKEN.',
      },
    },
  },
  {
    code: 430,
    phrase: 'Flow Failed',
    status: 'registered',
    // RFC 5626 §11.5 is the registration of 430 with its description (behaviour in §5.3 and §7).
    defined: { rfc: 5626, section: '11.5' },
    meaning: {
      en: 'An edge proxy tells the authoritative proxy that the specific flow it was told to use to reach a UA instance (a TCP/TLS/WebSocket connection or a UDP path) has failed; other flows registered by the same instance may still work. It is meant only between proxies: an endpoint that receives it treats it as 400.',
      fa: 'Edge proxy با این کد به proxy اصلی (authoritative) اعلام می‌کند که flow مشخصی که قرار بود درخواست از آن به UA برسد (یک اتصال TCP/TLS/WebSocket یا یک مسیر UDP) از کار افتاده است؛ flowهای دیگری که همان instance ثبت کرده ممکن است هنوز سالم باشند. این کد فقط میان proxyها معنا دارد و اگر به endpoint برسد، باید مثل 400 با آن رفتار شود.',
    },
    practice: {
      en: 'Seen only where SIP Outbound (RFC 5626) is deployed, e.g. Kamailio with the outbound and path modules: the phone’s connection to the edge proxy died (mobile app suspended, NAT binding or keep-alive lost). The authoritative proxy should retry over another flow with the same +sip.instance and reg-id; a 430 that reaches an endpoint means the proxies passed it on instead, and the UA should re-register to build a new flow.',
      fa: 'فقط در شبکه‌هایی دیده می‌شود که SIP Outbound (RFC 5626) را به کار می‌برند، مثلاً Kamailio با ماژول‌های outbound و path: اتصال گوشی به edge proxy قطع شده است (برنامهٔ موبایل به حالت تعلیق رفته، یا NAT binding و keep-alive از دست رفته). proxy اصلی باید درخواست را از flow دیگری با همان +sip.instance و reg-id بفرستد؛ اگر 430 به خود endpoint رسیده، proxyها به‌جای امتحان flow دیگر آن را بالا فرستاده‌اند و UA باید دوباره REGISTER کند تا flow تازه‌ای ساخته شود.',
    },
  },
  {
    code: 433,
    phrase: 'Anonymity Disallowed',
    status: 'registered',
    defined: { rfc: 5079, section: '5' },
    meaning: {
      en: 'The server’s policy refuses anonymous requests, and this request hid the caller’s identity (for example From: anonymous, or Privacy: id). Sent again with the identity revealed, it may be accepted.',
      fa: 'سیاست سرور درخواست‌های ناشناس را نمی‌پذیرد و این درخواست هویت تماس‌گیرنده را پنهان کرده بود (مثلاً From: anonymous یا Privacy: id). اگر درخواست با هویت آشکار دوباره فرستاده شود، ممکن است پذیرفته شود.',
    },
    practice: {
      en: 'Usually the callee has anonymous call rejection turned on, or a carrier refuses calls with withheld caller ID. Check the From, P-Asserted-Identity and Privacy headers your PBX or SBC sends (CLIR set on the extension, a trunk that strips P-Asserted-Identity); many networks answer the same case with 403 or 603, so 433 is the precise signal when you do get it.',
      fa: 'معمولاً گیرندهٔ تماس رد تماس‌های ناشناس (Anonymous Call Rejection) را فعال کرده، یا اپراتور تماس با شمارهٔ مخفی را نمی‌پذیرد. هدرهای From، P-Asserted-Identity و Privacy را که PBX یا SBC شما می‌فرستد بررسی کنید (مثلاً CLIR روی داخلی فعال است یا trunk هدر P-Asserted-Identity را حذف می‌کند)؛ بسیاری از شبکه‌ها در همین وضعیت 403 یا 603 برمی‌گردانند، پس 433 دقیق‌ترین نشانهٔ این مشکل است.',
    },
  },
  {
    code: 436,
    phrase: 'Bad Identity Info',
    status: 'registered',
    // RFC 8224 §6.2.2 lists the failure responses of a verification service; codes.tsv gives no section.
    // The RFC 4474 spelling “Bad Identity-Info” differs only by a hyphen, so it is kept in history, not in variants.
    defined: { rfc: 8224, section: '6.2.2' },
    history: {
      en: 'RFC 4474 defined it as “Bad Identity-Info”: the URI in the Identity-Info header could not be dereferenced. RFC 8224 obsoleted RFC 4474, moved the certificate pointer into the info parameter of the Identity header and defines the code today as “Bad Identity Info”; Wireshark, pjsip, OpenSIPS, SIP.js and JsSIP still print the hyphenated RFC 4474 spelling.',
      fa: 'RFC 4474 این کد را با نام «Bad Identity-Info» تعریف کرده بود: URIِ داخل هدر Identity-Info قابل دریافت نبود. RFC 8224 جای RFC 4474 را گرفت، نشانی گواهی را به پارامتر info در خود هدر Identity منتقل کرد و امروز این کد را با نام «Bad Identity Info» تعریف می‌کند؛ Wireshark، pjsip، OpenSIPS، SIP.js و JsSIP هنوز همان نگارش خط‌تیره‌دار RFC 4474 را نشان می‌دهند.',
    },
    meaning: {
      en: 'A STIR verification service could not obtain the credential (certificate) it needs to check the Identity header, typically because the URL in the info parameter could not be fetched. It is sent only when this failed for every Identity header in the request.',
      fa: 'سرویس تأیید STIR نتوانسته گواهی (credential) لازم برای بررسی هدر Identity را به دست آورد؛ معمولاً چون نشانی داخل پارامتر info قابل دریافت نبوده است. این کد فقط وقتی فرستاده می‌شود که این کار برای همهٔ هدرهای Identity درخواست شکست خورده باشد.',
    },
    practice: {
      en: 'In STIR/SHAKEN the verifier’s HTTPS fetch of the certificate URL (info/x5u) failed: DNS, firewall, TLS, or a 404 or timeout at the certificate repository; fetch the URL yourself from the verifying host (OpenSIPS stir_shaken examples answer 436 when rest_get() of $identity(x5u) fails). Under SHAKEN the code often travels in a Reason: SIP;cause=436 header of a later response while the call still goes through; note that FreeSWITCH maps its BAD_IDENTITY_INFO cause to 429, not 436.',
      fa: 'در STIR/SHAKEN، دریافت HTTPSِ گواهی از نشانی info/x5u توسط verifier شکست خورده است: DNS، فایروال، TLS، یا 404 و timeout در مخزن گواهی؛ همان نشانی را خودتان از روی سرور تأییدکننده دریافت کنید (نمونه‌پیکربندی‌های stir_shaken در OpenSIPS وقتی rest_get() روی $identity(x5u) شکست بخورد 436 برمی‌گردانند). در SHAKEN این کد اغلب در هدر Reason: SIP;cause=436 یکی از پاسخ‌های بعدی می‌آید و تماس همچنان برقرار می‌شود؛ توجه کنید که FreeSWITCH علت BAD_IDENTITY_INFO خود را به‌جای 436 به 429 نگاشت می‌کند.',
    },
  },
  {
    code: 437,
    phrase: 'Unsupported Credential',
    status: 'registered',
    // RFC 8224 §6.2.2 describes it; its §13.2 records the rename from the RFC 4474 phrase.
    defined: { rfc: 8224, section: '6.2.2' },
    history: {
      en: 'RFC 4474 named it “Unsupported Certificate”; RFC 8224, which replaced RFC 4474, renamed it “Unsupported Credential” (its section 13.2). Most stacks still send the old name.',
      fa: 'RFC 4474 نام این کد را «Unsupported Certificate» گذاشته بود؛ RFC 8224 که جای RFC 4474 را گرفت، آن را به «Unsupported Credential» تغییر داد (بخش 13.2 آن). بیشتر پیاده‌سازی‌ها هنوز نام قدیمی را می‌فرستند.',
    },
    variants: [
      { phrase: 'Unsupported Certificate', source: 'RFC 4474; Wireshark, pjsip (Asterisk), OpenSIPS, SIP.js, JsSIP' },
    ],
    meaning: {
      en: 'The verification service has the credential referenced by the Identity header’s info parameter but cannot use it, for example because it does not trust the issuing certification authority or does not support the signing algorithm.',
      fa: 'سرویس تأیید، گواهی‌ای را که پارامتر info در هدر Identity به آن اشاره می‌کند در اختیار دارد اما نمی‌تواند از آن استفاده کند؛ مثلاً به مرجع صادرکنندهٔ گواهی (CA) اعتماد ندارد یا الگوریتم امضای آن را پشتیبانی نمی‌کند.',
    },
    practice: {
      en: 'Check the verifier’s trust anchors: is the signer’s STI-CA root and intermediate in the CA file or directory configured for the STIR/SHAKEN module (Asterisk, Kamailio, OpenSIPS), does the PEM behind x5u carry the full chain, and is the certificate still valid? In Asterisk dialplans the old name survives: PJSIPHangup(UNSUPPORTED_CERTIFICATE) is the same as PJSIPHangup(437).',
      fa: 'لنگرهای اعتماد verifier را بررسی کنید: آیا root و intermediateِ STI-CAی امضاکننده در فایل یا پوشهٔ CA که برای ماژول STIR/SHAKEN (در Asterisk، Kamailio یا OpenSIPS) تنظیم شده وجود دارد، آیا فایل PEMِ پشت x5u زنجیرهٔ کامل را دارد و آیا گواهی هنوز معتبر است؟ در dialplanِ Asterisk نام قدیمی باقی مانده است: PJSIPHangup(UNSUPPORTED_CERTIFICATE) همان PJSIPHangup(437) است.',
    },
  },
  {
    code: 438,
    phrase: 'Invalid Identity Header',
    status: 'registered',
    defined: { rfc: 8224, section: '6.2.2' },
    history: {
      en: 'First defined by RFC 4474 for its signature over selected header fields; RFC 8224 now defines it for the PASSporT-based Identity header.',
      fa: 'نخست RFC 4474 آن را برای امضای خودش روی چند هدر منتخب تعریف کرد؛ امروز RFC 8224 آن را برای هدر Identity مبتنی بر PASSporT تعریف می‌کند.',
    },
    variants: [
      { phrase: 'Invalid PASSporT', source: 'RFC 8224 (alternative phrase when a PASSporT lacks required claims)' },
    ],
    meaning: {
      en: 'No Identity header in the request carried a valid PASSporT that the verifier supports: the credential was available, but the signature did not verify or required claims were missing or wrong.',
      fa: 'هیچ‌یک از هدرهای Identity درخواست یک PASSporT معتبر و قابل‌پشتیبانی نداشته است: گواهی در دسترس بوده، اما امضا تأیید نشده یا claimهای لازم غایب یا نادرست بوده‌اند.',
    },
    practice: {
      en: 'Typically a network after the signer changed what was signed: From/To numbers normalised (a + or a country code added or removed), the Date header rewritten or the token truncated; or a SHAKEN PASSporT lacks attest or origid. Decode the PASSporT and compare orig and dest with the From (or P-Asserted-Identity) and Request-URI as received; RFC 8224 suggests sending the full-form PASSporT to survive such changes.',
      fa: 'معمولاً شبکه‌ای پس از امضاکننده چیزی را که امضا شده بود تغییر داده است: شماره‌های From/To نرمال‌سازی شده‌اند (افزودن یا حذف + یا کد کشور)، هدر Date بازنویسی شده یا توکن بریده شده است؛ یا PASSporTِ SHAKEN فاقد claimهای attest یا origid است. PASSporT را decode کنید و orig و dest را با From (یا P-Asserted-Identity) و Request-URIِ دریافتی مقایسه کنید؛ RFC 8224 برای عبور سالم از چنین تغییراتی ارسال شکل کامل (full-form) PASSporT را پیشنهاد می‌کند.',
    },
  },
  {
    code: 439,
    phrase: 'First Hop Lacks Outbound Support',
    status: 'registered',
    // RFC 5626 §11.6 registers and describes 439; the UA’s options are in §4.2.1.
    // codes.tsv’s sofia-sip column (“Stale Date”) is confirmed in libsofia-sip-ua/sip/sip_status.c (sip_439_Stale_date).
    defined: { rfc: 5626, section: '11.6' },
    variants: [
      { phrase: 'Stale Date', source: 'sofia-sip (FreeSWITCH): a mix-up with the RFC 8224 phrase for 403' },
    ],
    meaning: {
      en: 'The registrar supports SIP Outbound (RFC 5626) and the UA asked to use it (reg-id and +sip.instance in the Contact), but the first-hop proxy the REGISTER came through did not show outbound support, so the registration cannot be made with outbound.',
      fa: 'registrar از SIP Outbound (RFC 5626) پشتیبانی می‌کند و UA هم در REGISTER خواستار آن شده است (reg-id و +sip.instance در Contact)، اما نخستین proxy مسیر که REGISTER از آن گذشته پشتیبانی از outbound را اعلام نکرده است؛ بنابراین ثبت‌نام با outbound ممکن نیست.',
    },
    practice: {
      en: 'The UA may simply register again without outbound, or through another outbound proxy (RFC 5626 section 4.2.1). A common case is a pjsua-based client (use_rfc5626 is on by default) registering through a proxy that does not add a Path header with the ob parameter: enable outbound on the edge proxy (Kamailio: outbound and path modules) or turn it off in the client. FreeSWITCH (sofia-sip) prints this code as “Stale Date”, a mistake in its phrase table.',
      fa: 'UA می‌تواند بدون outbound یا از طریق outbound proxy دیگری دوباره ثبت‌نام کند (RFC 5626 بخش 4.2.1). حالت رایج، کلاینتی بر پایهٔ pjsua است (که use_rfc5626 در آن به‌طور پیش‌فرض روشن است) و از proxyای ثبت‌نام می‌کند که هدر Path با پارامتر ob اضافه نمی‌کند: یا outbound را روی edge proxy فعال کنید (در Kamailio با ماژول‌های outbound و path) یا آن را در کلاینت خاموش کنید. FreeSWITCH (sofia-sip) این کد را با عبارت «Stale Date» نشان می‌دهد که اشتباهی در جدول عبارت‌های آن است.',
    },
  },
  {
    code: 440,
    phrase: 'Max-Breadth Exceeded',
    status: 'registered',
    // Section not confirmed from the RFC text: cited without one.
    defined: { rfc: 5393 },
    meaning: {
      en: 'A proxy wanted to fork the request in parallel, but the Max-Breadth left in the request was too small and the proxy would not fall back to serial forking or a redirect. The UAC can conclude that its request did not reach every possible destination.',
      fa: 'یک proxy می‌خواست درخواست را به‌صورت موازی fork کند، اما مقدار Max-Breadth باقی‌مانده در درخواست کافی نبود و proxy حاضر نشد به fork سریالی یا redirect روی بیاورد. UAC از این پاسخ می‌فهمد که درخواستش به همهٔ مقصدهای ممکن نرسیده است.',
    },
    practice: {
      en: 'Appears with large parallel ring groups or forking across several proxies: every parallel fork splits the Max-Breadth budget (usually starting at 60, the RFC 5393 default) until some proxy has too little left. Check the Max-Breadth value in the request and how many branches each proxy creates; fork serially, or reduce the number of registered contacts per user.',
      fa: 'در گروه‌های زنگ موازیِ بزرگ یا forkهای پی‌درپی در چند proxy پیش می‌آید: هر fork موازی بودجهٔ Max-Breadth را (که معمولاً از 60، مقدار پیش‌فرض RFC 5393، شروع می‌شود) میان شاخه‌ها تقسیم می‌کند تا جایی که برای یک proxy چیزی نماند. مقدار Max-Breadth در درخواست و تعداد شاخه‌هایی را که هر proxy می‌سازد بررسی کنید؛ fork را سریالی کنید یا تعداد contactهای ثبت‌شده برای هر کاربر را کم کنید.',
    },
  },
  {
    code: 469,
    phrase: 'Bad Info Package',
    status: 'registered',
    // RFC 6086 §4.2.2 (INFO receiver behaviour) says when 469 is sent; §11.6 registers it.
    defined: { rfc: 6086, section: '4.2.2' },
    meaning: {
      en: 'The UAS received an INFO request whose Info-Package header names a package it has not declared in its Recv-Info header for this session. The response lists, in Recv-Info, the packages it does accept.',
      fa: 'UAS یک درخواست INFO دریافت کرده که هدر Info-Package آن به بسته‌ای (Info Package) اشاره می‌کند که UAS در هدر Recv-Info خود برای این جلسه اعلام نکرده است. پاسخ در هدر Recv-Info بسته‌هایی را که می‌پذیرد فهرست می‌کند.',
    },
    practice: {
      en: 'Compare the Recv-Info headers exchanged in the INVITE/200 OK (or a later re-INVITE or UPDATE) with the Info-Package of the failing INFO: a device is sending DTMF or other application data in a package its peer never listed. Legacy INFO without an Info-Package header (e.g. application/dtmf-relay) is outside this mechanism and fails with other codes such as 415 or 501.',
      fa: 'هدرهای Recv-Info را که در INVITE/200 OK (یا re-INVITE یا UPDATE بعدی) رد و بدل شده با Info-Packageِ درخواست INFOِ ناموفق مقایسه کنید: دستگاهی DTMF یا دادهٔ دیگری را در بسته‌ای می‌فرستد که طرف مقابل هرگز اعلامش نکرده است. INFOهای قدیمی بدون هدر Info-Package (مثل application/dtmf-relay) بیرون از این سازوکارند و با کدهای دیگری مثل 415 یا 501 رد می‌شوند.',
    },
    methods: {
      INFO: {
        en: 'Only this INFO failed; the call and its dialog go on.',
        fa: 'فقط همین INFO ناموفق بوده است؛ تماس و dialog آن ادامه دارند.',
      },
    },
  },
  {
    code: 470,
    phrase: 'Consent Needed',
    status: 'registered',
    // Section not confirmed from the RFC text: cited without one.
    defined: { rfc: 5360 },
    meaning: {
      en: 'A relay (typically a URI-list service that fans a request out to many recipients) refused to forward the request because one or more recipients have not granted their consent yet; the Permission-Missing header lists them.',
      fa: 'یک relay (معمولاً سرویس URI-list که درخواست را میان گیرندگان زیادی پخش می‌کند) از ارسال درخواست خودداری کرده، چون یک یا چند گیرنده هنوز رضایت خود را اعلام نکرده‌اند؛ هدر Permission-Missing آن‌ها را فهرست می‌کند.',
    },
    practice: {
      en: 'Rare outside IMS-style conferencing and messaging relays. The sender has to obtain the listed recipients’ permission through the relay’s consent mechanism (RFC 5360) and then retry; nothing is wrong with the sender’s own configuration.',
      fa: 'بیرون از relayهای کنفرانس و پیام‌رسانی به سبک IMS کمتر دیده می‌شود. فرستنده باید از طریق سازوکار رضایت‌گیری relay (RFC 5360) اجازهٔ گیرندگان فهرست‌شده را بگیرد و سپس دوباره تلاش کند؛ پیکربندی خود فرستنده ایرادی ندارد.',
    },
  },
  {
    code: 473,
    phrase: 'Filtered destination',
    status: 'product-specific',
    // No RFC: OpenSIPS internal error number; cite the rule receivers apply to an unknown 4xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    variants: [
      { phrase: 'Filtered destination (473/SL)', source: 'OpenSIPS sl_reply_error()' },
      { phrase: 'Filtered destination (473/TM)', source: 'OpenSIPS t_relay() automatic reply' },
    ],
    meaning: {
      en: 'OpenSIPS refused to send the request because the destination address matched one of its blacklists (internal error E_IP_BLOCKED, -473); nothing left the proxy.',
      fa: 'OpenSIPS از فرستادن درخواست خودداری کرد، چون آدرس مقصد با یکی از بلک‌لیست‌هایش جور درآمد (خطای داخلی E_IP_BLOCKED با مقدار -473)؛ هیچ چیزی از پراکسی خارج نشد.',
    },
    practice: {
      en: 'Sent as ‘473 Filtered destination (473/TM)’ when t_relay() fails on every branch, or ‘(473/SL)’ from sl_reply_error(). Find the blacklist that matched: lists defined with the dst_blacklist core parameter and activated with use_blacklist(), or the temporary DNS blacklist filled with failed destinations (disable_dns_blacklist). Check the R-URI host and $du the script produced.',
      fa: 'وقتی t_relay() روی همه‌ی شاخه‌ها شکست بخورد به شکل «473 Filtered destination (473/TM)» و از sl_reply_error() به شکل «(473/SL)» فرستاده می‌شود. بلک‌لیستی را که جور درآمده پیدا کنید: فهرست‌هایی که با پارامتر هسته‌ی dst_blacklist تعریف و با use_blacklist() فعال شده‌اند، یا بلک‌لیست موقت DNS که مقصدهای ناموفق را نگه می‌دارد (disable_dns_blacklist). میزبان R-URI و مقدار $du را که اسکریپت ساخته بررسی کنید.',
    },
    statusNote: {
      en: 'OpenSIPS-specific: err2reason_phrase() turns the internal error into the reply code and appends the ‘(473/SL)’ or ‘(473/TM)’ signature. Not in the IANA registry; other receivers treat it as 400 (RFC 3261 8.1.3.2). Kamailio defines no 473.',
      fa: 'مختص OpenSIPS است: تابع err2reason_phrase() خطای داخلی را به کد پاسخ تبدیل می‌کند و امضای «(473/SL)» یا «(473/TM)» را به عبارت اضافه می‌کند. در رجیستری IANA نیست و گیرنده‌های دیگر آن را مانند 400 پردازش می‌کنند (RFC 3261 بخش 8.1.3.2). Kamailio کدی به نام 473 ندارد.',
    },
  },
  {
    code: 474,
    // No reply phrase exists: err2reason_phrase() has no case for E_BAD_PROTO and turns it into
    // '500 Server error occurred (474/..)'. Label taken from the error.h comment 'bad protocol'.
    phrase: 'Bad protocol',
    status: 'product-specific',
    // No RFC: OpenSIPS internal error number; cite the rule receivers apply to an unknown 4xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    meaning: {
      en: 'OpenSIPS internal error E_BAD_PROTO (-474): an unknown or unsupported transport protocol was given, for example in a blacklist rule. It is a return value inside OpenSIPS, not a status it sends.',
      fa: 'خطای داخلی OpenSIPS با نام E_BAD_PROTO و مقدار -474: پروتکل انتقالی ناشناخته یا پشتیبانی‌نشده داده شده است، مثلاً در یک قانون بلک‌لیست. این یک مقدار بازگشتی درون OpenSIPS است، نه وضعیتی که روی سیم فرستاده شود.',
    },
    practice: {
      en: 'You meet -474 in OpenSIPS logs, mostly while the configuration is parsed (a dst_blacklist rule with a bad protocol name). If it ever reached err2reason_phrase(), the caller would get ‘500 Server error occurred (474/SL)’, never a 474 reply. Fix the transport name (udp, tcp, tls, sctp, ws, wss) in the offending rule. Kamailio’s equivalent error is -480 and also ends as a 500.',
      fa: 'عدد -474 را در لاگ‌های OpenSIPS می‌بینید، بیشتر هنگام خواندن پیکربندی (قانون dst_blacklist با نام پروتکل نادرست). اگر روزی به err2reason_phrase() برسد، تماس‌گیرنده «500 Server error occurred (474/SL)» دریافت می‌کند، هرگز پاسخ 474. نام transport را در قانون مشکل‌دار اصلاح کنید (udp، tcp، tls، sctp، ws، wss). خطای معادل در Kamailio مقدار -480 دارد و آن هم به 500 ختم می‌شود.',
    },
    statusNote: {
      en: 'OpenSIPS-specific internal error number that OpenSIPS never sends as a status code. Not in the IANA registry; a 474 seen on the wire would be handled as 400 (RFC 3261 8.1.3.2).',
      fa: 'شماره‌ی خطای داخلی مختص OpenSIPS که خود OpenSIPS هرگز آن را به‌عنوان کد وضعیت نمی‌فرستد. در رجیستری IANA نیست و اگر 474 روی سیم دیده شود، مانند 400 پردازش می‌شود (RFC 3261 بخش 8.1.3.2).',
    },
  },
  {
    code: 475,
    phrase: 'Bad URI',
    status: 'product-specific',
    // No RFC: OpenSIPS internal error number; cite the rule receivers apply to an unknown 4xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    variants: [
      { phrase: 'Bad URI (475/SL)', source: 'OpenSIPS sl_reply_error()' },
      { phrase: 'Bad URI (475/TM)', source: 'OpenSIPS t_relay() automatic reply' },
    ],
    meaning: {
      en: 'OpenSIPS could not parse the Request-URI or another URI it needed (internal error E_BAD_URI, -475), so it could not route the request.',
      fa: 'OpenSIPS نتوانست Request-URI یا URI دیگری را که لازم داشت تجزیه کند (خطای داخلی E_BAD_URI با مقدار -475)، پس نتوانست درخواست را مسیریابی کند.',
    },
    practice: {
      en: 'Seen as ‘475 Bad URI (475/SL)’ from sl_reply_error() or ‘(475/TM)’ when t_relay() fails; registrar save() also fails with it on an unparsable Contact or AOR. Usually the script broke the R-URI: $ru or $rU set with spaces or illegal characters, an empty host after strip()/prefix(), a malformed $du. Log $ru and $du just before relaying.',
      fa: 'به شکل «475 Bad URI (475/SL)» از sl_reply_error() یا «(475/TM)» هنگام شکست t_relay() دیده می‌شود؛ تابع save() در ماژول registrar هم با Contact یا AOR غیرقابل‌تجزیه همین خطا را می‌دهد. معمولاً خود اسکریپت R-URI را خراب کرده است: مقداردهی $ru یا $rU با فاصله یا نویسه‌ی غیرمجاز، میزبان خالی پس از strip() یا prefix()، یا $du نادرست. درست پیش از relay مقدار $ru و $du را لاگ کنید.',
    },
    statusNote: {
      en: 'OpenSIPS-specific error reply (err2reason_phrase() with the ‘(475/SL)’ or ‘(475/TM)’ signature). Not in the IANA registry; other receivers treat it as 400. Kamailio reports the same condition as 479.',
      fa: 'پاسخ خطای مختص OpenSIPS است (err2reason_phrase() با امضای «(475/SL)» یا «(475/TM)»). در رجیستری IANA نیست و گیرنده‌های دیگر آن را مانند 400 پردازش می‌کنند. Kamailio همین وضعیت را با 479 گزارش می‌کند.',
    },
  },
  {
    code: 476,
    phrase: 'Unresolvable destination',
    status: 'product-specific',
    // No RFC: OpenSIPS internal error number; cite the rule receivers apply to an unknown 4xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    variants: [
      { phrase: 'Unresolvable destination (476/SL)', source: 'OpenSIPS sl_reply_error()' },
      { phrase: 'Unresolvable destination (476/TM)', source: 'OpenSIPS t_relay() automatic reply' },
    ],
    meaning: {
      en: 'OpenSIPS could not resolve the next-hop address: the DNS lookup (NAPTR, SRV, A/AAAA) for the Request-URI or destination URI failed or the host is invalid (internal error E_BAD_ADDRESS, -476).',
      fa: 'OpenSIPS نتوانست آدرس گام بعدی را resolve کند: جست‌وجوی DNS (NAPTR، SRV، A/AAAA) برای Request-URI یا URI مقصد شکست خورد یا میزبان نامعتبر است (خطای داخلی E_BAD_ADDRESS با مقدار -476).',
    },
    practice: {
      en: 'Seen as ‘476 Unresolvable destination (476/TM)’ after t_relay() or ‘(476/SL)’ from sl_reply_error(). Check DNS for the R-URI host and for $du or the outbound proxy, the server’s resolver configuration, typos in domain names, and AAAA-only answers on an IPv4-only box.',
      fa: 'پس از t_relay() به شکل «476 Unresolvable destination (476/TM)» یا از sl_reply_error() به شکل «(476/SL)» دیده می‌شود. DNS میزبان R-URI و نیز $du یا outbound proxy، تنظیمات resolver سرور، غلط‌های تایپی در نام دامنه و پاسخ‌هایی که فقط AAAA دارند روی سروری که فقط IPv4 دارد را بررسی کنید.',
    },
    statusNote: {
      en: 'OpenSIPS-specific error reply (err2reason_phrase() with the ‘(476/SL)’ or ‘(476/TM)’ signature). Not in the IANA registry; other receivers treat it as 400. The same condition is 478 in Kamailio, and Kamailio defines no 476.',
      fa: 'پاسخ خطای مختص OpenSIPS است (err2reason_phrase() با امضای «(476/SL)» یا «(476/TM)»). در رجیستری IANA نیست و گیرنده‌های دیگر آن را مانند 400 پردازش می‌کنند. همین وضعیت در Kamailio کد 478 است و Kamailio اصلاً کد 476 ندارد.',
    },
  },
  {
    code: 477,
    phrase: 'Unfortunately error on sending to next hop occurred',
    status: 'product-specific',
    // No RFC: Kamailio/OpenSIPS internal error number; cite the rule receivers apply to an unknown 4xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    variants: [
      { phrase: 'Unfortunately error on sending to next hop occurred (477/SL)', source: 'Kamailio sl_reply_error() / send_reply_error()' },
      { phrase: 'Unfortunately error on sending to next hop occurred (477/TM)', source: 'Kamailio t_relay() automatic reply' },
      { phrase: 'Send failed', source: 'OpenSIPS err2reason_phrase()' },
      { phrase: 'Send failed (477/TM)', source: 'OpenSIPS t_relay() automatic reply (unless the no-auto-477 flag is set)' },
    ],
    meaning: {
      en: 'The proxy tried to send the request to the next hop and the transport layer failed (internal error E_SEND, -477). Same number and meaning in Kamailio and OpenSIPS; only the phrase differs.',
      fa: 'پراکسی تلاش کرد درخواست را به گام بعدی بفرستد و لایه‌ی انتقال شکست خورد (خطای داخلی E_SEND با مقدار -477). عدد و معنا در Kamailio و OpenSIPS یکی است و فقط متن عبارت فرق می‌کند.',
    },
    practice: {
      en: 'Kamailio answers ‘477 ... (477/TM)’ itself when t_relay() fails (unless t_set_disable_internal_reply() is used) and returns -477 in $rc; send_reply_error()/sl_reply_error() give ‘(477/SL)’. OpenSIPS auto-sends ‘477 Send failed (477/TM)’ from t_relay() unless the no-auto-477 flag is set. Causes: TCP/TLS connection to the next hop refused or failed (TLS handshake, certificate), no listening socket for that transport or address family, destination unreachable. Check the transport in R-URI or $du and the proxy’s listen sockets.',
      fa: 'Kamailio وقتی t_relay() شکست بخورد خودش «477 ... (477/TM)» را می‌فرستد (مگر اینکه t_set_disable_internal_reply() به کار رفته باشد) و مقدار -477 را در $rc برمی‌گرداند؛ send_reply_error() یا sl_reply_error() هم «(477/SL)» می‌دهند. OpenSIPS هم از t_relay() به‌طور خودکار «477 Send failed (477/TM)» می‌فرستد، مگر اینکه پرچم no-auto-477 تنظیم شده باشد. علت‌ها: رد شدن یا شکست اتصال TCP/TLS به گام بعدی (handshake یا گواهی TLS)، نبود سوکت شنونده برای آن transport یا خانواده‌ی آدرس، یا در دسترس نبودن مقصد. transport داخل R-URI یا $du و سوکت‌های listen پراکسی را بررسی کنید.',
    },
    statusNote: {
      en: 'Product-specific to Kamailio and OpenSIPS (both inherit E_SEND = -477 from SER): err2reason_phrase() turns the internal error into the reply and appends the ‘(477/SL)’ or ‘(477/TM)’ signature. Not in the IANA registry; other receivers treat it as 400 (RFC 3261 8.1.3.2).',
      fa: 'مختص Kamailio و OpenSIPS است (هر دو مقدار E_SEND = -477 را از SER به ارث برده‌اند): تابع err2reason_phrase() خطای داخلی را به پاسخ تبدیل می‌کند و امضای «(477/SL)» یا «(477/TM)» را اضافه می‌کند. در رجیستری IANA نیست و گیرنده‌های دیگر آن را مانند 400 پردازش می‌کنند (RFC 3261 بخش 8.1.3.2).',
    },
  },
  {
    code: 478,
    phrase: 'Unresolvable destination',
    status: 'product-specific',
    // No RFC: Kamailio internal error number; cite the rule receivers apply to an unknown 4xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    variants: [
      { phrase: 'Unresolvable destination (478/SL)', source: 'Kamailio sl_reply_error() / send_reply_error()' },
      { phrase: 'Unresolvable destination (478/TM)', source: 'Kamailio t_relay() automatic reply' },
      { phrase: 'Unresolvable Destination', source: 'SIP.js and JsSIP phrase tables (copied from Kamailio via OverSIP)' },
    ],
    meaning: {
      en: 'Kamailio could not resolve the next hop: the DNS lookup for the Request-URI host or the destination URI ($du) failed (internal error E_BAD_ADDRESS, -478).',
      fa: 'Kamailio نتوانست گام بعدی را resolve کند: جست‌وجوی DNS برای میزبان Request-URI یا URI مقصد ($du) شکست خورد (خطای داخلی E_BAD_ADDRESS با مقدار -478).',
    },
    practice: {
      en: 'Typical flow: t_relay() fails to resolve the destination, returns -478 in $rc (scripts often map it to 503, as in kamailio issue #2802), and Kamailio answers ‘478 Unresolvable destination (478/TM)’, or ‘(478/SL)’ when the stock kamailio.cfg calls send_reply_error()/sl_reply_error(). Check NAPTR/SRV/A/AAAA records of the R-URI or $du host, the dns_* core settings (IPv6 lookups, DNS cache) and typos in the domain.',
      fa: 'روند معمول: t_relay() نمی‌تواند مقصد را resolve کند، در $rc مقدار -478 برمی‌گرداند (اسکریپت‌ها اغلب آن را به 503 تبدیل می‌کنند، مانند issue شماره‌ی 2802 در kamailio) و Kamailio پاسخ «478 Unresolvable destination (478/TM)» یا، وقتی kamailio.cfg پیش‌فرض send_reply_error() یا sl_reply_error() را صدا می‌زند، «(478/SL)» می‌فرستد. رکوردهای NAPTR/SRV/A/AAAA میزبان R-URI یا $du، تنظیمات dns_* در هسته (جست‌وجوی IPv6 و کش DNS) و غلط تایپی در دامنه را بررسی کنید.',
    },
    statusNote: {
      en: 'Kamailio-specific error reply (err2reason_phrase() plus the ‘(478/SL)’ or ‘(478/TM)’ signature); SIP.js and JsSIP only copied the phrase into their tables. Not in the IANA registry; other receivers treat it as 400. The same condition is 476 in OpenSIPS, which defines no 478.',
      fa: 'پاسخ خطای مختص Kamailio است (err2reason_phrase() به‌علاوه‌ی امضای «(478/SL)» یا «(478/TM)»)؛ SIP.js و JsSIP فقط عبارت آن را در جدول‌هایشان کپی کرده‌اند. در رجیستری IANA نیست و گیرنده‌های دیگر آن را مانند 400 پردازش می‌کنند. همین وضعیت در OpenSIPS کد 476 است و OpenSIPS کدی به نام 478 ندارد.',
    },
  },
  {
    code: 479,
    phrase: 'Regretfully, we were not able to process the URI',
    status: 'product-specific',
    // No RFC: Kamailio internal error number; cite the rule receivers apply to an unknown 4xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    variants: [
      { phrase: 'Regretfully, we were not able to process the URI (479/SL)', source: 'Kamailio sl_reply_error() / send_reply_error()' },
      { phrase: 'Regretfully, we were not able to process the URI (479/TM)', source: 'Kamailio t_relay() automatic reply' },
    ],
    meaning: {
      en: 'Kamailio could not parse or use the Request-URI or the destination URI (internal error E_BAD_URI, -479), so it could not route the request.',
      fa: 'Kamailio نتوانست Request-URI یا URI مقصد را تجزیه یا استفاده کند (خطای داخلی E_BAD_URI با مقدار -479)، پس نتوانست درخواست را مسیریابی کند.',
    },
    practice: {
      en: 'Appears as ‘479 Regretfully, we were not able to process the URI (479/TM)’ or ‘(479/SL)’, with $rc = -479 after t_relay(). Usually a script rewrite produced an invalid URI: $ru or $rU with spaces or illegal characters, an empty host after strip()/prefix(), a bad $du. Log $ru and $du right before relaying.',
      fa: 'به شکل «479 Regretfully, we were not able to process the URI (479/TM)» یا «(479/SL)» دیده می‌شود و پس از t_relay() مقدار $rc برابر -479 است. معمولاً بازنویسی در اسکریپت URI نامعتبر ساخته است: $ru یا $rU با فاصله یا نویسه‌ی غیرمجاز، میزبان خالی پس از strip() یا prefix()، یا $du نادرست. درست پیش از relay مقدار $ru و $du را لاگ کنید.',
    },
    statusNote: {
      en: 'Kamailio-specific error reply (err2reason_phrase() plus the ‘(479/SL)’ or ‘(479/TM)’ signature). Not in the IANA registry; other receivers treat it as 400. OpenSIPS reports the same condition as 475.',
      fa: 'پاسخ خطای مختص Kamailio است (err2reason_phrase() به‌علاوه‌ی امضای «(479/SL)» یا «(479/TM)»). در رجیستری IANA نیست و گیرنده‌های دیگر آن را مانند 400 پردازش می‌کنند. OpenSIPS همین وضعیت را با 475 گزارش می‌کند.',
    },
  },
  {
    code: 480,
    phrase: 'Temporarily Unavailable',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.18' },
    history: {
      en: 'RFC 2543 called it “Temporarily not available”; RFC 3261 gave it the current phrase.',
      fa: 'RFC 2543 آن را «Temporarily not available» می‌نامید؛ RFC 3261 عبارت فعلی را برایش گذاشت.',
    },
    variants: [
      { phrase: 'Temporarily not available', source: 'RFC 2543' },
      { phrase: 'Temporarily Unavailable (Call limit)', source: 'Asterisk chan_sip (call-limit reached)' },
    ],
    meaning: {
      en: 'The callee’s end system was reached but the user cannot take the call right now (not logged in, do-not-disturb, no answer), or a proxy knows the user but has nowhere to send the call at the moment. The reason phrase may give details and Retry-After may say when to try again.',
      fa: 'سامانهٔ گیرندهٔ تماس در دسترس بود اما کاربر فعلاً نمی‌تواند تماس را بپذیرد (وارد نشده، «مزاحم نشوید» فعال است یا پاسخ نداده)، یا proxy کاربر را می‌شناسد اما در این لحظه مقصدی برای رساندن تماس به او ندارد. عبارت پاسخ ممکن است جزئیات بیشتری بدهد و Retry-After زمان تلاش دوباره را مشخص کند.',
    },
    practice: {
      en: 'Most often the user is not registered, has DND on, or did not answer: Asterisk and FreeSWITCH send 480 for Q.850 causes 19 (no answer) and 20 (subscriber absent), and FreeSWITCH also for USER_NOT_REGISTERED and as its fallback for any cause it cannot map, so a 480 from FreeSWITCH may really be an ordinary hang-up before answer. Check the registration first (Kamailio: kamcmd ul.dump, Asterisk: pjsip show contacts), then DND, forwarding and ring timeouts.',
      fa: 'بیشتر وقت‌ها کاربر register نیست، «مزاحم نشوید» را روشن کرده یا پاسخ نداده است: Asterisk و FreeSWITCH برای علت‌های Q.850 شمارهٔ 19 (بی‌پاسخ) و 20 (مشترک غایب) کد 480 می‌فرستند، و FreeSWITCH برای USER_NOT_REGISTERED و نیز برای هر علتی که نگاشتی برایش ندارد هم همین کد را می‌فرستد؛ پس 480ِ FreeSWITCH ممکن است در واقع یک قطع عادی پیش از پاسخ باشد. اول وضعیت ثبت‌نام را بررسی کنید (در Kamailio با kamcmd ul.dump و در Asterisk با pjsip show contacts)، بعد DND، انتقال تماس و زمان زنگ خوردن را.',
    },
  },
  {
    code: 481,
    phrase: 'Call/Transaction Does Not Exist',
    status: 'registered',
    // OpenSIPS’s “Call/Transaction Does not Exist” (codes.tsv) differs only in case: not a variant.
    defined: { rfc: 3261, section: '21.4.19' },
    history: {
      en: 'RFC 2543 called it “Call Leg/Transaction Does Not Exist”; RFC 3261 replaced call legs with dialogs and shortened the phrase.',
      fa: 'RFC 2543 آن را «Call Leg/Transaction Does Not Exist» می‌نامید؛ RFC 3261 مفهوم dialog را جایگزین call leg کرد و عبارت را کوتاه کرد.',
    },
    variants: [
      { phrase: 'Call Leg/Transaction Does Not Exist', source: 'RFC 2543; Asterisk chan_sip, FRITZ!OS' },
      { phrase: 'Call Leg Does Not Exist', source: 'Asterisk chan_sip (CANCEL without a matching INVITE; with “(Replaces)” for an unknown Replaces target)' },
      { phrase: 'Subscription does not exist', source: 'Asterisk chan_sip' },
    ],
    meaning: {
      en: 'The UAS received a request that matches no dialog or transaction it knows: a mid-dialog request for a dialog it does not have, a CANCEL for a transaction it does not have, or a request for a subscription that has ended.',
      fa: 'UAS درخواستی دریافت کرده که با هیچ dialog یا transaction شناخته‌شده‌ای جور نیست: درخواستی درون dialogی که وجود ندارد، CANCEL برای transactionی که وجود ندارد، یا درخواستی برای subscriptionی که پایان یافته است.',
    },
    practice: {
      en: 'Usual suspects: mid-dialog requests routed to the wrong box (missing or broken Record-Route, a load balancer or failover node without the dialog state), a peer that restarted or already timed the call out, an ALG or SBC that rewrote Call-ID or tags, and a CANCEL that crossed a 200 OK. Compare Call-ID, From tag and To tag of the failing request with those of the original dialog.',
      fa: 'علت‌های رایج: درخواست‌های درون dialog به جای اشتباه رفته‌اند (Record-Route نیست یا خراب است، load balancer یا node پشتیبان وضعیت dialog را ندارد)، طرف مقابل restart شده یا تماس را به‌خاطر timeout پایان داده، یک ALG یا SBC مقدار Call-ID یا tagها را بازنویسی کرده، یا CANCEL با 200 OK هم‌زمان شده است. Call-ID، From tag و To tagِ درخواست ناموفق را با مقادیر dialog اصلی مقایسه کنید.',
    },
    methods: {
      BYE: {
        en: 'The other side no longer knows the call (already hung up, restarted or timed out). The call is over either way: treat it as ended, not as a failure.',
        fa: 'طرف مقابل دیگر این تماس را نمی‌شناسد (قبلاً قطع کرده، restart شده یا timeout داده است). تماس در هر صورت تمام است: آن را پایان‌یافته بدانید، نه شکست.',
      },
      CANCEL: {
        en: 'No matching INVITE transaction: it had already completed (the CANCEL crossed a final response) or never arrived. If a 200 OK came, the call is up and must be ended with BYE.',
        fa: 'transaction متناظرِ INVITE پیدا نشد: یا پیش‌تر تمام شده بود (CANCEL با پاسخ نهایی هم‌زمان شده) یا هرگز نرسیده بود. اگر 200 OK آمده باشد، تماس برقرار است و باید با BYE پایان یابد.',
      },
      INVITE: {
        en: 'To a re-INVITE: the peer lost the dialog; RFC 3261 12.2.1.2 tells the UAC to end it (send BYE), and RFC 5057 limits this to the usage the request belonged to, here the call itself. To an INVITE with a Replaces header (attended transfer, call pickup): the dialog to be replaced was not found (RFC 3891).',
        fa: 'در پاسخ به re-INVITE: طرف مقابل dialog را از دست داده است؛ RFC 3261 بخش 12.2.1.2 از UAC می‌خواهد آن را پایان دهد (BYE بفرستد) و RFC 5057 این را به usageای که درخواست به آن تعلق داشت محدود می‌کند، که این‌جا خود تماس است. در پاسخ به INVITE دارای هدر Replaces (انتقال با مشورت یا call pickup): dialogی که باید جایگزین می‌شد پیدا نشد (RFC 3891).',
      },
      UPDATE: {
        en: 'The peer lost the dialog: as for a re-INVITE, the UAC ends the call (RFC 3261 12.2.1.2, repeated by RFC 3311).',
        fa: 'طرف مقابل dialog را از دست داده است: مثل re-INVITE، UAC تماس را پایان می‌دهد (RFC 3261 بخش 12.2.1.2 که RFC 3311 هم تکرارش کرده است).',
      },
      INFO: {
        en: 'The peer lost the dialog the INFO was sent in; the same rule as for other mid-dialog requests applies, so the call is normally torn down with BYE.',
        fa: 'طرف مقابل dialogی را که INFO در آن فرستاده شد از دست داده است؛ همان قاعدهٔ سایر درخواست‌های درون dialog برقرار است و تماس معمولاً با BYE قطع می‌شود.',
      },
      PRACK: {
        en: 'The PRACK matched no unacknowledged reliable provisional response (RFC 3262): check its RAck against the RSeq and CSeq of the 18x it meant to acknowledge.',
        fa: 'این PRACK با هیچ پاسخ موقت مطمئن (reliable provisional) تأییدنشده‌ای جور نبود (RFC 3262): مقدار RAck آن را با RSeq و CSeqِ پاسخ 18x مورد نظر مقایسه کنید.',
      },
      SUBSCRIBE: {
        en: 'A refresh or unsubscribe for a subscription the notifier no longer has (expired or lost in a restart): start a new subscription with a fresh SUBSCRIBE outside the old dialog.',
        fa: 'درخواست تمدید یا لغو برای subscriptionی که notifier دیگر ندارد (منقضی شده یا با restart از دست رفته): با یک SUBSCRIBE تازه، بیرون از dialog قبلی، subscription جدیدی بسازید.',
      },
      NOTIFY: {
        en: 'The subscriber no longer has this subscription; the notifier removes it (RFC 6665).',
        fa: 'subscriber دیگر این subscription را ندارد؛ notifier آن را حذف می‌کند (RFC 6665).',
      },
    },
  },
  {
    code: 482,
    phrase: 'Loop Detected',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.20' },
    meaning: {
      en: 'A proxy received a request it had already forwarded (its own Via is in the message) with the same Request-URI and routing, so the request is going round in a loop rather than spiralling to a new target.',
      fa: 'یک proxy درخواستی را دریافت کرده که پیش‌تر خودش آن را فرستاده بود (Via خودش در پیام هست) و Request-URI و مسیریابی آن تغییری نکرده است؛ یعنی درخواست در یک حلقه می‌چرخد، نه این‌که به مقصد تازه‌ای spiral کند.',
    },
    practice: {
      en: 'Typical causes: two servers routing the same number to each other (PBX and proxy or trunk misconfiguration, call forwarding that points back), a proxy that does not recognise one of its own addresses or domains as local (Kamailio/OpenSIPS alias=) and forwards to itself, or DNS/SRV pointing back at the sender. Read the Via headers: the repeated host shows where the loop closes.',
      fa: 'علت‌های معمول: دو سرور که یک شماره را به هم پاس می‌دهند (پیکربندی اشتباه بین PBX و proxy یا trunk، یا انتقال تماسی که به خود مبدأ برمی‌گردد)، proxyای که یکی از نشانی‌ها یا دامنه‌های خودش را محلی نمی‌شناسد (alias= در Kamailio/OpenSIPS) و درخواست را به خودش می‌فرستد، یا DNS/SRV که دوباره به فرستنده اشاره می‌کند. هدرهای Via را بخوانید: میزبانی که تکرار شده نشان می‌دهد حلقه کجا بسته می‌شود.',
    },
  },
  {
    code: 483,
    phrase: 'Too Many Hops',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.21' },
    meaning: {
      en: 'The request arrived with Max-Forwards at 0 while it still had to be forwarded.',
      fa: 'درخواست با مقدار Max-Forwards برابر 0 رسیده، در حالی که هنوز باید به جلو فرستاده می‌شد.',
    },
    practice: {
      en: 'Almost always a forwarding loop that loop detection missed because each pass changes the Request-URI (number translation ping-ponging between a PBX and a carrier, forwarding chains), or a UA that starts with a tiny Max-Forwards. Kamailio’s default script answers 483 when mf_process_maxfwd_header() fails; count the Via headers to see how many hops it really took.',
      fa: 'تقریباً همیشه حلقه‌ای است که loop detection آن را نگرفته، چون هر دور Request-URI تغییر می‌کند (تبدیل شماره که میان PBX و اپراتور رفت‌وبرگشت دارد، زنجیرهٔ انتقال تماس)، یا UAای که Max-Forwards را با عددی بسیار کوچک شروع می‌کند. اسکریپت پیش‌فرض Kamailio وقتی mf_process_maxfwd_header() شکست بخورد 483 می‌فرستد؛ هدرهای Via را بشمارید تا ببینید درخواست واقعاً از چند hop گذشته است.',
    },
    methods: {
      OPTIONS: {
        en: 'A proxy may answer an OPTIONS with Max-Forwards 0 itself instead of returning 483 (RFC 3261 16.3), so the answer you get may come from an intermediate hop, not the target.',
        fa: 'proxy می‌تواند به OPTIONSی که Max-Forwards آن 0 است خودش پاسخ دهد و 483 نفرستد (RFC 3261 بخش 16.3)؛ پس پاسخی که می‌گیرید ممکن است از یک hop میانی باشد، نه از مقصد.',
      },
    },
  },
  {
    code: 484,
    phrase: 'Address Incomplete',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.22' },
    meaning: {
      en: 'The Request-URI is incomplete: the dialled number does not have enough digits to be routed yet. This is what makes overlap dialling work: the caller sends longer and longer numbers until it stops getting 484.',
      fa: 'Request-URI ناقص است: شمارهٔ گرفته‌شده هنوز رقم کافی برای مسیریابی ندارد. شماره‌گیری هم‌پوشان (overlap dialling) بر همین پایه کار می‌کند: تماس‌گیرنده شماره‌های بلندتری می‌فرستد تا دیگر 484 نگیرد.',
    },
    practice: {
      en: 'Asterisk answers 484 when the number only partly matches a dialplan pattern (allow_overlap=yes, the default in pjsip.conf), so a too-short number from a phone or trunk lands here; Kamailio’s default script sends it for a Request-URI without a user part. Q.850 cause 28 (invalid number format) maps to 484 in both directions. Check the phone’s digit map and number normalisation on the trunk.',
      fa: 'Asterisk وقتی شماره فقط تا حدی با یک الگوی dialplan جور باشد 484 می‌فرستد (allow_overlap=yes که در pjsip.conf پیش‌فرض است)، پس شمارهٔ کوتاه‌تر از حد از گوشی یا trunk به این کد می‌رسد؛ اسکریپت پیش‌فرض Kamailio هم برای Request-URIِ بدون بخش user آن را می‌فرستد. علت Q.850 شمارهٔ 28 (قالب شمارهٔ نامعتبر) در هر دو جهت به 484 نگاشت می‌شود. digit map گوشی و نرمال‌سازی شماره روی trunk را بررسی کنید.',
    },
  },
  {
    code: 485,
    phrase: 'Ambiguous',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.23' },
    meaning: {
      en: 'The Request-URI matches more than one user, so the server cannot tell whom the request is for. The response may list unambiguous candidates in Contact headers, though a server may withhold them for privacy.',
      fa: 'Request-URI با بیش از یک کاربر جور است و سرور نمی‌تواند تشخیص دهد درخواست برای کیست. پاسخ ممکن است گزینه‌های بدون ابهام را در هدرهای Contact فهرست کند، هرچند سرور می‌تواند برای حفظ حریم خصوصی آن‌ها را اعلام نکند.',
    },
    practice: {
      en: 'Rare on real networks: it comes from directory-style lookups (aliases, dial-by-name, short-code tables) that return several matches, so look for duplicates in that data. In Asterisk, send it with PJSIPHangup(485): the name AMBIGUOUS is not recognised because pjsip spells the constant PJSIP_AC_AMBIGUOUS.',
      fa: 'در شبکه‌های واقعی کمیاب است: از جست‌وجوهای فهرست‌مانند (aliasها، شماره‌گیری با نام، جدول کدهای کوتاه) می‌آید که چند نتیجه برمی‌گردانند؛ پس دنبال داده‌های تکراری در آن‌ها بگردید. در Asterisk آن را با PJSIPHangup(485) بفرستید: نام AMBIGUOUS شناخته نمی‌شود، چون pjsip این ثابت را PJSIP_AC_AMBIGUOUS نوشته است.',
    },
  },
  {
    code: 486,
    phrase: 'Busy Here',
    status: 'registered',
    // Asterisk chan_sip’s “Busy here” (codes.tsv notes, traps.md E) differs only in case: not a variant.
    defined: { rfc: 3261, section: '21.4.24' },
    meaning: {
      en: 'The callee’s end system was reached but cannot take another call right now. Unlike 600, it says nothing about the user’s other locations: a proxy may still try voicemail or another device, and Retry-After may suggest a better time.',
      fa: 'سامانهٔ گیرندهٔ تماس در دسترس بود اما فعلاً نمی‌تواند تماس دیگری بپذیرد. برخلاف 600، چیزی دربارهٔ دیگر مکان‌های کاربر نمی‌گوید: proxy هنوز می‌تواند voicemail یا دستگاه دیگری را امتحان کند و Retry-After ممکن است زمان بهتری را پیشنهاد دهد.',
    },
    practice: {
      en: 'The phone is on another call with call waiting off, DND is set to answer busy, some phones send it when the user rejects the call (others send 603), or a limit was hit (Asterisk device_state_busy_at, a trunk’s channel cap). Asterisk sends it for Q.850 17 (USER_BUSY, e.g. the Busy() application), and Asterisk and FreeSWITCH both turn a received 486 into cause 17.',
      fa: 'گوشی روی تماس دیگری است و call waiting خاموش است، DND طوری تنظیم شده که پاسخ «اشغال» بدهد، برخی گوشی‌ها وقتی کاربر تماس را رد می‌کند همین کد را می‌فرستند (برخی دیگر 603)، یا به سقفی رسیده‌اید (device_state_busy_at در Asterisk، سقف کانال یک trunk). Asterisk برای علت Q.850 شمارهٔ 17 (USER_BUSY، مثلاً برنامهٔ Busy()) این کد را می‌فرستد و Asterisk و FreeSWITCH هر دو 486ِ دریافتی را به علت 17 تبدیل می‌کنند.',
    },
  },
  {
    code: 487,
    phrase: 'Request Terminated',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.25' },
    meaning: {
      en: 'The request was ended by a BYE or CANCEL before it completed. In practice it is the final response an INVITE gets after the caller sent CANCEL.',
      fa: 'درخواست پیش از کامل شدن با BYE یا CANCEL پایان داده شد. در عمل این پاسخ نهایی‌ای است که INVITE پس از فرستادن CANCEL از سوی تماس‌گیرنده دریافت می‌کند.',
    },
    practice: {
      en: 'Normal call flow, not an error: the caller hung up while it rang, a Dial() timeout or ring group stopped ringing a leg, or a forking proxy cancelled the other branches once one answered (that CANCEL often carries Reason: SIP;cause=200;text="Call completed elsewhere"). In FreeSWITCH, 487 is also the number of its own cause ORIGINATOR_CANCEL, so a 487 in continue_on_fail or hangup-cause logs is that internal cause, not a SIP response.',
      fa: 'بخشی از روند عادی تماس است، نه خطا: تماس‌گیرنده هنگام زنگ خوردن قطع کرده، timeoutِ Dial() یا ring group زنگ یک شاخه را متوقف کرده، یا forking proxy پس از پاسخ یک شاخه بقیه را لغو کرده است (این CANCEL اغلب هدر Reason: SIP;cause=200;text="Call completed elsewhere" دارد). در FreeSWITCH عدد 487 شمارهٔ علت داخلی ORIGINATOR_CANCEL هم هست؛ پس 487 در continue_on_fail یا در لاگ‌های hangup cause همان علت داخلی است، نه پاسخ SIP.',
    },
    methods: {
      INVITE: {
        en: 'The caller (or a forking proxy) cancelled this INVITE: the 200 OK to the CANCEL only confirmed the CANCEL, and this 487 closes the INVITE transaction, which the caller’s stack acknowledges with ACK.',
        fa: 'تماس‌گیرنده (یا یک forking proxy) این INVITE را لغو کرده است: 200 OKِ مربوط به CANCEL فقط دریافت CANCEL را تأیید می‌کرد و این 487 transactionِ INVITE را می‌بندد که stackِ تماس‌گیرنده آن را با ACK تأیید می‌کند.',
      },
    },
  },
  {
    code: 488,
    phrase: 'Not Acceptable Here',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.26' },
    variants: [
      { phrase: 'Not Acceptable Here (codec error)', source: 'Asterisk chan_sip (no codec in common)' },
      { phrase: 'Not Acceptable Here (crypto)', source: 'Asterisk chan_sip (required SRTP crypto not offered)' },
    ],
    meaning: {
      en: 'Something in the session description is not acceptable at this endpoint: no common codec, media type or transport, or unacceptable encryption or bandwidth. A Warning header (e.g. 304, 305, 370) should say what, and the response may carry an SDP of what the endpoint does support; another destination may still accept it (contrast 606).',
      fa: 'بخشی از توصیف جلسه (SDP) برای این endpoint پذیرفتنی نیست: کدک، نوع رسانه یا transport مشترکی وجود ندارد، یا رمزنگاری یا پهنای باند قابل‌قبول نیست. هدر Warning (مثلاً 304، 305، 370) باید علت را بگوید و پاسخ ممکن است SDPِ قابلیت‌های پشتیبانی‌شده را هم داشته باشد؛ مقصد دیگری ممکن است همین را بپذیرد (برخلاف 606).',
    },
    practice: {
      en: 'Compare offer and answer: no codec in common (e.g. only G.729 offered to a PBX that allows only alaw/opus), RTP/AVP where SRTP (RTP/SAVP with a=crypto) is required or the reverse, WebRTC DTLS/ICE (UDP/TLS/RTP/SAVPF) sent to a plain SIP device, or a T.38 re-INVITE to a device without fax support. Asterisk’s chan_pjsip turns Q.850 58 into 488; FreeSWITCH maps 488 to and from INCOMPATIBLE_DESTINATION (88).',
      fa: 'offer و answer را مقایسه کنید: کدک مشترکی نیست (مثلاً فقط G.729 به PBXی پیشنهاد شده که فقط alaw/opus را می‌پذیرد)، RTP/AVP فرستاده شده در حالی که SRTP (RTP/SAVP با a=crypto) لازم است یا برعکس، DTLS/ICEِ WebRTC (UDP/TLS/RTP/SAVPF) به یک دستگاه SIP معمولی رسیده، یا re-INVITE برای T.38 به دستگاهی بدون پشتیبانی فکس رفته است. chan_pjsipِ Asterisk علت Q.850 شمارهٔ 58 را به 488 تبدیل می‌کند و FreeSWITCH کد 488 را در هر دو جهت با INCOMPATIBLE_DESTINATION (88) نگاشت می‌کند.',
    },
    methods: {
      INVITE: {
        en: 'To an initial INVITE the call fails. To a re-INVITE (hold, codec change, switch to T.38) only the change is refused: the call keeps the session it had (RFC 3261 14.1).',
        fa: 'در پاسخ به INVITE اولیه، تماس برقرار نمی‌شود. در پاسخ به re-INVITE (hold، تغییر کدک، رفتن به T.38) فقط همان تغییر رد شده است: تماس با جلسهٔ قبلی خود ادامه می‌یابد (RFC 3261 بخش 14.1).',
      },
      UPDATE: {
        en: 'The offer in this UPDATE was refused; the session keeps its previous parameters (RFC 3311).',
        fa: 'offerِ این UPDATE رد شد؛ جلسه با پارامترهای قبلی خود ادامه می‌یابد (RFC 3311).',
      },
    },
  },
  {
    code: 489,
    phrase: 'Bad Event',
    status: 'registered',
    // codes.tsv gives the RFC 3265 section (7.3.2). RFC 6665 keeps the definition under §8.3 “New Response Codes”
    // (between §8.2 header fields and §8.4 ABNF); the subsection number was not confirmed, so the parent is cited.
    defined: { rfc: 6665, section: '8.3' },
    history: {
      en: 'Introduced by RFC 3265 (section 7.3.2), which RFC 6665 obsoleted; drafts before RFC 3265 called it “Unknown Event”.',
      fa: 'نخستین بار RFC 3265 (بخش 7.3.2) آن را تعریف کرد که RFC 6665 جایگزینش شد؛ پیش‌نویس‌های پیش از RFC 3265 آن را «Unknown Event» می‌نامیدند.',
    },
    variants: [
      { phrase: 'Unknown Event', source: 'SIP event drafts before RFC 3265' },
    ],
    meaning: {
      en: 'The server does not understand or support the event package named in the Event header (or the header is missing). The response should carry Allow-Events with the packages it does support.',
      fa: 'سرور بسته رویدادی (event package) را که در هدر Event آمده نمی‌شناسد یا پشتیبانی نمی‌کند (یا این هدر اصلاً نیست). پاسخ باید هدر Allow-Events را با بسته‌هایی که پشتیبانی می‌کند داشته باشد.',
    },
    practice: {
      en: 'A phone subscribed to a package the server does not offer: dialog (BLF), presence, message-summary (MWI) or vendor packages such as as-feature-event. Check Allow-Events in the 489, then whether the server side is enabled (Asterisk: hints and the MWI/pubsub modules loaded; Kamailio: the presence module plus presence_dialoginfo or presence_mwi for that event). Asterisk chan_sip also sent 489 (“Bad Event (format …)”) when it could produce none of the body formats in Accept.',
      fa: 'گوشی برای بسته‌ای subscribe کرده که سرور ارائه نمی‌دهد: dialog (BLF)، presence، message-summary (MWI) یا بسته‌های اختصاصی سازنده‌ها مثل as-feature-event. Allow-Events را در پاسخ 489 ببینید و سپس بررسی کنید سمت سرور فعال است یا نه (در Asterisk: hintها و ماژول‌های MWI/pubsub بارگذاری شده باشند؛ در Kamailio: ماژول presence به‌همراه presence_dialoginfo یا presence_mwi برای آن رویداد). chan_sipِ Asterisk وقتی هیچ‌یک از قالب‌های بدنهٔ فهرست‌شده در Accept را نمی‌توانست بسازد هم 489 («Bad Event (format …)») می‌فرستاد.',
    },
    methods: {
      SUBSCRIBE: {
        en: 'The notifier does not support this event package: no subscription was created; retry only with a package listed in Allow-Events.',
        fa: 'notifier این بسته رویداد را پشتیبانی نمی‌کند: هیچ subscriptionی ساخته نشد؛ فقط با بسته‌ای که در Allow-Events آمده دوباره تلاش کنید.',
      },
      PUBLISH: {
        en: 'The event state compositor (e.g. the presence server) does not accept state for this event package (RFC 3903); nothing was published.',
        fa: 'event state compositor (مثلاً سرور presence) وضعیت این بسته رویداد را نمی‌پذیرد (RFC 3903)؛ چیزی منتشر نشد.',
      },
    },
  },
  {
    code: 490,
    phrase: 'Request Updated',
    status: 'unregistered',
    // Never in an RFC (an expired early-2000s IETF draft); cite the rule receivers apply to an unknown 4xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    meaning: {
      en: 'Non-standard code from an expired IETF draft: the pending request was superseded by a newer one. A receiver treats it as 400 Bad Request.',
      fa: 'کدی غیراستاندارد از یک پیش‌نویس منقضی‌شده‌ی IETF: درخواست در جریان با درخواست تازه‌تری جایگزین شده است. گیرنده آن را مانند 400 Bad Request پردازش می‌کند.',
    },
    practice: {
      en: 'pjsip uses it locally: when an application sends a new SUBSCRIBE or REFER while the previous one on the same subscription is still pending, pjsip terminates the old client transaction with status 490 and ignores it (pjsip-simple evsub.c). You see it in pjsua logs, not on the wire. pjsip and sofia-sip also keep ‘Request Updated’ in their phrase tables.',
      fa: 'pjsip آن را به‌صورت محلی به کار می‌برد: وقتی برنامه SUBSCRIBE یا REFER تازه‌ای می‌فرستد در حالی که درخواست قبلیِ همان اشتراک هنوز در جریان است، pjsip تراکنش قبلی را با وضعیت 490 خاتمه می‌دهد و نادیده‌اش می‌گیرد (فایل evsub.c در pjsip-simple). آن را در لاگ‌های pjsua می‌بینید، نه روی سیم. pjsip و sofia-sip عبارت «Request Updated» را در جدول عبارت‌هایشان هم نگه داشته‌اند.',
    },
    statusNote: {
      en: 'Not in the IANA registry and defined by no RFC (it survives only in pjsip and sofia-sip tables). On the wire, handle it as 400 (RFC 3261 8.1.3.2).',
      fa: 'در رجیستری IANA نیست و هیچ RFCی آن را تعریف نکرده است (فقط در جدول‌های pjsip و sofia-sip باقی مانده). اگر روی سیم دیده شد، مانند 400 با آن رفتار کنید (RFC 3261 بخش 8.1.3.2).',
    },
    methods: {
      SUBSCRIBE: {
        en: 'pjsip: the previous SUBSCRIBE of this subscription was replaced by a newer refresh or unsubscribe; not an error.',
        fa: 'در pjsip: SUBSCRIBE قبلیِ این اشتراک با تمدید یا لغو اشتراک تازه‌تری جایگزین شد؛ خطا نیست.',
      },
      REFER: {
        en: 'pjsip: an earlier REFER was superseded by a newer one from the application; the newer transfer request is the one that counts.',
        fa: 'در pjsip: REFER قبلی با REFER تازه‌تری از سوی برنامه جایگزین شد و ملاک، همان درخواست انتقال جدید است.',
      },
    },
  },
  {
    code: 491,
    phrase: 'Request Pending',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.27' },
    meaning: {
      en: 'The UAS has a request of its own still pending in the same dialog, typically because both sides sent a re-INVITE or UPDATE at the same moment (glare), so it refuses this one.',
      fa: 'UAS خودش درخواستی در همین dialog دارد که هنوز در جریان است؛ معمولاً چون هر دو طرف هم‌زمان re-INVITE یا UPDATE فرستاده‌اند (glare)، پس این یکی را رد می‌کند.',
    },
    practice: {
      en: 'Glare between re-INVITEs: both ends put the call on hold, a session-timer refresh crossed a hold or transfer, or an Asterisk direct_media re-INVITE crossed one from the phone. It clears by itself when both sides back off as RFC 3261 14.1 says (Asterisk PJSIP reschedules its re-INVITE); a long run of 491s means one side retries at once or never.',
      fa: 'glare میان re-INVITEها: هر دو طرف تماس را hold کرده‌اند، تمدید session timer با hold یا انتقال تماس هم‌زمان شده، یا re-INVITEِ direct_media در Asterisk با re-INVITE گوشی برخورد کرده است. اگر هر دو طرف طبق RFC 3261 بخش 14.1 صبر کنند و دوباره بفرستند، مشکل خودبه‌خود حل می‌شود (Asterisk PJSIP re-INVITE خود را دوباره زمان‌بندی می‌کند)؛ رشتهٔ طولانی از 491 یعنی یک طرف بی‌درنگ یا هرگز دوباره تلاش نمی‌کند.',
    },
    methods: {
      INVITE: {
        en: 'Glare on a re-INVITE: the call is unaffected. Per RFC 3261 14.1 the side that generated the Call-ID waits a random 2.1–4 s, the other side 0–2 s, then resends if the change is still needed.',
        fa: 'glare روی re-INVITE: تماس آسیبی نمی‌بیند. طبق RFC 3261 بخش 14.1 طرفی که Call-ID را ساخته به‌طور تصادفی 2.1 تا 4 ثانیه و طرف دیگر 0 تا 2 ثانیه صبر می‌کند و اگر تغییر هنوز لازم باشد دوباره می‌فرستد.',
      },
      UPDATE: {
        en: 'The offer in this UPDATE crossed another offer still pending in the dialog (RFC 3311); back off and retry as for a re-INVITE.',
        fa: 'offerِ این UPDATE با offer دیگری که هنوز در dialog باز است برخورد کرده (RFC 3311)؛ مثل re-INVITE کمی صبر کنید و دوباره بفرستید.',
      },
    },
  },
  {
    code: 493,
    phrase: 'Undecipherable',
    status: 'registered',
    defined: { rfc: 3261, section: '21.4.28' },
    meaning: {
      en: 'The request carried an encrypted (S/MIME) body that the UAS cannot decrypt, because it does not have, or will not use, the right key. The response may include the public key the sender should encrypt to.',
      fa: 'درخواست بدنهٔ رمزنگاری‌شده (S/MIME) داشته که UAS نمی‌تواند رمزگشایی کند، چون کلید مناسب را ندارد یا نمی‌خواهد به کار ببرد. پاسخ ممکن است کلید عمومی‌ای را که فرستنده باید با آن رمزنگاری کند در بر داشته باشد.',
    },
    practice: {
      en: 'Very rare, since S/MIME in SIP is almost never deployed. If it appears, find the device that encrypts bodies (Content-Type: application/pkcs7-mime) with a certificate the receiver does not hold, and either install the matching certificate or turn body encryption off.',
      fa: 'بسیار کمیاب است، چون S/MIME در SIP تقریباً هیچ‌جا به کار نمی‌رود. اگر دیدید، دستگاهی را پیدا کنید که بدنه را با گواهی‌ای رمزنگاری می‌کند (Content-Type: application/pkcs7-mime) که گیرنده ندارد، و یا گواهی متناظر را نصب کنید یا رمزنگاری بدنه را خاموش کنید.',
    },
  },
  {
    code: 494,
    phrase: 'Security Agreement Required',
    status: 'registered',
    // Section not confirmed (the seed cites §2.4 via Wikipedia; 494 appears in both §2.3 and §2.4 flows): cited without one.
    defined: { rfc: 3329 },
    meaning: {
      en: 'The server requires a security mechanism to be agreed first (RFC 3329 sec-agree). The response lists the mechanisms it supports in Security-Server headers (such as tls, digest or ipsec-3gpp); the client picks one and repeats the request with a Security-Verify header echoing that list.',
      fa: 'سرور می‌خواهد پیش از هر چیز بر سر یک سازوکار امنیتی توافق شود (sec-agree در RFC 3329). پاسخ سازوکارهای پشتیبانی‌شده را در هدرهای Security-Server فهرست می‌کند (مثل tls، digest یا ipsec-3gpp)؛ کلاینت یکی را برمی‌گزیند و درخواست را با هدر Security-Verify که همان فهرست را بازتاب می‌دهد تکرار می‌کند.',
    },
    practice: {
      en: 'Met in IMS/VoLTE access (3GPP TS 24.229) and on Deutsche Telekom SIP trunks, which require the “mediasec” agreement for SRTP: Asterisk handles those with security_negotiation=mediasec on the outbound registration and endpoint, and then treats 494 like an authentication challenge. It has nothing to do with nginx’s non-standard HTTP 494.',
      fa: 'در دسترسی IMS/VoLTE (3GPP TS 24.229) و در SIP trunkهای Deutsche Telekom دیده می‌شود که برای SRTP توافق «mediasec» را لازم می‌دانند: Asterisk این حالت را با security_negotiation=mediasec روی outbound registration و endpoint پشتیبانی می‌کند و سپس با 494 مثل یک challenge احراز هویت رفتار می‌کند. هیچ ربطی به HTTP 494ِ غیراستاندارد nginx ندارد.',
    },
  },
  {
    code: 500,
    phrase: 'Server Internal Error',
    status: 'registered',
    defined: { rfc: 3261, section: '21.5.1' },
    variants: [
      { phrase: 'Internal Server Error', source: 'HTTP word order: SIP.js, sofia-sip (FreeSWITCH), Asterisk chan_sip' },
      { phrase: 'Server internal failure', source: 'Asterisk chan_sip (Q.850 38, network out of order)' },
      { phrase: 'Network error', source: 'Asterisk chan_sip (Q.850 127, interworking)' },
      { phrase: 'Server error', source: 'Asterisk chan_sip (request with an out-of-order CSeq)' },
      { phrase: 'JsSIP Internal Error', source: 'JsSIP' },
      { phrase: 'I\'m terribly sorry, server error occurred', source: 'Kamailio sl_reply_error()/t_reply_error(), followed by an internal code such as (1/SL)' },
    ],
    meaning: {
      en: 'The server ran into an unexpected condition that kept it from completing the request. It may add Retry-After when the condition is temporary.',
      fa: 'سرور به وضعیتی پیش‌بینی‌نشده برخورده که نگذاشته درخواست را انجام دهد؛ یعنی خطا در سمت سرور رخ داده است. اگر مشکل موقتی باشد، ممکن است Retry-After هم بفرستد.',
    },
    practice: {
      en: 'Look at the server that sent it, not at the caller: a script or module error, a failed database or backend, a component restarting (Kamailio’s sl_reply_error() puts its internal error number in the phrase, e.g. (1/SL)). Two protocol sources are easy to miss: a mid-dialog request whose CSeq is lower than the last one gets 500 (RFC 3261 12.2.2), and a proxy whose only answer from downstream was a 503 passes it on as 500 (RFC 3261 16.7).',
      fa: 'خطا در سمت سرور است؛ ریشه را در همان سروری که این پاسخ را فرستاده جست‌وجو کنید، نه در تماس‌گیرنده: خطای اسکریپت یا ماژول، از کار افتادن پایگاه داده یا سرویس پشتیبان، یا بخشی که در حال راه‌اندازی دوباره است (sl_reply_error() در Kamailio شمارهٔ خطای داخلی را در عبارت پاسخ می‌گذارد، مثل (1/SL)). دو منشأ پروتکلی به‌راحتی از چشم می‌افتند: درخواست درون dialog که CSeq آن از قبلی کمتر است 500 می‌گیرد (RFC 3261 بخش 12.2.2)، و proxyای که از پایین‌دست فقط 503 دریافت کرده آن را به شکل 500 بالا می‌فرستد (RFC 3261 بخش 16.7).',
    },
    methods: {
      INVITE: {
        en: 'To a re-INVITE: a UAS that gets a second re-INVITE before answering the first must reply 500 with a Retry-After of 0–10 s (RFC 3261 14.2). Wait and retry; the call is unaffected.',
        fa: 'در پاسخ به re-INVITE: UASی که پیش از پاسخ دادن به re-INVITE اول، re-INVITE دومی دریافت کند باید 500 را با Retry-Afterِ بین 0 تا 10 ثانیه بفرستد (RFC 3261 بخش 14.2). صبر کنید و دوباره بفرستید؛ تماس آسیبی نمی‌بیند.',
      },
    },
  },
  {
    code: 501,
    phrase: 'Not Implemented',
    status: 'registered',
    defined: { rfc: 3261, section: '21.5.2' },
    variants: [
      { phrase: 'Method Not Implemented', source: 'Asterisk chan_sip' },
    ],
    meaning: {
      en: 'The server does not implement what the request needs, typically because it does not recognise the request method at all. (405 is for a method it knows but does not allow for this Request-URI.)',
      fa: 'سرور قابلیتی را که درخواست لازم دارد پیاده‌سازی نکرده است؛ معمولاً چون متد درخواست را اصلاً نمی‌شناسد. (405 برای متدی است که سرور می‌شناسد اما برای این Request-URI اجازه نمی‌دهد.)',
    },
    practice: {
      en: 'A method sent to a device that does not support it: UPDATE, INFO, MESSAGE, PUBLISH, REFER or a vendor method reaching an older phone, gateway or PBX. Check the peer’s Allow header (in its INVITE, 200 OK or OPTIONS answer) and stop sending what it does not list; gateways also turn Q.850 29 (facility rejected) into 501.',
      fa: 'متدی به دستگاهی رسیده که آن را پشتیبانی نمی‌کند: UPDATE، INFO، MESSAGE، PUBLISH، REFER یا یک متد اختصاصی که به گوشی، gateway یا PBXِ قدیمی رسیده است. هدر Allowِ طرف مقابل را (در INVITE، 200 OK یا پاسخ OPTIONS آن) بررسی کنید و چیزی را که فهرست نکرده نفرستید؛ gatewayها علت Q.850 شمارهٔ 29 (facility rejected) را هم به 501 تبدیل می‌کنند.',
    },
    methods: {
      INFO: {
        en: 'The peer does not support INFO (e.g. DTMF by SIP INFO): the call continues; send DTMF as RFC 4733 telephone-events or in-band instead.',
        fa: 'طرف مقابل INFO را پشتیبانی نمی‌کند (مثلاً ارسال DTMF با SIP INFO): تماس ادامه دارد؛ DTMF را به‌جای آن به شکل telephone-event طبق RFC 4733 یا in-band بفرستید.',
      },
      UPDATE: {
        en: 'The peer does not support UPDATE: the call continues; use re-INVITE for session changes and session-timer refreshes.',
        fa: 'طرف مقابل UPDATE را پشتیبانی نمی‌کند: تماس ادامه دارد؛ برای تغییر جلسه و تمدید session timer از re-INVITE استفاده کنید.',
      },
      REFER: {
        en: 'The peer cannot be transferred by REFER: the call continues, but the transfer has to be done another way (for example by the PBX bridging the call).',
        fa: 'طرف مقابل انتقال با REFER را پشتیبانی نمی‌کند: تماس ادامه دارد، اما انتقال باید از راه دیگری انجام شود (مثلاً PBX خودش تماس را bridge کند).',
      },
    },
  },
  {
    code: 502,
    phrase: 'Bad Gateway',
    status: 'registered',
    defined: { rfc: 3261, section: '21.5.3' },
    meaning: {
      en: 'A server acting as a gateway or proxy got an invalid response from the next server it contacted while handling the request.',
      fa: 'سروری که نقش gateway یا proxy دارد، هنگام رسیدگی به درخواست از سرور بعدی‌ای که با آن تماس گرفته پاسخ نامعتبری دریافت کرده است.',
    },
    practice: {
      en: 'Usually a PSTN gateway or SBC reporting trouble behind it: Q.850 cause 27 (destination out of order) becomes 502, and FreeSWITCH also sends it for INVALID_PROFILE. Check the downstream leg: the gateway’s own logs, the state of the trunk or carrier, and any malformed response from the next hop.',
      fa: 'معمولاً gateway تلفن عمومی یا SBC دارد از مشکلی در پشت خود خبر می‌دهد: علت Q.850 شمارهٔ 27 (مقصد از کار افتاده) به 502 تبدیل می‌شود و FreeSWITCH برای INVALID_PROFILE هم آن را می‌فرستد. مسیر پایین‌دست را بررسی کنید: لاگ‌های خود gateway، وضعیت trunk یا اپراتور، و هر پاسخ بدشکلی که از hop بعدی آمده باشد.',
    },
  },
  {
    code: 503,
    phrase: 'Service Unavailable',
    status: 'registered',
    defined: { rfc: 3261, section: '21.5.4' },
    variants: [
      { phrase: 'Unavailable', source: 'Asterisk chan_sip (shutting down, or the dialplan could not be started)' },
      { phrase: 'Buzz Off You Ran Out of Channels', source: 'FreeSWITCH mod_easyroute sample dialplan' },
    ],
    meaning: {
      en: 'The server is temporarily unable to handle the request, because of overload or maintenance or because it has nowhere to send it. Retry-After may say how long to stay away; without it the client treats the response like 500, and either way it should try another server (DNS SRV) rather than this one.',
      fa: 'سرور موقتاً نمی‌تواند به درخواست رسیدگی کند، به‌خاطر بار زیاد، تعمیر و نگهداری، یا این‌که مقصدی برای فرستادن آن ندارد. Retry-After ممکن است بگوید تا کی نباید سراغ این سرور رفت؛ اگر نباشد، کلاینت پاسخ را مثل 500 در نظر می‌گیرد و در هر حال باید سرور دیگری (از DNS SRV) را امتحان کند.',
    },
    practice: {
      en: 'Check Retry-After, then the cause: no route or every gateway down (Kamailio dispatcher or LCR with all destinations inactive, FreeSWITCH GATEWAY_DOWN, Q.850 34/42 congestion), channel or rate limits reached, a carrier out of capacity, or a server shutting down. A proxy should not relay a 503 upstream (RFC 3261 16.7), so one reaching the phone usually comes from a B2BUA such as Asterisk, which sends it for Congestion() (cause 34).',
      fa: 'اول Retry-After را ببینید، بعد علت را: مسیری نیست یا همهٔ gatewayها از کار افتاده‌اند (dispatcher یا LCR در Kamailio با همهٔ مقصدهای غیرفعال، GATEWAY_DOWN در FreeSWITCH، ازدحام Q.850 شمارهٔ 34 یا 42)، به سقف کانال یا نرخ رسیده‌اید، ظرفیت اپراتور پر است، یا سرور در حال خاموش شدن است. proxy نباید 503 را به بالادست بفرستد (RFC 3261 بخش 16.7)، پس 503ای که به گوشی می‌رسد معمولاً از یک B2BUA مثل Asterisk می‌آید که برای Congestion() (علت 34) آن را می‌فرستد.',
    },
    methods: {
      REGISTER: {
        en: 'The registrar is overloaded or in maintenance: the phone should honour Retry-After and try the next server from DNS SRV; repeated 503s to REGISTER point at a backend (database) outage.',
        fa: 'registrar زیر بار زیاد یا در حال تعمیر است: گوشی باید Retry-After را رعایت کند و سرور بعدی را از DNS SRV امتحان کند؛ 503های پیاپی برای REGISTER نشانهٔ از کار افتادن سرویس پشتیبان (پایگاه داده) است.',
      },
      OPTIONS: {
        en: 'To an OPTIONS keep-alive probe, SBCs and load balancers such as Kamailio’s dispatcher usually take a 503 to mean the peer is unavailable and stop routing calls to it.',
        fa: 'در پاسخ به OPTIONSی که برای پایش فرستاده شده، SBCها و load balancerهایی مثل dispatcherِ Kamailio معمولاً 503 را به معنای در دسترس نبودن طرف مقابل می‌گیرند و دیگر تماسی به آن نمی‌فرستند.',
      },
    },
  },
  {
    code: 504,
    phrase: 'Server Time-out',
    status: 'registered',
    // Kamailio’s “Server Time-Out” (codes.tsv) differs only in case: not a variant.
    defined: { rfc: 3261, section: '21.5.5' },
    variants: [
      { phrase: 'Gateway Time-out', source: 'sofia-sip (FreeSWITCH): the HTTP/1.1 phrase' },
    ],
    meaning: {
      en: 'The server did not get a timely answer from another server it needed while handling the request (a location service, DNS/ENUM, a database or the next hop). If the upstream simply did not answer within the request’s Expires time, the right code is 408, not 504.',
      fa: 'سرور هنگام رسیدگی به درخواست از سرور دیگری که به آن نیاز داشت (سرویس مکان‌یابی، DNS/ENUM، پایگاه داده یا hop بعدی) به‌موقع پاسخ نگرفته است. اگر بالادست در مدت Expiresِ خود درخواست پاسخ نداده باشد، کد درست 408 است نه 504.',
    },
    practice: {
      en: 'Check the server’s own dependencies: DNS/ENUM, HTTP or database lookups (routing engine, number portability), or the next-hop gateway; RFC 3398 maps Q.850 102 (recovery on timer expiry) to 504 and back, as FreeSWITCH does. Keep it apart from 408, which proxies such as Kamailio generate themselves when their transaction timer fires.',
      fa: 'وابستگی‌های خود سرور را بررسی کنید: DNS/ENUM، جست‌وجوهای HTTP یا پایگاه داده (موتور مسیریابی، انتقال شماره)، یا gatewayِ hop بعدی؛ RFC 3398 علت Q.850 شمارهٔ 102 (بازیابی پس از پایان تایمر) را در هر دو جهت به 504 نگاشت می‌کند و FreeSWITCH هم همین کار را می‌کند. آن را با 408 اشتباه نگیرید که proxyهایی مثل Kamailio خودشان هنگام پایان تایمر transaction می‌سازند.',
    },
  },
  {
    code: 505,
    phrase: 'Version Not Supported',
    status: 'registered',
    defined: { rfc: 3261, section: '21.5.6' },
    meaning: {
      en: 'The server does not support the SIP protocol version in the request (anything other than SIP/2.0).',
      fa: 'سرور نسخهٔ پروتکل SIP را که در درخواست آمده پشتیبانی نمی‌کند (هر چیزی جز SIP/2.0).',
    },
    practice: {
      en: 'Rarely a real client: usually a malformed request line, non-SIP traffic or a scanner on port 5060, or the RFC 4475 torture test “badvers”, which sends SIP/7.0. Capture the raw packet and read its first line.',
      fa: 'به‌ندرت از یک کلاینت واقعی است: معمولاً خط درخواست بدشکل است، ترافیکی غیر SIP یا یک اسکنر به پورت 5060 رسیده، یا آزمون torture در RFC 4475 به نام «badvers» که SIP/7.0 می‌فرستد. بستهٔ خام را capture کنید و خط اول آن را بخوانید.',
    },
  },
  {
    code: 513,
    phrase: 'Message Too Large',
    status: 'registered',
    defined: { rfc: 3261, section: '21.5.7' },
    meaning: {
      en: 'The message is longer than the server is able to process.',
      fa: 'طول پیام از حدی که سرور می‌تواند پردازش کند بیشتر است.',
    },
    practice: {
      en: 'Big SDPs (many codecs, WebRTC ICE candidates, several media streams), multipart bodies, long Identity headers or piles of Via and Record-Route headers. RFC 3261 18.1.1 wants requests over about 1300 bytes (or within 200 bytes of the path MTU) sent over TCP rather than UDP, so check the transport first, then trim codecs and headers; an oversized UDP message more often shows up as lost fragments and a 408.',
      fa: 'SDPهای بزرگ (کدک‌های زیاد، ICE candidateهای WebRTC، چند جریان رسانه)، بدنه‌های multipart، هدرهای Identity بلند یا انبوه هدرهای Via و Record-Route. RFC 3261 بخش 18.1.1 می‌خواهد درخواست‌های بزرگ‌تر از حدود 1300 بایت (یا نزدیک‌تر از 200 بایت به MTU مسیر) به‌جای UDP روی TCP فرستاده شوند؛ پس اول transport را بررسی کنید، بعد کدک‌ها و هدرها را کم کنید. پیام UDPِ بیش از حد بزرگ بیشتر وقت‌ها به شکل fragmentهای گم‌شده و یک 408 دیده می‌شود.',
    },
  },
  {
    code: 555,
    phrase: 'Push Notification Service Not Supported',
    status: 'registered',
    // Section not confirmed from the RFC text: cited without one.
    defined: { rfc: 8599 },
    meaning: {
      en: 'The proxy rejects the REGISTER because it does not support the push notification service named in the pn-provider parameter of the Contact, so it could not wake the device through it.',
      fa: 'proxy درخواست REGISTER را رد می‌کند، چون سرویس push notificationی را که در پارامتر pn-providerِ Contact آمده پشتیبانی نمی‌کند و از راه آن نمی‌تواند دستگاه را بیدار کند.',
    },
    practice: {
      en: 'Seen with mobile softphones that use RFC 8599 push (pn-provider=apns or fcm, with pn-prid and pn-param) against a proxy that has no connection to that service. Check the pn-provider value the app sends and the push services configured on the proxy (e.g. Flexisip for Linphone); registering without the push parameters works, but the app then misses calls while it is suspended.',
      fa: 'در softphoneهای موبایلی دیده می‌شود که push طبق RFC 8599 را به کار می‌برند (pn-provider=apns یا fcm همراه با pn-prid و pn-param) و به proxyای وصل می‌شوند که به آن سرویس دسترسی ندارد. مقدار pn-providerی را که برنامه می‌فرستد و سرویس‌های push تنظیم‌شده روی proxy (مثلاً Flexisip برای Linphone) را بررسی کنید؛ ثبت‌نام بدون پارامترهای push ممکن است، اما برنامه در حالت تعلیق تماس‌ها را از دست می‌دهد.',
    },
  },
  {
    code: 580,
    phrase: 'Precondition Failure',
    status: 'registered',
    // RFC 3312 §8 (“Refusing an offer”) introduces 580; codes.tsv gives no section.
    defined: { rfc: 3312, section: '8' },
    meaning: {
      en: 'The answerer cannot or will not meet the mandatory preconditions of the offer (such as QoS resource reservation), so the session cannot be set up.',
      fa: 'طرف پاسخ‌دهنده نمی‌تواند یا نمی‌خواهد پیش‌شرط‌های اجباری offer (مثل رزرو منابع QoS) را برآورده کند، پس جلسه برقرار نمی‌شود.',
    },
    practice: {
      en: 'An IMS/VoLTE matter: the INVITE carried Require: precondition with mandatory a=des:qos lines and the far end could not reserve resources. A PBX or trunk that does not do preconditions at all should answer 420 Bad Extension instead; if a carrier sends 580, try offering preconditions as optional (Supported: precondition) rather than required.',
      fa: 'موضوعی مربوط به IMS/VoLTE است: INVITE هدر Require: precondition و خطوط اجباری a=des:qos داشته و طرف مقابل نتوانسته منابع را رزرو کند. PBX یا trunkی که اصلاً precondition را پشتیبانی نمی‌کند باید به‌جای آن 420 Bad Extension بفرستد؛ اگر اپراتور 580 می‌فرستد، precondition را اختیاری (Supported: precondition) پیشنهاد کنید نه اجباری.',
    },
  },
  {
    code: 600,
    phrase: 'Busy Everywhere',
    status: 'registered',
    defined: { rfc: 3261, section: '21.6.1' },
    meaning: {
      en: 'The callee was reached but is busy and knows that no other endpoint (voicemail, another device) will take the call; Retry-After may suggest a better time. Unlike 486, it ends the whole search: proxies cancel the other branches and try no more destinations (RFC 3261 16.7).',
      fa: 'به مقصد دسترسی پیدا شد ولی مشغول است و می‌داند هیچ نقطه‌ی پایانی دیگری (صندوق صوتی یا دستگاه دیگر) تماس را نمی‌پذیرد؛ Retry-After ممکن است زمان بهتری پیشنهاد کند. برخلاف 486، کل جست‌وجو را تمام می‌کند: پراکسی‌ها شاخه‌های دیگر را لغو می‌کنند و مقصد دیگری را امتحان نمی‌کنند (RFC 3261 بخش 16.7).',
    },
    practice: {
      en: 'Rare: most phones and PBXs send 486 for busy. It comes from systems that know all of a user’s devices are busy (hunt groups, some carriers) or from a dialplan (FreeSWITCH respond 600 or hangup cause BUSY_EVERYWHERE). Asterisk and FreeSWITCH map it to Q.850 cause 17 (user busy). Because a 6xx stops forking, one device answering 600 keeps the other devices and voicemail from getting the call; check DND and busy settings if that is unexpected.',
      fa: 'کمیاب است: بیشتر تلفن‌ها و مرکز تلفن‌ها برای اشغال بودن 486 می‌فرستند. 600 از سامانه‌هایی می‌آید که می‌دانند همه‌ی دستگاه‌های کاربر مشغول‌اند (گروه‌های hunt، بعضی اپراتورها) یا از dialplan (respond 600 یا hangup cause برابر BUSY_EVERYWHERE در FreeSWITCH). Asterisk و FreeSWITCH آن را به cause 17 در Q.850 (کاربر مشغول) نگاشت می‌کنند. چون 6xx فورک را متوقف می‌کند، اگر یک دستگاه 600 بدهد، دستگاه‌های دیگر و صندوق صوتی هم تماس را دریافت نمی‌کنند؛ اگر این رفتار غیرمنتظره است، تنظیمات DND و busy دستگاه را بررسی کنید.',
    },
  },
  {
    code: 603,
    phrase: 'Decline',
    status: 'registered',
    defined: { rfc: 3261, section: '21.6.2' },
    variants: [
      { phrase: 'Declined', source: 'Asterisk chan_sip (unanswered call hung up without a cause mapping)' },
      { phrase: 'Denied', source: 'Asterisk chan_sip (REGISTER refused by contact ACL)' },
      { phrase: 'Network Blocked', source: 'ATIS-1000099 ‘603+’ call-blocking notification (US carriers)' },
    ],
    meaning: {
      en: 'The callee’s device was reached but the user explicitly does not want to, or cannot, take part, and no other endpoint will answer; Retry-After may give a better time. As a 6xx it ends the search: proxies cancel the other forked branches.',
      fa: 'به دستگاه مقصد دسترسی پیدا شد ولی کاربر صراحتاً نمی‌خواهد یا نمی‌تواند در تماس شرکت کند و هیچ نقطه‌ی پایانی دیگری هم پاسخ نمی‌دهد؛ Retry-After ممکن است زمان بهتری بگوید. چون از دسته‌ی 6xx است جست‌وجو را تمام می‌کند و پراکسی‌ها شاخه‌های فورک‌شده‌ی دیگر را لغو می‌کنند.',
    },
    practice: {
      en: 'Typical sources: the reject or DND key on phones and softphones; Asterisk chan_pjsip, which sends 603 when an unanswered incoming call is hung up without a mapped cause (e.g. Hangup() with cause 16), while chan_sip sent ‘603 Declined’; FreeSWITCH, which maps CALL_REJECTED (21) to 603. US call-blocking analytics send ‘603 Network Blocked’ (ATIS ‘603+’) with a Reason header carrying redress details; compare 607 and 608. 603 maps to Q.850 cause 21 (call rejected).',
      fa: 'منابع معمول: دکمه‌ی رد تماس یا DND در تلفن‌ها و سافت‌فون‌ها؛ chan_pjsip در Asterisk که اگر تماس ورودیِ پاسخ‌داده‌نشده بدون cause نگاشت‌شده قطع شود 603 می‌فرستد (مثلاً Hangup() با cause 16) و chan_sip که «603 Declined» می‌فرستاد؛ FreeSWITCH که CALL_REJECTED (21) را به 603 نگاشت می‌کند. سامانه‌های تحلیل و مسدودسازی تماس در آمریکا «603 Network Blocked» (همان «603+» در ATIS) را همراه با هدر Reason حاوی اطلاعات پیگیری می‌فرستند؛ با 607 و 608 مقایسه کنید. 603 به cause 21 در Q.850 (رد تماس) نگاشت می‌شود.',
    },
    methods: {
      INVITE: {
        en: 'Call rejected; do not retry elsewhere. To a re-INVITE it only refuses the change: the call continues with its old session (RFC 5057: transaction only).',
        fa: 'تماس رد شد؛ جای دیگری را امتحان نکنید. در پاسخ به re-INVITE فقط تغییر درخواستی رد می‌شود و تماس با جلسه‌ی قبلی ادامه پیدا می‌کند (RFC 5057: فقط تراکنش).',
      },
      REFER: {
        en: 'Transfer refused; the existing call is unaffected. Asterisk chan_sip used ‘603 Declined (No dialog)’ for a REFER outside a dialog and ‘603 Declined (policy)’ when transfers were disabled.',
        fa: 'انتقال تماس رد شد و تماس فعلی تحت تأثیر قرار نمی‌گیرد. chan_sip در Asterisk برای REFER بیرون از دیالوگ «603 Declined (No dialog)» و وقتی انتقال غیرفعال بود «603 Declined (policy)» می‌فرستاد.',
      },
      SUBSCRIBE: {
        en: 'Subscription refused, typically by a presence or BLF authorization policy; no NOTIFY will follow.',
        fa: 'اشتراک رد شد، معمولاً به‌دلیل سیاست مجوز presence یا BLF؛ هیچ NOTIFYی در پی آن نمی‌آید.',
      },
      REGISTER: {
        en: 'Not a normal registrar answer; Asterisk chan_sip sent ‘603 Denied’ when the device’s Contact address was blocked by contactdeny/contactpermit ACLs.',
        fa: 'پاسخ معمول رجیسترار نیست؛ chan_sip در Asterisk وقتی آدرس Contact دستگاه با ACLهای contactdeny/contactpermit مسدود می‌شد «603 Denied» می‌فرستاد.',
      },
    },
  },
  {
    code: 604,
    phrase: 'Does Not Exist Anywhere',
    status: 'registered',
    defined: { rfc: 3261, section: '21.6.3' },
    meaning: {
      en: 'The server has authoritative information that the user in the Request-URI does not exist anywhere: a definitive ‘no such user or number’, stronger than 404.',
      fa: 'سرور اطلاعات قطعی دارد که کاربرِ Request-URI در هیچ جا وجود ندارد: پاسخ قطعیِ «چنین کاربر یا شماره‌ای نیست» که از 404 محکم‌تر است.',
    },
    practice: {
      en: 'Sent by carriers and routing or number-portability databases for unallocated numbers; Asterisk and RFC 3398 map it to Q.850 cause 1 (unallocated number), FreeSWITCH to 3. RFC 8688 notes that some call-blocking services abuse 604 to make a number look dead, so if a valid number gets 604, suspect blocking (compare 607/608). First check the dialled number format (E.164, prefixes).',
      fa: 'اپراتورها و پایگاه‌های داده‌ی مسیریابی یا انتقال شماره (number portability) برای شماره‌های تخصیص‌نیافته می‌فرستند؛ Asterisk و RFC 3398 آن را به cause 1 در Q.850 (شماره‌ی تخصیص‌نیافته) و FreeSWITCH به 3 نگاشت می‌کنند. RFC 8688 یادآوری می‌کند که بعضی سرویس‌های مسدودسازی تماس از 604 سوءاستفاده می‌کنند تا شماره را از کار افتاده جلوه دهند؛ اگر شماره‌ی معتبری 604 گرفت به مسدودسازی شک کنید (با 607 و 608 مقایسه کنید). ابتدا قالب شماره‌ی گرفته‌شده را بررسی کنید (E.164 و پیشوندها).',
    },
    methods: {
      INVITE: {
        en: 'To an initial INVITE: the number or user does not exist. To a re-INVITE or any mid-dialog request it means the remote target from the Contact is gone; RFC 5057 treats it as destroying the whole dialog, so end the call.',
        fa: 'در پاسخ به INVITE اولیه: شماره یا کاربر وجود ندارد. در پاسخ به re-INVITE یا هر درخواست درون دیالوگ یعنی مقصدی که Contact معرفی کرده بود دیگر وجود ندارد؛ RFC 5057 آن را ازبین‌برنده‌ی کل دیالوگ می‌داند، پس تماس را ببندید.',
      },
    },
  },
  {
    code: 606,
    phrase: 'Not Acceptable',
    status: 'registered',
    defined: { rfc: 3261, section: '21.6.4' },
    meaning: {
      en: 'The user’s agent was reached, but some aspect of the session description (media types, codecs, bandwidth, addressing) is not acceptable and no other endpoint will accept it: the user would talk, but not with this session. A Warning header may give reasons and a body may describe supported capabilities.',
      fa: 'به عامل کاربر مقصد دسترسی پیدا شد، ولی بخشی از توصیف جلسه (نوع رسانه، کدک، پهنای باند یا آدرس‌دهی) پذیرفتنی نیست و هیچ نقطه‌ی پایانی دیگری هم آن را نمی‌پذیرد: کاربر مایل به گفت‌وگوست ولی نه با این جلسه. هدر Warning ممکن است دلیل‌ها را بگوید و بدنه‌ی پاسخ ممکن است توانایی‌های پشتیبانی‌شده را توصیف کند.',
    },
    practice: {
      en: 'Same causes as 488 (codec, SRTP/DTLS, ICE, ptime or IPv4/IPv6 mismatch) but global: proxies stop forking. Read the Warning header (warn-codes 304 Media type not available, 305 Incompatible media format, 370 Insufficient bandwidth) and compare the offer’s m= lines with the callee’s codec list. FreeSWITCH maps it to Q.850 cause 88 (incompatible destination), Asterisk to 58.',
      fa: 'همان علت‌های 488 را دارد (ناسازگاری کدک، SRTP/DTLS، ICE، ptime یا IPv4/IPv6) ولی جنبه‌ی سراسری دارد و پراکسی‌ها فورک را متوقف می‌کنند. هدر Warning را بخوانید (کدهای هشدار 304 Media type not available، 305 Incompatible media format و 370 Insufficient bandwidth) و خطوط m= پیشنهاد را با فهرست کدک‌های مقصد مقایسه کنید. FreeSWITCH آن را به cause 88 در Q.850 (مقصد ناسازگار) و Asterisk به 58 نگاشت می‌کند.',
    },
    methods: {
      INVITE: {
        en: 'To a re-INVITE, only the new offer was refused: the call keeps its previous session (RFC 5057: transaction only).',
        fa: 'در پاسخ به re-INVITE فقط پیشنهاد تازه رد شده است و تماس با جلسه‌ی قبلی ادامه پیدا می‌کند (RFC 5057: فقط تراکنش).',
      },
    },
  },
  {
    code: 607,
    phrase: 'Unwanted',
    status: 'registered',
    defined: { rfc: 8197, section: '4' },
    meaning: {
      en: 'The called user marked this call as unwanted (spam, robocall): it is rejected, and future calls from the same caller are likely to be rejected too. Networks may feed it into their call-filtering.',
      fa: 'کاربر مقصد این تماس را ناخواسته (اسپم یا تماس خودکار تبلیغاتی) علامت زده است: تماس رد شد و تماس‌های بعدی همین تماس‌گیرنده هم احتمالاً رد می‌شوند. شبکه‌ها ممکن است از آن به‌عنوان ورودی فیلتر تماس استفاده کنند.',
    },
    practice: {
      en: 'Sent by phones and softphones with a block or spam key and by user block lists on the carrier side; it can also appear as Reason: SIP;cause=607 in a BYE (user answered, then hung up and flagged the call) or in a CANCEL after forking. Check the caller number and its STIR/SHAKEN attestation, and stop automatic retries to that number. FreeSWITCH maps it to its internal cause UNWANTED, Asterisk to Q.850 127 (its default for 6xx).',
      fa: 'تلفن‌ها و سافت‌فون‌هایی که دکمه‌ی مسدودسازی یا اسپم دارند و فهرست‌های مسدودسازی کاربر در سمت اپراتور آن را می‌فرستند؛ همچنین ممکن است به شکل Reason: SIP;cause=607 در یک BYE (کاربر پاسخ داده، سپس قطع کرده و تماس را علامت زده) یا در CANCEL پس از فورک ظاهر شود. شماره‌ی تماس‌گیرنده و گواهی STIR/SHAKEN آن را بررسی کنید و تلاش‌های خودکار دوباره به آن شماره را متوقف کنید. FreeSWITCH آن را به cause داخلی UNWANTED و Asterisk به cause 127 در Q.850 (پیش‌فرض آن برای 6xx) نگاشت می‌کند.',
    },
  },
  {
    code: 608,
    phrase: 'Rejected',
    status: 'registered',
    defined: { rfc: 8688, section: '3.1' },
    meaning: {
      en: 'An intermediary, not the called user, rejected the call as unwanted, e.g. a carrier’s call-analytics or blocking service. The response should carry Call-Info with purpose=jwscard pointing to a signed jCard that tells the caller whom to contact for redress.',
      fa: 'یک واسطه، نه خود کاربر مقصد، تماس را ناخواسته تشخیص داده و رد کرده است؛ مثلاً سرویس تحلیل یا مسدودسازی تماس اپراتور. پاسخ باید هدر Call-Info با purpose=jwscard داشته باشد که به یک jCard امضاشده اشاره می‌کند و می‌گوید تماس‌گیرنده برای پیگیری و رفع مسدودی با چه کسی تماس بگیرد.',
    },
    practice: {
      en: 'Seen on carrier and SBC interconnects that run robocall analytics (STIR/SHAKEN ecosystems). If legitimate calls get 608, fetch the Call-Info URL for the operator’s redress contact and check your numbers’ reputation and attestation. UACs without Feature-Caps: *;+sip.608 may hear an announcement through a 183 before the 608 (RFC 8688 3.4); older equipment simply treats it as 600. FreeSWITCH maps it to Q.850 cause 21, Asterisk to 127.',
      fa: 'در اتصال‌های میان اپراتورها و SBCهایی دیده می‌شود که تحلیل تماس‌های خودکار را اجرا می‌کنند (اکوسیستم STIR/SHAKEN). اگر تماس‌های مشروع شما 608 می‌گیرند، آدرس Call-Info را باز کنید تا راه تماس با اپراتور برای پیگیری را پیدا کنید و اعتبار و گواهی (attestation) شماره‌هایتان را بررسی کنید. UACهایی که Feature-Caps: *;+sip.608 ندارند ممکن است پیش از 608 از طریق یک 183 اعلان صوتی بشنوند (RFC 8688 بخش 3.4)؛ تجهیزات قدیمی‌تر آن را فقط مانند 600 در نظر می‌گیرند. FreeSWITCH آن را به cause 21 در Q.850 و Asterisk به 127 نگاشت می‌کند.',
    },
  },
  {
    code: 687,
    phrase: 'Dialog Terminated',
    status: 'product-specific',
    // No RFC: sofia-sip status table entry; cite the rule receivers apply to an unknown 6xx.
    defined: { rfc: 3261, section: '8.1.3.2' },
    meaning: {
      en: 'A status the sofia-sip library defines for a dialog that has been terminated (SIP_687_DIALOG_TERMINATED). Received on the wire it is an unknown 6xx and is handled as 600 Busy Everywhere.',
      fa: 'وضعیتی که کتابخانه‌ی sofia-sip برای دیالوگِ خاتمه‌یافته تعریف کرده است (SIP_687_DIALOG_TERMINATED). اگر روی سیم دریافت شود، یک 6xx ناشناخته است و مانند 600 Busy Everywhere پردازش می‌شود.',
    },
    practice: {
      en: 'sofia-sip only ships the code and phrase (sip_status.c); neither current sofia-sip nor FreeSWITCH sends it by itself, so a 687 in a trace comes from an application built on sofia-sip that chose this status. Read it as the far end ending the dialog and check that application’s logs. Do not confuse it with FreeSWITCH debug lines such as ‘event i_state 200 Session Terminated’.',
      fa: 'sofia-sip فقط کد و عبارت آن را در خود دارد (sip_status.c)؛ نه sofia-sip فعلی و نه FreeSWITCH خودشان آن را نمی‌فرستند، پس 687 در یک ضبط از برنامه‌ای می‌آید که روی sofia-sip ساخته شده و این وضعیت را انتخاب کرده است. آن را به معنای پایان دادن دیالوگ از سوی طرف مقابل بخوانید و لاگ همان برنامه را بررسی کنید. آن را با خطوط دیباگ FreeSWITCH مانند «event i_state 200 Session Terminated» اشتباه نگیرید.',
    },
    statusNote: {
      en: 'sofia-sip-specific (the SIP stack inside FreeSWITCH); no RFC and no IANA entry. A standard receiver treats it as 600 (RFC 3261 8.1.3.2), which also makes proxies stop forking.',
      fa: 'مختص sofia-sip (پشته‌ی SIP درون FreeSWITCH) است؛ نه RFCی دارد و نه در IANA ثبت شده. گیرنده‌ی استاندارد آن را مانند 600 پردازش می‌کند (RFC 3261 بخش 8.1.3.2) و همین باعث می‌شود پراکسی‌ها فورک را هم متوقف کنند.',
    },
  },
  {
    code: 701,
    phrase: 'No response from destination server',
    status: 'product-specific',
    // Out of range: RFC 3261 7.2 allows only six classes (1xx-6xx).
    defined: { rfc: 3261, section: '7.2' },
    meaning: {
      en: 'Old pjsip local status for a client transaction that timed out without any response. Not a SIP status: codes stop at 699.',
      fa: 'وضعیت محلی قدیمی در pjsip برای تراکنش کلاینتی که بدون هیچ پاسخی به پایان مهلت رسیده است. کد وضعیت SIP نیست، چون کدها تا 699 بیشتر نیستند.',
    },
    practice: {
      en: 'Only in logs or UIs of applications on very old pjsip (before October 2006, when PJSIP_SC_TSX_TIMEOUT became 408) or of apps that print pjsip_get_status_text(701). Modern pjsip reports the same event as 408 Request Timeout: check that the destination is reachable, firewall and NAT, and the transport (UDP or TCP).',
      fa: 'فقط در لاگ یا رابط کاربری برنامه‌هایی دیده می‌شود که روی pjsipِ خیلی قدیمی ساخته شده‌اند (پیش از اکتبر 2006 که PJSIP_SC_TSX_TIMEOUT به 408 تغییر کرد) یا متن pjsip_get_status_text(701) را چاپ می‌کنند. pjsip امروزی همین رویداد را با 408 Request Timeout گزارش می‌کند: در دسترس بودن مقصد، فایروال و NAT و نوع transport (UDP یا TCP) را بررسی کنید.',
    },
    statusNote: {
      en: 'pjsip-internal and outside the 100-699 range that RFC 3261 7.2 allows, so it is never valid on the wire. The phrase survives in pjsip’s status table.',
      fa: 'داخلی pjsip است و بیرون از بازه‌ی 100 تا 699 که RFC 3261 در بخش 7.2 مجاز می‌داند، پس هرگز روی سیم معتبر نیست. عبارت آن هنوز در جدول وضعیت‌های pjsip باقی مانده است.',
    },
  },
  {
    code: 702,
    phrase: 'Unable to resolve destination server',
    status: 'product-specific',
    // Out of range: RFC 3261 7.2 allows only six classes (1xx-6xx).
    defined: { rfc: 3261, section: '7.2' },
    meaning: {
      en: 'pjsip local status for a DNS resolution failure of the destination server. Not a SIP status: codes stop at 699.',
      fa: 'وضعیت محلی pjsip برای شکست resolve کردن DNS سرور مقصد. کد وضعیت SIP نیست، چون کدها تا 699 بیشتر نیستند.',
    },
    practice: {
      en: 'The enum value (PJSIP_SC_TSX_RESOLVE_ERROR) has been commented out in pjsip since 2006; today a resolver failure ends the transaction as a transport error (503) carrying the resolver’s error text, and 702 survives only in the phrase table and in old logs. Check DNS (NAPTR/SRV/A) for the SIP domain or proxy configured in the account.',
      fa: 'مقدار enum آن (PJSIP_SC_TSX_RESOLVE_ERROR) از سال 2006 در pjsip غیرفعال (comment) شده است؛ امروز شکست resolver تراکنش را به‌صورت خطای transport (503) همراه با متن خطای resolver خاتمه می‌دهد و 702 فقط در جدول عبارت‌ها و لاگ‌های قدیمی باقی مانده است. DNS (NAPTR/SRV/A) دامنه‌ی SIP یا پراکسی تنظیم‌شده در حساب را بررسی کنید.',
    },
    statusNote: {
      en: 'pjsip-internal and outside the 100-699 range that RFC 3261 7.2 allows, so it is never valid on the wire.',
      fa: 'داخلی pjsip است و بیرون از بازه‌ی 100 تا 699 که RFC 3261 در بخش 7.2 مجاز می‌داند، پس هرگز روی سیم معتبر نیست.',
    },
  },
  {
    code: 703,
    phrase: 'Error sending message to destination server',
    status: 'product-specific',
    // Out of range: RFC 3261 7.2 allows only six classes (1xx-6xx).
    defined: { rfc: 3261, section: '7.2' },
    meaning: {
      en: 'Old pjsip local status for a transport error while sending a request (socket or connection failure). Not a SIP status: codes stop at 699.',
      fa: 'وضعیت محلی قدیمی pjsip برای خطای transport هنگام فرستادن درخواست (خرابی سوکت یا اتصال). کد وضعیت SIP نیست، چون کدها تا 699 بیشتر نیستند.',
    },
    practice: {
      en: 'Since October 2006 pjsip reports this as PJSIP_SC_TSX_TRANSPORT_ERROR = 503 with the socket error as text; 703 appears only in old pjsip-based applications. Check the transport: TCP/TLS connection refused, TLS certificate errors, no route to the server, or a UDP packet too large for the path.',
      fa: 'از اکتبر 2006، pjsip این وضعیت را با PJSIP_SC_TSX_TRANSPORT_ERROR یعنی 503 و متن خطای سوکت گزارش می‌کند و 703 فقط در برنامه‌های قدیمیِ مبتنی بر pjsip دیده می‌شود. transport را بررسی کنید: رد شدن اتصال TCP/TLS، خطای گواهی TLS، نبود مسیر تا سرور، یا بسته‌ی UDP بزرگ‌تر از ظرفیت مسیر.',
    },
    statusNote: {
      en: 'pjsip-internal and outside the 100-699 range that RFC 3261 7.2 allows, so it is never valid on the wire. The phrase survives in pjsip’s status table.',
      fa: 'داخلی pjsip است و بیرون از بازه‌ی 100 تا 699 که RFC 3261 در بخش 7.2 مجاز می‌داند، پس هرگز روی سیم معتبر نیست. عبارت آن هنوز در جدول وضعیت‌های pjsip باقی مانده است.',
    },
  },
];
