// Lines mail apps add below what a person wrote ("Sent from my iPhone", "Obtenir Outlook pour Android",
// "Sent with Proton Mail secure email."), in the languages the apps ship. One registry: a forward's note
// drops these lines (forward/note.ts) and a reply's new text ends at one (reply.ts).

/** Longest line read as a client's own line; real ones are under 80 characters, a link included. */
const MAX_CLIENT_SIGNATURE_CHARS = 160;

/** The device or app every such line names. Each is also a cheap check: a line without one cannot match. */
const DEVICES = [
  "phone", "ipad", "tablet", "android", "galaxy", "samsung", "outlook", "mail", "windows", "blackberry", "huawei",
  "xiaomi", "mobil",
  // Czech declines the name ("Odesláno z iPhonu"); Yandex's and Mail.ru's apps name themselves in Russian:
  // "Отправлено из мобильной Яндекс Почты", "Отправлено из Почты Mail.ru"
  "iphon", "яндекс", "почт",
];

/** A word in a client's line: no white space and no punctuation a sentence would have, but a dot inside a name ("Mail.ru"). */
const WORD = String.raw`(?:[^\s.,;:!?]|\.(?=[^\s.,;:!?]))`;
/**
 * The device slot: up to three words before the name ("my", "mon appareil Galaxy", "Yahoo Mail", "mi teléfono
 * Huawei"), the name inside a word ("iPhone", "iPhonesta", "iPhone'a", "smartphone") and up to four words
 * after ("for iOS", "Galaxy smartphone", "secure email").
 */
const D = String.raw`(?:${WORD}+ ){0,3}?${WORD}*?(?:${DEVICES.join("|")})${WORD}*(?: ${WORD}+){0,4}?`;

/**
 * How the lines start, read from the apps' own strings (iOS and macOS Mail, Outlook for iOS and Android,
 * Samsung Email, Yahoo Mail, Mail for Windows, Proton Mail): "Sent from my iPhone", "Envoyé depuis mon
 * appareil Galaxy", "Lähetetty iPhonesta", "Sent with Proton Mail secure email."
 */
const SENT_FROM = [
  "sent from", "sent with", "sent using", "sent via", // en
  "sendt fra", "sendt med", "hentet fra", // da, no
  "skickat från", "skickat med", // sv
  "gesendet von", "gesendet mit", // de
  "envoyé de", "envoyé depuis", "envoyé avec", "envoyé à partir de", // fr
  "enviado desde", "enviado con", "enviado do", "enviado de", "enviado a partir do", // es, pt
  "inviato da", "inviato dal", "inviato con", // it
  "verstuurd vanaf", "verstuurd met", "verstuurd via", "verzonden vanaf", "verzonden met", "verzonden via", // nl
  "wysłane z", "wysłane ze", "wysłane przy użyciu", "wysłano z", // pl
  "lähetetty", // fi
  "odesláno z", "odoslané z", "отправлено с", "отправлено из", "надіслано з", "gửi từ", // cs, sk, ru, uk, vi
  "στάλθηκε από", // el
];
/**
 * Lines that join the app's name to the words without a space, or put the verb after it: "发自我的iPhone",
 * "從我的 iPhone 傳送", "נשלח מה-iPhone שלי", "أُرسلت من الـ iPhone", "iPhoneから送信", "iPhone에서 보냄",
 * "iPhone'umdan gönderildi" (zh, zh-TW, he, ar, ja, ko, tr).
 */
const GLUED_BEFORE = ["发自我的", "從我的", "נשלח מה-", "נשלח מ-", "أُرسلت من الـ", "أرسلت من الـ", "أُرسلت من", "أرسلت من"];
const AFTER = ["から送信", "에서 보냄", "傳送", "gönderildi"];
/** Outlook's download line: "Get Outlook for iOS", "Hent Outlook til Android", "Obter o Outlook para Android". */
const GET = [
  "get", "hent", "få", "skaffa", "hämta", "obtenir", "télécharger", "obtener", "descargar", "obter", "baixar",
  "scarica", "ottieni", "download", "pobierz", "hanki", "получить", "отримати", "získat", "získajte", "λήψη του",
];
const FOR = ["for", "til", "för", "für", "pour", "para", "per", "voor", "dla", "для", "pro", "για"];

/**
 * Matched against the lower-cased line, so without flags: a regex without i or u compiles cheaply in a fresh
 * isolate, and toLowerCase() folds what Unicode case-insensitive matching would ("OutlooK" with a Kelvin sign).
 */
const CLIENT_SIGNATURE = new RegExp(
  String.raw`^(?:(?:${SENT_FROM.join("|")}) ${D}` +
    // German puts the verb last: "Von meinem iPhone gesendet", "Von Outlook für iOS gesendet".
    String.raw`|von ${D} gesendet` +
    String.raw`|(?:${GLUED_BEFORE.join("|")}) ?${D}(?: ?傳送)?` +
    String.raw`|${D} ?(?:${AFTER.join("|")})` +
    String.raw`|(?:${GET.join("|")}) (?:o )?outlook (?:${FOR.join("|")}) (?:ios|android))[.!]?$`,
);

/** Links a client prints with its name: "Outlook for iOS<https://aka.ms/o0ukef>", "[Proton Mail](https://proton.me/)". */
const LINK_DECORATION = /<https?:[^>\s]*>|\(https?:[^)\s]*\)|[[\]]/g;

/** Whether a line is one a mail app added on its own (white space around it is ignored). */
export function isClientSignature(line: string): boolean {
  if (line.length > MAX_CLIENT_SIGNATURE_CHARS) return false;
  const lower = line.toLowerCase();
  if (!DEVICES.some((name) => lower.includes(name))) return false;
  const bare = lower.replace(LINK_DECORATION, "").replace(/\s+/g, " ").trim();
  return CLIENT_SIGNATURE.test(bare);
}
