// The ingest benchmark's mail, generated here so no large file is committed. Each class is what an owner
// really sends or forwards to the assistant, shaped as the named client writes it: Gmail's
// multipart/alternative with blockquotes, Outlook's "From:/Sent:" blocks and ISO-8859-1 quoted-printable,
// Apple Mail's "Begin forwarded message:", Thunderbird's message/rfc822 attachments, and attachments up to
// Cloudflare Email Routing's 25 MiB limit.
import {
  base64Lines,
  concatBytes,
  crlf,
  latin1Bytes,
  pick,
  quotedPrintable,
  randomBytes,
  seededRandom,
  utf8Bytes,
} from "./encode";

export const MAIL_CLASSES = [
  "one-line note",
  "ordinary reply",
  "long thread (~100 KB quoted)",
  "HTML newsletter (forwarded)",
  "Danish ISO-8859-1",
  "forward, inline",
  "forward, message/rfc822",
  "attachment 10 MiB",
  "attachment 18 MiB",
  "attachment 25 MiB",
] as const;
export type MailClass = (typeof MAIL_CLASSES)[number];

export interface BenchMail {
  cls: MailClass;
  /** client and shape, e.g. "gmail-reply-en" */
  name: string;
  raw: Uint8Array;
  /** Huge mails are run fewer times. */
  huge: boolean;
}

/** Cloudflare Email Routing accepts mail up to 25 MiB; the largest mail sits just under it. */
const EMAIL_ROUTING_MAX_BYTES = 25 * 1024 * 1024;
const MiB = 1024 * 1024;
const KB = 1000;

const OWNER = "Owner Olsen <owner@example.com>";
const ASSISTANT = "gensidig@example.com";

const EN_WORDS = (
  "the a our your next week proposal budget customer meeting draft numbers board pilot launch partner " +
  "timeline feedback deck slides invoice contract workshop results team market pricing onboarding plan " +
  "quarter review call agenda notes follow-up product roadmap hiring sales design research sprint scope " +
  "we will could should would can think agree send share check update prepare discuss confirm expect"
).split(" ");
const DA_WORDS = (
  "vi du jeg det en et og at på til med for om af som har kan vil skal mødet tilbud budget kunde " +
  "forslag bestyrelsen næste uge workshop tal aftale udkast plan kvartal opfølgning priser holdet " +
  "markedet lancering samarbejde faktura kontrakt sælge møde snakke høre sende dele tjekke forberede"
).split(" ");

function sentence(random: () => number, words: readonly string[], end = "."): string {
  const n = 6 + Math.floor(random() * 12);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(random, words));
  const text = out.join(" ");
  return text[0].toUpperCase() + text.slice(1) + end;
}

function paragraph(random: () => number, lang: "en" | "da", sentences: number): string {
  const words = lang === "en" ? EN_WORDS : DA_WORDS;
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(random, words, random() < 0.15 ? "?" : "."));
  return out.join(" ");
}

