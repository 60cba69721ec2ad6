// Sign-off words, per language, in one registry: reply.ts cuts a signature at one (SIGN_OFF: the word, then at
// most a short name), intent.ts drops one closing what a person wrote (SIGN_OFF_LINE: the word alone on its
// line, with the thanks that close a mail as well). Each reader builds its regex once, at module load.

/**
 * Words a signature starts with, alone on their line or followed by a short name ("Mvh Anna"), per language, as
 * regex sources (matched case-insensitively).
 */
export const SIGN_OFF_WORDS = [
  // da, no
  "med venlig hilsen", "med venlige hilsner", "venlig hilsen", "venlige hilsner", "de bedste hilsner", "bedste hilsner",
  "mange hilsner", "kærlig hilsen", "hilsen", "mvh\\.?", "vh\\.?", "med vennlig hilsen", "vennlig hilsen",
  // en
  "best regards", "kind regards", "warm regards", "warmest regards", "with best regards", "regards", "best wishes",
  "all the best", "cheers", "sincerely", "yours sincerely", "yours truly", "best,",
  // de
  "mit freundlichen grüßen", "viele grüße", "liebe grüße", "beste grüße", "herzliche grüße", "lg", "vg",
  // fr
  "cordialement", "bien cordialement", "bien à vous", "amicalement",
  // nl
  "met vriendelijke groet(?:en)?", "vriendelijke groet(?:en)?", "hartelijke groet(?:en)?", "groet(?:en)?",
  // it
  "cordiali saluti", "distinti saluti", "un saluto", "un caro saluto", "saluti",
  // es
  "un saludo", "saludos cordiales", "saludos", "atentamente", "un abrazo",
  // pt
  "atenciosamente", "cumprimentos", "melhores cumprimentos", "um abraço", "abraços",
  // pl
  "pozdrawiam", "z poważaniem", "pozdrowienia", "serdecznie pozdrawiam",
  // sv
  "med vänliga hälsningar", "vänliga hälsningar", "bästa hälsningar", "hälsningar",
  // fi
  "ystävällisin terveisin", "terveisin",
  // ru, uk
  "с уважением", "всего доброго", "с наилучшими пожеланиями", "з повагою", "з найкращими побажаннями",
  // vi
  "trân trọng", "thân ái", "thân mến",
  // cs, sk
  "s pozdravem", "s přátelským pozdravem", "se srdečným pozdravem", "zdravím", "s pozdravom",
  // pl (beyond the above)
  "z wyrazami szacunku",
  // hu
  "üdvözlettel", "üdv", "tisztelettel", "baráti üdvözlettel",
  // tr: "İ" has no simple lower case, so it is spelled out
  "saygılarımla", "[iİ]yi çalışmalar", "sevgiler", "selamlar",
  // el
  "φιλικά", "με εκτίμηση", "με φιλικούς χαιρετισμούς", "χαιρετισμούς",
  // he, ar
  "בברכה", "בברכה רבה", "مع أطيب التحيات", "مع خالص التحيات", "مع التحية", "تحياتي",
  // ja: "よろしくお願いします" closes a Japanese mail as "Best regards" does
  "よろしくお願いします", "よろしくお願いいたします", "よろしくお願い致します", "宜しくお願いします", "宜しくお願い致します",
  // zh
  "此致", "此致敬礼", "祝好", "敬祝 ?商祺", "顺祝商祺", "順祝 ?商祺", "顺颂商祺", "順頌 ?商祺",
];

/**
 * Words signed after the name, alone on its line with it ("김민준 드림": from Kim Minjun, Korean): the line is a
 * signature start as a sign-off line is.
 */
export const SIGNED_AFTER_NAME = ["드림", "올림"];

/**
 * Thanks that close a mail, above the name ("Thanks," "Tak," "Grazie e buona giornata"): a sign-off to intent.ts,
 * which reads them as no thank-you, but no signature start to reply.ts ("Thanks Anna" may be the whole reply).
 */
export const CLOSING_THANKS = [
  // en
  "thanks", "thank you", "many thanks", "thanks again", "thanks so much", "thx", "best",
  // da, sv, no
  "tak", "mange tak", "tusind tak", "på forhånd tak", "tack", "tusen tack", "takk", "tusen takk",
  // es, de
  "gracias", "muchas gracias", "danke", "vielen dank",
  // it
  "grazie", "grazie mille", "grazie e buona giornata", "grazie e a presto", "grazie in anticipo",
  // fr
  "merci", "merci beaucoup", "merci d'avance",
  // pt, pl, fi
  "obrigad[oa]", "muito obrigad[oa]", "dziękuję", "kiitos",
  // ru, uk, cs, hu, tr, el, he, ar, ja, zh, ko, vi
  "спасибо", "дякую", "děkuji", "köszönöm", "teşekkürler", "teşekkür ederim", "ευχαριστώ", "תודה", "شكرا", "شكراً",
  "ありがとうございます", "谢谢", "謝謝", "감사합니다", "고맙습니다", "cảm ơn",
];

/**
 * Words of a legal disclaimer below a signature, in the languages of SIGN_OFF_WORDS: confidentiality, and the
 * recipient it was not meant for ("Diese E-Mail enthält vertrauliche …", "Denne e-mail kan indeholde fortrolige …");
 * and the footer that asks to spare the paper ("Please consider the environment before printing this email",
 * "Antes de imprimir este correo electrónico, piense si es necesario hacerlo").
 */
/** Paragraphs a disclaimer may run to (several languages one after the other, a company register line). */
export const MAX_DISCLAIMER_PARAGRAPHS = 4;
export const DISCLAIMER =
  /confidential|privileged|intended recipient|vertraulich|adressat|fortrolig|tiltænkt|konfidentiel|sekretess|konfidensiell|confidentiel|destinataire|confidencial|destinatario|riservat|vertrouwelijk|geadresseerde|poufn|luottamuksellinen|before printing|before you print|antes de imprimir|avant d'imprimer|prima di stampare|bevor sie (?:diese|die) e-?mail ausdrucken|vor dem ausdrucken|før du printer|innan du skriver ut|voordat u (?:deze )?e-?mail print/i;
