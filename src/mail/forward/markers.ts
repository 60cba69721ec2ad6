// The lines that open a forwarded block, per client and language, and the header labels inside it.
// email-forward-parser knows many of these; the ones here are those it misses or where we need to know
// which client wrote them.

/**
 * How much a separator says on its own. "strong" words say "forwarded". "weak" ones (Outlook's
 * "Original Message" and rule line, a bare header block) open quoted replies just as well, so they only
 * count when the subject says forward.
 */
export type MarkerStrength = "strong" | "weak";

export interface SeparatorMatch {
  format: string;
  strength: MarkerStrength;
  /** Text on the separator's line after the separator itself (Yahoo runs the headers on). */
  trailing: string;
  /** True when the words are not known to say "forwarded": only a header block with a sender below confirms it. */
  needsFrom: boolean;
}

const DASHED_FORWARD =
  /^(-{2,}|={2,})[ \t]*(?:forwarded message|videresendt meddelelse|videresendt besked|videresendt e-?mail)[ \t]*(?:-{2,}|={2,})/i;
/** Apple Mail's "Begin forwarded message:", in the languages macOS and iOS ship. */
const APPLE_FORWARD = new RegExp(
  `^(?:${[
    "begin forwarded message", "start på videresendt besked", "videresendt besked", "anfang der weitergeleiteten nachricht",
    "anfang der weitergeleiteten e-mail",
    "inicio del mensaje reenviado", "début du message réexpédié", "inizio messaggio inoltrato", "begin doorgestuurd bericht",
    "vidarebefordrat mejl", "videresendt melding", "välitetty viesti alkaa", "początek przekazywanej wiadomości",
    "início da mensagem reencaminhada", "início da mensagem encaminhada", "začátek přeposílané zprávy",
    "začiatok preposlanej správy", "započni proslijeđenu poruku", "továbbított levél kezdete",
    "începe mesajul redirecționat", "i̇leti başlangıcı", "ileti başlangıcı", "начало переадресованного сообщения",
    "початок листа, що пересилається", "転送されたメッセージ",
  ].join("|")})[ \\t]*[:：][ \\t]*$`,
  "iu",
);
const MAILMATE_FORWARD = /^forwarded message[ \t]*:[ \t]*$/i;
/**
 * Gmail, Thunderbird and Yahoo write their separator in the reader's language ("---------- Mensaje
 * reenviado ---------", "-------- Přeposlaná zpráva --------", "--- Treść przekazanej wiadomości ---");
 * Zoho writes it between runs of "=" ("============ Forwarded message ============").
 */
const DASHED_ANY = /^(-{3,}|={3,})[ \t]*([^-=\s][^:<>@]{1,60}?)[ \t]*(?:-{3,}|={3,})[ \t]*$/u;
const ORIGINAL_MESSAGE =
  /^-{2,}[ \t]*(?:original message|oprindelig meddelelse|oprindelig besked|originalmeddelelse)[ \t]*-{2,}[ \t]*$/i;
/** The line some clients put below the forwarded mail (Yandex, Apple Mail's old English one). */
const FORWARD_END = /^(?:-{3,}|={3,})[ \t]*(?:конец пересылаемого сообщения|end of forwarded message)[ \t]*(?:-{3,}|={3,})$/iu;

/** Whether a line (trimmed, quote marks removed) closes a forwarded mail. */
export function isForwardEnd(line: string): boolean {
  return FORWARD_END.test(line);
}

/** Outlook prints 32 underscores; fewer survive some text renderings. */
const RULE_LINE = /^_{20,}[ \t]*$/;

/** Gmail writes ten dashes, Thunderbird eight, Yahoo five; Zoho writes "=" signs. */
function dashedFormat(run: string): string {
  const dashes = run.length;
  if (run.startsWith("=")) return "zoho";
  if (dashes >= 9) return "gmail";
  if (dashes >= 7) return "thunderbird";
  return "yahoo";
}

/** Matches a line (quote marks already removed) against the known forward separators. */
export function matchSeparator(line: string): SeparatorMatch | null {
  const dashed = DASHED_FORWARD.exec(line);
  if (dashed) {
    const trailing = line.slice(dashed[0].length).trim();
    return { format: dashedFormat(dashed[1]), strength: "strong", trailing, needsFrom: false };
  }
  if (APPLE_FORWARD.test(line)) return { format: "apple", strength: "strong", trailing: "", needsFrom: false };
  if (MAILMATE_FORWARD.test(line)) return { format: "generic", strength: "strong", trailing: "", needsFrom: false };
  if (ORIGINAL_MESSAGE.test(line) || RULE_LINE.test(line)) return { format: "outlook", strength: "weak", trailing: "", needsFrom: false };
  const other = DASHED_ANY.exec(line);
  if (other) return { format: dashedFormat(other[1]), strength: "strong", trailing: "", needsFrom: true };
  return null;
}

export type HeaderField = "from" | "date" | "to" | "cc" | "bcc" | "subject" | "replyTo" | "other";

/**
 * The labels clients print in a forwarded or quoted header block, per field, in the locales Gmail, Outlook,
 * Apple Mail, Thunderbird and Yahoo ship (read from their output). One registry: forward.ts reads blocks
 * with it and reply.ts finds quote boundaries with it.
 */