/** Plain-text mail is wrapped at 72 columns, as mail clients do (RFC 5322 §2.1.1 recommends 78). */
function wrap(text: string, width = 72): string {
  const lines: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines.join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function htmlParagraphs(text: string): string {
  return text
    .split("\n\n")
    .map((p) => `<div>${escapeHtml(p).replace(/\n/g, "<br>")}</div><div><br></div>`)
    .join("\n");
}

function quote(text: string): string {
  return text
    .split("\n")
    .map((l) => (l.startsWith(">") ? `>${l}` : l ? `> ${l}` : ">"))
    .join("\n");
}

function utf8Mail(text: string): Uint8Array {
  return utf8Bytes(crlf(text));
}

function gmailAlternative(boundary: string, text: string, html: string): string {
  return `Content-Type: multipart/alternative; boundary="${boundary}"

--${boundary}
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(text, "utf-8")}

--${boundary}
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(html, "utf-8")}

--${boundary}--
`;
}

function oneLineNotes(): BenchMail[] {
  const gmailText = "Great to meet you at Founders Friday, Anna. Let's talk again in January.";
  const gmail = `MIME-Version: 1.0
Date: Tue, 3 Nov 2026 09:14:22 +0100
Message-ID: <CAK7pQ3vBn01note@mail.gmail.com>
Subject: Founders Friday
From: ${OWNER}
To: Anna Holm <anna.holm@designbureau.dk>
${gmailAlternative("000000000000note0001", gmailText, `<div dir="ltr">${gmailText}</div>`)}`;
  const apple = `Content-Type: text/plain; charset=us-ascii
Content-Transfer-Encoding: 7bit
From: ${OWNER}
Mime-Version: 1.0 (1.0)
Date: Wed, 4 Nov 2026 17:02:41 +0100
Subject: Intro
Message-Id: <5E1C6B2A-6F43-4C2D-9D0E-note0002@example.com>
To: Tom Becker <tom.becker@northwind.co.uk>
X-Mailer: iPhone Mail (22B91)

Thanks for the intro to Sarah - I owe you one!

Sent from my iPhone
`;
  const outlookText = "Tak for i går - vi ses på tirsdag kl. 10.\n\nMed venlig hilsen\nOwner";
  const outlook = `From: "Owner Olsen" <owner@example.com>
To: =?iso-8859-1?Q?S=F8ren_B=E6k?= <soren@baek.dk>
Subject: =?iso-8859-1?Q?M=F8de_p=E5_tirsdag?=
Date: Thu, 5 Nov 2026 08:02:11 +0100
Message-ID: <001b01db4f2f$note0003$9fd34270$@example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative;
	boundary="----=_NextPart_000_001C_01DB4F37.EC6D5DB0"
X-Mailer: Microsoft Outlook 16.0
Thread-Index: AQHbTi5kR2v9bWq1S0y3nXc8ZpL4Tg==
Content-Language: da

This is a multipart message in MIME format.

------=_NextPart_000_001C_01DB4F37.EC6D5DB0
Content-Type: text/plain;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(outlookText, "iso-8859-1")}

------=_NextPart_000_001C_01DB4F37.EC6D5DB0
Content-Type: text/html;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(`<html><body lang=DA><div class=WordSection1><p class=MsoNormal>${escapeHtml(outlookText).replace(/\n/g, "<o:p></o:p></p><p class=MsoNormal>")}<o:p></o:p></p></div></body></html>`, "iso-8859-1")}

------=_NextPart_000_001C_01DB4F37.EC6D5DB0--
`;
  const thunderbird = `Message-ID: <8c2d41f0-note-0004-b7a9-5f1e2d3c4b5a@example.com>
Date: Fri, 6 Nov 2026 11:20:03 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: en-GB
To: Jonas Berg <jonas@berg-advisory.se>
From: ${OWNER}
Subject: The slides from Tuesday
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 7bit

Hi Jonas, could you send me the slides from Tuesday when you have a moment?
`;
  return [
    { cls: "one-line note", name: "gmail-note-en", raw: utf8Mail(gmail), huge: false },
    { cls: "one-line note", name: "apple-iphone-note-en", raw: utf8Mail(apple), huge: false },
    { cls: "one-line note", name: "outlook-note-da", raw: utf8Mail(outlook), huge: false },
    { cls: "one-line note", name: "thunderbird-note-en", raw: utf8Mail(thunderbird), huge: false },
  ];
}

function ordinaryReplies(): BenchMail[] {
  const random = seededRandom(11);
  const theirs = [paragraph(random, "en", 4), paragraph(random, "en", 3), "Peter"].join("\n\n");
  const mine = ["Hi Peter,", paragraph(random, "en", 3), paragraph(random, "en", 2), "Best,\nOwner"].join("\n\n");
  const gmailText = `${wrap(mine)}\n\nOn Fri, 6 Nov 2026 at 17:45, Peter Hansen <peter@hansen-ventures.com> wrote:\n${quote(wrap(theirs))}\n`;
  const gmailHtml = `<div dir="ltr">${htmlParagraphs(mine)}</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On Fri, 6 Nov 2026 at 17:45, Peter Hansen &lt;<a href="mailto:peter@hansen-ventures.com">peter@hansen-ventures.com</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div dir="ltr">${htmlParagraphs(theirs)}</div></blockquote></div>`;
  const gmail = `MIME-Version: 1.0
Date: Mon, 9 Nov 2026 08:31:10 +0100
References: <CAF=p7yQ3vB1nM0kL9jH8gF7dS6aP5oI4reply1@mail.gmail.com>
In-Reply-To: <CAF=p7yQ3vB1nM0kL9jH8gF7dS6aP5oI4reply1@mail.gmail.com>
Message-ID: <CAK7n1c9yQw2E4rT6yU8iO0pA1sD3freply1@mail.gmail.com>
Subject: Re: Could you review our pitch deck?
From: ${OWNER}
To: Peter Hansen <peter@hansen-ventures.com>
${gmailAlternative("000000000000reply00001", gmailText, gmailHtml)}`;

  const daTheirs = ["Hej Owner,", paragraph(random, "da", 4), paragraph(random, "da", 3), "Med venlig hilsen\nBo Nielsen\nNielsen Consult ApS"].join("\n\n");
  const daMine = ["Hej Bo,", paragraph(random, "da", 3), "Med venlig hilsen\nOwner"].join("\n\n");
  const outlookText = `${wrap(daMine)}\n\nFra: Bo Nielsen <bo@nielsen-consult.dk> \nSendt: onsdag den 4. november 2026 09:15\nTil: Owner Olsen <owner@example.com>\nEmne: Tilbud på workshop i december\n\n${wrap(daTheirs)}\n`;
  const msoStyle =
    "<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:\"Cambria Math\";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n@font-face\n\t{font-family:Aptos;}\n/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:12.0pt;\n\tfont-family:\"Aptos\",sans-serif;}\na:link, span.MsoHyperlink\n\t{mso-style-priority:99;\n\tcolor:#467886;\n\ttext-decoration:underline;}\nspan.EmailStyle19\n\t{mso-style-type:personal-reply;\n\tfont-family:\"Aptos\",sans-serif;\n\tcolor:windowtext;}\n.MsoChpDefault\n\t{mso-style-type:export-only;\n\tfont-size:10.0pt;}\n@page WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}\ndiv.WordSection1\n\t{page:WordSection1;}\n--></style>";
  const msoParas = (text: string) =>
    text
      .split("\n")
      .map((l) => `<p class=MsoNormal><span lang=DA>${escapeHtml(l) || "&nbsp;"}<o:p></o:p></span></p>`)
      .join("\n");
  const outlookHtml = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=iso-8859-1"><meta name=Generator content="Microsoft Word 15 (filtered medium)">${msoStyle}</head><body lang=DA link="#467886" vlink="#96607D" style='word-wrap:break-word'><div class=WordSection1>${msoParas(wrap(daMine))}<div><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>Fra:</b> Bo Nielsen &lt;bo@nielsen-consult.dk&gt; <br><b>Sendt:</b> onsdag den 4. november 2026 09:15<br><b>Til:</b> Owner Olsen &lt;owner@example.com&gt;<br><b>Emne:</b> Tilbud på workshop i december<o:p></o:p></p></div></div>${msoParas(wrap(daTheirs))}</div></body></html>`;
  const outlook = `From: "Owner Olsen" <owner@example.com>
To: "Bo Nielsen" <bo@nielsen-consult.dk>
Cc: "Lise Dahl" <lise@nielsen-consult.dk>
References: <002a01db4e5c$reply0002$7c9d1e40$@nielsen-consult.dk>
In-Reply-To: <002a01db4e5c$reply0002$7c9d1e40$@nielsen-consult.dk>
Subject: SV: Tilbud =?iso-8859-1?Q?p=E5?= workshop i december
Date: Thu, 5 Nov 2026 10:12:44 +0100
Message-ID: <003c01db4f40$reply0002$a1b2c3d4$@example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative;
	boundary="----=_NextPart_000_003D_01DB4F48.reply0002"
X-Mailer: Microsoft Outlook 16.0
Thread-Index: AQHbTl1kR2v9bWq1S0y3nXc8ZpL4TgAAbCdE
Content-Language: da

This is a multipart message in MIME format.

------=_NextPart_000_003D_01DB4F48.reply0002
Content-Type: text/plain;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(outlookText, "iso-8859-1")}

------=_NextPart_000_003D_01DB4F48.reply0002
Content-Type: text/html;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(outlookHtml, "iso-8859-1")}

------=_NextPart_000_003D_01DB4F48.reply0002--
`;

  const appleTheirs = ["Hej,", paragraph(random, "da", 3), "Kh Åse"].join("\n\n");
  const appleMine = ["Hej Åse", paragraph(random, "da", 2), "Kh Owner"].join("\n\n");
  const appleText = `${appleMine}\n\n> Den 4. nov. 2026 kl. 09.15 skrev Åse Nørgaard <aase@norgaard.dk>:\n> \n${quote(appleTheirs)}\n`;
  const apple = `Content-Type: text/plain;
	charset=utf-8
Content-Transfer-Encoding: quoted-printable
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))
Subject: Re: =?utf-8?Q?M=C3=B8de_om_bl=C3=A5b=C3=A6rkagen?=
From: ${OWNER}
In-Reply-To: <A1B2C3D4-reply-0003-8F9E-0D1C2B3A4F5E@norgaard.dk>
Date: Wed, 4 Nov 2026 10:02:19 +0100
Message-Id: <9F8E7D6C-reply-0003-4B3A-29180F1E2D3C@example.com>
References: <A1B2C3D4-reply-0003-8F9E-0D1C2B3A4F5E@norgaard.dk>
To: =?utf-8?Q?=C3=85se_N=C3=B8rgaard?= <aase@norgaard.dk>
X-Mailer: Apple Mail (2.3826.300.87.4.3)

${quotedPrintable(appleText, "utf-8")}
`;

  const tbTheirs = [paragraph(random, "en", 3), paragraph(random, "en", 3), "Cheers,\nMaria"].join("\n\n");
  const tbMine = ["Hi Maria, hi Lars,", paragraph(random, "en", 3), "Owner"].join("\n\n");
  const thunderbird = `Message-ID: <b4e1c2a9-reply-0004-9c55-1d2e3f4a5b6c@example.com>
Date: Tue, 10 Nov 2026 14:41:17 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Subject: Re: Pilot with the municipality
Content-Language: en-GB
To: Maria Lund <maria@lund-studio.dk>, Lars Kjaer <lars@kjaer.io>
Cc: Nina Friis <nina@friis-law.dk>
References: <7e2f1a30-reply-0004-aaaa-0c1d2e3f4a5b@lund-studio.dk>
In-Reply-To: <7e2f1a30-reply-0004-aaaa-0c1d2e3f4a5b@lund-studio.dk>
From: ${OWNER}
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 7bit

${wrap(tbMine)}

On 09/11/2026 16:20, Maria Lund wrote:
${quote(wrap(tbTheirs))}
`;
  return [
    { cls: "ordinary reply", name: "gmail-reply-en", raw: utf8Mail(gmail), huge: false },
    { cls: "ordinary reply", name: "outlook-reply-da", raw: utf8Mail(outlook), huge: false },
    { cls: "ordinary reply", name: "apple-reply-da", raw: utf8Mail(apple), huge: false },
    { cls: "ordinary reply", name: "thunderbird-reply-en", raw: utf8Mail(thunderbird), huge: false },
  ];
}

const THREAD_PEOPLE = [
  { name: "Peter Hansen", address: "peter@hansen-ventures.com" },
  { name: "Owner Olsen", address: "owner@example.com" },
  { name: "Maria Lund", address: "maria@lund-studio.dk" },
];

type ThreadMessage = { from: (typeof THREAD_PEOPLE)[number]; day: number; text: string };

/**
 * A back-and-forth, grown one reply at a time until `render` (the mail body a client would write for it)
 * reaches `targetChars`. The newest reply is the owner's own.
 */
function thread(
  random: () => number,
  targetChars: number,
  render: (messages: ThreadMessage[]) => string,
): { messages: ThreadMessage[]; body: string } {
  const drawn: ThreadMessage[] = [];
  let messages: ThreadMessage[] = [];
  let body = "";
  for (let i = 0; body.length < targetChars; i++) {
    const text = wrap([paragraph(random, "en", 4), paragraph(random, "en", 3), THREAD_PEOPLE[i % 3].name.split(" ")[0]].join("\n\n"));
    drawn.push({ from: THREAD_PEOPLE[i % 3], day: 1 + i, text });
    messages = [...drawn.slice(0, -1), { ...drawn[drawn.length - 1], from: THREAD_PEOPLE[1] }];
    body = render(messages);
  }
  return { messages, body };
}

function attribution(m: { from: { name: string; address: string }; day: number }): string {
  return `On Tue, ${m.day} Sep 2026 at 10:${String(m.day % 60).padStart(2, "0")}, ${m.from.name} <${m.from.address}> wrote:`;
}

function gmailQuotedText(messages: ThreadMessage[]): string {
  let body = messages[0].text;
  for (let i = 1; i < messages.length; i++) body = `${messages[i].text}\n\n${attribution(messages[i - 1])}\n${quote(body)}`;
  return body;
}

function gmailQuotedHtml(messages: ThreadMessage[]): string {
  let body = "";
  for (let i = 0; i < messages.length; i++) {
    const own = `<div dir="ltr">${htmlParagraphs(messages[i].text.replace(/\n(?!\n)/g, " "))}</div>`;
    if (!body) {
      body = own;
      continue;
    }
    const prev = messages[i - 1];
    body = `${own}<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On Tue, ${prev.day} Sep 2026 at 10:${String(prev.day % 60).padStart(2, "0")}, ${prev.from.name} &lt;<a href="mailto:${prev.from.address}">${prev.from.address}</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${body}</blockquote></div>`;
  }
  return body;
}

function longThreads(): BenchMail[] {
  const random = seededRandom(23);
  const mutt = `Date: Mon, 16 Nov 2026 09:12:40 +0100
From: ${OWNER}
To: Peter Hansen <peter@hansen-ventures.com>, Maria Lund <maria@lund-studio.dk>
Subject: Re: Pilot plan and budget
Message-ID: <20261116081240.thread01@example.com>
References: <20261113151002.prev01@hansen-ventures.com>
In-Reply-To: <20261113151002.prev01@hansen-ventures.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii
Content-Disposition: inline
Content-Transfer-Encoding: 7bit
User-Agent: NeoMutt/20250510

${thread(random, 100 * KB, gmailQuotedText).body}
`;
  // Gmail's plain part quotes with ">"; its HTML part nests one blockquote per earlier mail.
  const gmailThread = thread(random, 100 * KB, gmailQuotedText);
  const gmail = `MIME-Version: 1.0
Date: Mon, 16 Nov 2026 10:02:11 +0100
References: <CAK7pQ3vthread02prev@mail.gmail.com>
In-Reply-To: <CAK7pQ3vthread02prev@mail.gmail.com>
Message-ID: <CAH2bW0sthread02@mail.gmail.com>
Subject: Re: Pilot plan and budget
From: ${OWNER}
To: Peter Hansen <peter@hansen-ventures.com>
Cc: Maria Lund <maria@lund-studio.dk>
Content-Type: multipart/alternative; boundary="000000000000thread0002"

--000000000000thread0002
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: 7bit

${gmailThread.body}

--000000000000thread0002
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(gmailQuotedHtml(gmailThread.messages), "utf-8")}

--000000000000thread0002--
`;
  // Outlook top-posts and does not quote with ">": each earlier mail follows a From/Sent/To/Subject block.
  const outlookText = thread(random, 100 * KB, (messages) => {
    let text = "";
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i];
      text +=
        i === messages.length - 1
          ? `${m.text}\n`
          : `\nFrom: ${m.from.name} <${m.from.address}> \nSent: Tuesday, ${m.day} September 2026 10:${String(m.day % 60).padStart(2, "0")}\nTo: Owner Olsen <owner@example.com>\nSubject: RE: Pilot plan and budget\n\n${m.text}\n`;
    }
    return text;
  }).body;
  const outlook = `From: "Owner Olsen" <owner@example.com>
To: "Peter Hansen" <peter@hansen-ventures.com>
Subject: RE: Pilot plan and budget
Date: Mon, 16 Nov 2026 11:40:02 +0100
Message-ID: <004d01db5801$thread03$b1c2d3e4$@example.com>
References: <003c01db5720$prev03$a1b2c3d4$@hansen-ventures.com>
In-Reply-To: <003c01db5720$prev03$a1b2c3d4$@hansen-ventures.com>
MIME-Version: 1.0
Content-Type: text/plain;
	charset="us-ascii"
Content-Transfer-Encoding: 7bit
X-Mailer: Microsoft Outlook 16.0
Thread-Index: AQHbWAFkR2v9bWq1S0y3nXc8ZpL4TgAAbCdEAAFzz
Content-Language: en-gb

${outlookText}`;
  return [
    { cls: "long thread (~100 KB quoted)", name: "neomutt-thread-plain", raw: utf8Mail(mutt), huge: false },
    { cls: "long thread (~100 KB quoted)", name: "gmail-thread-alternative", raw: utf8Mail(gmail), huge: false },
    { cls: "long thread (~100 KB quoted)", name: "outlook-thread-topposted", raw: utf8Mail(outlook), huge: false },
  ];
}

