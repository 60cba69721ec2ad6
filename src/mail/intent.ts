// What a person's new text does, in English and Danish: thanks, asks, gives (an introduction, help,
// information, a referral) or opens a first contact. Pure phrase rules over the text they wrote now;
// quotes and signatures are removed before (see reply.ts).
import { isReplyOrForward } from "./subject";

export interface Intent {
  thanks: boolean;
  request: boolean;
  giving: boolean;
  outreach: boolean;
}

/** Text we read: the top of a mail says what it is about, and the regexes stay cheap. */
export const MAX_INTENT_CHARS = 8 * 1024;
/** Words a question needs before it counts as a request ("Ok?" does not). */
const MIN_QUESTION_WORDS = 3;
/** Lines below a sign-off that can be a name ("Anna", "Anna Holm\nHolm & Co"). */
const MAX_NAME_LINES = 3;
const MAX_NAME_LINE_CHARS = 40;

/** Builds a phrase regex whose phrases start and end on word boundaries, æøå included. */
function phrases(list: string[]): RegExp {
  const body = list.join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, "iu");
}

/** Politeness that is not gratitude for something given. Removed before the thanks rules run. */
const NOT_THANKS = phrases([
  "no,? thanks?(?: you)?",
  "nej,? tak",
  "thanks? (?:you )?in advance",
  "thanks? (?:you )?ahead of time",
  "på forhånd tak",
  "tak på forhånd",
  "på forhånd mange tak",
]);

const THANKS = phrases([
  "thanks",
  "thank you",
  "thank u",
  "thx",
  "ty so much",
  "much appreciated",
  "i (?:really |truly )?appreciate",
  "(?:so |very |really )?grateful",
  "tusind tak",
  "mange tak",
  "tak for",
  "takker",
  "tak",
  "taknemmelig",
  "det sætter jeg (?:stor )?pris på",
]);

/** A sign-off such as "Thanks," or "Tak," alone on its line above the name closes a mail, it thanks nobody. */
const SIGN_OFF_LINE =
  /^(?:thanks|thank you|many thanks|thanks again|thx|cheers|tak|mange tak|tusind tak|på forhånd tak)\s*,?\s*$/iu;
const SIGN_OFF_WITH_NAME = /^(?:thanks|thx|tak|mange tak)\s*,\s*[\p{L}][\p{L} .'-]{0,30}$/iu;

const REQUEST = phrases([
  "could you",
  "can you",
  "would you (?:mind|be able|be willing|be open|have time|like to|consider)",
  "would you",
  "any chance",
  "is there any way",
  "would it be possible",
  "i was wondering if",
  "i wonder if you",
  "(?:can|could|may) i ask",
  "do you (?:have|know)",
  "please (?:send|let me know|advise|help|share|review|take a look|get back)",
  "i need your (?:help|advice|input)",
  "i(?:'d| would) (?:love|like|appreciate) (?:your|to hear your|to get your|to pick your)",
  "looking for (?:advice|help|a recommendation|an introduction)",
  "can we (?:meet|talk|chat|have a call|grab)",
  "could we (?:meet|talk|chat|have a call)",
  "let me know if you (?:could|can|have)",
  "vær sød at",
  "må jeg spørge",
  "jeg vil gerne spørge",
  "er der nogen chance",
  "kender du nogen",
  "jeg har brug for (?:din|jeres) (?:hjælp|input|råd)",
  "kan vi (?:mødes|tale|tage en snak|ses|tage et møde)",
  "hvad synes du",
]);

/**
 * Danish asks with the verb first ("Kan du hjælpe?"), but the same words inside a statement do not ask:
 * "så kan du se" is "then you can see". These count only at the start of a sentence or clause.
 */
const DANISH_ASK = new RegExp(
  `(?:^|[.!?:;,]\\s*|\\n\\s*)(?:hej \\p{L}+,?\\s*)?(?:kan du|kunne du|vil du|ville du|gider du|har du mulighed for|har du tid|har du lyst til)(?![\\p{L}])`,
  "iu",
);

/** Questions that open or close a mail politely; they ask for nothing. */
const SMALL_TALK_QUESTION = phrases([
  "how are you(?: doing)?",
  "how(?:'s| is) it going",
  "how are things",
  "hope (?:you are|you're|all is) well",
  "hvordan går det",
  "hvordan har du det",
  "alt vel",
  "hvad så",
  "hvad laver du",
]);

const INTRODUCTION = phrases([
  "let me introduce (?!myself)",
  "(?:i'd|i would) (?:like|love) to introduce (?!myself)",
  "(?:i'd|i would) like you to meet",
  "meet each other",
  "you two should (?:meet|talk|connect)",
  "(?:i'm|i am) cc'?ing",
  "cc'?ing (?:in )?my",
  "looping in",
  "(?:i'm|i am) (?:copying|connecting you)",
  "connecting you (?:two|with|to)",
  "introducing you (?:to|both)",
  "må jeg introducere (?!mig)",
  "jeg vil gerne introducere (?:dig|jer)",
  "jeg vil gerne præsentere (?:dig|jer)",
  "må jeg præsentere (?!mig)",
  "jeg sætter (?:\\p{L}+ )?(?:på cc|i cc)",
  "jeg har sat (?:\\p{L}+ )?på cc",
  "sætte jer i (?:forbindelse|kontakt)",
  "sætter jer i (?:forbindelse|kontakt)",
  "I skal (?:mødes|hilse på hinanden|tale sammen)",
]);

const HELP_OR_INFORMATION = phrases([
  // "Here is the link", not "here is how I see it"; "her er referatet", not "her er alt fint".
  "(?:here is|here's|here are) (?:the|a|an|my|some|that|this|your|our|his|her|their|two|three|link|links)",
  "attached",
  "i(?:'ve| have) attached",
  "please find attached",
  "i found (?!your|you)",
  "you might find this useful",
  "(?:i )?thought you might (?:find|like|be interested)",
  "this might help",
  "hope this helps",
  "sharing (?:this|a|the)",
  "her er (?:den|det|de|et|en|nogle|mit|min|mine|vores|linket|link|filen|referatet|listen|kontakten|navnet|hans|hendes|to|tre)",
  "vedhæftet",
  "jeg har vedhæftet",
  "jeg har fundet",
  "måske kan du bruge",
  "det kan måske (?:være nyttigt|hjælpe|bruges)",
  "til inspiration",
  "håber det kan bruges",
  "håber det hjælper",
]);

const REFERRAL = phrases([
  "i recommended you",
  "i(?:'ve| have) recommended you",
  "i referred",
  "i(?:'ve| have) referred",
  "recommended you to",
  "(?:passed on|passed along|gave|given|shared) your (?:name|details|contact|number)",
  "mentioned you to",
  "anbefalede dig",
  "har anbefalet dig",
  "jeg har givet dit (?:navn|nummer|kontakt\\p{L}*) videre",
  "givet dit (?:navn|nummer) videre",
  "henviste (?:\\p{L}+ )?til dig",
  "nævnte dig for",
]);

const OUTREACH = phrases([
  "(?:i'm|i am) reaching out",
  "reaching out (?:to you )?(?:because|about|regarding)",
  "we haven't met",
  "we have not met",
  "we've not met",
  "my name is",
  "(?:let me|allow me to) introduce myself",
  "(?:i'm|i am) writing to you because",
  "i came across your",
  "\\p{L}+ suggested (?:i|that i) (?:contact|reach out|write)",
  "jeg hedder",
  "mit navn er",
  "vi har ikke mødt hinanden",
  "vi kender ikke hinanden",
  "jeg skriver til dig fordi",
  "jeg tillader mig at (?:skrive|kontakte)",
  "jeg faldt over din",
  "(?:må jeg|lad mig) præsentere mig",
  "anbefalede (?:at )?jeg (?:kontaktede|skrev til) dig",
]);

const SUBJECT_INTRODUCTION = /^\s*(intro|introduction|introduktion|introducing|præsentation)\b/i;
const SUBJECT_QUESTION = /^\s*(quick question|question|a question|spørgsmål|et hurtigt spørgsmål|hurtigt spørgsmål)\b/iu;

function normalize(text: string): string {
  return text
    .slice(0, MAX_INTENT_CHARS)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\u00a0/g, " ");
}