export const HEADER_LABELS: Record<Exclude<HeaderField, "other">, string[]> = {
  from: [
    "from", "fra", "von", "de", "de la", "da", "van", "från", "od", "lähettäjä", "feladó", "kimden", "gönderen",
    "šalje", "expeditorul", "expeditor", "mittente", "nadawca", "saatja", "remitente", "afzender", "avsändare",
    "от", "від", "від кого", "отправитель", "差出人", "发件人", "寄件者", "보낸 사람",
    // Mail.ru "От кого:", Greek, Hebrew, Arabic, Vietnamese, Gmail's Korean "보낸사람:", Foxmail's "发件人："
    "от кого", "από", "מאת", "من", "từ", "보낸사람", "寄件人",
    // Roundcube (Simply, One.com and many hosts' webmail): "Afsender:", "Absender:", "Avsändare:"
    "afsender", "avsender", "absender", "avsändare", "expéditeur",
  ],
  date: [
    "date", "sent", "dato", "sendt", "datum", "data", "dată", "fecha", "enviado", "enviada", "enviado el", "gesendet", "envoyé",
    "verzonden", "skickat", "wysłano", "wysłane", "päivämäärä", "päiväys", "lähetetty", "dátum", "tarih", "gönderildi",
    "odesláno", "odoslané", "poslano", "elküldve", "inviato", "trimis", "kuupäev", "saadetud",
    "дата", "отправлено", "надіслано", "日付", "日期", "送信日時", "发送时间", "날짜",
    // Greek (Outlook "Στάλθηκε", Thunderbird "Ημερομηνία"), Hebrew, Arabic, Vietnamese, Korean and Taiwanese Outlook
    "στάλθηκε", "ημερομηνία", "נשלח", "תאריך", "تم الإرسال", "التاريخ", "đã gửi", "보낸 날짜", "寄件日期", "傳送時間", "送信日",
  ],
  to: [
    "to", "til", "an", "à", "a", "pour", "aan", "till", "do", "para", "komu", "kime", "címzett", "vastaanottaja",
    "prima", "pre", "către", "destinatarul", "adresat", "saaja", "кому", "宛先", "收件人", "받는 사람",
    "προς", "אל", "إلى", "đến", "收件者", "받는사람",
    // Roundcube: "Modtager:", "Empfänger:", "Mottagare:"
    "modtager", "modtagere", "mottaker", "mottakere", "mottagare", "empfänger", "destinataire", "destinataires",
  ],
  cc: [
    "cc", "kopi", "kopie", "kopie (cc)", "kopia", "kópia", "kopio", "másolat", "másolatot kap", "bilgi", "dw",
    "copie à", "copia", "cópia", "koopia", "копия", "копія", "抄送", "참조", "κοιν", "עותק", "نسخة", "副本",
  ],
  bcc: ["bcc"],
  subject: [
    "subject", "emne", "betreff", "objet", "sujet", "asunto", "assunto", "oggetto", "onderwerp", "ämne", "temat",
    "předmět", "predmet", "aihe", "tárgy", "konu", "subiect", "subiectul", "naslov", "teema", "тема", "件名",
    "主题", "主旨", "제목", "θέμα", "נושא", "الموضوع", "chủ đề",
  ],
  replyTo: ["reply-to", "svar til", "antwort an", "répondre à", "responder a", "rispondi a", "antwoord aan"],
};

/** Lines Outlook adds to a block that are none of the fields above. */
const OTHER_LABELS = ["importance", "prioritet", "vigtighed", "attachments", "vedhæftede filer", "wichtigkeit", "anlagen", "pièces jointes"];

const LABELS: Record<string, HeaderField> = Object.fromEntries([
  ...Object.entries(HEADER_LABELS).flatMap(([field, words]) => words.map((w) => [w, field])),
  ...OTHER_LABELS.map((w) => [w, "other"]),
]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The labels of some fields as one regex alternation, longest first ("de la" before "de"). */
export function labelAlternation(fields: HeaderField[]): string {
  return Object.entries(LABELS)
    .filter(([, f]) => fields.includes(f))
    .map(([w]) => w)
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");
}

/**
 * A header line in a forwarded block: the label, a colon, then the value (Thunderbird puts a tab before
 * it). Gmail and Outlook render <b> as *…* in plain text, so a label may come as "*From:*" or "*From: *",
 * and a bold name as "*Anna Holm*".
 */
const LABEL_LINE = new RegExp(
  `^(\\*{1,2})?(${labelAlternation(["from", "date", "to", "cc", "bcc", "subject", "replyTo", "other"])})[ \\t]?[:：](.*)$`,
  "iu",
);

export interface HeaderLine {
  field: HeaderField;
  value: string;
}

export function matchHeaderLine(line: string): HeaderLine | null {
  const m = LABEL_LINE.exec(line);
  if (!m) return null;
  // A star right after the colon closes a bold label; without a bold label it opens a bold value.
  const rest = m[1] ? m[3].replace(/^[ \t]*\*{1,2}/, "") : m[3];
  const field = LABELS[m[2].toLowerCase()];
  // Only mailbox values are unbolded: a subject may well hold a literal "*".
  const mailbox = field === "from" || field === "to" || field === "cc" || field === "bcc" || field === "replyTo";
  return { field, value: (mailbox ? unbold(rest) : rest).trim() };
}

/**
 * GMX and WEB.DE print the date above the From line ("Gesendet: Montag, 03. Februar 2025 um 09:12 Uhr" / "Von: …"),
 * so a header block may start at a date line. The one place both readers (forward.ts, reply.ts) ask: the date's
 * value when `line` is a date header line and `next` a From header line (each trimmed, unquoted), else null.
 */
export function dateAboveFrom(line: string, next: string): string | null {
  const date = matchHeaderLine(line);
  if (date?.field !== "date") return null;
  return matchHeaderLine(next)?.field === "from" ? date.value : null;
}

export function unbold(value: string): string {
  return value.replace(/\*{1,2}([^*\n]+?)\*{1,2}/g, "$1");
}