/** Table-based newsletter HTML (as Mailchimp writes it): inline styles, tracked links, a pixel. */
function newsletterHtml(random: () => number, targetChars: number): { html: string; text: string } {
  const head = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0"><title>Nordic SaaS Weekly</title><style type="text/css">p{margin:10px 0;padding:0;}table{border-collapse:collapse;}h1,h2,h3{display:block;margin:0;padding:0;}img,a img{border:0;height:auto;outline:none;text-decoration:none;}body,#bodyTable,#bodyCell{height:100%;margin:0;padding:0;width:100%;}.mcnPreviewText{display:none !important;}@media only screen and (max-width:480px){.mcnTextContent{font-size:16px !important;line-height:150% !important;}}</style></head><body><center><table align="center" border="0" cellpadding="0" cellspacing="0" height="100%" width="100%" id="bodyTable"><tr><td align="center" valign="top" id="bodyCell">`;
  const blocks: string[] = [];
  const texts: string[] = [];
  let size = head.length;
  for (let i = 0; size < targetChars; i++) {
    const title = sentence(random, EN_WORDS, "");
    const body = paragraph(random, "en", 5);
    const link = `https://nordicsaas.us12.list-manage.com/track/click?u=4f1c2a9e7b3d4e1a9c551d2e&id=${(i * 7919).toString(16)}a3&e=8c2d41f0b7`;
    const block = `<table border="0" cellpadding="0" cellspacing="0" width="100%" class="mcnTextBlock" style="min-width:100%;"><tbody class="mcnTextBlockOuter"><tr><td valign="top" class="mcnTextBlockInner" style="padding-top:9px;"><table align="left" border="0" cellpadding="0" cellspacing="0" style="max-width:100%; min-width:100%;" width="100%" class="mcnTextContentContainer"><tbody><tr><td valign="top" class="mcnTextContent" style="padding-top:0; padding-right:18px; padding-bottom:9px; padding-left:18px;color:#202020;font-family:Helvetica;font-size:16px;line-height:150%;text-align:left;"><h2 style="color:#202020;font-family:Helvetica;font-size:22px;font-weight:bold;line-height:125%;">${escapeHtml(title)}</h2><p style="color:#202020;font-family:Helvetica;font-size:16px;line-height:150%;">${escapeHtml(body)}</p><a href="${link}" target="_blank" style="color:#007C89;font-weight:normal;text-decoration:underline;">Read more &rarr;</a></td></tr></tbody></table></td></tr></tbody></table>\n`;
    blocks.push(block);
    texts.push(`** ${title}\n------------------------------------------------------------\n${wrap(body)}\nRead more (${link})`);
    size += block.length;
  }
  const foot = `<table border="0" cellpadding="0" cellspacing="0" width="100%"><tr><td style="color:#656565;font-size:12px;"><em>Copyright &copy; 2026 Nordic SaaS Weekly, All rights reserved.</em><br><a href="https://nordicsaas.us12.list-manage.com/unsubscribe?u=4f1c2a9e7b3d4e1a9c551d2e&id=9d8c7b6a5f">unsubscribe from this list</a></td></tr></table><img src="https://nordicsaas.us12.list-manage.com/track/open.php?u=4f1c2a9e7b3d4e1a9c551d2e&id=9d8c7b6a5f&e=8c2d41f0b7" height="1" width="1"></td></tr></table></center></body></html>`;
  return {
    html: head + blocks.join("") + foot,
    text: `${texts.join("\n\n")}\n\n============================================================\nunsubscribe from this list (https://nordicsaas.us12.list-manage.com/unsubscribe?u=4f1c2a9e7b3d4e1a9c551d2e&id=9d8c7b6a5f)`,
  };
}