/** Drops a trailing "Thanks,"/"Tak," sign-off and the name below it. */
function withoutSignOff(text: string): string {
  const lines = text.split("\n");
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  const last = lines.length - 1;
  if (last >= 0 && SIGN_OFF_WITH_NAME.test(lines[last].trim())) return lines.slice(0, last).join("\n");
  for (let i = last; i >= Math.max(0, last - MAX_NAME_LINES); i--) {
    if (!SIGN_OFF_LINE.test(lines[i].trim())) continue;
    const below = lines.slice(i + 1).filter((l) => l.trim() !== "");
    if (below.every((l) => l.trim().length <= MAX_NAME_LINE_CHARS && !/[?!]/.test(l))) {
      // Only when something else precedes it: a mail that says nothing but "Thanks," does thank.
      const above = lines.slice(0, i).join("\n").trim();
      if (above) return lines.slice(0, i).join("\n");
    }
    break;
  }
  return lines.join("\n");
}

function asksQuestion(text: string): boolean {
  const sentences = text.split(/(?<=[.!?])\s+|\n+/);
  return sentences.some((s) => {
    const sentence = s.trim();
    if (!sentence.endsWith("?")) return false;
    if (SMALL_TALK_QUESTION.test(sentence)) return false;
    return sentence.split(/\s+/).filter(Boolean).length >= MIN_QUESTION_WORDS;
  });
}

/** Classifies the person's own new text (quotes and signature already removed). */
export function classifyIntent(input: { subject: string; text: string }): Intent {
  // A reply's or forward's subject was written by someone else first: it says nothing of this mail.
  const ownSubject = isReplyOrForward(input.subject) ? "" : normalize(input.subject);
  const body = withoutSignOff(normalize(input.text));
  const all = `${ownSubject}\n${body}`;
  const outreach = OUTREACH.test(all);
  const thanksText = all.replace(new RegExp(NOT_THANKS.source, "giu"), " ");
  return {
    thanks: THANKS.test(thanksText),
    request:
      REQUEST.test(all) ||
      DANISH_ASK.test(all) ||
      SUBJECT_QUESTION.test(ownSubject) ||
      asksQuestion(body) ||
      asksQuestion(ownSubject),
    giving:
      INTRODUCTION.test(all) || SUBJECT_INTRODUCTION.test(ownSubject) || HELP_OR_INFORMATION.test(all) || REFERRAL.test(all),
    outreach,
  };
}