function newsletters(): BenchMail[] {
  return [50, 100, 150].map((kb, i) => {
    const random = seededRandom(31 + i);
    const { html, text } = newsletterHtml(random, kb * KB);
    const issue = 140 + i;
    const header = `---------- Forwarded message ---------\nFrom: Nordic SaaS Weekly <news@nordicsaas.io>\nDate: Thu, Nov 12, 2026 at 7:00 AM\nSubject: Nordic SaaS Weekly #${issue}: pricing pages that convert\nTo: <owner@example.com>\n\n\n`;
    const htmlHeader = `---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Nordic SaaS Weekly</strong> <span dir="auto">&lt;<a href="mailto:news@nordicsaas.io">news@nordicsaas.io</a>&gt;</span><br>Date: Thu, Nov 12, 2026 at 7:00 AM<br>Subject: Nordic SaaS Weekly #${issue}: pricing pages that convert<br>To: &lt;<a href="mailto:owner@example.com">owner@example.com</a>&gt;<br>`;
    const mail = `MIME-Version: 1.0
Date: Thu, 12 Nov 2026 08:15:02 +0100
Message-ID: <CAH2bW0snews${issue}@mail.gmail.com>
Subject: Fwd: Nordic SaaS Weekly #${issue}: pricing pages that convert
From: ${OWNER}
To: ${ASSISTANT}
${gmailAlternative(
  `000000000000news${issue}`,
  `Worth keeping - the pricing piece.\n\n${header}${text}`,
  `<div dir="ltr">Worth keeping - the pricing piece.<br><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">${htmlHeader}</div><br><br>${html}</div></div>`,
)}`;
    return { cls: "HTML newsletter (forwarded)" as const, name: `gmail-fwd-newsletter-${kb}kb`, raw: utf8Mail(mail), huge: false };
  });
}

function danishLatin1(): BenchMail[] {
  const random = seededRandom(41);
  const body = ["Hej Søren", paragraph(random, "da", 4), paragraph(random, "da", 3), "Tak for hjælpen med budgettet - det var en stor hjælp.", "Med venlig hilsen\nOwner Olsen\nØstergade 12, 8000 Aarhus C"].join("\n\n");
  const outlook = `From: "Owner Olsen" <owner@example.com>
To: =?iso-8859-1?Q?S=F8ren_B=E6k?= <soren@baek.dk>
Cc: =?iso-8859-1?Q?=C5se_N=F8rgaard?= <aase@norgaard.dk>
Subject: =?iso-8859-1?Q?Tak_for_hj=E6lpen_med_budgettet?=
Date: Thu, 5 Nov 2026 08:02:11 +0100
Message-ID: <001b01db4f2f$latin101$9fd34270$@example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative;
	boundary="----=_NextPart_000_001C_01DB4F37.latin101"
X-Mailer: Microsoft Outlook 16.0
Content-Language: da

This is a multipart message in MIME format.

------=_NextPart_000_001C_01DB4F37.latin101
Content-Type: text/plain;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(wrap(body), "iso-8859-1")}

------=_NextPart_000_001C_01DB4F37.latin101
Content-Type: text/html;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(`<html><head><meta http-equiv=Content-Type content="text/html; charset=iso-8859-1"></head><body lang=DA><div class=WordSection1>${body
    .split("\n")
    .map((l) => `<p class=MsoNormal>${escapeHtml(l) || "&nbsp;"}<o:p></o:p></p>`)
    .join("\n")}</div></body></html>`, "iso-8859-1")}

------=_NextPart_000_001C_01DB4F37.latin101--
`;
  const quoted = ["Hej Owner", paragraph(random, "da", 3), "Kan du sende mig tallene fra sidste kvartal?", "Hilsen Åse"].join("\n\n");
  const tbBody = `Hej Åse\n\n${wrap(paragraph(random, "da", 3))}\n\nHilsen Owner\n\nDen 03-11-2026 kl. 14:12 skrev Åse Nørgaard:\n${quote(wrap(quoted))}\n`;
  const thunderbird = `Message-ID: <4f1c2a9e-latin1-02-9c55-1d2e3f4a5b6c@example.com>
Date: Wed, 4 Nov 2026 08:41:17 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: da
To: =?ISO-8859-1?Q?=C5se_N=F8rgaard?= <aase@norgaard.dk>
From: ${OWNER}
Subject: =?ISO-8859-1?Q?Re:_Tal_fra_sidste_kvartal_til_bestyrelsesm=F8det?=
References: <0d9e8f7a-latin1-02-prev@norgaard.dk>
In-Reply-To: <0d9e8f7a-latin1-02-prev@norgaard.dk>
Content-Type: text/plain; charset=ISO-8859-1; format=flowed
Content-Transfer-Encoding: 8bit

${tbBody}`;
  // Old clients send raw 8-bit headers and bodies with no charset at all (RFC 2045 would call it US-ASCII).
  const legacyBody = ["Hej Søren", paragraph(random, "da", 3), "Vi ses på fredag på kontoret i Århus.", "Mvh Owner"].join("\n\n");
  const legacy = `From: Owner Olsen <owner@example.com>
To: Søren Bæk <soren@baek.dk>
Subject: Møde på fredag
Date: Fri, 6 Nov 2026 07:55:00 +0100
Message-ID: <000801c8a1b2$latin103$0a00a8c0@ejer-pc>
MIME-Version: 1.0
Content-Type: text/plain
Content-Transfer-Encoding: 8bit
X-Mailer: Microsoft Outlook Express 6.00.2900.5512

${wrap(legacyBody)}
`;
  return [
    { cls: "Danish ISO-8859-1", name: "outlook-qp-latin1-da", raw: latin1Bytes(crlf(outlook)), huge: false },
    { cls: "Danish ISO-8859-1", name: "thunderbird-8bit-latin1-da", raw: latin1Bytes(crlf(thunderbird)), huge: false },
    { cls: "Danish ISO-8859-1", name: "outlook-express-undeclared-8bit-da", raw: latin1Bytes(crlf(legacy)), huge: false },
  ];
}

function inlineForwards(): BenchMail[] {
  const random = seededRandom(53);
  const original = ["Hi Owner,", paragraph(random, "en", 4), paragraph(random, "en", 3), "Could you introduce me to someone at Northwind?", "Best,\nSarah"].join("\n\n");
  const note = "Sarah asked for an intro to Tom. Must answer this week.";
  const gmailText = `${note}\n\n---------- Forwarded message ---------\nFrom: Sarah Miller <sarah@brightlabs.io>\nDate: Wed, Nov 4, 2026 at 9:15 AM\nSubject: Intro to Northwind?\nTo: Owner Olsen <owner@example.com>\nCc: Tom Becker <tom.becker@northwind.co.uk>\n\n\n${wrap(original)}\n`;
  const gmailHtml = `<div dir="ltr">${escapeHtml(note)}<br><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Sarah Miller</strong> <span dir="auto">&lt;<a href="mailto:sarah@brightlabs.io">sarah@brightlabs.io</a>&gt;</span><br>Date: Wed, Nov 4, 2026 at 9:15 AM<br>Subject: Intro to Northwind?<br>To: Owner Olsen &lt;<a href="mailto:owner@example.com">owner@example.com</a>&gt;<br>Cc: Tom Becker &lt;<a href="mailto:tom.becker@northwind.co.uk">tom.becker@northwind.co.uk</a>&gt;<br></div><br><br><div dir="ltr">${htmlParagraphs(original)}</div></div></div>`;
  const gmail = `MIME-Version: 1.0
Date: Thu, 5 Nov 2026 08:02:11 +0100
Message-ID: <CAH2bW0sfwd01@mail.gmail.com>
Subject: Fwd: Intro to Northwind?
From: ${OWNER}
To: ${ASSISTANT}
${gmailAlternative("000000000000fwd000001", gmailText, gmailHtml)}`;

  const daOriginal = ["Hej Owner,", paragraph(random, "da", 4), "Kan du sende tilbuddet på workshoppen i december igen?", "Med venlig hilsen\nBo Nielsen\nNielsen Consult ApS"].join("\n\n");
  const outlookText = `Husk at svare Bo inden fredag.\n\nMed venlig hilsen\nOwner\n\n-----Oprindelig meddelelse-----\nFra: Bo Nielsen <bo@nielsen-consult.dk> \nSendt: onsdag den 4. november 2026 09:15\nTil: Owner Olsen <owner@example.com>\nCc: Lise Dahl <lise@nielsen-consult.dk>\nEmne: Tilbud på workshop i december\n\n${wrap(daOriginal)}\n`;
  const outlook = `From: "Owner Olsen" <owner@example.com>
To: <gensidig@example.com>
Subject: =?iso-8859-1?Q?VS:_Tilbud_p=E5_workshop_i_december?=
Date: Thu, 5 Nov 2026 08:02:11 +0100
Message-ID: <001b01db4f2f$fwd02$9fd34270$@example.com>
MIME-Version: 1.0
Content-Type: text/plain;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable
X-Mailer: Microsoft Outlook 16.0
Content-Language: da

${quotedPrintable(outlookText, "iso-8859-1")}
`;
  const appleOriginal = [paragraph(random, "en", 3), paragraph(random, "en", 2), "Thanks again for the referral - it turned into a real project!", "Jonas"].join("\n\n");
  const appleText = `Jonas sent this, remember to say thanks.\n\nBegin forwarded message:\n\nFrom: Jonas Berg <jonas@berg-advisory.se>\nSubject: Thank you for the referral\nDate: 9 November 2026 at 16:02:11 CET\nTo: Owner Olsen <owner@example.com>\n\n${appleOriginal}\n`;
  const apple = `Content-Type: text/plain;
	charset=us-ascii
Content-Transfer-Encoding: 7bit
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))
Subject: Fwd: Thank you for the referral
From: ${OWNER}
Date: Tue, 10 Nov 2026 07:30:02 +0100
Message-Id: <9F8E7D6C-fwd-0003-4B3A-29180F1E2D3C@example.com>
To: ${ASSISTANT}
X-Mailer: Apple Mail (2.3826.300.87.4.3)

${wrap(appleText)}`;
  return [
    { cls: "forward, inline", name: "gmail-fwd-en", raw: utf8Mail(gmail), huge: false },
    { cls: "forward, inline", name: "outlook-fwd-da", raw: utf8Mail(outlook), huge: false },
    { cls: "forward, inline", name: "apple-fwd-en", raw: utf8Mail(apple), huge: false },
  ];
}

function rfc822Forwards(): BenchMail[] {
  const random = seededRandom(67);
  const inner = `Return-Path: <bo@nielsen-consult.dk>
Message-ID: <d8f3a6c1-rfc822-01-9f14-7c3e2b9a1d05@nielsen-consult.dk>
Date: Mon, 2 Nov 2026 16:40:05 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
From: Bo Nielsen <bo@nielsen-consult.dk>
To: Owner Olsen <owner@example.com>
Cc: Lise Dahl <lise@nielsen-consult.dk>
Subject: Board seat at Aarhus Founders?
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 7bit

Hi Owner,

${wrap(paragraph(random, "en", 5))}

Would you consider a seat on the board? We meet four times a year.

Bo
`;
  const thunderbird = `Message-ID: <1b7e4c2a-rfc822-01-a6c5-0f2e1d3c4b5a@example.com>
Date: Thu, 5 Nov 2026 08:02:11 +0100
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: en-GB
To: ${ASSISTANT}
From: ${OWNER}
Subject: Fwd: Board seat at Aarhus Founders?
Content-Type: multipart/mixed; boundary="------------7Hs2Qz0bKf9XcY4mN1rfc01"

This is a multi-part message in MIME format.
--------------7Hs2Qz0bKf9XcY4mN1rfc01
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 7bit

Forwarding Bo's question about the board seat.

-- 
Owner Olsen

--------------7Hs2Qz0bKf9XcY4mN1rfc01
Content-Type: message/rfc822; name="Board seat at Aarhus Founders.eml"
Content-Disposition: attachment; filename="Board seat at Aarhus Founders.eml"

${inner}
--------------7Hs2Qz0bKf9XcY4mN1rfc01--
`;
  // Outlook attaches the original as an .eml whose own parts are Outlook's HTML and a small logo.
  const daText = ["Hej Owner,", paragraph(random, "da", 4), "Vil du holde et oplæg på vores netværksmøde i januar?", "Med venlig hilsen\nLise Dahl"].join("\n\n");
  const logo = new TextDecoder().decode(base64Lines(randomBytes(30 * 1024, 7)));
  const outlookInner = `From: "Lise Dahl" <lise@nielsen-consult.dk>
To: "Owner Olsen" <owner@example.com>
Subject: =?iso-8859-1?Q?Opl=E6g_i_januar?=
Date: Tue, 3 Nov 2026 13:20:00 +0100
Message-ID: <00aa01db4d11$rfc822-02$1f2e3d4c$@nielsen-consult.dk>
MIME-Version: 1.0
Content-Type: multipart/related;
	boundary="----=_NextPart_001_00AB_01DB4D19.inner02"
X-Mailer: Microsoft Outlook 16.0

------=_NextPart_001_00AB_01DB4D19.inner02
Content-Type: text/html;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(`<html><body lang=DA><div class=WordSection1>${daText
    .split("\n")
    .map((l) => `<p class=MsoNormal>${escapeHtml(l) || "&nbsp;"}<o:p></o:p></p>`)
    .join("\n")}<p class=MsoNormal><img width=120 height=40 src="cid:image001.png@01DB4D19.inner02"></p></div></body></html>`, "iso-8859-1")}

------=_NextPart_001_00AB_01DB4D19.inner02
Content-Type: image/png;
	name="image001.png"
Content-Transfer-Encoding: base64
Content-ID: <image001.png@01DB4D19.inner02>

${logo}
------=_NextPart_001_00AB_01DB4D19.inner02--
`;
  const outlook = `From: "Owner Olsen" <owner@example.com>
To: <gensidig@example.com>
Subject: =?iso-8859-1?Q?VS:_Opl=E6g_i_januar?=
Date: Wed, 4 Nov 2026 09:00:00 +0100
Message-ID: <00ab01db4e20$rfc822-02$2f3e4d5c$@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed;
	boundary="----=_NextPart_000_00AC_01DB4E28.outer02"
X-Mailer: Microsoft Outlook 16.0
Content-Language: da

This is a multipart message in MIME format.

------=_NextPart_000_00AC_01DB4E28.outer02
Content-Type: text/plain;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable("Skal vi sige ja til Lise?\n\nOwner", "iso-8859-1")}

------=_NextPart_000_00AC_01DB4E28.outer02
Content-Type: message/rfc822
Content-Disposition: attachment;
	filename="=?iso-8859-1?Q?Opl=E6g_i_januar.eml?="

${outlookInner}
------=_NextPart_000_00AC_01DB4E28.outer02--
`;
  return [
    { cls: "forward, message/rfc822", name: "thunderbird-rfc822-en", raw: utf8Mail(thunderbird), huge: false },
    { cls: "forward, message/rfc822", name: "outlook-rfc822-da", raw: utf8Mail(outlook), huge: false },
  ];
}

/** Splits `encodedTotal` bytes of base64 over `count` attachments, as whole 76-character lines. */
function attachmentDataSize(encodedTotal: number, count: number): number {
  const lines = Math.floor(encodedTotal / count / 78);
  return lines * 57;
}

function hugeMail(
  cls: MailClass,
  name: string,
  targetBytes: number,
  build: (attachmentBytes: (seed: number, count: number) => Uint8Array) => Uint8Array[],
): () => BenchMail {
  return () => {
    // Headers and text take a few KB; the attachments fill the rest up to the target size.
    const overhead = 8 * 1024;
    const parts = build((seed, count) => base64Lines(randomBytes(attachmentDataSize(targetBytes - overhead, count), seed)));
    const raw = concatBytes(parts);
    if (raw.byteLength > EMAIL_ROUTING_MAX_BYTES) throw new Error(`${name} is ${raw.byteLength} bytes, over Email Routing's limit`);
    return { cls, name, raw, huge: true };
  };
}

/**
 * The three large mails, built one at a time when asked (together they would hold 53 MiB). Sizes are the
 * raw mail as Email Routing delivers it, base64 included.
 */
export function hugeCorpus(): Array<() => BenchMail> {
  const random = seededRandom(79);
  const gmail = hugeMail("attachment 10 MiB", "gmail-pdf-10mib", 10 * MiB, (attachment) => {
    const text = `Hi Nina,\n\nHere is the signed contract and the appendix, as promised.\n\nBest,\nOwner`;
    return [
      utf8Bytes(
        crlf(`MIME-Version: 1.0
Date: Tue, 17 Nov 2026 13:05:40 +0100
Message-ID: <CAH2bW0shuge10mib@mail.gmail.com>
Subject: Signed contract
From: ${OWNER}
To: Nina Friis <nina@friis-law.dk>
Content-Type: multipart/mixed; boundary="000000000000huge10mixed"

--000000000000huge10mixed
${gmailAlternative("000000000000huge10alt", text, `<div dir="ltr">${htmlParagraphs(text)}</div>`)}
--000000000000huge10mixed
Content-Type: application/pdf; name="Contract 2026-11 signed.pdf"
Content-Disposition: attachment; filename="Contract 2026-11 signed.pdf"
Content-Transfer-Encoding: base64
Content-ID: <f_m3k9x2a10>
X-Attachment-Id: f_m3k9x2a10

`),
      ),
      attachment(101, 1),
      utf8Bytes("--000000000000huge10mixed--\r\n"),
    ];
  });
  const apple = hugeMail("attachment 18 MiB", "apple-photos-18mib", 18 * MiB, (attachment) => {
    const out: Uint8Array[] = [
      utf8Bytes(
        crlf(`Content-Type: multipart/mixed;
	boundary="Apple-Mail=_6F1C2A9E-huge-18-4E1A-9C55-1D2E3F4A5B6C"
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))
Subject: Photos from Founders Friday
From: ${OWNER}
Date: Sat, 14 Nov 2026 10:12:00 +0100
Message-Id: <7A8B9C0D-huge-18-4E5F-8091-A2B3C4D5E6F7@example.com>
To: Maria Lund <maria@lund-studio.dk>, Lars Kjaer <lars@kjaer.io>
X-Mailer: Apple Mail (2.3826.300.87.4.3)


--Apple-Mail=_6F1C2A9E-huge-18-4E1A-9C55-1D2E3F4A5B6C
Content-Transfer-Encoding: 7bit
Content-Type: text/plain;
	charset=us-ascii

Hi both, here are the photos from Friday. ${paragraph(random, "en", 2)}

`),
      ),
    ];
    for (let i = 1; i <= 5; i++) {
      out.push(
        utf8Bytes(
          crlf(`--Apple-Mail=_6F1C2A9E-huge-18-4E1A-9C55-1D2E3F4A5B6C
Content-Disposition: inline;
	filename=IMG_40${10 + i}.jpeg
Content-Type: image/jpeg;
	x-unix-mode=0644;
	name="IMG_40${10 + i}.jpeg"
Content-Transfer-Encoding: base64

`),
        ),
        attachment(200 + i, 5),
      );
    }
    out.push(utf8Bytes("--Apple-Mail=_6F1C2A9E-huge-18-4E1A-9C55-1D2E3F4A5B6C--\r\n"));
    return out;
  });
  const outlook = hugeMail("attachment 25 MiB", "outlook-zip-25mib", EMAIL_ROUTING_MAX_BYTES, (attachment) => {
    const text = `Hej Bo\n\nHer er materialet fra workshoppen, samlet i én fil.\n\nMed venlig hilsen\nOwner`;
    return [
      utf8Bytes(
        crlf(`From: "Owner Olsen" <owner@example.com>
To: "Bo Nielsen" <bo@nielsen-consult.dk>
Subject: Materiale fra workshoppen
Date: Wed, 18 Nov 2026 15:20:00 +0100
Message-ID: <00cd01db59a0$huge25$3f4e5d6c$@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed;
	boundary="----=_NextPart_000_00CE_01DB59A8.huge25"
X-Mailer: Microsoft Outlook 16.0
Content-Language: da

This is a multipart message in MIME format.

------=_NextPart_000_00CE_01DB59A8.huge25
Content-Type: multipart/alternative;
	boundary="----=_NextPart_001_00CF_01DB59A8.huge25"


------=_NextPart_001_00CF_01DB59A8.huge25
Content-Type: text/plain;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(text, "iso-8859-1")}

------=_NextPart_001_00CF_01DB59A8.huge25
Content-Type: text/html;
	charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

${quotedPrintable(`<html><body lang=DA><div class=WordSection1>${text
  .split("\n")
  .map((l) => `<p class=MsoNormal>${escapeHtml(l) || "&nbsp;"}<o:p></o:p></p>`)
  .join("\n")}</div></body></html>`, "iso-8859-1")}

------=_NextPart_001_00CF_01DB59A8.huge25--

------=_NextPart_000_00CE_01DB59A8.huge25
Content-Type: application/x-zip-compressed;
	name="Workshop materiale.zip"
Content-Transfer-Encoding: base64
Content-Disposition: attachment;
	filename="Workshop materiale.zip"

`),
      ),
      attachment(301, 1),
      utf8Bytes("\r\n------=_NextPart_000_00CE_01DB59A8.huge25--\r\n"),
    ];
  });
  return [gmail, apple, outlook];
}

export function smallCorpus(): BenchMail[] {
  return [
    ...oneLineNotes(),
    ...ordinaryReplies(),
    ...longThreads(),
    ...newsletters(),
    ...danishLatin1(),
    ...inlineForwards(),
    ...rfc822Forwards(),
  ];
}

/** A mail whose headers are built to cost postal-mime CPU (issue 9): refused or read at the caps of src/mail/bound.ts. */
export interface HostileMail {
  name: string;
  raw: Uint8Array;
}

/** 日本語の件名 in one base64 encoded word: postal-mime joins a run of these and rescans the join per word. */
const HOSTILE_WORD = "=?UTF-8?B?5pel5pys6Kqe44Gu5Lu25ZCN?=";

function hostileMail(extraHeaders: string[]): Uint8Array {
  return new TextEncoder().encode(
    [
      "From: Mallory <mallory@attacker.example>",
      "To: gensidig@example.com",
      "Message-ID: <hostile@attacker.example>",
      "Date: Tue, 10 Nov 2026 09:00:00 +0000",
      ...extraHeaders,
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "Hej",
      "",
    ].join("\r\n"),
  );
}

const encodedSubject = (words: number) => `Subject: ${Array(words).fill(HOSTILE_WORD).join("\r\n ")}`;

export function hostileHeaderCorpus(): HostileMail[] {
  return [
    // The worst case of issue 9: ~1 MB of encoded words in one Subject (refused by the header block cap).
    { name: "subject of 1 MiB encoded words", raw: hostileMail([encodedSubject(Math.ceil(MiB / (HOSTILE_WORD.length + 3)))]) },
    // Within the block and field caps, refused by the cap on encoded words in a row.
    { name: "subject of 1,600 encoded words (60 KiB)", raw: hostileMail([encodedSubject(1600)]) },
    // The most that is still read: MAX_ENCODED_WORD_RUN words in a row.
    { name: "subject of 256 encoded words (read)", raw: hostileMail([encodedSubject(256)]) },
  ];
}
