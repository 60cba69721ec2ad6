// What a person's new text does, in English and Danish: thanks, asks, gives (an introduction, a referral,
// help or information), proposes, greets, or opens a first contact. Pure rules over the text they wrote now;
// quotes and signatures are removed before (see reply.ts).
//
// Wording is the second signal, after the mail's structure (who is in To/Cc, what is attached, what the owner
// asked before: see ingest/). The patterns therefore look for a few anchor words with up to a few words in
// between ("I'd *really* love for you two to meet", "jeg har *lige* skrevet til min gamle kollega om dig"), in
// any tense, rather than for fixed phrases.
import { firstWord } from "../names";
import { isReplyOrForward } from "./subject";
import { latin1Text, letterRegExp } from "./letters";
import { PhraseSet, type PhraseMatch } from "./phrase-set";
import { asksByCues, WRITER_AS_SUBJECT } from "./request-cues";
import { CLOSING_THANKS, DISCLAIMER, MAX_DISCLAIMER_PARAGRAPHS, SIGN_OFF_WORDS } from "./sign-offs";

/** What the words say was given; the structure of a mail can say more (ingest/judge.ts). */
export type WordedGift = "introduction" | "referral" | "help";

export interface Intent {
  /** They express gratitude for something ("that was generous of you", "du reddede min uge"). */
  thanks: boolean;
  /** A real request or question to the reader: it expects an answer. */
  request: boolean;
  /** The request is worded as one ("could you…", "det ville være en hjælp, hvis du…"), not only a "?". */
  explicitRequest: boolean;
  /** Every request in it is about when or where to meet ("Thursday at 9 at Original Coffee?"). */
  scheduling: boolean;
  /** The mail gives the reader something, by its wording. */
  giving: boolean;
  gift: WordedGift | null;
  /** Whom they introduced or recommended the reader to, when the words name them ("Tom Becker"). */
  giftDetail: string | null;
  /** An offer, a quote or a proposal: it expects an answer. */
  proposal: boolean;
  /** Wording of a first contact ("my name is", "we haven't met"). */
  outreach: boolean;
  /** They say someone sent them ("Lars suggested I write to you"): they come through the network, not out of the blue. */
  referredBy: boolean;
  /**
   * They say they met the owner ("Tak for et godt møde i går", "Thanks again for Friday"): a tie both ways, though the
   * mail may be their first. Unlike `referredBy`, it says nothing of who else is in the mail.
   */
  metBefore: boolean;
  /** A greeting for an occasion (birthday, congratulations, season's greetings): it expects nothing. */
  greeting: boolean;
  /** A nudge on the writer's own earlier mail ("just checking this reached you", "følger lige op"). */
  nudge: boolean;
  /** A link in the new text: with an attachment, the material someone may have asked for. */
  link: boolean;
  /** Words that hand something over ("here it is", "vedhæftet"): the attachment a forward may have dropped. */
  handsOver: boolean;
  /** Says no or does not know ("I'm afraid I can't", "desværre"): whatever else it says, it gives no answer. */
  declines: boolean;
  /** Asks a real question that ends in "?" (not only a wish or a hint): what an answer to someone's request may still ask. */
  questionMark: boolean;
  /** Asks for advice or know-how ("how do you price…", "hvad ville du gøre?"): an answer is help, even to a first mail. */
  seeksAdvice: boolean;
  /** Picks up an old thread ("Long time!", "Det er længe siden"): its questions catch up, they seek no know-how. */
  catchUp: boolean;
  /** Greets a group ("Hi all", "Hej alle", "Dear friends"): news for several people, not a note to one. */
  toAll: boolean;
  /** Confirms what is arranged ("Confirmed for Tuesday 7am", "Det er aftalt, jeg kommer tirsdag"): it expects nothing back. */
  confirms: boolean;
  /** Asks for a meeting or offers the writer's own work ("would you have half an hour?", "jeg sender gerne eksempler"): a pitch, whose answer is no gift. */
  pitch: boolean;
  /** Names a price or a rate ("4.900 kr. om måneden", "my day rate is £450"): business offered, which waits for a yes. */
  prices: boolean;
  /** Does business: confirms an order or a booking, approves, takes a deposit ("Thank you for your order. We confirm:", "Det er i orden med skiltet"): what it hands over is no favour. */
  transaction: boolean;
  /** Says yes, gladly ("Of course, I'll take all four", "Selvfølgelig må du det – det gør jeg med glæde"): to the owner's ask for a favour, the yes is the favour. */
  agrees: boolean;
  /**
   * Says the writer will answer at a time they name ("I'll write properly at the weekend", "Jeg skriver til dig i morgen
   * med hendes kontaktinfo"), and gives no advice yet: an owner's answer like that leaves the ask open.
   */
  promises: boolean;
  /** Says what was agreed is done ("All done! Saw all seven yesterday", "Så er det klaret"): on a favour, the favour itself. */
  reportsDone: boolean;
  /**
   * The rhythm the two of them keep, said in words ("our monthly letter", "Same time next month", "vi ses første
   * torsdag i måneden"), in days; null when the mail says none.
   */
  statedRhythmDays: number | null;
  /**
   * Every question it asks is about the reader's own life or plans ("Hvornår kommer I til Sjælland næste gang?",
   * "Did Kontor answer the staff-engineer question?"): the answer is their news, not help given.
   */
  asksAfterThem: boolean;
}

export const NO_INTENT: Intent = {
  thanks: false,
  request: false,
  explicitRequest: false,
  scheduling: false,
  giving: false,
  gift: null,
  giftDetail: null,
  proposal: false,
  outreach: false,
  referredBy: false,
  metBefore: false,
  greeting: false,
  nudge: false,
  link: false,
  handsOver: false,
  declines: false,
  questionMark: false,
  seeksAdvice: false,
  catchUp: false,
  toAll: false,
  confirms: false,
  pitch: false,
  prices: false,
  transaction: false,
  agrees: false,
  promises: false,
  reportsDone: false,
  statedRhythmDays: null,
  asksAfterThem: false,
};

/** Text we read: the top of a mail says what it is about, and the regexes stay cheap. */
export const MAX_INTENT_CHARS = 8 * 1024;
/** Words a question needs before it counts as a request ("Ok?" does not). */
const MIN_QUESTION_WORDS = 3;
/** Lines below a sign-off that can be a name and a signature ("Giulia\n\nGiulia Ferraro\nCEO | Lumetto\nVia Ventura 15\nlumetto.it"). */
const MAX_NAME_LINES = 7;
const MAX_NAME_LINE_CHARS = 40;

/** Up to this many words may stand between the anchor words of a pattern. */
const GAP_WORDS = 4;
const W = "[\\p{L}\\p{N}'’-]+";
/** A gap of 0..GAP_WORDS words (and the spaces or commas around them). */
const GAP = `(?:[\\s,]+${W}){0,${GAP_WORDS}}?[\\s,]+`;
/** `__`: a wider gap, for whom something was said to ("told my old teammate Aisling Ryan about you"). */
// Ten words: a person at a firm takes that many ("skrevet til min gamle kollega Louise Kjær hos Nordjysk Tømrer om dig").
const WIDE_GAP_WORDS = 10;
// It may hold one clause between commas too: "skrevet til min gamle kollega Thomas, der er indkøber hos Meyers, om dig".
const WIDE_GAP = `(?:[\\s,]+${W}){0,${WIDE_GAP_WORDS}}?(?:\\s*,[^,.!?\\n]{1,80},)?[\\s,]+`;

/**
 * Builds a phrase set from patterns whose words are separated by `_` where a few other words may stand
 * between them ("love_to meet" matches "love for you two to meet"), and by spaces where they must be
 * adjacent. Each pattern starts and ends on a word boundary, æøå included.
 */
function phrases(list: string[]): PhraseSet {
  // A comma may stand before any space: "glade, hvis du …", "Cheers, Lena!".
  const patterns = list.map((p) => p.replace(/__|_| /g, (m) => (m === " " ? ",? " : m === "_" ? GAP : WIDE_GAP)));
  return new PhraseSet(patterns, (p) => `(?<![\\p{L}\\p{N}])(?:${p})(?![\\p{L}\\p{N}])`, { ignoreCase: true });
}

/** An answer to thanks ("you're welcome", "det var så lidt"): its questions are small talk, as in a thank-you. */
const WELCOME = phrases([
  "(?:you're|you are|you're very|you are very|you're most|you are most) welcome",
  "(?:no|not a) (?:problem|bother|worries)",
  "(?:my|our) pleasure",
  // "Anytime!", not "Any time after 11 works for me"
  "any ?time(?! (?:after|before|from|between|on|this|next|in|that|you|we|i|works|work|suits|is|that's|of))",
  "happy to help",
  "glad (?:to help|i could help|it helped)",
  "det var så lidt",
  "selv tak",
  "ingen årsag",
  "velbekomme",
  "(?:det var|det er) en fornøjelse",
  "godt (?:at|det) (?:kunne bruges|hjalp)",
]);

/** Politeness that is not gratitude for something given. Removed before the thanks rules run. */
const NOT_THANKS = phrases([
  "no,? thanks?(?: you)?",
  "nej,? tak",
  "thanks? (?:you )?in advance",
  "thanks? (?:you )?ahead of time",
  "thanks? for (?:reaching out|getting in touch|your (?:mail|email|message|note|inquiry|enquiry|interest))",
  "på forhånd (?:mange |tusind )?tak",
  "tak på forhånd",
  "tak for (?:din|jeres) (?:mail|besked|henvendelse)",
  "nej,? ellers tak",
  // a reader's own future gratitude: "You'll thank yourself later", "you'll thank me in January"
  "(?:you'll|you will|you'd|you would) (?:\\p{L}+ )?thank (?:yourself|yourselves|me|us)",
  "(?:du|i) (?:vil|kommer til at) takke (?:dig selv|mig|os)",
  // Gratitude for what the reader might still do is a request, not thanks: "that would be a lifesaver", "I'd be
  // so grateful for a copy", "would be hugely appreciated", "det ville være en kæmpe hjælp".
  "(?:(?:i|we|it|that|this|which)(?:'d|'ll)|would|will|could) (?:be|mean) (?:an? |such an? |the |absolute |real )*(?:absolute |real )?(?:lifesaver|life saver|life-saver|godsend|huge help|big help|great help|massive help)",
  // not "I'll be grateful for a long time", which thanks
  "(?:(?:i|we)'d|would) be (?:so |very |really |hugely |eternally |forever |most |incredibly )?(?:grateful|thankful|indebted)",
  "(?:(?:i|we)'ll|will) be (?:so |very |really |hugely |eternally |forever |most |incredibly )?(?:grateful|thankful|indebted) if",
  "(?:would|will) be (?:much |greatly |hugely |really |very much |so )?appreciated",
  // "I'd really appreciate it if…", "you'll appreciate the view": a wish or a guess, thanking nobody yet.
  "(?:would|will|\\p{L}+'d|\\p{L}+'ll) (?:really |truly |so |greatly |very much |hugely |much )?appreciate",
  "appreciate it if",
  "(?:ville|vil) (?:være|blive) (?:meget |så |rigtig |evigt |utrolig )?taknemmelig(?:e)?",
  "(?:ville|vil) (?:være|blive) (?:en )?(?:stor |kæmpe |enorm )?(?:hjælp|livredder)",
]);

const THANKS = phrases([
  "thanks?",
  "thank you",
  "thanking you",
  "thank u",
  "thx",
  "ty so much",
  "cheers for",
  "(?:much|greatly|really|truly|hugely) appreciated",
  "(?:i|we) (?:really |truly |so |very much |hugely )?appreciate",
  // without the "I": "Really appreciate you thinking of me", "Appreciate it!"
  "(?:(?:really|truly|hugely|greatly|so|massively|much) )?appreciate (?:it|that|this|you|your|the|all)",
  "grateful",
  "(?:so |very |really |incredibly )?(?:generous|kind|thoughtful|sweet|decent) of you",
  "(?:you )?saved (?:me|my|us|our|the)_(?:day|week|weekend|life|bacon|skin|hours|deadline|launch|project)",
  "you(?:'re| are) (?:a|an|such a|such an) (?:star|lifesaver|life saver|legend|gem|hero|saint|angel)",
  "lifesaver",
  "cheers (?:mate|\\p{Lu}\\p{L}+)?!",
  "(?:exactly|just|precisely) what (?:i|we) (?:needed|was after|were after|was looking for)",
  "(?:you're|you are) (?:gold|a gem|the best|amazing|brilliant|a legend)",
  "(?:the )?(?:coffee|coffees|drinks?|lunch|beers?|next round|dinner|pint)(?: is| are|'s)? on me",
  "(?:has|have|'s) (?:already )?saved (?:me|us)",
  "(?:i|we) owe you",
  "couldn't have done it without you",
  "could not have done it without you",
  "(?:means|meant) (?:so much|a lot|the world)",
  // "I can't tell you how much that intro means", "next round of tacos is on me"
  "how much (?:\\p{L}+ ){0,3}(?:means|meant) to (?:me|us)",
  "(?:can't|cannot) tell you how much (?:\\p{L}+ ){0,3}(?:means|meant|helped)",
  "(?:next|first) (?:round|one)(?: of \\p{L}+)? (?:is|are|'s) on me",
  "made my (?:day|week)",
  "(?:was|been|such|what|is|'s|a) (?:a )?(?:big|huge|great|massive|real|enormous|tremendous) help",
  "in your debt",
  "(?:lovely|kind|nice|generous|thoughtful|sweet|classy|wonderful) gesture",
  "(?:fin|flot|sød|smuk|pæn|rar|stor|dejlig) gestus",
  "(?:grazie|danke|merci|gracias|obrigad[oa]|tack|takk)",
  // Dutch: "Dank voor de intro!", "Bedankt!", "Dank je wel"
  "(?:dank (?:je|u|jullie)(?: wel)?|dank voor|heel erg bedankt|bedankt)",
  // German: "ich wollte mich noch richtig bei dir bedanken", "Vielen Dank", "Das nächste Abendessen geht auf mich"
  "(?:mich|uns) (?:\\p{L}+ ){0,4}bedanken",
  "bedanke mich",
  "(?:vielen|herzlichen|tausend|besten|lieben) dank",
  "dank (?:dir|ihnen|euch)",
  "(?:geht|gehen) (?:\\p{L}+ )?auf mich",
  "helped (?:me|us)? ?(?:so much|a lot|enormously|immensely|hugely|loads)",
  "tusind tak",
  "mange tak",
  "tak",
  "takk?er",
  "taknemmelig",
  "sætter_pris på",
  "(?:du )?(?:reddede|redder|har reddet)_(?:mig|min|mit|dagen|ugen|weekenden|deadline)",
  "(?:det var|hvor var det|hvor er det|det er)_(?:sødt|pænt|generøst|venligt|rart|flot|lieb|betænksomt|omsorgsfuldt|gavmildt|storsindet|fint|godt)(?: tænkt| gjort| sagt)? af dig",
  // calling them a friend for it: "du er en rigtig god ven", "you're a true friend"
  "(?:du er|you're|you are) (?:en |a )?(?:rigtig |sand |ægte |god |true |real |good |great )+(?:ven|veninde|friend|pal|mate)",
  "(?:du er|you're|you are) (?:simpelthen |bare |virkelig |simply |just |really )?(?:den|the) (?:bedste|best)",
  "(?:hvor er du|du er så|du er bare så) (?:sød|skøn|dejlig|god|en skat)",
  "(?:står|er) i gæld til dig",
  "du er (?:en )?(?:skat|engel|helt|stjerne|guldklump|guld|guld værd|et guldkorn)",
  "(?:præcis|lige præcis|netop) (?:det|hvad) (?:jeg|vi)_(?:manglede|havde brug for|ledte efter)",
  "(?:kaffen|frokosten|øllen|middagen|næste omgang) er på mig",
  "(?:du skal have|du fortjener|jeg skylder dig) (?:en|et)_(?:flaske|kaffe|øl|frokost|middag|kage|buket)",
  "har (?:allerede )?sparet (?:mig|os)",
  "uden dig",
  "skylder dig",
  "(?:var|har været|sikke|for en) (?:en )?(?:stor|kæmpe|enorm|uvurderlig) hjælp",
  "hjalp (?:mig|os)? ?(?:rigtig |virkelig )?(?:meget|enormt|gevaldigt|helt vildt)",
  "gjorde (?:min dag|en forskel)",
]);

/** A sign-off such as "Thanks," or "Tak," alone on its line above the name closes a mail, it thanks nobody. */
// "Thanks!" with an exclamation mark is meant; "Thanks," above the name is how the mail ends.
const SIGN_OFF_LINE = new RegExp(String.raw`^(?:${[...CLOSING_THANKS, ...SIGN_OFF_WORDS].join("|")})\s*[,.:،。]?\s*$`, "i");
/** An opening line that says nothing yet: "Hej Karen,", "Hi all,". */
const GREETING_LINE = /^(?:hi|hey|hello|dear|hej|kære|hejsa|goddag)\b[^.!?\n]{0,40}[,!]?\s*$/i;
/** "Thanks!" under a question is thanks in advance: a sign-off, not a thank-you. */
const THANKS_IN_ADVANCE_LINE =
  /^¡?(?:thanks|thank you|many thanks|thanks so much|thx|tak|mange tak|tusind tak|gracias|muchas gracias|danke|vielen dank|tack|tusen tack|takk|tusen takk)(?: (?:dir|ihnen|euch|schön|in advance|på forhånd|de antemano|så mycket|skal du ha))?\s*!+\s*$/i;
const SIGN_OFF_WITH_NAME = letterRegExp(String.raw`^(?:thanks|thx|tak|mange tak)\s*,\s*[\p{L}][\p{L} .'-]{0,30}$`, "i");

/** Requests worded as requests, with or without a question mark. */
const REQUEST = phrases([
  "(?:could|can|would|will|might) you(?! (?:believe|imagine|tell (?:that|it)|guess))",
  "(?:would|will) you be_(?:able|willing|open|up for|interested|free|around|available|keen)",
  "are you_(?:able|free|available|around|up for|interested|open|willing|keen)",
  "do you_(?:have|know|think|mind|want|fancy|happen|reckon)",
  "have you had a chance",
  "any chance",
  "is there any (?:way|chance)",
  "(?:would|is) it (?:be )?possible",
  // not "exactly the person I was hoping for - I owe you one"
  "i(?:'m| am| was)? (?:wondering|hoping)(?! for)_(?:if|whether|you)",
  "i wonder(?:ed)? (?:if|whether)",
  "(?:can|could|may|might) i_(?:ask|pick|borrow|get|have|send|steal|grab|book|call)",
  // not the inviting "do tell me what's on their minds"
  // …but not the courtesy after giving something: "Let me know what your customers think", "how it goes"
  "(?<!do )(?:let me know|tell me|lmk)_(?:what|if|when|whether|how|which|who|your)(?!(?: (?:your \\p{L}+|the \\p{L}+|\\p{L}+))? (?:think|thinks|thought|make of it|get on|got on|goes|went|turns out|works out)(?![\\p{L}]))",
  // a deadline for the answer: "let me know by Friday", "giv besked inden torsdag"
  "(?:let me know|lmk|get back to me|giv (?:mig )?(?:besked|lyd)|lad mig (?:det )?vide|vend tilbage) (?:by|before|no later than|inden|senest|før)",
  "please(?! (?:find|see|note|be aware)(?![\\p{L}]))(?! (?:don't|do not|dont|never))_(?:send|review|confirm|share|let|advise|help|take|look|get|reply|check|sign|fill|forward|call|give|tell|find|read|comment|write|draft|prepare)",
  "(?:i|we)(?:'d| would) (?:really |so |very much )?(?:love|appreciate|welcome|value|like)_(?:your|you to|it if|some|any|a second|an? (?:intro|introduction|opinion|hand|eye))",
  "(?:i|we) (?:really )?need your",
  // the thing asked for in the passive: "Den må meget gerne sendes til mig på mail", "could it be sent over by Friday"
  "(?:(?:må|kan) (?:meget |rigtig |også |lige )?gerne|bedes) (?:sendes|mailes|afleveres|udfyldes|returneres|eftersendes)(?![\\p{L}])(?! (?:af|fra) (?:os|mig))",
  "(?:could|can) (?:it|this|they|these|that) (?:please )?be (?:sent|emailed|returned|forwarded)(?: (?:to me|to us|over|back))?",
  // a need said with the writer after the verb: "For at jeg kan færdigbehandle ansøgningen, mangler jeg en situationsplan"
  "mangler jeg (?:stadig |lige |kun )?(?:en|et|dit|din|dine|jeres|nogle)(?![\\p{L}])",
  "(?:need|want|love|welcome|get) (?:your|a second|some|any)_(?:thoughts|feedback|input|advice|opinion|eyes|take|help|view|pair of eyes)",
  "(?:keen|curious|eager) to (?:hear|know|get)_(?:you|your)",
  "(?:your|any) (?:thoughts|feedback|input|advice|take|opinion)s?\\s*\\?",
  "it would (?:be|mean)_(?:help|helpful|great|amazing|lot|wonderful|fantastic|grateful)_if you",
  "(?:can|could|shall|should) we_(?:meet|talk|chat|grab|have|set up|schedule|find|hop|do|book)",
  "when (?:are|would|is|could|can) (?:you|it)_(?:free|available|good|convenient|work|suit)",
  "what (?:time|day|date)s? (?:works|suits|would work)",
  "does_(?:work|suit) (?:for )?you",
  "(?:looking for|need) (?:some )?(?:advice|help|a recommendation|an introduction|an intro|a referral)",
  "(?:i|we)(?:'ll| will| would)? (?:need|could do with|could use)_from you",
  "(?:when|whenever|if) you (?:get|have|find) (?:a|the) (?:sec|second|minute|moment|chance|few minutes)",
  "(?:i|we) (?:need|'ll need|will need) (?:the|your|a copy|a quote|an? (?:intro|introduction|answer|update|estimate|quote|price|hand))",
  "(?:i|we) need (?:someone|somebody|a hand|help|a favour|a favor) (?:to|with)",
  "(?:i'll|i will|i'd|i would|we'll|we would|we'd) owe you",
  // the dropped subject of a terse client: "Need you to sort the renewal before then"
  "(?:(?<=(?:^|[.!?\\n])\\s*)|(?:i|we) (?:really |just )?)need you to",
  "(?:could|can|would) (?:really |so )?use your",
  "your eyes on",
  "if you (?:ever )?(?:had|have|get|got|find) (?:a |an )?(?:spare |free |quiet )?(?:half an hour|half hour|hour|minute|moment|few minutes|second|sec|morning|afternoon)",
  "(?:would|'d) be (?:brilliant|great|lovely|amazing|a (?:huge |big )?help|really helpful|so helpful|wonderful)",
  "that would (?:really |so |massively )?help",
  "[^.!?\\n]{3,} please[.!]*$",
  "if you (?:could|would|have (?:the )?time|get a (?:chance|moment)|are able|find (?:the )?time)",
  "(?:i|we)(?:'d| would) be_(?:grateful|glad|thrilled|delighted|happy|indebted) (?:for|if)",
  "(?:i|we)(?:'d| would) (?:really |so |very much |greatly )?appreciate",
  "(?:would|'d) (?:be|love) (?:amazing|great|brilliant|lovely|awesome|fantastic|so helpful|a huge help)_(?:to get|if you|your|to have)",
  // Danish
  "det ville være_(?:hjælp|dejligt|fantastisk|super|godt|skønt|rart|fedt|fint|guld)_hvis (?:du|i)",
  "hvis (?:du|i) (?:kunne|ville|gad|har (?:tid|mulighed|lyst|overskud)|når (?:det|at)|får tid|kan nå)",
  "(?:kig|læs|send|ring|skriv|giv|tjek|se|vend) (?:endelig|gerne|lige) (?:på|igennem|mig|til|tilbage|et)",
  "(?:jeg|vi) (?:skal bruge|mangler|har brug for)_fra dig",
  "(?:jeg|vi) (?:skal|skulle|kommer til at) (?:lige )?bruge (?:et|en|nogle|jeres|dit|din|dine|\\p{L}+(?:et|en|ne|erne))(?![^.!?\\n]{0,60} på at)",
  "(?:kunne|ville|kan) (?:virkelig |rigtig |godt )?bruge (?:dit|din|dine|jeres)",
  "hvis du kan (?:finde|nå|få|afse)",
  "(?:jeg|vi) har brug for (?:en|nogen|hjælp|lidt hjælp)_(?:til at|der kan|som kan)",
  "(?:jeg|vi) har brug for,? (?:at (?:du|i)|dit|din|dine|jeres)",
  "(?:dit|jeres) (?:blik|øje|øjne) på",
  "det ville (?:virkelig |rigtig |godt )?(?:hjælpe|betyde)",
  "hvis (?:du|i) (?:en dag |engang )?(?:har|får|havde|fik) (?:en |et )?(?:halv time|time|øjeblik|minut|par minutter|tid)",
  "(?:høre|spørge|vide|tænkte på|spekulerer på|overvejer),? om (?:du|i) (?:kunne|ville|kan|vil|gad|har|havde|er|var)",
  "(?:jeg|vi) (?:ville|vil) (?:blive|være)_(?:glad|glade|taknemmelig|taknemmelige|lykkelig|lykkelige) (?:for|hvis)",
  // inverted after a condition: "Hvis du har en titel, vil jeg blive rigtig glad for at høre den"
  "(?:ville|vil) (?:jeg|vi) (?:blive|være)_(?:glad|glade|taknemmelig|taknemmelige) (?:for|hvis)",
  "(?:jeg|vi) (?:ville|vil)_sætte_pris på",
  "(?:jeg|vi) (?:vil|ville) (?:meget |rigtig |så )?gerne høre,? (?:hvordan|hvad|om|hvornår|hvorfor|hvilke)",
  // an indirect question: "we would like to know whether the staircase can move", "vi vil gerne vide, om …"
  "(?:i|we)(?:'d| would) (?:really )?(?:like|love) to (?:know|hear|find out|understand|learn) (?:whether|if|what|how|when|which|who|roughly)",
  "(?:(?:jeg|vi) (?:vil|ville)|(?:vil|ville) (?:jeg|vi)) (?:meget |rigtig )?gerne vide,? (?:om|hvad|hvordan|hvornår|hvilke|cirka)",
  "jeg (?:håber|tænkte på|spekulerer på|ville høre|vil høre)_(?:om )?(?:du|i) (?:har|kan|vil|kunne|gider|måske|ville|havde)",
  "jeg (?:vil|ville) (?:gerne|meget gerne|høre)_(?:bede dig|bede jer|høre dig|høre jer|høre om|spørge)",
  // "jeg vil bede dig sende mig mine citater", "vi beder jer om at bekræfte"
  "(?:jeg|vi) (?:vil|ville|må|skal) (?:gerne |lige |hermed )?bede (?:dig|jer)",
  "(?:jeg|vi) beder (?:hermed |venligst )?(?:dig|jer) (?:om|at)",
  "må jeg_(?:bede|spørge|låne|sende|ringe|stjæle|få)",
  "vær (?:så |lige )?(?:sød|venlig) at",
  "send (?:mig |os )?(?:gerne|lige|endelig)",
  "giv (?:mig |os )?(?:gerne |lige )?(?:besked|lyd|et praj|et kald)",
  "lad (?:mig|os) (?:gerne |lige )?(?:høre|vide)",
  "skriv (?:gerne|endelig|lige) tilbage",
  "(?:hvad|hvordan) (?:synes|tænker|siger|tror|mener) (?:du|i)",
  "(?:dine|jeres) (?:tanker|input|kommentarer|øjne|råd|besyv)",
  "(?:jeg|vi) har brug for_(?:hjælp|input|råd|sparring|øjne|second opinion|feedback|din vurdering|jeres vurdering)",
  "(?:kan|kunne|skal|skulle) vi_(?:mødes|tage|ses|tale|snakke|finde|aftale|høres|drikke)",
  "hvornår (?:passer|har|kan|vil) (?:det|du|i)",
  // "Skriv bare hvilken dag der passer jer", "hvilket tidspunkt passer dig bedst": the Danish "which day works"
  "(?:hvilken|hvilket|hvilke) (?:dag|dage|dato|datoer|tidspunkt|tidspunkter|tid|uge|formiddag|eftermiddag) (?:der )?(?:passer|kan|virker|er bedst|går)",
  "(?:skriv|sig|meld) (?:bare|gerne|lige|endelig) (?:til,? )?(?:hvilken|hvilket|hvilke|hvornår|hvad|hvor|hvem|om)",
  "kender du (?:nogen|en|et|til)",
  "ved du (?:om|hvem|hvad|hvor|hvornår|hvordan)",
  "er (?:du|i) (?:interesseret|frisk|klar|ledig|til at|på)",
  // German, Swedish, Norwegian and Spanish asks: "Kannst Du mir … geben?", "Könnten Sie …", "kan du skicka", "¿Me podrías …?"
  // asked first in the clause, not "den kannst du so übernehmen" (you may use it as it is)
  "(?:(?<!\\p{L}\\s?)|(?<=(?:und|aber|oder|also|dann)\\s))(?:kannst|könntest|würdest) du",
  "(?<!\\p{L}\\s?)(?:können|könnten|würden) sie (?:mir|uns|bitte)",
  // Danish: "Før vi kan gå videre, skal vi have jeres databehandleraftale", "Send det gerne, når du har det"
  "(?:skal|må) (?:vi|jeg) (?:lige |først |stadig )?(?:have|bruge) (?:jeres|din|dit|dine)(?![\\p{L}])",
  // not an invitation to try again later: "Send den gerne igen i januar"
  "send (?:mig |os )?(?:det|den|dem)? ?gerne(?! igen)(?!,? hvis)",
  // "Gib mir bitte kurz Bescheid, ob das bei dir klappt", "Ich brauche bis Freitag, 20.11., deine verbindliche Zusage"
  "(?:gib|gebt|geben sie) (?:mir|uns)(?: bitte| doch| mal| kurz| noch| einfach){0,3}(?: bis [^.!?\\n]{1,30}?)? bescheid",
  "(?:(?:sag|sagt|sagen sie) (?:mir|uns)|melde dich|meld dich|melden sie sich)(?: bitte| doch| mal| kurz| noch| einfach){0,3} (?:bescheid|bei mir|bei uns|bis)",
  "(?:ich|wir) (?:brauche|brauchen|bräuchte|bräuchten) (?:(?:bis|vor) [^!?\\n]{1,30}? )?(?:deine|dein|deinen|ihre|ihren|eure|euren|noch deine|noch ihre)",
  "(?:wäre|wär) (?:super|toll|schön|klasse|prima|nett|großartig|hilfreich|gut)_wenn (?:du|sie|ihr)",
  "(?:ich würde mich|wir würden uns) (?:sehr |riesig )?freuen_wenn (?:du|sie|ihr)",
  "(?:kan|kunne|skulle) du (?:skicka|hjälpa|titta|hjelpe)",
  // "Skicka gärna en sammanställning när du hinner", "send gjerne tilbudet": the Swedish and Norwegian "please send"
  "(?:skicka|send|ring|maila|mejla|titta|se) (?:mig |oss |meg )?(?:gärna|gjerne)",
  "(?:jag|vi) behöver (?:din|ditt|dina|er|ert|era|hjälp)",
  "(?:jeg|vi) trenger (?:din|ditt|dine|deres|hjelp)",
  "(?:me|nos) (?:podrías|puedes|podría|podrían)",
  "(?:podrías|puedes|podría usted)",
  // Italian, French, Dutch and Portuguese: "Ci può mandare un'offerta?", "Mi fa sapere?", "Pourriez-vous …",
  // "Kun je me … sturen?", "Pode enviar-me …?"
  "(?:mi|ci) (?:può|puoi|potrebbe|potresti|potete|fa|faccia|fai|fate) (?:sapere|mandare|inviare|dire|aiutare|confermare)",
  "(?:fammi|fatemi|mi faccia|ci faccia) sapere",
  "(?:potrebbe|potresti|può|puoi) (?:mandarmi|mandarci|inviarmi|inviarci|dirmi|aiutarmi)",
  "(?:pourriez|pouvez|pourrais|peux)-(?:vous|tu)",
  "(?:kun|kunt|zou|wil) (?:je|u)",
  // "Graag hoor ik van je of …", "Laat me even weten wanneer het uitkomt"
  "(?:graag hoor ik|ik hoor graag|we horen graag|horen we graag)",
  "laat (?:me|mij|ons) (?:even |graag |alsjeblieft |het |dan )?weten",
  "(?:pode|podes|poderia|podia) (?:enviar|mandar|dizer|ajudar|confirmar)",
]);

/**
 * Danish asks with the verb first ("Kan du hjælpe?"), but the same words inside a statement do not ask:
 * "så kan du se" is "then you can see". These count only at the start of a sentence or clause.
 */
const DANISH_ASK = letterRegExp(
  `(?:^|[.!?:;,]\\s*|\\n\\s*)(?:(?:hej|kære) \\p{L}+,?\\s*)?(?:og |men )?(?:kan du|kunne du|vil du|ville du|gider du|tør du|må jeg|har (?:du|I) (?:mulighed|tid|lyst|overskud|et øjeblik|(?:fem|ti|femten|tyve|tredive|\\d+) (?:minutter|min)|et kvarter|en halv time)|har du lyst til)(?![\\p{L}])`,
  "i",
);

/** Words that announce a question: a "?" after them asks, even in a thank-you. */
const ASKS_OUTRIGHT = phrases([
  "(?:one|a|another|quick|small|little|last|short) (?:more |little |quick )?question",
  "(?:i|i'd|we|we'd) (?:want|wanted|would like|like|need) to ask (?:you|your)",
  "(?:maybe|perhaps) you (?:know|can tell)",
  "(?:et|ét|endnu et|et lille|et hurtigt|et sidste|et kort) spørgsmål",
  "(?:jeg|vi) (?:vil|ville|skal) (?:gerne |lige )?(?:spørge|høre) (?:dig|jer|om)",
  "måske ved du",
  // time asked for outright, after the thanks for a talk at a fair: "Hätten Sie in der Woche ab dem 2.11. Zeit?"
  "(?:hätten|haben|hättest|hast)\\s+(?:sie|du|ihr)\\s+(?:[\\p{L}\\p{N}.]+\\s+){0,6}zeit\\s*\\?",
  "(?:would|do|will) you have (?:time|half an hour|an hour|twenty minutes|\\d+ minutes|a slot)",
  // whether they still have a thing: "Har du i øvrigt stadig den pladevibrator, du ville af med?", "Do you still have that ladder?"
  "(?:har|have) (?:du|you|I) (?:i øvrigt |forresten |by the way |btw )?(?:stadig|still|still got) (?:den|det|de|dem|the|that|those|your|din|dit|dine)(?![\\p{L}])[^.!?\\n]*\\?",
  "(?:do|does) (?:you|she|he|they) (?:still|by any chance still) (?:have|own|need|use)(?![\\p{L}])[^.!?\\n]*\\?",
  // room for them, asked after thanking for the talk at the fair: "Har I stadig plads til en keramiker i foråret?"
  "(?:har|have) (?:I|du|you|you still|you got) (?:stadig |still |got |any )?(?:plads|room|space|a slot|capacity|ledige? \\p{L}+)[^.!?\\n]*\\?",
  "(?:er der|is there) (?:stadig |still )?(?:plads|room|space|a slot)[^.!?\\n]*\\?",
  // what it costs, or a quote: business, not small talk ("Tak for besøget … hvad vil det ca. koste ekstra?")
  "hvad (?:vil|ville|kommer|skal) (?:det|den|de) (?:ca\\.? |cirka |omtrent )?(?:at )?koste",
  "hvad koster",
  "how much (?:would|will|does|do|is|are)",
  "what (?:would|will|does) (?:it|that|this) cost",
  "(?:gerne have|like|love|need|send (?:me|us)) (?:a|et|en) (?:samlet |endeligt? |full |formal |rough )?(?:tilbud|overslag|quote|estimate)",
]);

/** A question about the reader's own life, plans or news, in the words people use for it. */
const ASKS_AFTER_THEM = phrases([
  "how (?:is|are|was|were|'s) (?:life|things|everyone|the family|the kids|the move|the trip|the holiday|the new job|your (?:new )?(?:job|family|move|trip|holiday|weekend|summer|kids|baby|wife|husband|partner|mum|mom|dad|health|recovery|back|knee|garden|house|flat))(?![\\p{L}])",
  "how did (?:it|the \\p{L}+|your \\p{L}+) go",
  "how (?:are|were) (?:you|things) (?:getting on|doing|settling)",
  "did (?:you|they|\\p{L}+) (?:take|get(?! (?:a chance|round|time|to|the)(?![\\p{L}]))|accept|decide|hear back|go for|answer|reply|say yes|offer you|make it)",
  "(?:which|what) way did you (?:go|decide|jump)",
  "what did you (?:decide|choose|go for|end up)",
  "when are you (?:coming|back|moving|off|next|free)",
  "(?:curious|dying to know|keen to hear|can't wait to hear) (?:which|what|how|whether|if|about)",
  // their things by name: "Did the chard survive in the end?", "how are the second years this year?"
  "did (?:the|your) (?:[\\p{L}-]+ ){1,2}(?:survive|make it|sell|turn out|work out|go well|come through|get through)",
  "how (?:is|are|was|were|'s) (?:the|your|all the) (?:[\\p{L}-]+ ){1,2}(?:this year|these days|doing|getting on|settling in|coming along|going)",
  "how (?:is|are|was|were|'s) (?:the|your|all the) [\\p{L}-]+(?= *(?:this year|these days|now)? *\\?)",
  "hvordan (?:går det|gik det|har (?:du|I) det|var (?:ferien|turen|weekenden|rejsen|det))",
  "overlevede (?:den|det|de|din|dit|dine|jeres) \\p{L}+",
  "hvordan går det med (?:den|det|de|din|dit|dine|jeres) \\p{L}+",
  "hvordan har (?:din|dit|dine|jeres) \\p{L}+ det",
  "hvornår (?:kommer|er|ses|tager) (?:I|du|vi)",
  "hvad (?:blev det til|endte (?:du|I) med|besluttede (?:du|I)|valgte (?:du|I))",
  "fik (?:du|I) (?:jobbet|stillingen|den|det|huset|lejligheden|ja)",
  "er (?:I|du) (?:kommet|flyttet) (?:godt )?(?:hjem|på plads|ind)",
]);

/**
 * Courtesies that ask for nothing, removed before the request rules: offers to help later ("let me know if you have
 * questions"; a courtesy ends at a dash too: "Sig endelig til, hvis du har lyst – vi skal have svar senest …"), and a
 * treat offered ("Må jeg give frokost en dag i december?").
 */
const COURTESY = phrases([
  // a treat offered in thanks: "Må jeg give frokost en dag i december?", "Can I buy you lunch to say thanks?"; not one
  // that comes with an ask ("Could I buy you a coffee and pick your brain for 20 minutes?")
  "(?:må|kan) (?:jeg|vi) (?:ikke )?(?:give(?: dig| jer)?|byde (?:dig|jer) på|invitere (?:dig|jer) på|købe (?:dig|jer)) (?:en |et )?(?:kop |lille )?(?:frokost|kaffe|middag|øl|drink|kage|morgenmad|brunch)(?:(?!(?:and|og|to|for at|så (?:jeg|vi) kan) (?:pick|ask|talk|discuss|hear|chat|get|go over|spørge|høre|tale|snakke|vende|få|drøfte))[^?\\n]){0,60}\\?",
  "(?:can|may|could) (?:i|we) (?:buy|treat|take) you (?:to )?(?:a |some )?(?:lunch|dinner|coffee|drink|pint|beer|breakfast|brunch)(?:(?!(?:and|og|to|for at|så (?:jeg|vi) kan) (?:pick|ask|talk|discuss|hear|chat|get|go over|spørge|høre|tale|snakke|vende|få|drøfte))[^?\\n]){0,60}\\?",
  "let me know if_(?:you have|there's|there is|there are|i can|anything|any questions|you need|you want|you'd like|questions)[^.!?\\n–—;]*",
  "(?:feel free|don't hesitate|do not hesitate)[^.!?\\n–—;]*",
  "(?:happy|glad) to (?:help|answer|chat)[^.!?\\n–—;]*",
  "(?:any|if you have (?:any)?) (?:other |more |further )?questions[^.!?\\n–—;]*",
  "sig (?:endelig |bare |gerne )?til,? hvis[^.!?\\n–—;]*",
  "skriv (?:endelig |bare |gerne )?(?:til mig )?,? hvis (?:du|i|der)[^.!?\\n–—;]*",
  "(?:du er|i er) (?:meget )?velkommen til at[^.!?\\n–—;]*",
  "tøv ikke[^.!?\\n–—;]*",
  "hvis du har (?:nogen |flere |andre )?spørgsmål[^.!?\\n–—;]*",
  // questions that answer themselves, in praise: "Isn't it amazing how much a colour can do?", "How do you always have
  // exactly the right part?", "Er det ikke vildt, hvor meget en farve kan gøre?"
  "(?:isn't|wasn't|aren't|ain't) (?:it|that|this|they) (?:just |so |really |simply )?(?:amazing|wild|crazy|funny|great|incredible|something|wonderful|mad|nuts|lovely|brilliant|fantastic|beautiful|cool|strange|weird|remarkable)[^.!?\\n]*\\?",
  "(?:er|var) (?:det|den|de) ikke (?:bare |helt |lidt |også )?(?:vildt|skørt|fantastisk|sjovt|utroligt|dejligt|fedt|godt|skønt|vanvittigt|mærkeligt|underligt|smukt|flot|vidunderligt)[^.!?\\n]*\\?",
  "how do(?:es)? (?:you|she|he|they) always[^.!?\\n]*\\?",
  "how do you do it\\s*\\?",
  "hvordan (?:gør|kan) (?:du|I) altid[^.!?\\n]*\\?",
  "hvordan gør du det\\s*\\?",
  // an exclamation worded as a question about what both saw: "How good was that sunset on Saturday?", "Hvor var det fedt?"
  "how (?:good|great|amazing|lovely|nice|fun|cool|mad|wild|beautiful|gorgeous|brilliant|incredible) (?:was|were) (?:that|those|the|it|this|saturday|sunday|friday|yesterday|last night)[^.!?\\n]*\\?",
  "hvor var (?:det|den|de) (?:bare |lige )?(?:fedt|godt|skønt|dejligt|sjovt|smukt|flot|vildt|fantastisk)[^.!?\\n]*\\?",
  // to see the result one day, after giving something: "Send me the trailer when it's out!", "send mig et link, når siden er live"
  // a result to show, not a document to deliver ("send us the final report once it is done" asks)
  "(?:send|show|share with) (?:me|us) (?:the|a|an|some) (?:trailer|teaser|video|film|clip|link|site|website|book|photo|photos|picture|pictures|pic|pics|snap|episode|article|piece|game|album|track) (?:when|once|as soon as) (?:it's|it is|they're|they are|it goes|they go) (?:out|live|published|launched|released|printed|online|up|done|finished|ready|built|installed|in)[^.!?\\n–—;]*",
  "(?:send|vis) (?:mig|os) (?:gerne )?(?:et link|linket|bogen|filmen|videoen|billederne|artiklen|siden|traileren),? (?:når|så snart) (?:den|det|de|siden|bogen|filmen|artiklen) (?:er|bliver|går|kommer) (?:ude|live|udgivet|trykt|online|i luften)[^.!?\\n–—;]*",
]);


/** Questions that open or close a mail politely, or answer themselves: they ask for nothing. */
const NOT_A_QUESTION = phrases([
  "how are you(?: doing)?",
  "how (?:have|'ve) you been",
  "hvad så",
  "how(?:'s| is| are| was) (?:it going|things|life|your (?:week|weekend|summer|holiday|trip|day))",
  "hope (?:you are|you're|all is|everything is) (?:well|good)",
  "who (?:knew|would have (?:thought|guessed)|doesn't|does not)",
  "who'?d (?:have )?(?:thought|guessed|known)",
  "(?:right|isn't it|aren't they|don't you think|no)\\s*\\?",
  "how (?:cool|great|crazy|amazing|nice|fun|wild|lucky) is that",
  "what(?:'s| is) not to (?:like|love)",
  "can you believe",
  "why not\\s*\\?",
  "guess what",
  "what (?:a|an) \\p{L}+",
  "hvordan (?:går det|har (?:du|I) det|står det til|var (?:ferien|weekenden|turen))",
  // how something of theirs went: "How did the launch go?", "Hvordan gik messen i Düsseldorf?"
  "how did (?:the|your|it|that|things|everything)_go",
  "how was (?:the|your)",
  "hvordan (?:gik|var|endte)(?! (?:du|I|jeg|vi)(?![\\p{L}]))",
  "(?:har du|have you) (?:læst|set|hørt|seen|heard|read)(?: om| about)?",
  "alt vel",
  "hvad så",
  "hvem (?:skulle|havde|ville) (?:have )?troet",
  "(?:ikke|vel|ikk)\\s*\\?",
  "hvorfor ikke\\s*\\?",
  "hvad mere kan man ønske sig",
  "gæt hvad",
]);

const INTRODUCTION = phrases([
  "introduc(?:e|es|ed|ing)(?![\\s,]+(?:myself|ourselves))_(?:you|you both|you two|the two of you)",
  "(?:let me|like to|love to|want to|wanted to|going to|happy to|glad to|pleasure to) introduce(?! myself)",
  "(?:you two|you both|the two of you|both of you)_(?:should|must|ought to|would|could|need to)_(?:meet|talk|connect|chat|speak|get together|know each other|hit it off|get along|compare notes)",
  // the verb itself, not a noun words later: "The committee would love you to give a 25-minute talk" asks for a talk
  "(?:love|like|want|wanted) (?:for )?you (?:two |both )?to (?:(?:finally|properly|actually|really|also|get to) )?(?:meet|connect|talk|know each other)",
  "(?:meet|know) each other",
  "loop(?:ing|ed)?_in",
  "connect(?:ing|ed)?_you_(?:two|both|with|to)",
  "put(?:ting)?_you_in touch",
  "(?:make|making|made|do|doing) (?:an |the )?(?:intro|introduction)",
  "(?:this is|meet) (?:my|our) (?:friend|colleague|former colleague|old colleague|partner|cofounder|co-founder)",
  "(?:you|you both)_should_(?:meet|talk to|get in touch with|reach out to)(?! me)",
  // Danish
  "(?:introducere|introducerer|introduceret|præsentere|præsenterer|præsenteret)(?![\\s,]+(?:mig|os))_(?:dig|jer)",
  "(?:lad mig|må jeg|vil gerne|vil jeg gerne|jeg ville gerne)_(?:introducere|præsentere)(?![\\s,]+(?:mig|os))",
  "(?:I to|jer to|I begge|jer begge|begge to)_(?:burde|bør|skal|skulle|må|ville|kunne)_(?:mødes|tale|snakke|hilse|kende|ses|finde)",
  "sæt(?:te|ter)?_(?:jer|dig)_i (?:forbindelse|kontakt)",
  "sat_(?:jer|dig)_i (?:forbindelse|kontakt)",
  "(?:bringe|bringer|koble|kobler|koblet)_(?:jer|dig)_(?:sammen|med)",
  "(?:sætter|sat|tilføjer|tilføjet|tager)_(?:på|i) (?:cc|kopi)",
  "hils? på",
  "hilse på hinanden",
]);

/**
 * Someone recommended the reader to someone. Whether it is the writer's gift depends on who did it: "I told
 * her you're the one to talk to" is, "Sanjay recommended you" (a stranger's first line) says how the writer came
 * to write (see `referralBy`).
 */
/**
 * A review is a recommendation to everyone, read as a referral that names no one it went to: "I've finally written you
 * a review on Google", "left you five stars", "jeg har skrevet en anmeldelse på Google og givet jer fem stjerner".
 */
const REVIEW = phrases([
  "(?:left|wrote|written|posted|put up|gave|given) (?:you |your \\p{L}+ )?(?:a |an |two |some |my )?(?:\\p{L}+ )?(?:review|reviews|testimonial|5-star|five-star|5 star|five star)(?! (?:request|link))",
  "(?:left|gave|given) (?:you |your \\p{L}+ )?(?:5|five) stars",
  "(?:skrevet|skrev|lagt|givet|gav) (?:dig |jer )?(?:en|et|to|nogle) (?:\\p{L}+ )?(?:anmeldelse|anmeldelser|anbefaling)",
  "(?:givet|gav) (?:dig|jer) (?:5|fem) stjerner",
]);

/** That someone will come to the reader, after whom they were told about: both referral readings below use it. */
const SOMEONE_WILL_COME = String.raw`(?:get in touch|reach out|be in touch|contact you|call you|ring you|email you|what they need|the person to talk to|expect (?:her|him|them)(?![\p{L}]))`;

const REFERRAL = phrases([
  "(?:recommended|referred|nominated|pitched|endorsed|vouched for) you(?! to (?:me|us))",
  "(?:mentioned|suggested|proposed|floated) you (?:to|for|as)(?! (?:me|us)\\b)",
  // not received: "I was given your name by a friend at the Harriers" (REFERRED_BY)
  "(?<!(?:was|were|been|being|got|get)\\s)(?:mentioned|recommended|suggested|dropped|passed|passed on|passed along|gave|given|shared|sent|forwarded|floated)(?![\\s,]+(?:me|us)\\b)_your_(?:name|details|contact|info|number|email|website|portfolio|cv|profile|card)",
  // whom they told, then what about: the reader or what is theirs ("about LedgerLoop and your matching")
  // not "Tell us about your business": that asks the reader; nor "told my team about your proposal": weighing an offer
  "(?:told|telling|tell|talked|talking|mentioned|mentioning|raved|raving|bragged|bragging)(?![\\s,]+(?:me|us)(?![\\p{L}]))__about(?:[\\s,]+[\\p{L}'-]+){0,3}?[\\s,]+(?:you|your(?! (?:proposal|offer|quote|quotation|bid|application|pitch|request|invoice|tender|estimate|rates|prices|pricing)(?![\\p{L}])))",
  `(?:told|mentioned|recommended|suggested)(?:[\\s,]+[^.!?\\n]{1,80}?)?[\\s,]+about (?:you|your)(?=[^.!?\\n]{0,160}${SOMEONE_WILL_COME})`,
  "(?:she|he|they)(?:'ll|'d| will| would| might| may| said (?:she|he|they)(?:'d| would| will| might))_(?:get in touch|reach out to you|contact you|call you|ring you|email you|be in touch)",
  "expect (?:a|an) (?:call|mail|email|message|note) from",
  // German: "Ich habe ihr von dir erzählt", "hab dich bei ihm empfohlen"
  "(?:habe|hab|hatte) (?:ihr|ihm|ihnen|dem|der) (?:\\p{L}+ ){0,2}von (?:dir|euch|ihnen|deiner firma|eurer firma|[\\p{L}-]+) (?:erzählt|vorgeschwärmt)",
  // "und ihr deine Adresse gegeben – sie meldet sich diese Woche bei dir"
  "(?:ihr|ihm|ihnen) (?:deine|dein|deinen|eure|euren|ihre|ihren) (?:adresse|nummer|kontakt|kontaktdaten|mail|e-mail|namen|karte) (?:gegeben|weitergegeben|geschickt|gesendet)",
  "(?:habe|hab|hatte) (?:dich|euch|sie) (?:\\p{L}+ ){0,3}empfohlen",
  "told_(?:you're|you are|you'd be)_(?:person|one|right|best|perfect)",
  // whom they told, then what: "I told my agent, Claire Dubois, that you are the only translator I want", "told both you
  // were the person to see"; not "told me you were …" (someone else's word to the writer)
  "told(?![\\s,]+(?:me|us)(?![\\p{L}]))__(?:that )?you(?:'re| are| were|'d be| would be)_(?:the|my|our|a) (?:only|best|right|perfect|person|one|go-to|first|obvious)",
  // people sent to what is the reader's: "I sent them straight to your evening groups"
  "(?:sent|pointed|steered|directed|sending|pointing|steering) (?:them|her|him|both|both of them|all of them|everyone)(?: straight| right| directly| over)? (?:to|towards) (?:you(?![\\p{L}'])|your (?:[\\p{L}-]+ ){0,2}(?:classes|class|groups|group|shop|studio|clinic|practice|salon|gym|office|firm|website|site|course|courses|workshop|workshops|sessions|store|business|agency|door|place))",
  "(?:put|putting|nominated|nominating) you (?:forward|up)(?: for)?",
  // onto a list of those they recommend: "We've added you to our list of recommended suppliers"; not a mailing list
  "(?:added|put|adding|putting|listed|included)_you (?:on|to|onto|in) (?:our|my|the) (?:[\\p{L}-]+ ){0,2}(?:recommended|preferred|approved|trusted|go-to|favourite|favorite)",
  // the reader's business by its name: "we've added Wild Oak Florals to our 2027 preferred supplier list"
  "(?:added|put|adding|putting|listed|included)__(?:on|to|onto|in) (?:our|the) (?:[\\p{L}\\p{N}-]+ ){0,2}(?:recommended|preferred|approved|trusted|go-to) (?:supplier|suppliers|vendor|vendors|partner|partners|provider|providers|list)",
  "(?:sat|sætter|tilføjet|tilføjede|føjet|skrevet|skrev) (?:dig|jer) (?:på|til|ind på) (?:vores|min|listen|den) (?:[\\p{L}-]+ ){0,2}(?:anbefalede|foretrukne|faste|godkendte|anbefalinger)",
  // said to someone that the reader is the one: "Jeg har sagt til min nabo, at du er den bedste til den slags"
  "(?:sagt|sagde|fortalt|fortalte|skrevet|skrev)(?!(?: til)? (?:mig|os)(?![\\p{L}]))_(?:at )?(?:du|I) (?:er|var)_(?:den|det|de|klart|helt) (?:bedste|eneste|rette|rigtige|første|oplagte)",
  "put (?:in )?(?:a|my) (?:good )?word",
  "(?:sent|pointed|steered|pointing|sending|referred|passed)_(?:to |towards |in )?your (?:way|direction)",
  // clients sent to the reader: "I've started sending my knee-rehab patients to you"
  "(?:sending|sent|send|referring|referred|steering|pointing) (?:my|our|some of (?:my|our)|a few of (?:my|our)|all (?:my|our))(?: [\\p{L}-]+){0,2} (?:patients|clients|customers|students|members|guests|couples|people|team|staff|friends)_to you",
  "(?:anbefalede|anbefalet|anbefaler|nævnte|nævnt|nævner)_(?:dig|jer)(?! (?:til|for|over for) (?:mig|os))",
  // Swedish and Norwegian: "Jag har tipsat Karin Ahl på Moderna Museet om dig", "Jeg har anbefalt deg til en venn"
  "(?:tipsat|tipsade|tipset|tipsa|berättat|berättade|nämnt|nämnde|nevnt|nevnte|fortalt|fortalte)(?![\\s,]+(?:mig|oss|meg)(?![\\p{L}]))__om (?:dig|er|deg|dere)(?![\\p{L}])",
  "(?:rekommenderat|rekommenderade|rekommenderar|anbefalt|anbefalte|anbefaler)_(?:dig|er|deg|dere)(?! (?:till|til|för|for) (?:mig|oss|meg))",
  "(?:skrevet|skrev|fortalt|fortalte|talt|talte|snakket|snakkede|sagt|sagde)__om (?:dig|jer|din|dit|dine|jeres)",
  "(?:sagt|sagde|fortalt|fortalte|skrevet|skrev)(?: til)?__(?:at )?(?:de|han|hun|I)_(?:skal|skulle|bør|burde|må|kan|kunne)_(?:dig|jer)",
  "(?:givet|gav|sendt|sendte|delt|delte|videregivet|videregav)(?![\\s,]+(?:mig|os)\\b)_(?:dit|dine|din)_(?:navn|nummer|mail|kontakt\\p{L}*|oplysninger|portfolio|cv|profil|hjemmeside)",
  "(?:dit|din|dine) (?:navn|nummer|mail|profil|cv|portfolio|kontakt\\p{L}*|oplysninger|hjemmeside|visitkort) videre",
  "(?:passed|sent|forwarded|handed) your (?:name|number|details|profile|cv|portfolio|card|info) (?:on|along|over)",
  "(?:henvist|henviste)_til dig",
  // "Jeg har henvist en ung mand med eksamensangst til dig"
  "(?:henvist|henviste)(?: [\\p{L}-]+){1,6} til (?:dig|jer)(?![\\p{L}])",
  // "I handed them your card", "gave the Whitcombs your number"
  "(?:handed|gave|passed|slipped|showed)(?![\\s,]+(?:me|us)(?![\\p{L}]))(?: [\\p{L}'-]+){1,3} your (?:card|number|details|name|email|website|portfolio|info|flyer|brochure)",
  // people sent to the reader: "Three people have asked about it already, told them to email you"
  "told (?:them|both|everyone|all of them|people)(?: all)? to (?:email|contact|get in touch with|reach out to|book with|write to) you",
  // the reader's flyer put up where people see it: "stuck your flyer up by the squat racks"
  "(?:stuck|pinned|hung|taped)(?: up)? your (?:flyer|flyers|poster|posters|leaflet|leaflets)",
  "put (?:up your (?:flyer|flyers|poster|posters|leaflet|leaflets)|your (?:flyer|flyers|poster|posters|leaflet|leaflets) up)",
  // Dutch: "Ik heb jouw nummer en mail aan onze buurman Joost gegeven", "Ik heb gezegd dat jij de beste bent"
  "(?:jouw|uw) (?:nummer|naam|gegevens|website)(?: en (?:nummer|naam|mail|e-mail|gegevens))? (?:\\p{L}+ ){0,5}(?:gegeven|doorgegeven)",
  "(?:gezegd|verteld) dat (?:jij|je|u) (?:de|het) (?:beste|enige|juiste)",
  // the reader's call spread where people see it: "Jeg lagde dit opslag på forældreintra", "shared your post in the group"
  "(?<!(?:you|you've|you have)\\s)(?:shared|posted|reposted|circulated|put) your (?:post|call|callout|call-out|ad|advert|job ad|listing|survey|questionnaire)(?![\\p{L}])(?! (?:with|to) (?:me|us)(?![\\p{L}]))",
  "(?<!(?:du|du har|I|I har)\\s)(?:delt|delte|lagt|lagde|postet|postede|slået|slog|videresendt|videresendte) (?:dit|din|dine|jeres) (?:opslag|annonce|stillingsopslag|efterlysning|spørgeskema)(?![\\p{L}])(?! (?:med|til) (?:mig|os)(?![\\p{L}]))",
  "(?:hængt|sat|sætter|hængte|satte) (?:dine|din|dit|jeres) (?:flyer|flyers|plakat|plakater|visitkort|foldere|folder)(?: op)?",
  // "I told Laura Penn, who writes the Saturday column, all about your shop"
  "(?:told|tell|telling)(?![\\s,]+(?:me|us)(?![\\p{L}]))[^.!?\\n]{1,90}? all about (?:you|your)",
  // "Your name is the only one I gave him", "your name was out of my mouth", "du var den første jeg nævnte"
  "your name (?:is|was) the (?:only|first) (?:one|name)",
  "your name was (?:out of my mouth|on my lips|the first)",
  "(?:du|dit navn|jeres navn) var (?:den |det )?(?:første|eneste)(?: navn)?,? (?:jeg|vi) (?:nævnte|anbefalede|gav)",
  // "Jeg kunne ikke lade være med at anbefale dig": done, whatever "kunne" says elsewhere (NOT_YET)
  "(?:(?:kunne|kan) ikke lade være |lade være )?med at anbefale (?:dig|jer)",
  "(?:couldn't|could not|can't|cannot) (?:help|resist) (?:but )?(?:recommend|recommending|mention|mentioning|suggest|suggesting) you",
  // "Jeg har sagt dit navn. De kontakter dig."
  "(?:sagt|sagde|nævnt|nævnte|foreslået|foreslog) (?:dem |ham |hende |deres )?dit navn(?! (?:til|for|over for) (?:mig|os))",
  // the reader's number handed on: "Har givet dit nr til en mor fra Langå"
  "(?:givet|gav|sendt|sendte|videregivet|videregav) (?:dit|din|dine) (?:nr|nummer|navn|mail|kontakt\\p{L}*|visitkort)(?: videre)? til(?= (?!mig|os))",
  "(?:hun|han|de) (?:vil|kommer til at|tager|skriver|ringer|sagde,? (?:at )?(?:hun|han|de) ville)_(?:kontakte dig|kontakt til dig|til dig|ringe til dig|skrive til dig)",
  "(?:lagt|lagde) (?:et godt ord|en god gang) ind for dig",
  // the reader's work passed on with a word for them: "sendte v2 til Mads … med et par ord om dig", "with a few kind
  // words about you"; and whom to write to, naming the writer: "skriv til ham og nævn mig", "and say I sent you"
  "(?:med|with) (?:et par|nogle|a few|some|a couple of|a) (?:gode |pæne |varme |rosende |kind |good |warm )?(?:ord|words|word) (?:om|about) (?:dig|jer|you)(?![\\p{L}'])(?!\\s+selv)",
  "(?:og|and) (?:nævn mig|mention (?:me|my name)|say (?:that )?I sent you|tell (?:him|her|them) I sent you|sig,? (?:at )?(?:jeg|det er mig,? der) har sendt dig)(?![\\p{L}])",
  "(?:sendt|sendte|henvist|henviste|sendte|skickat)_(?:din vej|videre til dig|over til dig)",
  "dit navn (?:i puljen|på banen|på bordet|i spil|frem)",
  "(?:put|threw|dropped|tossed|thrown|put forward) your name (?:in|into|forward|in the hat|in the ring)",
  "(?:you got|gave you|give you|giving you) a (?:shout-?out|mention|plug|shoutout)",
  "(?:plugged|talked up|bigged up) you",
]);
/** A referral still to come: "so I can put your name…", "I'll mention you to…", "så jeg kan nævne dig"; not "I'm happy to say we've added you". */
const NOT_YET = letterRegExp(String.raw`(?:so (?:that )?(?:i|we) can|(?:i|we)(?:'ll|'d| will| could| can| might| would)(?:\s+[\p{L}'-]+){0,4}\s+and|(?:i|we)(?:'ll|'d| will| could| can| might| would)|(?:happy|glad) to(?! (?:say|report|tell|confirm|announce|share|let you know))|så (?:jeg|vi) kan|(?:jeg|vi) (?:vil|kan|kunne|skal))\s+(?:[\p{L}'-]+\s+){0,2}$`, "i");
/** "jeg anbefaler dig gerne til naboerne", "I'd recommend you any time": offered, not done. */
const OFFERED = letterRegExp(String.raw`^[\s,]*(?:(?:[\p{L}'-]+\s+){0,3}(?:gerne|også gerne|any ?time|happily|gladly)(?![\p{L}]))`, "i");
/** "…you got a shout-out in our Slack. OK, it was me." */
const OWNS_UP = letterRegExp(String.raw`(?<![\p{L}])(?:it was me|that was me|guilty|det var mig|den var mig)(?![\p{L}])`, "i");
/** Someone else as the subject: he/she/they, or a name right before the verb ("Sanjay", "Lars Holm has"). */
// A capitalised word before the verb is a name, unless it is the auxiliary of a sentence without a subject
// ("Har givet dit nr til …", "Have just told her about you"): that one is the writer's.
/**
 * Someone named by their role as the subject right before the verb, in any case: "my wife", "The CEO is still", "the
 * whole office has", "min kollega har"; not someone the writer met ("Had dinner with their CEO and told her …").
 */
const THIRD_PERSON_BY_ROLE = letterRegExp(
  String.raw`(?:^|[\s,:;])(?:my|our|the|his|her|their|min|mit|vores|hans|hendes|deres) (?:whole |\p{L}+ )?(?:boss|ceo|manager|director|colleague|colleagues|friend|friends|partner|wife|husband|team|office|neighbour|neighbor|sister|brother|mum|mom|dad|daughter|son|chef|kollega|kolleger|ven|venner|veninde|mand|kone|direktør|nabo|søster|bror|mor|far|datter|søn)(?:\s+(?:is|was|has|had|have|just|also|still|er|var|har|havde|lige|også|stadig))*\s*$`,
  "i",
);
const THIRD_PERSON_SUBJECT = letterRegExp(String.raw`(?<![\p{L}])(?:he|she|they|han|hun|de)(?![\p{L}])|(?!(?:Har|Havde|Have|Has|Had|Just|Lige|Også|Also)(?![\p{L}]))\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?(?:\s+(?:has|have|had|just|also|har|havde|lige|også))?\s*$`);
/** The clause names someone else as the one who did it: "she", "Per Thomsen", "my wife", "the CEO is still". */
function namesSomeoneElse(clause: string): boolean {
  return THIRD_PERSON_SUBJECT.test(clause) || THIRD_PERSON_BY_ROLE.test(clause);
}
/** Something handed to the writer: "gave me", "sent us", "gav mig"; not "asked me", which the writer then answered. */
const OBJECT_ME = letterRegExp(String.raw`(?<![\p{L}])(?:gave|given|gav|givet|sent|sendte|sendt|told|fortalte|fortalt|passed|forwarded|videresendte|videresendt|showed|viste|vist|handed|gab|gegeben|schickte|geschickt) (?:me|us|mig|os|mir|uns)(?![\p{L}])`, "i");
/** The writer as the one who did it: a first-person subject earlier in the sentence. */

/**
 * Who recommended the reader, by each referral in the text: the writer, when the sentence has a first-person
 * subject before the verb (or none at all); someone else, when a name or "he"/"she" does it.
 */
/** The reader's first name from the mail's greeting ("Hi Marcus,", "Hej Niels", or "Priya," alone on the first line). */
// Not case-insensitive: the name must start with a capital, and /iu would let \p{Lu} match any letter.
const GREETING_NAME = letterRegExp(String.raw`^\s*(?:(?:[Hh]i|[Hh]ey|[Hh]ello|[Dd]ear|[Mm]orning|[Gg]ood morning|[Hh]ej|[Kk]ære|[Hh]ejsa|[Gg]oddag|[Gg]odmorgen)[ \t]+)?(\p{Lu}[\p{L}'-]+)[ \t]*[,!]?[ \t]*$`, "d");
const NOT_A_NAME = /^(?:Hi|Hey|Hello|Dear|Hej|Kære|Hejsa|Thanks|Tak|Morning|All|Everyone|Team|Alle|Sir|Madam)$/;

/**
 * Whether the mail's greeting names someone other than the owner ("Hej Hasse," in a reply-all the owner is on):
 * what it hands over is for them. Unknown when the owner's name or the greeting's is.
 */
export function greetsSomeoneElse(text: string, ownerName: string | null | undefined): boolean {
  const owner = firstWord(ownerName);
  const reader = readerName(uniform(text));
  return owner.length > 1 && reader !== null && firstWord(reader) !== owner;
}

/**
 * The greeted name, as `body` writes it. GREETING_NAME's letter classes are Latin-1 (letters.ts), so it reads the
 * mapped line and the name is cut from the line itself: "Hi Łukasz," greets Łukasz. Given mapped text, the name
 * comes back mapped, as the rules that read it with that text need it.
 */
function readerName(body: string): string | null {
  const firstLine = body.split("\n").find((l) => l.trim() !== "") ?? "";
  const at = GREETING_NAME.exec(latin1Text(firstLine))?.indices?.[1];
  const name = at ? firstLine.slice(at[0], at[1]) : null;
  return name && !NOT_A_NAME.test(name) ? name : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Referrals that name the reader instead of saying "you": "passed Jess's name to his sister-in-law", "referred
 * Marcus to Emma Walsh", "anbefaler Niels' ænder til sine kunder". Built for each reader, with the greeting's name.
 */
function referralsNamingTheReader(reader: string): PhraseSet {
  let set = READER_REFERRALS.get(reader);
  if (!set) {
    if (READER_REFERRALS.size >= READER_REFERRALS_KEPT) READER_REFERRALS.clear();
    set = referralsNaming(escapeRegExp(reader));
    READER_REFERRALS.set(reader, set);
  }
  return set;
}
/** An owner's mail greets the same few people: their sets are kept, as the fixed ones are. */
const READER_REFERRALS = new Map<string, PhraseSet>();
const READER_REFERRALS_KEPT = 64;

function referralsNaming(name: string): PhraseSet {
  return phrases([
    `(?:passed|gave|given|sent|forwarded|shared|mentioned|dropped)(?![\\s,]+(?:me|us)(?![\\p{L}]))_${name}(?:'s|s|')? (?:name|details|number|contact|info|card|website|portfolio|cv|profile|email)`,
    `(?:referred|recommended|mentioned|suggested|pitched|put forward|vouched for) ${name}(?![\\p{L}])_(?:to|for|as)`,
    `(?:told|telling|talked|talking|mentioned)__about ${name}(?![\\p{L}])`,
    `(?:anbefal\\p{L}*|nævn\\p{L}*|henvis\\p{L}*|fortal\\p{L}*) (?:om )?${name}(?:s|')?(?![\\p{L}])_til`,
  ]);
}

/**
 * What is the reader's, without their name: "nævnt din klinik for", their business by its definite noun
 * ("anbefalede bryggeriet til et busselskab"), clients sent their way ("henviste tre patienter til klinikken").
 */
const REFERRALS_OF_WHAT_IS_THEIRS = phrases([
  "(?:anbefalede|anbefaler|anbefalet|henviste|henviser|henvist) (?:\\p{L}{3,}(?:et|en|erne|ene))_til (?!mig|os)(?:\\p{L}+)",
  // what is the reader's, to someone: "nævnt din klinik for tre af mine patienter", "mentioned your studio to"
  "(?:mentioned|mention|mentioning|recommended|recommending|suggested|pitched|plugged|passed|gave|sent|nævnt|nævnte|anbefalet|anbefalede|anbefaler|foreslået|foreslog) (?:your|din|dit|dine|jeres) \\p{L}+_(?:to|til|for|over for) (?!(?:me|us|mig|os)(?![\\p{L}]))\\p{L}+",
  "(?:henviste|henviser|henvist|sendte|sender|sendt) (?:\\d+|to|tre|fire|fem|et par|nogle|flere|en|et)_(?:patienter|kunder|klienter|gæster|folk|elever|opgaver)_til (?:dig|jer|\\p{L}+(?:en|et))",
  "(?:sent|referred|sending|pointed|passed) (?:\\d+|two|three|four|a few|some|several|a couple of|more) (?:of )?(?:(?:my|our) )?(?:clients|patients|customers|people|folks|friends|guests|students|leads)_(?:your way|to you|over to you|in your direction)",
]);

/**
 * The reader's business by its name: "mentioned The Bell Curve to the marketing lead at Harvest Bank". Case
 * matters here (a capitalised name), so this one is not built with `phrases`, whose patterns ignore case.
 */
const NAMED_BUSINESS_REFERRAL =
  letterRegExp(String.raw`(?<![\p{L}])(?:[Mm]entioned|[Rr]ecommended|[Ss]uggested|[Pp]itched|[Pp]lugged|nævnte|nævnt|anbefalede|anbefalet) \p{Lu}[\p{L}&'-]*(?: \p{Lu}[\p{L}&'-]*){0,3} (?:to|til|for) (?!(?:me|us|mig|os)(?![\p{L}]))\p{L}`, "g");
/**
 * Whom they told about the reader's business, by its name, and that someone will come: "told my cousin Renée all about
 * Iron Willow. She just moved here and wants a coach, so expect her". Case kept: the name must be capitalised.
 */
const TOLD_ABOUT_THE_BUSINESS = letterRegExp(
  String.raw`(?<![\p{L}])(?:[Tt]old|[Mm]entioned|[Rr]ecommended|[Ss]uggested)[\s,]+[^.!?\n]{1,80}?[\s,]+about \p{Lu}[\p{L}&'-]*(?: \p{Lu}[\p{L}&'-]*){0,3}(?=[^.!?\n]{0,160}(?:[.!?]\s+(?:[Ss]he|[Hh]e|[Tt]hey)(?![\p{L}])[^.!?\n]{0,120})?${SOMEONE_WILL_COME})`,
  "g",
);

function referralBy(text: string, reader: string | null = null): { writer: boolean; someoneElse: boolean } {
  let writer = false;
  let someoneElse = false;
  const matches: PhraseMatch[] = [
    ...REFERRAL.all(text),
    ...REFERRALS_OF_WHAT_IS_THEIRS.all(text),
    ...REVIEW.all(text),
    ...[...text.matchAll(NAMED_BUSINESS_REFERRAL), ...text.matchAll(TOLD_ABOUT_THE_BUSINESS)].map((m) => ({ index: m.index, length: m[0].length })),
    // Only the patterns with the reader's name are built per reader; the rest are built once.
    ...(reader ? referralsNamingTheReader(reader).all(text) : []),
  ];
  for (const m of matches) {
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    // A clause after a dash or a semicolon has its own subject: "Emma suggested I reach out – she's been raving about your work".
    const sentence = before.split(/[.!?\n;]\s*|\s[-–—]\s/).pop() ?? "";
    const after = text.slice(m.index + m.length, m.index + m.length + 80);
    // "…so I can put your name in front of our CEO" is a plan, not a gift yet.
    if (NOT_YET.test(sentence) || OFFERED.test(after)) continue;
    // The passive names who did it: "Du er blevet indstillet af tekstilkunstner Søs Frandsen", "recommended by Jan".
    if (/^\s+(?:to us\s+|til os\s+)?(?:by|af)\s+(?:\p{Ll}+\s+){0,2}\p{Lu}/u.test(after)) {
      someoneElse = true;
      continue;
    }
    // Someone else did it when the sentence names them as its subject ("Sanjay recommended you", "she told me
    // about you"); a sentence without any subject ("Had dinner with their COO and told her about you") is the writer's.
    // The clause right before the verb speaks first: "I hope you're feeling better, Aisha mentioned …" is Aisha's.
    const clauses = sentence.split(/,\s*/);
    const clause = clauses.pop() ?? "";
    // "…af tekstilkunstner Søs Frandsen, som sendte os billeder": the relative clause's subject is the name before it.
    const relativeToAName = /^\s*(?:som|who)(?:\s|$)/i.test(clause) && namesSomeoneElse(clauses.pop() ?? "");
    // Someone who did something to the writer first did the rest too: "Mads Kjær gav mig din adresse og sagde, at du …",
    // "Rasmus (Holt, fra din gamle klatreklub) gav mig din mail og sagde …".
    const toTheWriter = OBJECT_ME.test(sentence) && !WRITER_AS_SUBJECT.test(sentence);
    if (relativeToAName || toTheWriter || (clause.trim() && !WRITER_AS_SUBJECT.test(clause) && namesSomeoneElse(clause))) someoneElse = true;
    else if (WRITER_AS_SUBJECT.test(sentence) || OWNS_UP.test(after) || !namesSomeoneElse(sentence)) writer = true;
    else someoneElse = true;
  }
  return { writer, someoneElse };
}

/** A full name as people write it: two or three capitalised words ("Camilla Holm", "Per Thomsen", "Ana de Souza" not). */
const FULL_NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){1,2}`;
const SENT_ME = String.raw`(?:has\s+|had\s+|have\s+|just\s+|also\s+|har\s+|havde\s+|lige\s+|også\s+)?(?:told|sent|passed|forwarded|recommended|recommends|suggested|mentioned|said|says|gave|nominated|referred|pointed|put|tipped|sagde|siger|sendte|anbefalede|anbefaler|nævnte|foreslog|gav|henviste|henviser|fortalte|indstillede|mente|videresendte|tippede|givet|sendt|anbefalet|nævnt|foreslået|henvist|fortalt|sagt|empfahl|nannte|schickte|erzählte|(?:hat|hatte)\s+(?:\p{L}+\s+){0,3}?(?:empfohlen|genannt|gegeben|geschickt|erzählt|weitergegeben|vorgeschlagen))(?![\p{L}])`;
/** Who the referrer is to the writer or the reader, before the name: "Min veninde …", "My old colleague …", "Din kollega …", "Mein Steuerberater …". */
const RELATION_BEFORE_NAME = String.raw`(?:(?:[Mm]y|[Oo]ur|[Yy]our|[Mm]in|[Mm]it|[Vv]ores|[Dd]in|[Dd]it|[Jj]eres|[Mm]ein|[Mm]eine|[Dd]ein|[Dd]eine|[Uu]nser|[Uu]nsere|[Mm]ijn|[Oo]nze|[Vv]år)\s+(?:\p{L}+\s+){0,2}?\p{L}+,?\s+)?`;
/**
 * Who sent a newcomer, by full name, as they tell it: "Camilla Holm at Meditek passed your CV on to us", "Per Thomsen,
 * som er vores revisor, sagde, at jeg skulle skrive til dig", "I asked Sophie Marsh at the Aire Wharf Hotel …, and
 * she passed on your details", "via Christina Holt". A first name alone ("Per told me") names too many people.
 */
// Over Latin-1-mapped text (letters.ts), with the name's place ("d") to cut it from the original.
const REFERRER_NAMED = [
  letterRegExp(String.raw`(?:^|[.!?\n]\s*|\s[–—-]\s+|:\s*|,\s*(?:and|og|so|så)\s+)${RELATION_BEFORE_NAME}(${FULL_NAME})(?:\s*,[^,.!?\n]{1,60},)?(?:\s+(?:at|from|of|in|hos|fra|i|på|ved)\s+[^,.!?\n]{1,50}?)?,?\s+${SENT_ME}`, "d"),
  letterRegExp(String.raw`(?:asked|spurgte)\s+(${FULL_NAME})[^.!?\n]{0,140}?(?:she|he|they|hun|han|de)\s+${SENT_ME}`, "d"),
  letterRegExp(String.raw`(?:via|through|gennem|igennem)\s+(${FULL_NAME})(?![\p{L}])`, "d"),
  // a subject that says it: "Henvisning fra Gitte Lauritzen", "Referral from Jan Holt"
  letterRegExp(String.raw`(?<![\p{L}])(?:[Hh]envisning|[Aa]nbefaling|[Rr]eferral|[Rr]ecommendation)\s+(?:fra|from|af|by)\s+(${FULL_NAME})(?![\p{L}])`, "d"),
];
/** Said outright, in the passive: "you were recommended by Jan Holt", "Du er blevet indstillet af tekstilkunstner Søs Frandsen". */
const REFERRED_BY_NAME = letterRegExp(
  String.raw`(?:recommended|referred|nominated|suggested|put forward|anbefalet|indstillet|henvist|foreslået)\s+(?:to us\s+|til os\s+)?(?:by|af)\s+(?:(?!\p{Lu})\p{L}+\s+){0,2}(${FULL_NAME})`,
  "d",
);

/** A first name, and a firm as people name it: "Brandhouse", "Nordlys Design", "Ordværket". */
// Not a day or a month: "Contact me by Monday at Brandhouse" names no one.
const FIRST_NAME = String.raw`(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mandag|Tirsdag|Onsdag|Torsdag|Fredag|Lørdag|Søndag|January|February|March|April|May|June|July|August|September|October|November|December|Januar|Februar|Marts|Juni|Juli|Oktober)(?![\p{L}]))\p{Lu}[\p{L}'’-]+`;
const FIRM = String.raw`\p{Lu}[\p{L}\p{N}&'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}&'’-]*){0,2}`;
const AT_FIRM = String.raw`(?:at|from|fra|hos|på|ved|von|bei|chez|de)`;
// Case-sensitive patterns (the names must be capitalised), so the words take either case at their start: "Intro via …".
const REFERRAL_WORDS = ["intro", "introduction", "introduced", "name", "details", "number", "contact", "recommended", "referred", "suggested", "navn", "nummer", "kontakt\\p{L}*", "anbefalet", "anbefaling", "henvist", "henvisning", "tippet"]
  .map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join("|");
/** By first name and firm, as the one who sent them: "Anne at Nordlys said you're the person to talk to". */
const FIRST_NAME_AT_FIRM_SENT_ME = letterRegExp(
  String.raw`(?:^|[.!?\n]\s*|,\s*(?:and|og|so|så)\s+)(${FIRST_NAME})[ \t]+${AT_FIRM}[ \t]+(${FIRM})\s+${SENT_ME}`,
  "d",
);
/** …or where the name came from: "Jeg har fået dit navn af Rikke fra Brandhouse", "Intro via Marcus (Brightside)". */
const REFERRAL_VIA_FIRST_NAME_AT_FIRM = letterRegExp(
  String.raw`(?<![\p{L}])(?:${REFERRAL_WORDS})[^.!?\n]{0,40}?(?<![\p{L}])(?:via|through|gennem|igennem|from|af|fra|by)[ \t]+(${FIRST_NAME})(?:[ \t]*\((${FIRM})\)|[ \t]+${AT_FIRM}[ \t]+(${FIRM}))`,
  "d",
);

/** Whoever sent a newcomer, as the text names them: a full name, or a first name with the firm it goes with. */
export interface NamedReferrer {
  name: string;
  firm?: string;
}

/**
 * Whoever sent this newcomer to the reader, when the mail names them; never the writer or the reader (greeted in
 * the body). By full name ("Per Thomsen sagde, at …", "recommended by Jan Holt"), else by first name and firm
 * ("Rikke fra Brandhouse"). The subject counts too: "Intro via Marcus (Brightside)" may be all a mail says. Unless
 * it is said outright ("recommended by …", "fået dit navn af …"), only a mail that says someone sent them
 * (`referredBy`) is read for it.
 */
export function referrerOf(body: string, subject: string | null, writerName: string | null, referredBy: boolean): NamedReferrer | null {
  const written = uniform(`${subject ?? ""}\n${body}`);
  const mapped = latin1Text(written);
  const greeted = readerName(uniform(body));
  const reader = greeted === null ? null : firstWord(greeted);
  const writer = (writerName ?? "").trim().toLowerCase();
  const outright = [REFERRED_BY_NAME, REFERRAL_VIA_FIRST_NAME_AT_FIRM];
  const told = [REFERRED_BY_NAME, ...REFERRER_NAMED, FIRST_NAME_AT_FIRM_SENT_ME, REFERRAL_VIA_FIRST_NAME_AT_FIRM];
  for (const re of referredBy ? told : outright) {
    const m = re.exec(mapped);
    const at = m?.indices?.[1];
    if (!at) continue;
    const name = written.slice(at[0], at[1]).replace(/\s+/g, " ");
    const firmAt = m?.indices?.[2] ?? m?.indices?.[3];
    const first = firstWord(name);
    // A full name of the writer's own, or a first name that is the writer's or the reader's, sent no one.
    if (first === reader || (firmAt ? first === firstWord(writer) : writer.includes(name.toLowerCase()))) continue;
    return firmAt ? { name, firm: written.slice(firmAt[0], firmAt[1]) } : { name };
  }
  return null;
}

/** Help, advice or information offered unprompted, or material sent because it was promised or asked for. */
/** The writer has read or looked at something ("Jeg har kigget på", "har læst … igennem"); not someone else ("som har læst"). */
const WRITER_HAS_READ = "(?:(?:jeg|vi) har|(?<!(?:som|der|hun|han|de|det|man|du|i) )har) (?:lige |nu |hurtigt |grundigt )?(?:kigget|læst|gennemgået) ";
const HELP_OR_INFORMATION = phrases([
  "(?:as promised|as requested|as you asked|like you asked|you asked for|you were asking about|as discussed|per your request)",
  "(?:thought|figured) (?:you|this|it|that)_(?:might|would|could|may)_(?:find|like|enjoy|use|be|want|appreciate|interest)",
  "(?:you|u) (?:might|may|will|'ll|could) (?:find|like|enjoy|appreciate) (?:this|these|it|that|the)",
  "(?:might|may|could|should) be (?:useful|helpful|of (?:use|interest)|relevant|handy|interesting) (?:for|to) you",
  "(?:hope|hoping) (?:this|it|that|these)_help",
  "in case (?:it's|it is|they are|this is)_(?:useful|helpful)",
  "(?:my|a few|some|couple of) (?:thoughts|tips|pointers|ideas|suggestions|notes|comments|feedback|two cents)_(?:on|about|for|from|re)",
  "(?:i've|i have|i) (?:gone|looked|read|been) (?:through|over|at)_your",
  // a review done, and the fix made for the reader: "had a proper look last night … I fixed (1) and added a test"
  "(?:had|have had|took|have taken|taken) a (?:proper |quick |good |close |closer |long |careful )?look (?:at (?:it|your|both of your)|last night|this morning|over the weekend|yesterday)(?![\\p{L}])",
  "(?:i've|i have|i) (?:fixed|patched|sorted out|repaired|rewritten|rewrote|tidied up) (?:it|that|this|your|both|them|\\(?[0-9])",
  "(?:jeg|vi) har (?:nu |lige |også )?(?:rettet|fikset|ordnet|repareret)_(?:det|den|dem|din|dit|dine|fejlen|fejlene)(?![\\p{L}])",
  "(?:some|my) (?:feedback|advice|comments)",
  "(?:you might|you may|you could) (?:want to )?(?:try|check out|look at|reach out)",
  "som lovet",
  "som du (?:bad om|spurgte om|efterlyste)",
  "du bad om",
  "du spurgte (?:efter|om)",
  "måske kan du bruge",
  "(?:kan|kunne) måske_(?:bruges|hjælpe|være nyttig|være relevant|interessere)",
  "til inspiration",
  // "da I bruger den i Kompasset, tænkte jeg, at I hellere måtte få den nye version med det samme"
  "tænkte (?:jeg|vi),? (?:at )?(?:du|I) (?:hellere |gerne |nok )?(?:måtte|skulle|ville) (?:få|have|se|kende)(?! (?:den |det |de )?(?:endelige |nye |vores )?(?:faktura|regning|pris|tilbud|kontrakt))",
  "(?:håber|håbe) (?:det|den|de)_(?:kan bruges|hjælper|kan hjælpe|er brugbar)",
  "et par (?:tips|råd|tanker|input|idéer|ideer|kommentarer)",
  "mine (?:tanker|kommentarer|noter|rettelser|input)",
  // the writer looked at what is the reader's: "Jeg har kigget på dit oplæg", "har læst din ansøgning igennem"; not
  // someone else's reading ("en ingeniør, som har læst hele Böll på originalsproget")
  `${WRITER_HAS_READ}(?:lige |hurtigt |grundigt )?(?:på |igennem )?(?:din|dit|dine|jeres)(?![\\p{L}])(?! (?:tilbud|faktura|fakturaer|regning|prisoverslag|overslag|pris|priser|bestilling|ordre)(?![\\p{L}]))`,
  `${WRITER_HAS_READ}(?:(?!(?:kontrakt|tilbud|faktura|aftale|ordre|bestilling|regning|lejekontrakt)\\p{L}*)[\\p{L}-]+ ){0,3}igennem`,
  "(?:du kunne|du kan) (?:prøve|kigge på|tage fat i|kontakte)",
]);

/**
 * A thing or a favour given to the reader, in the words people use for it rather than "gift": something left for
 * them ("a box behind the counter with your name on it", "jeg lagde lige et par kasser ude ved din bagdør"), a
 * place, a seat or a room that is theirs to use ("you're on the list", "du må endelig bruge vores mødelokale"),
 * and that it costs nothing ("on the house", "don't even think about paying", "det koster ikke noget").
 */
const GIVES = phrases([
  "(?:left|dropped|put|stashed|set aside|put aside|saved|kept|popped|hung)__for you",
  "with your name_on (?:it|them|the)",
  "your name(?:'s| is) (?:on the (?:door|list|guest list)|down (?:for|on))",
  "you(?:'re| are) on the (?:list|guest list|door)",
  "(?:booked|reserved|saved|put) (?:it |them |a \\p{L}+ )?(?:in|under) your name",
  "(?:got|grabbed|bought|saved|reserved|kept) you (?:a|an|two|the|our)_(?:ticket|tickets|seat|place|spot|copy|pass|table|slot|bottle|box|room|desk)",
  "(?:feel free|you're welcome|you are welcome|you're more than welcome|help yourself) to (?:use|borrow|take|keep|have)",
  "on the house",
  "(?:won't|will not|wouldn't|would not) (?:take|accept) (?:a penny|a cent|any money|money|payment)",
  // Dutch: "Die hoef je niet te betalen hoor"
  "(?:hoef|hoeft|hoeven) (?:je|jij|u|jullie) (?:\\p{L}+ )?niet te betalen",
  "not a (?:cent|penny|dime|bean)(?! (?:more|less|over|extra))",
  "(?:don't|do not) (?:even )?(?:think about|dream of|bother|try) (?:paying|to pay)",
  "(?:yours|it's yours|they're yours) to keep",
  // "They're for you and the staff to read and keep, no strings"
  "(?:read|use|try|enjoy|wear) and keep(?![\\p{L}])",
  "(?<!(?:free|trial|days|offer|demo|subscription|plan)[^.!?\\n]{0,30})no strings(?: attached)?(?![\\p{L}])",
  // "They're all yours to use however you like"; not "it's yours" alone, a booking's yes ("Of course, it's yours. 7pm?")
  "yours to (?:use|keep|share|post|print)",
  // no money for it, said fiercely: "Don't you dare buy fuel, it's full anyway"
  "(?:don't|do not) you dare (?:pay|paying|buy|offer|give me|send me)",
  "do (?:what|whatever) you (?:like|want) with (?:it|them)",
  // made for the reader's own use: "use them however you like", "brug dem endelig som du vil", "använd dem som du vill"
  "use (?:it|them|these|those)(?: \\p{L}+)? (?:however|as|any way|anyway|wherever|for whatever) you (?:like|want|wish|see fit)",
  // keeping it, paying nothing: "Keep it until spring", "this one is yours, no returning", "No invoice, it is on us"
  "(?:please )?keep (?:it|them)(?= until| till| for (?:good|as long|now|the)| as long|[.!,]| -)",
  "(?:this|that|it|they|these|those)(?: one| ones| set| box)? (?:is|are) (?:all )?yours",
  // not a loan's term: "No need to pay me back till payday"
  "no (?:rent|invoice|returning|need to return|need to pay(?! (?:me |us )?(?:back )?(?:till|until|by|before|next|when|on|now|yet|a deposit|upfront|up front|in advance)(?![\\p{L}]))|payment needed)",
  // the extra done for nothing: "Charged you my price, no freight", "free of charge", "I won't charge for the delivery"
  "no (?:freight|delivery charge|delivery fee|postage|call-out fee|callout fee)",
  "(?:free of charge|at no (?:cost|charge)|no charge)",
  "(?:won't|will not|didn't|did not|don't|do not) charge (?:you )?(?:for (?:the |that|it|delivery|freight|postage)|anything|a thing)",
  "(?:gratis|uden fragt|ingen fragt|fri fragt)",
  // German, French, Italian: "zurückgelegt, kostenlos", "natürlich umsonst", "c'est offert", "in omaggio"
  // for the reader, not a shop's terms ("Ab 50 € ist der Versand kostenlos", "Testen Sie 30 Tage kostenlos")
  "(?:dir|euch|dich|ihnen)[^.!?\\n]{1,60}(?:kostenlos|umsonst|unentgeltlich|geschenkt)",
  "(?:kostenlos|umsonst|geschenkt)[^.!?\\n]{0,20}für (?:dich|euch)",
  "(?:c'est offert|je te l'offre|je vous l'offre|c'est cadeau|in omaggio per (?:te|voi)|te lo regalo)",
  "(?:dir|euch|ihnen)__(?:zurückgelegt|beiseitegelegt|aufgehoben)",
  // "den kannst du so übernehmen, ist eh MIT"; not "Kannst du das verwenden?"
  "(?:darfst|dürft) (?:du|ihr) (?:\\p{L}+ ){0,2}(?:behalten|nutzen|benutzen|verwenden)(?![^.!?\\n]*\\?)",
  "(?:kannst|könnt) (?:du|ihr) (?:\\p{L}+ ){0,2}(?:behalten|gerne nutzen|gern nutzen|gerne verwenden|gern verwenden)(?![^.!?\\n]*\\?)",
  // "den kannst du so übernehmen" (take it as it is); not "Die Fahrtkosten kannst du ja übernehmen"
  "(?:kannst|könnt) (?:du|ihr) (?:so|einfach|gerne|gern|direkt|ruhig)(?: so)? übernehmen(?![^.!?\\n]*\\?)",
  "(?:zurückgelegt|beiseitegelegt|aufgehoben)__für (?:dich|euch|sie)",
  "(?:t'ai|vous ai) mis de côté",
  // something sent as a present: "there's a box on its way to you"; not an invoice or an order
  "(?:box|hamper|care package|little something|small something|present|gift|bottle)_on (?:its|their|the) way (?:to you|over)",
  // "a parcel from all of us here should land at your office tomorrow"; not the owner's own order ("your parcel")
  "(?:a|our) (?:little |small )?(?:parcel|package|hamper|box|present|gift)(?: from [^.!?\\n]{1,30}?)? (?:should|will|is going to|ought to) (?:land|arrive|reach you|get to you|be with you|turn up)",
  // extras slipped in with what was asked for: "I've popped in two spare jackets for your portfolio"
  "(?:i|we|i've|i have|we've|we have)(?: also)? (?:popped|slipped|tucked|thrown|chucked|snuck|sneaked) in (?:a|an|two|three|some|a few|a couple of|\\p{N}+|an extra|extra|a spare|spare|the)(?![\\p{L}])",
  "(?:which|that) (?:i|we) thought you(?:'d| might| would| may) (?:like|enjoy|want|love|appreciate)",
  "(?:it's|it is|they're|they are|that's|that is) (?:all )?on (?:us|me)",
  // Danish
  "(?:lagde|lagt|satte|sat|stillede|stillet|efterlod|hængte|hængt)__til (?:dig|jer)",
  "(?:står|ligger|hænger)__til (?:dig|jer)(?! (?:at|om|hvis))",
  "(?:du|I) må (?:endelig|gerne|bare|meget gerne|godt) (?:bruge|låne|beholde|få|tage (?:dem|den|det))",
  "(?:booket|reserveret|bestilt|skrevet)_(?:i|på) (?:dit|jeres) navn",
  "(?:du|I) står på (?:listen|gæstelisten)",
  "(?:det|den|de) koster (?:dig |jer )?ikke (?:noget|en krone|en øre|en bøjet femøre)",
  "uden beregning",
  // "Jeg har ikke skrevet timer på", "I haven't charged you for the hours"
  "(?:har|er) ikke (?:skrevet|sat|noteret) timer på(?: det| den| opgaven)?(?![\\p{L}])(?! endnu)",
  "(?:haven't|have not|didn't|did not|won't|will not) (?:charged|charge|billed|bill) (?:you )?(?:for )?(?:the |any |my )?hours(?! (?:yet|in|until|for (?:march|april|may|june|this month|last month)))",
  "på huset",
  // "du skal ikke tænke på at give noget igen", "no need to pay me anything back", "no need to return the favour"
  "(?:du|I) skal ikke (?:tænke på at |bekymre dig om at |spekulere på at )?(?:betale|give) (?:noget|mig noget|en krone)",
  // "Der ligger en kasse jordskokker ovenpå – dem skal du ikke betale for"
  "(?:dem|den|det|de)(?: [\\p{L}-]+){0,2} skal (?:du|I) ikke (?:betale|give noget|have penge) for",
  "(?:don't|do not|no need to) (?:even )?(?:think about |worry about |bother )?(?:giving|paying|to give|to pay|give|pay) (?:me )?(?:anything|a thing|a penny) back",
  "(?:don't|do not|no need to) (?:even )?(?:think about |worry about |bother )?(?:returning|to return|return) the (?:favour|favor)",
  // "Det skal du ikke have en regning for", "you won't get a bill for this"
  "(?:det|den) skal (?:du|I) ikke have (?:en )?(?:regning|faktura)",
  "(?:you|you'll) (?:won't|will not|don't|do not) (?:get|see|receive) (?:a |an )?(?:bill|invoice)",
  "gør med (?:dem|den|det) (?:hvad|som) (?:du|I) vil",
  "(?:brug|bruk|använd) (?:dem|den|det)(?: \\p{L}+)? (?:som|hvor|hvordan|hur|til hvad|till vad) (?:du|I|ni) (?:vil|vill)",
  // "så brug den bare allerede nu": leave to use it before anyone else
  "(?:brug|bruk) (?:dem|den|det) bare (?:allerede|med det samme|løs|nu|som du vil)",
  "behold (?:dem|den|det)",
  "(?:du|I) må beholde (?:dem|den|det)",
  "(?:den|det|de) (?:er|bliver) (?:din|dit|dine|jeres)(?![\\p{L}])",
  "(?:ingen|uden) (?:faktura|leje|regning|betaling)",
  "(?:den|det|de) (?:er|går) på (?:os|mig|huset)",
]);

/**
 * Something left at the reader's ("I dropped two boxes at your door", "jeg lagde et par ruller i dit skur"): a gift
 * only when the mail also lets it go (YOURS_NOW). Alone it may be the keys or an invoice brought back.
 */
const LEFT_AT_YOURS = phrases([
  "(?:left|dropped|put|stashed|popped|hung)__(?:at|by|in|on|behind|outside) your",
  "(?:lagde|lagt|satte|sat|stillede|stillet|efterlod|hængte|hængt)__(?:i|ved|på|uden for|foran|bag) (?:dit|din|dine|jeres)",
  // "Der ligger en flaske rødvin og et gavekort i din postkasse", "there's a bottle on your doorstep"; a place one can
  // leave a thing at, not "det står i din kontrakt" or "the invoice is in your e-Boks"
  "(?:ligger|står|hænger)__(?:i|ved|på|uden for|foran|bag) (?:din|dit|dine|jeres) (?:postkasse|brevkasse|dør|hoveddør|bagdør|trappe|have|carport|garage|skur|bil|opgang|baglokale|skab|kontor|butik|køleskab)(?![\\p{L}])",
  // the thing named at length before the place: "Vi har hængt en pose æbler fra haven og en flaske saft på jeres hoveddør"
  "(?:lagde|lagt|satte|sat|stillede|stillet|efterlod|hængte|hængt|læsset af|læssede af|afleveret|afleverede)[^.!?\\n]{0,120}? (?:i|ved|på|uden for|foran|bag) (?:din|dit|dine|jeres) (?:postkasse|brevkasse|dør|hoveddør|bagdør|trappe|carport|garage|skur|opgang|dørhåndtag)(?![\\p{L}])",
  "(?:there's|there is|there are)__(?:at|by|in|on|behind|outside) your (?:door|doorstep|front door|back door|porch|mailbox|letterbox|postbox|car|desk|office|shop|garden|shed|garage|locker|pigeonhole|fridge)(?![\\p{L}])",
]);
const YOURS_NOW = phrases([
  "(?:don't|do not|won't|will not|no longer) need (?:it|them|those|these)",
  "(?:might|could|may|will) (?:come in handy|be (?:useful|handy|of use))",
  "(?:make something|put them to (?:good )?use|get some use)",
  "(?:throw|chuck|bin|toss) (?:it|them) (?:out|away)",
  "(?:skal|kan) (?:alligevel )?ikke (?:selv )?bruge (?:dem|den|det)",
  "(?:står|ligger) (?:bare )?og fylder",
  "(?:smid|kassér) (?:dem|den|det) (?:bare )?(?:ud|væk)?",
  // left there so the reader is spared the work: "Så slipper du måske for at stå på en stige", "so you don't have to"
  "så slipper (?:du|I)(?: måske)? for",
  "so (?:that )?you (?:don't|won't|needn't|do not|will not) (?:have|need) to",
  "(?:kunne|kan|vil) (?:måske )?(?:være|blive) (?:fine|gode|god|fin|nyttige|nyttig|brugbare|brugbar|praktiske)",
  "kan (?:måske )?bruges",
  // a present, said as one: "Det er for hjælpen med restskatten … Nyd den!", "a little thank you for the help, enjoy it"
  "(?:nyd|enjoy) (?:den|det|dem|it|them)",
  "(?:som (?:en )?(?:lille )?tak|as a (?:little |small )?thank(?:-| )you)",
  "(?:it's|it is|this is|they're|they are) (?:for|a (?:little |small )?thank(?:-| )you for) (?:your help|all your help|the help)",
  "(?:det|den|de) er for (?:hjælpen|al din hjælp|din hjælp)",
  // "bare en lille ting for et rigtig godt år med Emil", "just a little something for all the lessons"
  "(?:bare|blot|kun) en lille (?:ting|gave|hilsen|tak|opmærksomhed)(?!\\s*[:–—-])",
  "just a (?:little|small|tiny) (?:something|thing|token|gift|treat)(?!\\s*[:–—-])",
]);

/**
 * "Thought of you", "tænkte straks på dig": the reader came to mind. With something sent along (a link, an
 * attachment, "here it is") it is a gift; in a mail that asks ("we need someone for the hedge and I thought of
 * you"), it is why they ask.
 */
const CAME_TO_MIND = phrases([
  "(?:thought|thinking) of you",
  "(?:made|makes) me think of you",
  "reminded me of (?:you|our)",
  "(?:tænkte|kom til at tænke|tænker)_på (?:dig|jer|vores)",
  "(?:fik mig til at|får mig til at) tænke på (?:dig|jer|vores)",
]);

const PROPOSAL = phrases([
  // not one asked of the writer by someone else: "He's asked for our price list"
  "(?<!(?:asked for|asking for|asks for|wants|wanted|requested|sent (?:her|him|them)|send (?:her|him|them)) )(?:my|our|updated|revised|attached) (?:proposal|quote|quotation|estimate|offer|pricing|price list)",
  "(?:here's|here is|attached is|i've attached|please find)_(?:proposal|quote|quotation|estimate|offer)",
  // not one sent to someone else: "I've sent her a proposal for her first couple"; nor one someone wants: "they want a proposal for a pilot"
  "(?<!(?:sent|send|sending|given|gave|emailed|mailed) (?:her|him|them) (?:a |my |our )?)(?<!(?:want|wants|wanted|asked for|asking for|requested|need|needs|expect|expects) (?:a |an )?)(?:proposal|quote|quotation|estimate) (?:for|attached|below)",
  "(?:mit|vores|nyt|revideret|vedhæftede|vedlagte) (?:tilbud|oplæg|prisoverslag)",
  "(?:her er|vedhæftet er|vedlagt er|sender (?:dig|jer) (?:hermed )?)_(?:tilbud|oplæg|prisoverslag|forslag)",
  "tilbud (?:på|til) (?:jer|dig)",
  // offering a talk or a workshop: "I'd love to give a talk on …", "jeg vil gerne holde et oplæg"
  "(?:i'd|i would|we'd|we would) (?:love|be happy|be glad|like) to (?:give|run|host|hold|do|present) (?:a|an) (?:\\p{L}+ ){0,2}(?:talk|workshop|session|demo|presentation|masterclass|lecture)",
  "(?:jeg|vi) (?:vil|ville) (?:meget )?gerne (?:holde|give|lave|afholde) (?:et|en) (?:\\p{L}+ ){0,2}(?:oplæg|foredrag|workshop|demo|præsentation)",
  // the same in the neighbours' languages: Swedish, Norwegian, German, Spanish
  "(?:jag|vi) (?:skulle|vill) gärna (?:hålla|ge|ha) (?:en|ett) (?:\\p{L}+ ){0,2}(?:talk|föredrag|workshop|presentation|demo)",
  "(?:vår|min|bifogad|bifogade|bifogat) offert",
  "offert (?:på|för|till)",
  "(?:vårt|mitt|vedlagt|vedlagte) (?:tilbud|pristilbud)",
  "(?:jeg|vi) (?:vil|ville) gjerne (?:holde|gi|ha) (?:et|en) (?:\\p{L}+ ){0,2}(?:foredrag|workshop|presentasjon)",
  // not one made to someone else: "wir machen ihr diese Woche ein Angebot"
  "(?<!(?:machen|mache|schicken|schicke|senden|sende|geben|gebe) (?:ihr|ihm|ihnen)(?: \\p{L}+){0,2} )(?:unser|mein|das|ihr|ein) (?:honorar|kosten|preis)?angebot",
  "kostenvoranschlag",
  "(?:ich|wir) (?:würde|würden) (?:sehr )?(?:gerne|gern) (?:einen|ein|eine) (?:\\p{L}+ ){0,2}(?:vortrag|workshop|präsentation|demo) halten",
  "(?:nuestra|mi|la) (?:propuesta|oferta|cotización)",
  "(?:nuestro|mi|el) presupuesto",
  "me encantaría (?:dar|hacer|presentar) (?:una|un) (?:\\p{L}+ ){0,2}(?:charla|taller|demo|presentación)",
]);
/** A thread about business: a quote, an order, a booking, an invoice (in the owner's languages and the neighbours'). */
const BUSINESS_SUBJECT = letterRegExp(
  String.raw`(?<![\p{L}])(?:quote|quotation|estimate|booking|reservation|order|invoice|receipt|confirmation|(?:group|room|day|venue|hire|rental) rates?|tilbud|prisoverslag|ordre|bestilling|faktura|kvittering|bekræftelse|angebot|bestellung|rechnung|offert|beställning|presupuesto|pedido|factura|reserva|offerta|preventivo|ordine|fattura|prenotazione|devis|commande|facture|réservation|offerte|bestelling|factuur|reservering|orçamento|encomenda|fatura)(?![\p{L}])`,
  "i",
);

/**
 * A yes given gladly, in the words people use for it: said first ("Of course!", "Selvfølgelig må du det"), or a
 * promise to do it ("I'll take all four", "det gør jeg med glæde"); never a yes that puts it off (see `agrees`).
 */
const AGREES = phrases([
  "(?:^|\\n)\\s*(?:(?:oh|hi|hey|hej|kære|dear|yes|ja),? ?[^.!?\\n,]{0,20}[,!.]\\s*)?(?:of course|absolutely|gladly|with pleasure|count me in|consider it done|no problem at all|selvfølgelig|klart|helt klart|ja gerne|ja selvfølgelig)(?![\\p{L}])",
  "(?:happy|glad|delighted|honoured|honored) to(?: do it| help| be| cover| take| lend| give| speak| talk)?[.!,]",
  "(?:i'd|i would) (?:be )?(?:love|happy|glad|delighted|honoured|honored) to",
  "(?:i'll|i will|i can) (?:happily |gladly )?(?:take|cover) (?:it|them|all|both|those|your)(?![\\p{L}])",
  "(?:i'll|i will|i can) (?:happily |gladly )?(?:lend|give) you",
  // a plain yes said first: "Yes, I can do that – Thursdays are my admin day anyway", "Ja, det kan jeg sagtens"
  "(?:^|\\n)\\s*(?:(?:hi|hey|hej|dear|kære) \\p{L}+,?\\s*)?(?:yes|yep|yeah|sure|ja)[,!.]? (?:i|we) can (?:do (?:that|it|this)|manage (?:that|it)|cover (?:it|that|you))(?![\\p{L}])",
  "(?:^|\\n)\\s*(?:(?:hej|kære) \\p{L}+,?\\s*)?ja[,!.]? det kan (?:jeg|vi) (?:godt|sagtens|fint)(?![\\p{L}])(?![ ,]+(?:forstå|se|huske|følge|mærke|høre|sætte mig ind))",
  "med (?:stor )?glæde",
  "(?:det vil jeg|det gør jeg|det skal jeg) (?:meget |rigtig |sagtens )?gerne[.!,]",
  "(?:jeg|vi) (?:tager|dækker|klarer|kan sagtens tage|kan godt tage) (?:den|dem|vagten|holdene|timerne|holdet|lørdagen)(?![\\p{L}])",
]);

/**
 * The owner's ask, as the thread's subject, is for a favour: to be a reference, to cover, to lend, to speak, to help
 * ("Would you be a reference for me?", "Can you cover 24-28 Feb?", "Må jeg låne balancepuder?", "Lørdagsvagt 6. marts",
 * "Vil du tale på vores fyraftensmøde?"); not a talk between the two ("Kan vi tale sammen?") or a reference number.
 */
const FAVOUR_SUBJECT = letterRegExp(
  String.raw`(?<![\p{L}])(?:(?:be|være|as|som|use you as|bruge dig som) (?:my |a |an |min |en )?(?:reference|referent|referee)|reference for me|(?:can|could|would) you cover|cover (?:for me|my|me)|(?<!\p{L}\s)cover (?:on|for) (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?<!\p{L}\s)cover (?:needed|wanted|request)|(?:cover|take|swap) (?:my |a |the )?shifts?|dække (?:for mig|ind|mine)|vikar\p{L}*|afløs\p{L}*|\p{L}*vagt|låne|borrow|lend|favou?r|tjeneste|help (?:me|us) (?:with|out|move|to)|hjælpe? (?:mig|os) (?:med|til)|tale på|speak at|(?:give|hold|do|run) (?:a |an )?(?:\p{L}+ )?(?:talk|keynote|workshop)|(?:holde|give) (?:et |en )?(?:\p{L}+ )?(?:oplæg|foredrag))(?![\p{L}])`,
  "i",
);

/** Does the owner's ask, as the thread's subject, ask a favour? */
export function asksAFavour(subject: string | null): boolean {
  return FAVOUR_SUBJECT.test(latin1Text(subject ?? ""));
}

/** Whether a subject is about business done with the owner (a quote, an order, a booking, an invoice). */
export function aboutBusiness(subject: string | null): boolean {
  return BUSINESS_SUBJECT.test(latin1Text(subject ?? ""));
}

const SUBJECT_PROPOSAL = letterRegExp(
  String.raw`(?<![\p{L}])(?:proposal|quote|estimate|offer|tilbud|oplæg|prisoverslag|offert|pristilbud|angebot|honorarangebot|kostenvoranschlag|propuesta|presupuesto|cotización|offerta|preventivo|devis|offerte|orçamento)(?![\p{L}])`,
  "i",
);

const GREETING = phrases([
  "happy (?:birthday|bday|new year|holidays|easter|anniversary|retirement)",
  "(?:god|glædelig) pension",
  "tillykke med (?:pensionen|jubilæet|fødselsdagen|dagen)",
  "merry christmas",
  "congrat(?:s|ulations)",
  "(?:stort |hjertelig |hjerteligt )?tillykke",
  "(?:so |really |very |just )?(?:happy|thrilled|delighted|pleased) for (?:you|you both|both of you)",
  "(?:så |virkelig )?(?:glad|glade) på (?:dine|jeres|dit|din) vegne",
  "(?:engaged|engagement|forlovet|forlovelse|new arrival|new baby)",
  "glædelig (?:jul|påske)",
  "godt nytår",
  "god (?:jul|påske)",
  "season'?s greetings",
]);

/** Nudging one's own unanswered mail: it still waits for the answer the first one asked for. */
const NUDGE = phrases([
  "just (?:checking|making sure)_(?:in|this|that|whether|if|reached|got)",
  "checking in (?:on|about|to see)",
  "(?:following|follow) up on",
  "just following up",
  "bump(?:ing)? (?:this|my)",
  "circling back",
  "(?:bringing|bring|pushing|moving) this (?:back )?(?:up|to the top)",
  "(?:top|back to the top) of your inbox",
  "(?:did|have) you (?:get|had|have) a chance",
  "in case (?:it|this|my (?:mail|email|message)) (?:got|was|went) (?:buried|lost|missed)",
  "(?:gentle|quick|friendly) reminder",
  "any (?:news|update|thoughts) on",
  "følger (?:lige |bare )?op på",
  "vender (?:lige |bare )?tilbage (?:angående|vedrørende|om|på)",
  "(?:har|havde) du nået at",
  "(?:ville|vil) (?:bare |lige )?høre,? om du (?:har|havde|fik|nåede)",
  "(?:prikker|minder) (?:lige|bare) (?:til dig|om)",
  "(?:sender|sendte) den lige igen",
  "i tilfælde af,? at (?:den|mailen) er (?:druknet|forsvundet|gledet)",
]);

const OUTREACH = phrases([
  "(?:i'm|i am) reaching out",
  "reaching out (?:to you )?(?:because|about|regarding)",
  "(?:we haven't|we have not|we've not|we never) (?:met|spoken)",
  "my name is",
  "(?:let me|allow me to) introduce myself",
  "(?:i'm|i am) writing to you because",
  "i came across your",
  "jeg hedder",
  "mit navn er",
  "vi har ikke (?:mødt|talt med|hilst på) hinanden",
  "vi kender ikke hinanden",
  "jeg skriver til dig,? fordi",
  "jeg tillader mig at (?:skrive|kontakte)",
  "jeg faldt over din",
  "(?:må jeg|lad mig) præsentere mig",
]);

/**
 * A meeting that already happened: "Thanks for the meeting yesterday", "great meeting you at the fair", "Tak for et
 * godt møde i går". Not a cold pitch's "Nice to meet you", which meets no one.
 */
const MET_BEFORE = phrases([
  "(?:great|nice|lovely|good|a pleasure) (?:meeting|seeing|talking to|talking with|speaking with|chatting with) you",
  "(?:was|it was|it's been) (?:great|nice|lovely|good|a pleasure) to (?:meet|see|talk to|talk with|speak with|chat with) you",
  "thanks? (?:you )?(?:so much |again )?for (?:the|a|our|your) (?:great |good |lovely |nice |productive |helpful |useful |inspiring )?(?:meeting|chat|call|talk|conversation|coffee|lunch|visit|tour)(?= (?:today|yesterday|earlier|last|this|on|at)(?![\\p{L}]))",
  "tak for (?:et |en |det |jeres )?(?:godt |hyggeligt |dejligt |rart |spændende |fint |konstruktivt |inspirerende )?(?:møde|mødet|snak|snakken|besøg|besøget|kaffe|kaffen|frokost|frokosten|samtale|samtalen|rundvisning|rundvisningen)",
  "tak for (?:sidst|i går)",
  // the day they met: "Thanks again for Friday, lots to chew on", "Tak for i torsdags"
  "thanks? (?:you )?(?:so much |again )?for (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|this morning|today's session|the session|our session|the workshop)(?![\\p{L}])",
  "tak for (?:i )?(?:mandags|tirsdags|onsdags|torsdags|fredags|lørdags|søndags|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|i dag)(?![\\p{L}])",
  "(?:dejligt|rart|hyggeligt|godt) at (?:møde|se|tale med|snakke med) (?:dig|jer) (?:i går|i dag|sidst|på)",
]);

/** "Lars suggested I reach out", "fik dit navn af Lars": a new person who comes through someone the owner knows. */
const REFERRED_BY = phrases([
  "(?:suggested|recommended|told me|said) (?:that )?(?:i|we)_(?:contact|reach out|write|get in touch|talk|speak|email)",
  "(?:got|have|had|was given|were given|been given) your (?:name|details|email|address|contact|number)_(?:from|by|via|through)",
  "(?:passed|gave) (?:me|us) your",
  "(?:referred|pointed|sent) me (?:to you|your way|in your direction)",
  "(?:anbefalede|foreslog|sagde|mente)_(?:at )?(?:jeg|vi)_(?:kontakte|kontaktede|skrive|skrev|ringe|ringede|tage fat|tog fat)",
  "(?:fik|har fået|fået) (?:dit|din|dine) (?:navn|mail|nummer|kontakt\\p{L}*)_(?:af|fra|gennem)",
  "henvist til dig",
  "henvist (?:af|fra|gennem|via)",
  "(?:referred|sent) (?:by|via|through)",
  "(?:recommended|referred|suggested|mentioned) you to (?:me|us)",
  "(?:anbefalede|anbefalet|foreslog|rådede|bad) (?:mig|os) (?:om )?at (?:kontakte|skrive|ringe|tage fat)",
  "(?:gav|har givet|givet|sendte|videregav) (?:mig|os) (?:dit|din|dine) (?:navn|nummer|mail|kontakt\\p{L}*|adresse)",
  "(?:anbefalede|anbefalet|nævnte|nævnt) dig (?:til|for|over for) (?:mig|os)",
  // "Grace Liu mentioned you", "Oliver showed us your Skagen house", "Owen will have told you about me"
  "(?<!(?:i|we) )(?:mentioned|recommended|suggested) you(?! to (?!(?:me|us)))",
  "(?:showed|sent|forwarded) (?:me|us) your",
  "(?:told|tells) (?:me|us) (?:all )?about you",
  "(?:will|'ll|may|might|must|probably) (?:have )?(?:told|mentioned to) you_about (?:me|us)",
  "(?<!(?:jeg|vi|i) )(?:nævnte|nævner|anbefalede|anbefaler) (?:dig|dit navn|jer|dit \\p{L}+|din \\p{L}+|jeres \\p{L}+)(?! (?:til|for|over for|hos) (?!(?:mig|os)))",
  "(?:viste|sendte|videresendte) (?:mig|os) (?:dit|din|dine|jeres)",
  "(?:fortalte|har fortalt) (?:mig|os) om (?:dig|jer)",
  "(?:har|vil have|må have) (?:nok |vel |sikkert )?fortalt (?:dig )?(?:lidt )?om (?:mig|os)",
  // "X told me to write to you", "X said you'd be the person to ask", "Lene Holm har anbefalet dig"
  "told (?:me|us) to (?:write|contact|get in touch|reach out|email|call|ask)",
  "said (?:to|(?:i|we) should) (?:write|contact|get in touch|reach out|email|call) (?:to )?you",
  // "Marcy connected us last week", "Lars satte os i forbindelse"
  "(?<!(?:i|we) )(?:connected|introduced) us",
  "(?<!(?:jeg|vi) )(?:satte|har sat) os i (?:forbindelse|kontakt)",
  "(?:said|says|told (?:me|us)|tells (?:me|us)) (?:that )?you(?:'d| would| were| are|'re) (?:be )?(?:the (?:person|people|one|ones|right person|right people|expert|experts|woman|man|guy|go-to|team|studio)|who to)",
  "(?:showed|sent|forwarded) (?:me|us) (?:a |the )?links? to your",
  "(?<!(?:jeg|vi|i) )(?:har|havde) (?:anbefalet|nævnt) (?:dig|jer|dit navn|jeres)",
  // in a subject: "Samuel Osei sent me", "Sofie sendte os", "Callum Reid's suggestion", "Henvendelse via Lone Bach"
  "(?<!(?:i|we) )sent (?:me|us)(?= *(?:$|\\n|[-–—:(,]))",
  "(?<!(?:jeg|vi|i) )sendte (?:mig|os)(?= *(?:$|\\n|[-–—:(,]))",
  "[\\p{L}]+'s (?:suggestion|recommendation|idea)",
  // "Bo Lassen sagde du har plads i januar", "Kirsten said you might have firewood to spare": what someone told the
  // writer of the reader, not the reader's own words quoted back ("du sagde du havde …"), nor a pitch's "said you
  // might be interested"
  "(?<!(?:du|jeg|vi|i|you|we) )(?:sagde|siger|fortalte|nævnte|mente) (?:at )?(?:du|I) (?:måske |nok |vist |godt |sikkert |stadig )?(?:har|havde|kan|kunne|laver|lavede|ville|vil|skulle|tager|kender|ved|sælger|udlejer|plejer)(?![\\p{L}])",
  "(?<!(?:you|i|we|and|then) )(?:said|says|told (?:me|us)|tells (?:me|us)|mentioned) (?:that )?you (?:might |may |could |can |would |'d |still |probably )?(?:have|had|know|help|be able|do|did|run|rent|sell|teach|lend|take|make)(?![\\p{L}])",
  // German, Swedish and Norwegian: "Frau Munch hat Ihr Haus empfohlen", "Lena tipsade mig om dig", "fikk navnet ditt av Ola"
  "(?:hat|haben) (?:mir |uns )?(?:ihr|ihren|ihre|sie|dich|dein|deinen|deine)(?: \\p{L}+)? (?:empfohlen|genannt)",
  "auf (?:die )?empfehlung (?:von|ihrer|ihres|meiner|meines)",
  "(?:ihren|deinen|ihre|deine) (?:namen|adresse|nummer|kontakt\\p{L}*) (?:von|bekommen|erhalten)",
  "(?:tipsade|rekommenderade|tipset|anbefalte) (?:mig|oss|meg) om (?:dig|er|deg)",
  // "Hannah Koch spoke very highly of you", "Lars roste dig til skyerne"
  "(?<!(?:i|we) )(?:spoke|speaks|spoken|talks|talked|raved|raves) (?:so |very |really )?(?:highly|warmly|well) (?:of|about) you",
  "(?<!(?:jeg|vi) )(?:roste|roser|har rost) (?:dig|jer)",
  "(?:talte|taler|har talt) (?:så |meget )?(?:pænt|godt|varmt) om (?:dig|jer)",
  "(?<!(?:jag|vi|jeg) )(?:rekommenderade|anbefalte|anbefalt) (?:dig|er|deg)",
  "(?:fick|fikk) (?:ditt|ert|din|navnet ditt|namnet|nummeret ditt|numret) (?:\\p{L}+ )?(?:av|från|fra)",
  "(?:henvendelse|forespørgsel|kontakt|enquiry|inquiry|hello|intro) (?:via|gennem|through)",
]);

/** A day, a date or a time of day: what a scheduling question is about. */
const WHEN = letterRegExp(
  [
    "(?<![\\p{L}])(?:mon|tues|wednes|thurs|fri|satur|sun)day",
    "(?<![\\p{L}])(?:man|tirs|ons|tors|fre|lør|søn)dag",
    "(?<![\\p{L}])(?:tomorrow|tonight|next week|this week|i morgen|i aften|næste uge|i denne uge|i overmorgen)(?![\\p{L}])",
    "(?<![\\p{L}\\p{N}])kl\\.? ?\\d",
    "(?<![\\p{N}])\\d{1,2}[:.]\\d{2}(?![\\p{N}])",
    "(?<![\\p{N}])\\d{1,2} ?(?:am|pm)(?![\\p{L}])",
    "(?<![\\p{N}])\\d{1,2}\\.? ?(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)",
    "(?<![\\p{L}])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}* \\d{1,2}(?![\\p{N}])",
  ].join("|"),
  "i",
);

/** A deadline ("before Friday", "senest torsdag") makes a dated question a task, not a meeting time… */
const DEADLINE = letterRegExp(String.raw`(?<![\p{L}])(?:before|by|no later than|inden|senest|før)(?![\p{L}])`, "i");
/** …unless it proposes the time outright ("what about Tuesday at 10?", "kan du torsdag kl. 13?"). */
const PROPOSES_TIME =
  letterRegExp(String.raw`(?<![\p{L}])(?:what about|how about|shall we say|hvad med|skal vi sige|(?:kan|kunne|passer) (?:du|det|det dig) (?:på |den )?(?:man|tirs|ons|tors|fre|lør|søn)dag|(?:can|could) you (?:do |make )?(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?![\p{L}])`, "i");

/** The reader asked to introduce the writer: "could you make an intro", "would you put me in touch", "kan du præsentere mig". */
const ASKS_FOR_AN_INTRODUCTION = phrases([
  "(?:could|can|would|will|might) you_(?:introduce|intro|connect|put|link|loop)",
  "(?:any chance|is there any chance|would it be possible)_(?:introduce|intro|connect|put me|link|loop)",
  "(?:introduce|connect|put) me_(?:to|with|in touch)",
  "(?:kan|kunne|vil|ville) du_(?:introducere|præsentere|sætte mig|koble mig|bringe mig)",
  "(?:introducere|præsentere) mig (?:for|til)",
]);
const SUBJECT_INTRODUCTION = /^\s*(?:intro|introduction|introduktion|introducing|præsentation|meet)\b/i;
/** "Introduction via Declan Hughes", "Intro fra Lars": the writer introducing themselves, sent by someone. */
const SUBJECT_SELF_INTRODUCTION = /^\s*(?:intro|introduction|introduktion)\s+(?:via|through|from|fra|gennem|by)\b/i;
const SUBJECT_QUESTION = /^\s*(?:quick question|question|a question|spørgsmål|et hurtigt spørgsmål|hurtigt spørgsmål)\b/i;
const LINK = /(?:https?:\/\/|www\.)[^\s<>]+/i;
/** Words that hand something over in the mail itself; with the owner's request before it, what was asked for. */
const HANDS_OVER = phrases([
  "(?:here it is|here they are|here you go|here's the|here is the|here are the)",
  "(?:is|are|it's|its) (?:attached|enclosed)",
  "attached (?:is|are|you'll find|please find)",
  // "Attached: benchmarks.xlsx", "scan attached", "Checklist attached (…)", "I've attached the form"
  "attached(?=\\s*[:(–—-])",
  "(?<!(?:send|sending|send you) (?:the |a |you the )?)(?:scan|file|files|copy|copies|form|checklist|template|sheet|pdf|doc|document|photos?|pictures?|drawings?|plans?|slides|deck|report|contract|spreadsheet|invoice|quote|notes) attached",
  "(?:i've|i have|we've|we have) attached",
  // Whatever the thing is called: "Locked script attached, plus …", "Both September statements attached." (not
  // "statements attached to an email?", nor "Nothing attached this time").
  "(?!(?:nothing|not|no)(?![\\p{L}]))\\p{L}{3,} attached(?= *(?:[,.;:!(–—-]|\\n|plus |and |\\+))",
  "attached (?:a|an|the|my|our|both|two|three|\\p{N}+)",
  "attaching (?:the|a|an|my|our|both|two|it|them|\\p{N}+)",
  "see_(?:attached|enclosed)",
  "(?:jeg|vi) (?:vedhæfter|vedlægger)",
  // "Hab dir unten meinen Tracer reingepackt", "habe dir die Vorlage angehängt"
  "(?:hab|habe|hab ich|habe ich) dir (?:[\\p{L}-]+ ){0,3}(?:reingepackt|angehängt|mitgeschickt|rausgesucht|zusammengestellt|geschickt|weitergeleitet|hochgeladen)",
  // German, French, Spanish, Italian, Dutch, Swedish: "Anbei die Vorlage", "ci-joint le devis", "te adjunto …"
  "(?:anbei|im anhang|ci-jointe?|en pièces? jointes?|(?:te|le|os|les) adjunto|adjunto (?:el|la|los|las|te|le|un|una)|in allegato|(?:ti|vi|le) allego|in de bijlage|als bijlage|bijgevoegd|bifogar|bifogat|bifogad)",
  "(?:\\p{L}+ )?vedhæftet(?= *[:(])",
  "(?:please )?find_(?:attached|enclosed)",
  "(?:in|on) the shared (?:drive|folder)",
  "(?:i've|i have) (?:uploaded|shared|put)_(?:in|on|with you)",
  // "her er rideren og scenetegningen": any thing by its definite form
  "her er (?:den|det|de|et|en|nogle|mit|min|mine|vores|linket|link|slides|\\p{L}{3,}(?:en|et|ne|erne|ene))",
  "(?:hermed|vedhæftet|vedlagt|jeg har vedhæftet|jeg har delt)",
  "(?:ligger|er lagt) (?:i|på) (?:det delte|den delte|vores delte|drevet|mappen)",
  // in the attachment, told in the other order: "I den vedhæftede zip ligger de endelige trykfiler", "in the attached zip you'll find"
  "i (?:den|det|de) (?:vedhæftede|vedlagte)_(?:ligger|finder du|er)",
  "in the attached_(?:you'll find|you will find|are|is)",
]);

/** Saying no, or not knowing: "I'm afraid I can't help there", "desværre", "no idea, sorry". */
const DECLINES = phrases([
  "(?:afraid|sorry|unfortunately)_(?:i|we) (?:can't|cannot|couldn't|won't|am not able|'m not able|don't know|do not know|have no)",
  // said of the answer, not of the news the advice carries ("giant fungus on beech is unfortunately almost always bad news")
  "unfortunately,?(?: [\\p{L}']+){0,3} (?:not|no|can't|cannot|couldn't|don't|didn't|won't|none|nobody|never|isn't|wasn't|aren't)(?![\\p{L}'])",
  "(?:no|not|nope|nothing),? unfortunately",
  "unfortunately[.!]",
  "(?:i|we) (?:can't|cannot) (?:help|do it|make it|take it on|take on)",
  "no idea",
  "not sure i can help",
  "desværre,?(?: [\\p{L}]+){0,3} (?:ikke|ingen|intet|aldrig|nej|fuldt|optaget)(?![\\p{L}])",
  "(?:nej|ikke|ingen|intet),? desværre",
  "desværre[.!]",
  "(?:jeg|vi) (?:kan|må) (?:ikke|ikke nå|ikke hjælpe|ikke tage)",
  "ingen anelse",
  "aner ikke",
  // no room: "the spring issue is full", "vi er fuldt booket"
  "(?:is|are|'s|'re) (?:already )?(?:full|fully booked|booked up)",
  "(?:er )?(?:fuldt booket|helt booket|fyldt op)",
  "(?:try|ask|write to) (?:me|us) again",
  "(?:spørg|skriv til) (?:mig|os) igen",
]);

/** Picking up after a while: "Long time!", "it's been ages", "Det er længe siden", "Lang tid siden". */
const CATCHES_UP = phrases([
  "long time(?: no (?:see|speak|hear))?",
  "(?:it's|it has|it's) been (?:a while|ages|too long|forever|a long time)",
  "been (?:far )?too long",
  "(?:det er|det har været) (?:alt for |rigtig |så )?længe siden",
  "(?:lang|længe) tid siden",
  "vi har ikke (?:talt|snakket|hørt fra hinanden|set hinanden) (?:i|længe)",
]);

/** A greeting to a group on the first line: "Hi all,", "Hej alle", "Dear friends and clients". */
const GREETS_A_GROUP = letterRegExp(String.raw`^\s*(?:hi|hello|hey|dear|good morning|hej|kære|godmorgen|hejsa)\s+(?:all|everyone|everybody|folks|team|friends|colleagues|alle|allesammen|alle sammen|jer alle|venner|kolleger)(?![\p{L}])`, "i");

/** Confirming an arrangement: "Confirmed for Tuesday 7am", "confirming your spot", "Bekræftet: vi ses tirsdag". */
const CONFIRMS = phrases([
  "(?:confirmed|confirming|confirm)(?: for| your| that| the)?",
  "(?:it's|it is|you're|you are|that's|we're) (?:booked|confirmed|all set|set)",
  "see you (?:on |at |then|there|next|(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
  "(?:bekræftet|bekræfter|det er aftalt|så er det aftalt|aftalt|du er booket|det er booket)",
  "vi ses (?:på |i |kl|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|mandag|der|den)",
]);

/**
 * A business answer: an order or a booking confirmed, a permission granted, a deposit or an invoice to pay. The
 * owner's customer relations, not favours: "Thank you for your order. We confirm:", "You're booked!", "Det er i
 * orden med skiltet … Der er et depositum på 200 kr.".
 */
const TRANSACTION = phrases([
  "thank you for (?:your|the) (?:order|booking|reservation|purchase|payment|deposit)",
  // an order placed: "Den er bestilt: ThinkPad T14 … Faktura følger med maskinen"
  "(?:den|det|de|varen|varerne|ordren|maskinen) er (?:nu )?bestilt",
  // asking the owner's price is a customer's mail: what it sends along is their own business ("Kan du også tage
  // lønnen, og hvad koster det ekstra om måneden?")
  "hvad (?:koster (?:det|den|de)|(?:vil|ville|skal) (?:det|den|de) (?:ca\\.? |cirka |omtrent |ekstra )?(?:at )?koste)(?![\\p{L}])",
  "what (?:would|will|do|does) (?:it|that|you|this) (?:cost|charge)",
  // the paid service the answer is part of: "We'll go through it properly when we do your return in December"
  "(?:when|once|as) we (?:do|prepare|file|submit|finalise|finalize) your (?:return|tax return|accounts|year-end|books|payroll|vat return)",
  "(?:når|så snart) vi (?:laver|gør|udarbejder|indsender|afslutter) (?:dit|din|jeres) (?:årsregnskab|regnskab|selvangivelse|årsopgørelse|momsindberetning|bogføring|lønkørsel)",
  "(?:we|i) (?:hereby )?(?:confirm|have received|received) (?:your|the) (?:order|booking|reservation|payment|deposit|documents|papers)",
  "(?:order|booking|reservation) (?:confirmation|confirmed|number|reference|no\\.|nr\\.?)",
  "(?:you're|you are|you're all|you are all) (?:booked|confirmed|set for)",
  "(?:a|the|our|your) (?:deposit|booking fee|hold fee|down payment) (?:of|is|has|was)",
  "(?:the|our) (?:invoice|receipt|bill) (?:follows|will follow|is attached|attached|comes)",
  "(?:your|the) (?:\\p{L}+ ){0,3}(?:is|has been|have been|are) (?:now )?approved",
  "tak for (?:din|jeres) (?:ordre|bestilling|booking|reservation|betaling|indbetaling)",
  "(?:ordrebekræftelse|bookingbekræftelse|ordrenummer|ordre nr|bookingnummer)(?:n|en)?",
  // saying yes to the owner's offer: "Tak for tilbuddet … vi siger ja", "we'd like to go ahead with your quote"
  "(?:vi|jeg) (?:siger ja|accepterer|takker ja|tager imod) (?:tak )?(?:til )?(?:tilbuddet|jeres tilbud|dit tilbud)?",
  "(?:we|i)(?:'d| would)? (?:like to |are happy to |will )?(?:accept|go ahead with) (?:your|the) (?:offer|quote|quotation|proposal|estimate)",
  "(?:din|jeres) (?:ordre|bestilling|booking|reservation|betaling) er (?:modtaget|bekræftet|registreret|på vej)",
  "(?:vi|jeg) (?:bekræfter|har modtaget) (?:din|jeres|hermed|dine|bilagene|papirerne)",
  "(?:et|der er et|mod et) depositum",
  // asking the owner to pay to secure what they asked for: "pay the £120 deposit by 30 June", "betale depositum"
  "(?:pay|paying|transfer|send) (?:the|a|your) (?:[£$€]?\\p{N}[\\p{N}.,]* )?(?:deposit|booking fee|pitch fee|stall fee|registration fee)",
  "(?:betal|betale|indbetal|indbetale|overfør|overføre) (?:et |dit |jeres )?(?:depositum|gebyr|standgebyr|tilmeldingsgebyr)",
  "(?:det er|det's) i orden (?:med|at)",
  "(?:er|bliver) (?:hermed )?godkendt",
  "(?:fakturaen|faktura|regningen|kvitteringen) (?:følger|kommer|er vedhæftet|vedhæftet|sendes|eftersendes)(?! ikke)",
  // an order placed with the owner: "Vi tager 12 skåle", "we'll take all six prints", on commission
  "(?:we'll|we will|we'd like to|i'll|vi|jeg) (?:take|order|buy|tager|bestiller|køber) (?:\\d+|all|alle)",
  "(?:consignment|commission) (?:agreement|terms|contract)",
  // the price of the job asked for, with its tax: "would be £180 + VAT", "bliver 4.500 kr. plus moms"; not advice on
  // what to charge ("I'd charge £450 + VAT")
  "(?<!(?<![\\p{L}])(?:charge|charging|ask|asking|quote|quoting|bill|billing|invoice|tage|tag|kræv|kræve|fakturer)(?![\\p{L}])[^.!?\\n]{0,20})(?:[£$€] ?\\p{N}[\\p{N}.,]*|\\p{N}[\\p{N}.,]* ?(?:kr\\.?|kroner|dkk|eur|euro|gbp))(?: ?(?:\\+|plus|ex\\.?|excl\\.?|exclusive of|ekskl\\.?|eksklusiv|ex\\.?) ?(?:vat|moms))(?![\\p{L}])",
  "kommissionsaftale(?:n)?",
  // paperwork the owner sent, signed and sent back: "Signed and attached", "underskrevet og vedhæftet"
  "signed (?:and|&) (?:attached|returned|enclosed|sent back)",
  "(?:signed|countersigned) (?:copy|version|contract|agreement|nda|form)_(?:attached|enclosed|back)",
  "underskrevet (?:og )?(?:vedhæftet|retur|sendt retur)",
  "(?:her er|vedhæftet|vedlagt) (?:den |det |de )?underskrevne",
  // a price offered for what the owner asked to buy: "Jeg kan tilbyde en Lenovo ThinkPad … til 7.495 kr.", "we can offer
  // you the room at £90 a night"
  "(?:jeg|vi) kan tilbyde (?:dig |jer )?(?:en|et)[^.!?\\n]{0,80}?\\d[\\d.,]*\\s?(?:kr|kroner|dkk|eur|euro)",
  "(?:i|we) (?:can|could) offer (?:you )?(?:a|an|the|our)[^.!?\\n]{0,80}?[£$€]\\s?\\d[\\d.,]*",
  // paperwork for the owner to sign and send back: "Could you sign it and send it back by Friday?"
  "(?:sign|countersign|initial) (?:it|them|this|the (?:\\p{L}+ )?(?:contract|agreement|nda|form|addendum|order))_(?:and )?(?:return (?:it|them)|(?:send|scan|email|post) (?:it |them )?(?:back|to (?:me|us)))",
  "(?:underskriv|underskrive|skriv under på|skrive under på) (?:den|det|dem|kontrakten|aftalen|tillægget|formularen)_(?:og )?(?:send\\p{L}* (?:den |det |dem )?(?:retur|tilbage|til (?:mig|os))|returner\\p{L}*)",
]);

/** A price or a rate: an amount in a currency, or the writer's own rate or fee named. */
const PRICE = letterRegExp(
  String.raw`(?<![\p{L}])(?:[£$€]\s?\d|(?<![\d.,])\d[\d.,]{0,20}\s?(?:kr\.?|dkk|sek|nok|eur|euro|usd|gbp|€|£)(?![\p{L}])|(?:my|our|the) (?:hourly |day |daily |weekly |monthly )?(?:rate|rates|fee|fees)(?![\p{L}])|(?:min|vores) (?:time|dags|måneds)?(?:pris|takst|honorar)(?![\p{L}])|(?:my|our|min|mit|mine|vores) (?:price list|pricing|prices|packages|collections|prisliste|priser|pakker)(?![\p{L}])|(?:wholesale|trade|retail|updated|new) (?:price list|prices|pricing)(?![\p{L}])|prisliste(?:n)?(?![\p{L}]))`,
  "i",
);

/**
 * A pitch: asking for the reader's time to meet ("would you have half an hour next week?", "skal vi drikke en kop
 * kaffe?") or offering the writer's own work ("I'd love to hear what you're planning", "jeg sender gerne
 * eksempler"). A substantial reply to it is an answer to a pitch, not know-how given.
 */
const PITCH = phrases([
  "(?:would|do|will|might) you have (?:time|half an hour|an hour|a (?:few|couple of) minutes|\\d+ (?:minutes|mins)|(?:ten|fifteen|twenty|thirty) minutes)",
  "(?:can|could|shall|should) we_(?:meet|talk|chat|grab|set up|schedule|hop on|jump on)",
  // offering a piece of work: "would a six-page feature interest Scottish Field?", "kunne det interessere jer?"
  "(?:would|might|could) (?:this|that|it|a|an|my|our)_interest",
  "(?:be )?of interest to (?:you|your)",
  "(?:kunne|ville) (?:det|den|en|et|mit|vores)_interessere",
  "(?:a|for a|grab a) (?:quick )?(?:call|chat|coffee)(?: sometime| next week| soon)?\\s*\\?",
  "(?:i|we)(?:'d| would) (?:love|be happy|be glad) to (?:hear what|show you|help you|walk you|tell you)",
  "(?:kan|kunne|skal|skulle) vi_(?:mødes|ses|drikke|tage en|få en|snakke|tale)",
  "har (?:du|I) (?:tid|en halv time|\\d+ minutter|et kvarter) (?:til|i|en)",
  "(?:jeg|vi) (?:\\p{L}+ )?(?:sender|skriver|laver|tager|hjælper|kommer|viser) (?:også )?gerne",
]);

/** Asking for advice or know-how, not for a thing or a time: "any idea where I should look?", "hvad ville du gøre?". */
const ADVICE_ASK = phrases([
  "any (?:idea|ideas|thoughts|tips|pointers|suggestions|advice)",
  "pick(?:ing)? your brains?",
  "(?:your|some|any) (?:advice|expertise|experience|know-how|two cents)",
  "advice on",
  "what would you (?:do|suggest|recommend|charge|say|try)",
  "how would you",
  // how they do it themselves: "how did you handle the registration?", "how do you price small jobs?"
  "how (?:do|did|have|would) you (?:\\p{L}+ )?(?:handle|handled|deal|dealt|price|priced|manage|managed|approach|go about|set up|structure|charge|invoice|register|treat|tackle|solve|find|get|word|cost|quote|insure|account for)",
  "hvordan (?:håndterer|håndterede|prissætter|prissatte|griber|greb|klarer|klarede|gjorde|gør|sætter|satte|regner|fakturerer|behandler|løser|løste|finder|fandt|fik|får|tackler|forsikrer) (?:du|I)",
  "(?:do|would) you know (?:how|why|what|where|anyone|someone|somebody|a good|of a|of any)",
  "(?:can|could) you recommend",
  "where (?:should|would|do) (?:i|we) (?:start|look|begin)",
  "what (?:should|do) (?:i|we) (?:do|look|use|try)",
  "hvad (?:ville|vil|skal|skulle) (?:du|I|jeg) (?:gøre|anbefale|foreslå|tage|sige|prøve)",
  "(?:dine|dit|et par|nogle|gode) (?:råd|tips|idéer|ideer|anbefalinger|erfaringer|bud)",
  "(?:kender|ved) du (?:en|nogen|til|hvordan|hvorfor|hvem|hvor)",
  "hvordan (?:ville|vil|skal|skulle|griber) (?:du|jeg|vi)",
  "har (?:du|I) (?:et bud|en idé|nogen idé|forslag|erfaring)",
  "låne din (?:hjerne|ekspertise|erfaring)",
  // what they use or go by themselves: "which invoicing program do you use?", "hvilket værktøj bruger du?"
  "(?:which|what) (?:\\p{L}+ ){0,3}(?:do|did|would) you (?:use|go with|recommend|swear by|rate)",
  "hvilke[nt]? (?:\\p{L}+ ){0,3}(?:bruger|brugte|anbefaler|foretrækker|vil|ville) (?:du|I)(?: selv)?",
  // whether a fact or a rule holds: "do you know if anyone still makes it?", "does the scheme apply to still wine?"
  "(?:do|would) you (?:happen to )?know (?:if|whether)",
  "ved du (?:om|hvad|hvilke[nt]?)",
  "(?:does|do|would|will) (?:the|this|that|it|these|they) (?:\\p{L}+ ){0,5}(?:apply|count|qualify)",
  "(?:do|would|will) (?:i|we) (?:have|need) to (?:charge|pay|register|declare|add|include|file|report|get)",
  "(?:is|are) (?:that|it|this|they) (?:still )?(?:zero-rated|exempt|deductible|taxable|allowed|legal|required|vat-free|in scope)",
  "(?:skal|må|kan) (?:der|jeg|vi|man) (?:\\p{L}+ ){0,3}(?:moms|afgift|skat|fradrag|momsregistreres|indberettes|registreres|betales)",
  "gælder (?:det|den|reglen|reglerne|\\p{L}+(?:en|et|ne)) (?:også )?(?:for|når)",
  "(?:your|a) (?:gut feeling|take|view|opinion) on",
  "(?:din|jeres) (?:vurdering|mavefornemmelse|holdning|mening) (?:af|om|på)",
]);

/**
 * The owner's note above a forward that turns the sender away or puts them off ("Third one this week. No.",
 * "Nej tak.", "Maybe later.", "Måske, hvis jeg får tid."): it does not vouch for them.
 */
const DISMISSES = phrases([
  "no",
  "nope",
  "nej",
  "not (?:interested|now|paying|for me|for us|relevant|again)",
  "ikke (?:interesseret|nu|for mig|for os|relevant|igen)",
  "(?:maybe|perhaps|possibly) (?:later|not|one day|some ?day|if)",
  "maybe",
  "måske",
  // no, in other words: "Aldrig i livet", "Nok ikke", "Not a chance", "Nah"
  "(?:never|aldrig)(?: (?:i livet|ever|in a million years))?",
  "(?:probably|likely) not",
  "(?:nok|næppe|nærmest) ikke",
  "not a chance",
  "no way",
  "(?:ikke|ingen) (?:en )?chance",
  "(?:glem|forget) (?:det|it)",
  "(?:nah|næh|nix|meh|tja|pass)",
  "ikke aktuelt",
  "later",
  "senere",
  "sigh",
  "ugh",
  "spam",
  "junk",
  "delete",
  "slet",
  "ignore",
  "ignorer",
  "(?:third|fourth|fifth|another) one",
  // filed, or asked about, not vouched for: "Another render farm. Keep for the file.", "Is this worth it?"
  "another",
  "(?:keep|file|save)(?: it| this)? for (?:the file|the record|reference|later)",
  "worth (?:it|our time|a reply|answering|the money)",
  "(?:legit|scam|fyi)",
  "(?:til orientering|svindel|værd at svare)",
  "endnu en",
  "unsubscribe",
  "afmeld",
  // naming it for what it is: "cold pitch", "spam", "reklame", "sælger"
  "(?:cold|sales) (?:pitch|call|email|mail|outreach|spam)",
  "spam",
  "reklame",
  "sælger",
  "salgsmail",
  "kold henvendelse",
]);

/** Does the owner's note above a forward vouch for its sender? Any note does, unless it turns them away. */
/**
 * The owner's note above a forward that says the sender is owed thanks: the owner's own word that a favour was done
 * ("Tasha ran the shop Saturday. Need to thank her", "Rasmus tager min lørdag – husk at give ham en pose kaffe").
 */
const OWES_THANKS = phrases([
  "(?:need|needs|have|has|got|must|should|ought|want|going) to (?:properly )?thank",
  "(?:remember|don't forget|do not forget|remind me|note to self:?) (?:to )?(?:thank|pay (?:her|him|them) back|send (?:her|him|them) (?:a|some))",
  "(?:must|should|will|gotta) (?:properly )?thank (?:her|him|them|\\p{L}+ properly)",
  "(?:i|we) owe (?:her|him|them)",
  "owe (?:her|him|them) (?:one|a (?:big )?(?:one|favour|favor|drink|beer|coffee|lunch|dinner))",
  "(?:skal|må|bør|burde|skal lige) (?:huske at )?takke",
  "husk(?:e)? (?:lige )?at (?:takke|give (?:ham|hende|dem)|sende (?:ham|hende|dem))",
  "(?:jeg|vi) skylder (?:ham|hende|dem)",
  "skylder (?:ham|hende|dem) (?:en|et|én|stor)",
  // the favour told in praise: "Raj saved my week", "Aoife saved my weekend. She lent me her van", "hun reddede min uge"
  "(?:saved|rescued) (?:my|our|the) (?:\\p{L}+ )?(?:week|weekend|day|life|lives|skin|bacon|neck|launch|deadline|wedding|shoot|event|show|evening|night|morning)",
  "(?:saved|rescued) (?:me|us)",
  "(?:an absolute|a total|a real|such a|what a|is a|an) (?:lifesaver|life-saver|life saver|legend|hero|star|gem|angel|saint)",
  "(?:lent|loaned) (?:me|us) (?:her|his|their)",
  "(?:covered|stepped in|stood in|filled in) for me",
  "(?:reddede|redder|har reddet) (?:min|mit|mine|vores|hele|os|mig|dagen|ugen|weekenden|\\p{L}+(?:en|et|ne|erne))(?![\\p{L}])",
  "(?:saves|is saving) (?:my|our|the|me|us)(?![\\p{L}])",
  // the owner's word for the gift: "Very generous.", "Sødt af Kim"
  "(?<!not |n't |hardly |ikke )(?:very|so|how|incredibly|really|ever so|too) (?:generous|kind|thoughtful)(?: of (?:her|him|them))?(?![\\p{L}])",
  "(?:meget|så|vildt|mega|rigtig|utroligt) (?:gavmildt|generøst|betænksomt)(?: af (?:ham|hende|dem))?(?![\\p{L}])",
  // "Jonas sparede mig for en hel dags opmåling", "Torben har igen regnet gratis for mig", "did the drawings for free"
  "(?:sparede|sparet|spare) (?:mig|os) for",
  "gratis for (?:mig|os)",
  "(?:for free|free of charge|without charging) for (?:me|us)",
  "(?:en|sådan en|hun er en|han er en) (?:engel|livredder|helt|stjerne|klippe)",
  "lånte (?:mig|os) (?:sin|sit|sine|hans|hendes|deres)",
  "(?:tog|dækkede|passede) (?:over )?for mig",
  // "Birgitte har klaret det hele mens jeg var væk", "took care of everything while I was away"
  "(?:klaret|klarede) (?:det hele|alt(?: sammen)?|det hele for mig)(?! selv)",
  "(?:handled|took care of|sorted) (?:everything|it all|the lot)(?! myself)",
  // "Thomas har været forbi med brænde", "Anna dropped by with a cake"
  "(?:har været|kom) forbi med",
  "sprang (?:ind|til) for mig",
  // going out of their way: "Karina kørte selv ud med hængslerne", "drove the parts out herself"
  "(?:kørte|kom|tog) selv (?:helt )?(?:ud|forbi|over|derud|herud)",
  "(?:drove|brought|took) (?:it|them|the \\p{L}+|\\p{L}+) (?:all the way )?(?:out|over|round|down|up) (?:herself|himself|themselves|personally)",
  "went (?:out of (?:her|his|their) way|above and beyond)",
  // what they gave the owner: "Conor sent me a whole box of coffee and a mug!!", "Jonas har sendt en ny kunde til mig!";
  // not what business sends ("sent me a quote", "the invoice")
  "(?:sent|gave|given|got|bought|brought|made|left|posted|mailed) (?:me|us) (?:a|an|some|two|three|four|five|a whole|a little|another|this|these|[0-9]+)(?! (?:[\\p{L}-]+ )?(?:quote|quotation|invoice|bill|receipt|reminder|contract|estimate|offer|price|proposal|email|e-mail|mail|message|link|text|note|update|file|draft|form|question|request)(?![\\p{L}]))",
  "(?:sendt|sendte|givet|gav|købt|købte|lavet|lavede|bragt|bragte) (?:mig|os) (?:en|et|nogle|to|tre|fire|fem|[0-9]+|hele|lidt)(?! (?:[\\p{L}-]+ )?(?:tilbud|faktura|regning|kvittering|påmindelse|kontrakt|prisoverslag|overslag|mail|e-mail|besked|link|sms|fil|udkast|formular|spørgsmål)(?![\\p{L}]))",
  "(?:sendt|sendte|givet|gav) (?:en|et|nogle|to|tre|[0-9]+) (?:ny |nye )?(?:kunde|kunder|opgave|opgaver|klient|klienter|lead|leads|elev|elever|patient|patienter) (?:videre )?til (?:mig|os)",
  // a referral told by the owner: "Markus hat uns bei der Handwerkskammer empfohlen!", "anbefalede os til"
  "(?:hat|haben) (?:uns|mich) (?:\\p{L}+ ){0,6}empfohlen",
  // German: "Muss mich bei ihm bedanken!", "Da muss ich mich revanchieren", "hat uns einen Tag Debugging erspart"
  "(?:muss|sollte|will|möchte|werde) (?:ich )?(?:mich )?(?:unbedingt |noch |bei (?:ihm|ihr|ihnen|\\p{L}+) )*(?:bedanken|revanchieren)",
  "(?:hat|haben) (?:uns|mich|mir) (?:\\p{L}+ ){0,5}(?:erspart|gerettet)",
  "(?:recommended|referred) (?:me|us) (?:to|for)",
  "(?:anbefalede|anbefalet|henviste) (?:mig|os) (?:til|hos)",
  // a client sent, told by the owner: "Femke sent another client my way", "Endnu en klient fra Jesper"
  "(?:sent|sending|pointed|passed|steered|sends) (?:[\\p{L}-]+ ){0,3}(?:my|our) way",
  "(?:sendt|sendte|sender) (?:[\\p{L}-]+ ){0,3}(?:min|vores) vej",
  "(?:endnu en|endnu et|en ny|et nyt|ny|another|a new|one more|yet another) (?:klient|kunde|patient|elev|henvisning|client|customer|patient|student|referral|lead) (?:fra|from|via) (?!(?:\\d|instagram|facebook|google|linkedin|tiktok|hjemmesiden|nettet|website|the website|our website|januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|january|february|march|may|june|july|october|next|næste|the|den|det)(?![\\p{L}]))\\p{L}+",
  // people found for the owner: "Mette har skaffet seks forældre til interviewene!", "Priya rounded up five testers"
  "(?:skaffet|skaffede|fundet|fandt|rekrutteret|rekrutterede) (?:mig |os )?(?:\\d+|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv|en håndfuld|nogle|flere)(?: \\p{L}+)? (?:forældre|deltagere|testpersoner|kunder|frivillige|hjælpere|folk|personer|interviewpersoner|kandidater)(?![\\p{L}])",
  "(?:found|recruited|rounded up|lined up) (?:me |us )?(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|a handful of|some|several)(?: \\p{L}+)? (?:people|participants|parents|volunteers|testers|customers|clients|candidates|interviewees|helpers|users)(?![\\p{L}])",
]);
/**
 * A note of one praise word for what is forwarded, alone or after a dash or a colon: "Sophie – gold.", "Steve's advice
 * on the Bechstein – gold", "Guld værd!"; not "Upgrade to gold" or "Go for gold".
 */
const PRAISE_NOTE = letterRegExp(
  String.raw`^(?:[^–—:\n-]{1,60}\s*[–—:-]\s*)?(?:pure |absolute |solid |this is |that's |what |ren |rent |det er )?(?:gold|a gem|genius|a godsend|a lifesaver|a life-saver|guld|guld værd)[.!]*$`,
  "i",
);

/**
 * The owner's note above a forward that says an answer is owed ("Moet ik nog beantwoorden", "Odpisać w weekend!",
 * "husk at svare", "to do"): their word that the sender is waiting, whatever the sender's own words show.
 */
const OWES_ANSWER = phrases([
  "(?:need|needs|have|must|should|remember|don't forget|do not forget|remind me) to (?:answer|reply|respond|get back|send)",
  // a label, not "what to do about the lease"
  "(?<![\\p{L}]\\s)to ?do(?=\\s*(?:[:!.,\\n–-]|$))",
  // "Muss ich erst mit Kai besprechen, dann antworten."
  "(?:muss|sollte|werde|will) (?:ich )?(?:\\p{L}+,? ){0,6}(?:antworten|zurückschreiben|beantworten)",
  // "Must answer Mark before his race", "gotta reply to her"
  "(?:(?:^|[.!\\n–-])\\s*|(?<![\\p{L}])(?:i|we) )(?:must|should|gotta) (?:answer|reply to|respond to|get back to)",
  // the owner's plan to deal with it: "Jens - tager det i næste uge", "I'll deal with it next week"
  "(?:(?:^|[.!\\n–-])\\s*|(?<![\\p{L}])(?:jeg|vi) )(?:tager|klarer|kigger på|ser på) (?:det|den|dem) (?:i næste uge|i morgen|på mandag|efter weekenden|senere|snarest|i weekenden)",
  "(?:i'll|i will|we'll|we will) (?:deal with|look at|handle|sort|do) (?:it|this|that|them) (?:next week|tomorrow|on monday|later|after the weekend|at the weekend)",
  "(?:skal|må|bør|husk(?:e)?(?: at)?|mangler at) (?:lige )?(?:svare|besvare|vende tilbage|sende)",
  "(?:skal|mangler) (?:at )?(?:besvares|svares)",
  "(?:moet|moeten) (?:ik|we) (?:nog )?(?:beantwoorden|antwoorden|reageren)",
  "(?:muss|müssen) (?:ich|wir) (?:noch )?(?:beantworten|antworten)",
  "(?:måste|ska) (?:jag|vi) (?:svara|besvara)",
  "odpisać",
  "do zrobienia",
  "à (?:répondre|faire)",
  "por (?:responder|hacer)",
  // "devo rispondere a Luca prima del 19", "tengo que contestarle", "je dois lui répondre", "ich muss ihr noch antworten"
  "devo (?:ancora )?(?:rispondere|rispondergli|risponderle)",
  "da rispondere",
  "(?:tengo|tenemos) que (?:responder|contestar)\\p{L}*",
  "(?:je|on) (?:dois|doit) (?:lui |leur )?répondre",
  "(?:muss|müssen) (?:ihm|ihr|ihnen|dem|der) (?:noch )?(?:antworten|zurückschreiben)",
  "(?:muss|müssen) (?:ich|wir) (?:ihm|ihr|ihnen) (?:noch )?(?:antworten|zurückschreiben)",
  "(?:preciso|tenho que|temos que) (?:de )?responder",
]);

export function noteOwesAnswer(note: string | null | undefined): boolean {
  const text = normalize(note ?? "").trim();
  return text !== "" && OWES_ANSWER.test(text);
}

export function noteOwesThanks(note: string | null | undefined): boolean {
  const text = normalize(note ?? "").trim();
  if (text === "") return false;
  return OWES_THANKS.test(text) || PRAISE_NOTE.test(text);
}

export function noteVouches(note: string | null | undefined): boolean {
  const text = normalize(note ?? "").trim();
  return text !== "" && !DISMISSES.test(text);
}

/** How advice reads: what to do and what usually is ("I'd start with", "it's nearly always", "prøv at"). */
const ADVICE_WORDS = [
  "(?:i'd|i would|i'd probably|i'd definitely) (?:recommend|suggest|go with|start|try|look at|check|avoid|skip|use)",
  "you(?:'ll)? (?:should|could|might want to|need to|want to|'d be better)",
  "(?:nearly|almost) always",
  "usually",
  "the (?:only |real |main )?(?:trick|catch|key|fix|problem|thing) is",
  "(?:make sure|start with|first of all|in your shoes)",
  "it's (?:worth|best to|easier to)",
  "(?:jeg ville|jeg vil) (?:anbefale|foreslå|starte|prøve|tage|gå efter|undgå)",
  "du (?:skal|bør|burde|kan) (?:prøve|starte|tjekke|måle|tage|undgå|bruge|sørge)",
  "næsten altid",
  "typisk",
  "det er (?:bedst|værd|nemmest)",
  "(?:tricket|pointen|problemet|fejlen) er",
  "(?:prøv at|start med|sørg for)",
  // what works and what does not, of ways to go about it: "opslag virker ikke", "cold emails don't work", "works best";
  // not "linket virker ikke" or "I don't work Fridays"
  "(?:virker|fungerer) bedst|works best|works better",
  "(?:opslag|annoncer|plakater|flyers|kolde mails|nyhedsbreve|ads|posters|cold (?:emails?|calls?)|newsletters) (?:virker|fungerer) (?:ikke|aldrig)",
  "(?:ads|posters|flyers|cold (?:emails?|calls?)|newsletters) (?:don't|do not|never) work",
  // wording to use and what is usual: "Suggested wording: …", "It is common but too broad", "det er helt normalt"
  "(?:suggested|proposed|my suggested) (?:wording|text|clause|reply|answer|approach)",
  "(?:forslag til|foreslået) (?:formulering|tekst|svar)",
  "(?:it is|it's|that is|that's|this is) (?:quite |very |pretty |fairly |completely |perfectly )?(?:common|normal|standard|usual|typical)",
  "det er (?:helt |ret |meget |ganske )?(?:normalt|almindeligt|standard|helt almindeligt)",
].map((p) => phrases([p]));

/** Steps to take, as the first word of a sentence: "Inventory the subdomains first", "Mål modstanden". */
const ADVICE_STEP = letterRegExp(
  `^(?:(?:then|and|first|next|so|og|så|først)[\\s,]+)?(?:${[
    "inventory", "move", "run", "check", "set", "try", "use", "knock", "start", "avoid", "skip", "measure", "test",
    "keep", "turn", "switch", "update", "replace", "drop", "lower", "raise", "ask", "look at", "go with", "swap", "add",
    "apply", "get", "backdate", "file", "claim", "register", "submit", "charge", "invoice", "contact", "include",
    "list", "price", "bill", "split", "wait", "talk to", "speak to", "hire", "pay", "plan (?:for|on|to|ahead)",
    "offer (?:them|him|her|a|an|the|to)", "budget (?:for|about|around|on)",
    "mål", "tjek", "prøv", "brug", "skift", "sæt", "undgå", "tag", "kig", "spørg", "hold", "sænk", "hæv", "udskift", "læg", "vælg",
    "ansøg", "søg", "meld", "fakturer", "vent", "få", "del", "kontakt", "regn", "skriv", "husk", "betal", "planlæg", "tilbyd",
    // whom to turn to: "Ring til dem og spørg efter Bodil", "Call Brian at the depot"
    "ring til", "call", "email", "go to", "gå til",
  ].join("|")}|make sure)(?![\\p{L}])`,
  "i",
);

/** A reply that puts the answer off: "let me check and get back to you", "jeg vender tilbage". */
const DEFERS = phrases([
  "(?:get|come|circle) back to you",
  "let me (?:check|find out|look into|ask|dig)",
  "(?:i'll|i will|we'll) (?:check|find out|look into|ask|dig)",
  "(?:will|'ll) revert",
  "vender (?:jeg |vi )?tilbage",
  "(?:skal|må) lige (?:tjekke|undersøge|høre|finde|spørge|kigge)",
  "(?:jeg|vi) (?:undersøger|tjekker|finder ud af|kigger på) det",
]);
/**
 * The writer will answer or send it at a time they name: "I'll send my reading list this weekend", "I'll write properly
 * at the weekend", "I'll get back to you on Monday", "Jeg skriver til dig i morgen med hendes kontaktinfo". Not an offer
 * ("I'll send it if you like"), a bare "I'll get back to you" (a brush-off as often as a promise), work promised inside
 * an answer ("we'll check every termination on Wednesday"), or a look at what they are to send ("Send det endelig, jeg
 * kigger på det i weekenden").
 */
const PROMISES_LATER = phrases([
  "(?:i'll|i will|i'm going to|i am going to|i shall) (?:write|send|dig out|dig up|put together|pull together|draft|reply|answer|respond|email|mail|forward|share|get)_(?:properly|at the weekend|this weekend|over the weekend|tonight|tomorrow|later today|later this week|later|next week|this week|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|when i'm back|once i'm back|when i get back|as soon as|asap|first thing)(?![\\p{L}])",
  "(?:jeg|vi) (?:skriver|sender|svarer|graver|vender tilbage)_(?:i morgen|i aften|i weekenden|til weekenden|hen over weekenden|senere|snart|på mandag|på tirsdag|på onsdag|på torsdag|på fredag|i næste uge|i løbet af ugen|i løbet af dagen|når jeg|så snart)(?![\\p{L}])",
  "(?:jeg|vi) (?:skal nok|lover at) (?:skrive|sende|svare|vende tilbage)",
  "(?:i|we) promise to (?:write|send|reply|answer|get back|look)",
]);
/**
 * A monthly rhythm of the two of them, in words: their letter, beer or lunch of the month, the next one a month on, a
 * day of each month they meet. Not a business's monthly report or invoice, a one-off "see you next month", a third
 * party's rhythm ("I meet my investors every month") or opening hours ("sidste fredag i måneden lukker vi kl. 14").
 */
const MONTHLY = phrases([
  "(?:our|vores) (?:monthly|månedlige) (?:letter|note|beer|pint|coffee|lunch|catch-?up|call|chat|walk|run|dinner|brev|øl|kaffe|frokost|snak|tur|middag|gåtur)(?![\\p{L}])",
  "same time next month",
  "samme tid næste måned",
  "(?:we|you and i) (?:meet|write|talk|catch up|speak|see each other|get together)(?: [\\p{L}-]+){0,3} (?:every|once a|each) month",
  "(?:your|our) (?:news|letters?|catch-?ups?) (?:every|once a|each) month",
  "(?:see you|we meet|meet you) (?:on )?the (?:first|last|second) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) of (?:every|each|the) month",
  "(?:vi ses|vi mødes|ses vi) (?:den |på )?(?:første|sidste|anden) (?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) i (?:hver )?måned(?:en)?",
  "(?:vi|du og jeg) (?:ses|mødes|skriver|snakker)(?: [\\p{L}-]+){0,3} (?:hver|en gang om) måned(?:en)?",
]);
const MONTH_DAYS = 30;

/**
 * The agreed thing, done: "All done! Saw all seven yesterday", "Everything went fine", "Så er det klaret". Not a wish
 * ("I hope it all went well with the launch") nor their own news read alone: judge.ts reads it only on a favour agreed.
 */
const REPORTS_DONE = phrases([
  "(?:^|\\n)\\s*(?:all|job|everything's|everything is|it's all|that's all) (?:done|sorted|taken care of)(?![\\p{L}])",
  "(?<!(?:hope|hoping|trust|sure) (?:that )?)(?:everything|it all|the day|the session|the clinic) went (?:fine|well|smoothly|great|without a hitch)",
  "(?:saw|seen|covered|did|done) all (?:\\p{N}+|two|three|four|five|six|seven|eight|nine|ten|of them)(?![\\p{L}])",
  "(?:så er (?:det|den|de)|det er|alt er) (?:nu )?(?:klaret|gjort|ordnet|overstået)",
  "(?<!(?:håber|håber at|tror) )(?:alt|dagen) gik (?:fint|godt|glat|super)",
  "(?:nåede|tog) (?:alle|dem alle) (?:\\p{N}+|seks|syv|otte|ni|ti|patienter|kunder|elever|hold)(?![\\p{L}])",
]);

/**
 * Putting the whole matter off to a later season: "I'll get back to you in January", "the owners moved it to the
 * 2027 budget", "Jeg vender tilbage i januar, når vi går i gang". A reply that says so gives nothing yet.
 */
const PUTS_OFF = phrases([
  "(?:get|come|circle) back(?: to you)? (?:in|after|once|when|next) (?:january|february|march|the new year|new year|spring|the spring|next year|the summer|summer|the autumn|autumn)",
  "(?:move|moved|push|pushed|postpone|postponed|defer|deferred) (?:it |this |that |the \\p{L}+ )?(?:to|until|till) (?:the )?(?:20\\d\\d|next year|january|the new year|spring)",
  "(?:on hold|parked) (?:for now|until)",
  "vender (?:jeg |vi )?tilbage (?:i|efter|til|over) (?:januar|februar|marts|det nye år|nytår|foråret|næste år)",
  "(?:rykket|udskudt|skubbet|parkeret|flyttet) (?:til|indtil) (?:januar|næste år|20\\d\\d|foråret|efter nytår)",
  "(?:programmet|budgettet) (?:er|for \\p{L}+ er) (?:allerede )?(?:lagt|fastlagt|på plads|brugt)",
]);

/** Does a reply put the whole matter off to later ("I'll get back to you in January")? */
export function putsOff(text: string): boolean {
  return PUTS_OFF.test(normalize(text));
}

/**
 * Does a short reply answer, rather than chat or put off? It gives a step to take ("Spørg efter Per", "Use
 * Kitchen Complements, ask for Brian") and does not put the answer off. A bare yes or no is not enough: "No, not
 * this season" turns the owner down.
 */
export function readsAsShortAnswer(text: string): boolean {
  const t = normalize(text);
  return !DEFERS.test(t) && sentences(t).some((s) => ADVICE_STEP.test(s));
}

/** Promising, not yet giving: "I'll send it over tomorrow", "jeg sender den i morgen". */
const PROMISES = letterRegExp(
  String.raw`^(?:(?:sure|yes|yep|of course|absolutely|happy to|ja|jo|selvfølgelig|klart)[\s,!.–-]+)?(?:i'll|i will|we'll|we will|i can|we can|let me|jeg (?:sender|skal|kan|vil|tager)|vi (?:sender|skal|kan|vil|tager))(?![\p{L}])`,
  "i",
);

/** A sentence that names a time: a brief reply that says when is arranging, not telling ("Torsdag i uge 46 kl. 9"). */
const NAMES_A_TIME = letterRegExp(
  String.raw`(?<![\p{L}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|tomorrow|tonight|next week|i morgen|i aften|næste uge|uge \d+|week \d+|kl\.? ?\d|\d{1,2}(?:[:.]\d{2})? ?(?:am|pm))(?![\p{L}])`,
  "i",
);

/**
 * Does a short reply answer a question in so many words ("No, only spirits over 30% for now; still wine isn't in
 * scope", "Jeg er gået over til Dinero")? It tells something: a sentence that neither asks, nor promises, nor puts
 * the answer off. Only an answer to the owner's question for know-how is read this way; a short reply to anything
 * else is just a reply.
 */
export function readsAsBriefAnswer(text: string): boolean {
  const t = normalize(text);
  if (DEFERS.test(t)) return false;
  return sentences(t).some((s) => !s.endsWith("?") && !PROMISES.test(s) && !NAMES_A_TIME.test(s) && s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 4);
}

/**
 * Does this text read as advice? Two signs of it, not one, so a chatty reply is not taken for it: advice words
 * ("I'd start with", "det er næsten altid") and steps to take, two steps counting as two.
 */
export function readsAsAdvice(text: string): boolean {
  const t = normalize(text);
  const words = ADVICE_WORDS.filter((re) => re.test(t)).length;
  const steps = sentences(t).filter((s) => ADVICE_STEP.test(s)).length;
  return words + Math.min(steps, 2) >= 2;
}

/** Does this text ask for advice or know-how? (The quoted plea an answer is judged against.) */
export function asksForAdvice(text: string): boolean {
  return ADVICE_ASK.test(normalize(text));
}

/** A name after an introduction's words: "introduce you to Tom Becker", "hils på Anders". */
const NAME_AFTER = letterRegExp(String.raw`^(?:\s+(?:you|both|two|dig|jer|begge|to|with|til|for|on|på|my|our|min|mit|vores|friend|colleague|ven|veninde|kollega|gamle|old|good)){0,4}\s+((?:\p{Lu}[\p{L}'’-]+)(?:\s+(?:\p{Lu}[\p{L}'’-]+)){0,2})`);

/** The text as the rules read it: its top, with line ends, apostrophes and spaces made uniform. */
function uniform(text: string): string {
  return text
    .slice(0, MAX_INTENT_CHARS)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\u00a0/g, " ");
}

/** `uniform`, with letters beyond Latin-1 mapped for the rules' regexes (letters.ts); as long as `uniform`'s. */
function normalize(text: string): string {
  return latin1Text(uniform(text));
}

/** Drops a trailing "Thanks,"/"Tak," sign-off and the name below it. */
/** A signature's delimiter ("-- ", "--", "__"): what is below it is who they are, not what they say. */
const SIGNATURE_DELIMITER = /^(?:--|—|_{2,})\s*$/;
const MAX_SIGNATURE_LINES = 12;

/**
 * The lines without the disclaimer paragraphs that close them ("Please consider the environment before printing …"):
 * the sign-off and the name above such a paragraph still close the mail.
 */
function withoutClosingDisclaimer(lines: string[]): string[] {
  let end = lines.length;
  for (let paragraphs = 0; paragraphs < MAX_DISCLAIMER_PARAGRAPHS; paragraphs++) {
    let top = end;
    while (top > 0 && lines[top - 1].trim() !== "") top--;
    // Only below a name or a signature line: "This is confidential for now – could you …?" is the mail's own.
    const above = lines.slice(0, top).filter((l) => l.trim() !== "").pop() ?? "";
    const asks = lines.slice(top, end).some((l) => l.includes("?"));
    if (top === 0 || top === end || asks || !DISCLAIMER.test(lines[top]) || above.trim().length > MAX_NAME_LINE_CHARS || /[?!]/.test(above)) break;
    end = top;
    while (end > 0 && lines[end - 1].trim() === "") end--;
  }
  return end === lines.length ? lines : lines.slice(0, end);
}

function withoutSignOff(text: string): string {
  let lines = text.split("\n");
  for (let i = lines.length - 1; i > 0 && i >= lines.length - MAX_SIGNATURE_LINES; i--) {
    if (SIGNATURE_DELIMITER.test(lines[i])) {
      lines = lines.slice(0, i);
      break;
    }
  }
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  lines = withoutClosingDisclaimer(lines);
  const last = lines.length - 1;
  if (last >= 0 && SIGN_OFF_WITH_NAME.test(lines[last].trim())) return lines.slice(0, last).join("\n");
  for (let i = last; i >= Math.max(0, last - MAX_NAME_LINES); i--) {
    const inAdvance = THANKS_IN_ADVANCE_LINE.test(lines[i].trim()) && lines.slice(0, i).some((l) => l.includes("?"));
    if (!SIGN_OFF_LINE.test(lines[i].trim()) && !inAdvance) continue;
    const below = lines.slice(i + 1).filter((l) => l.trim() !== "");
    if (below.every((l) => l.trim().length <= MAX_NAME_LINE_CHARS && !/[?!]/.test(l))) {
      // Only when something else precedes it: a mail that says nothing but "Thanks," (under a greeting) does thank.
      const above = lines.slice(0, i).filter((l) => l.trim() !== "" && !GREETING_LINE.test(l.trim()));
      if (above.length) return lines.slice(0, i).join("\n");
    }
    break;
  }
  return lines.join("\n");
}

/**
 * Sentences end at "!" and "?", and at "." before a capital unless the dot closes an abbreviation: "den 10.
 * december kl. 12" is one sentence, "at 14:00. Could you" two.
 */
const SENTENCE_END = letterRegExp(
  String.raw`(?<=[!?])\s+|(?<!(?<![\p{L}])(?:[Kk]l|[Cc]a|[Ee]vt|M[rs]|Mrs|Dr|St|[Nn]r|[Tt]lf|bl\.a|f\.eks|mv|[Ii]nkl)\.)(?<=\.)\s+(?=\p{Lu})|\n+`,
);

/**
 * Its questions of more than a word ("so?" asks nothing of its own) all ask about the reader's own life, each of ten
 * words or fewer, which keeps out most that ask more ("How was the holiday, and what would you charge for a logo?").
 */
function asksOnlyAfterThem(askingSentences: string[]): boolean {
  const questions = askingSentences.filter((s) => s.endsWith("?") && s.split(/\s+/).length > 1);
  return questions.length > 0 && questions.every((q) => q.split(/\s+/).length <= MAX_WORDS_ASKING_AFTER_THEM && ASKS_AFTER_THEM.test(q));
}
const MAX_WORDS_ASKING_AFTER_THEM = 10;

/**
 * The sentences, with a question's last words put back on the line before them when plain text was wrapped inside it:
 * "Hätten Sie in der Woche ab dem 2.11.\nZeit?" is one question, not "Zeit?" alone.
 */
function sentences(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(SENTENCE_END)) {
    const s = piece.trim();
    if (!s) continue;
    const previous = out[out.length - 1];
    const wrapped = previous !== undefined && s.endsWith("?") && s.split(/\s+/).length < MIN_QUESTION_WORDS && !ENDS_A_SENTENCE.test(previous);
    if (wrapped) out[out.length - 1] = `${previous} ${s}`;
    else out.push(s);
  }
  return out;
}

/** The reader addressed: a question to them says "you" ("du", "jer") somewhere. */
const SECOND_PERSON = letterRegExp(String.raw`(?<![\p{L}])(?:you|your|you're|you've|you'd|yours|u|du|dig|din|dit|dine|jer|jeres)(?![\p{L}])`, "i");
/**
 * A question about people in general that never addresses the reader is musing ("who'd have guessed that …?",
 * "hvem skal egentlig have råd til …?", "why does the last week always take longest?"): it starts with
 * "who"/"hvem", leans on "egentlig"/"on earth", or asks why something always or never happens.
 */
const MUSING =
  letterRegExp(String.raw`^(?:(?:and|but|og|men|så|so|honestly|seriously|really|ærligt talt|helt ærligt|altså)[\s,]+)?(?:who|whoever|hvem)(?![\p{L}])|(?<![\p{L}])(?:egentlig|on earth|in the world|i alverden|overhovedet)(?![\p{L}])|^(?:why|hvorfor)(?![\p{L}]).*(?<![\p{L}])(?:always|never|ever|altid|aldrig|nogensinde)(?![\p{L}])`, "i");

/**
 * Asking to come by: "Må jeg kigge forbi værkstedet om formiddagen og se askeglasuren?", "Could I pop round on Saturday?".
 * A meeting being arranged, as a time is: the yes to it is no favour and no answer to a question.
 */
const ASKS_TO_VISIT = letterRegExp(
  String.raw`(?<![\p{L}])(?:(?:may|can|could|might) (?:i|we) (?:pop|drop|come|stop|swing|call) (?:by|round|over|in|past)|(?:may|can|could) (?:i|we) (?:visit|come and see)|(?:må|kan|kunne) (?:jeg|vi) (?:ikke )?(?:kigge|komme|svinge|smutte|tage|køre) (?:forbi|over|ned|ud)|(?:må|kan) (?:jeg|vi) (?:besøge|komme på besøg))(?![\p{L}])`,
  "i",
);

/** Danish "I" (you, plural) after a verb: "vil I overveje", case-sensitive, unlike the English pronoun. */
const DANISH_PLURAL_YOU = letterRegExp(String.raw`(?<![\p{L}])(?:[Vv]il|[Kk]an|[Ss]kal|[Hh]ar|[Ee]r|[Kk]unne|[Vv]ille|[Gg]ider|[Mm]å|[Bb]ør|[Bb]urde|[Ss]ynes|[Tt]ror|[Vv]ed) I(?![\p{L}])`);
/** Asking the reader to decide for the writer: "Shall I renew them?", "Skal jeg forny dem?", "Skal vi …?". */
const ASKS_THE_READER = letterRegExp(String.raw`(?:^|[\s,])(?:shall|should) (?:i|we)(?![\p{L}])|(?<![\p{L}])skal (?:jeg|vi)(?![\p{L}])`, "i");

/**
 * A question written without its mark, as a line of its own: "Also should I keep doing the side planks on run days or
 * only on rest days", "Kan du sende mig tegningen". Only the turned word order of a question to or about the two of them
 * (a verb, then I, we or you) and nothing that ends a statement; a line that ends in a full stop says something.
 */
const UNMARKED_QUESTION = letterRegExp(
  String.raw`^(?:(?:also|and|but|oh and|btw|og|men|også)[\s,]+)?(?:should|shall|can|could|would|will|do|did|have|are|skal|kan|kunne|vil|ville|må|gider|har|bør|burde) (?:i|we|you|jeg|vi|du)(?![\p{L}'])(?! (?:believe|imagine|guess|bare))(?<!should you|had you)(?! (?:have|need|wish|require|want) any)[^.!?:;…,]*$`,
  "i",
);
const MIN_UNMARKED_QUESTION_WORDS = 5;

/**
 * A line that ends a sentence, or a greeting's line ("Hi Tom,"); a date's dot ("ab dem 2.11.", "den 12.") does not, though
 * a year's does ("… in 2025.").
 */
const ENDS_A_SENTENCE = /(?:[!?:;…,]|(?<!(?:^|[\s(])\d{1,2}\.\d{1,2}|(?:den|d\.|dem|am|the|on) \d{1,2})\.)\s*$/i;

function asksQuestion(text: string): boolean {
  return sentences(text).some((sentence) => {
    const unmarked = UNMARKED_QUESTION.test(sentence) && sentence.split(/\s+/).length >= MIN_UNMARKED_QUESTION_WORDS;
    if (!sentence.endsWith("?") && !unmarked) return false;
    if (NOT_A_QUESTION.test(sentence)) return false;
    const words = sentence.split(/\s+/).filter(Boolean).length;
    if (words < MIN_QUESTION_WORDS) return false;
    // A musing question ("why is it always the printer?") asks the reader only if it names them.
    if (!MUSING.test(sentence)) return true;
    return SECOND_PERSON.test(sentence) || DANISH_PLURAL_YOU.test(sentence) || ASKS_THE_READER.test(sentence) || PROPOSES_TIME.test(sentence);
  });
}

/**
 * The capitalised name right after a pattern's match in `text`, if the words name someone, as `written` spells it
 * (`text` is `written` with its letters mapped, as long as it).
 */
function nameAfter(text: string, written: string, pattern: PhraseSet): string | null {
  const m = pattern.first(text);
  if (!m) return null;
  const start = m.index + m.length;
  const found = NAME_AFTER.exec(text.slice(start, start + 80));
  if (!found) return null;
  // The name is the last thing the pattern matches.
  const name = written.slice(start + found[0].length - found[1].length, start + found[0].length);
  // "introduce you to Our …" or a sentence's next word is not a name.
  if (/^(?:I|We|You|He|She|They|The|This|It|Jeg|Vi|Du|Han|Hun|De|Det|Den|Og|And)$/.test(name.split(/\s+/)[0])) return null;
  return name;
}

/** Classifies the person's own new text (quotes and signature already removed). */
function gives(text: string): boolean {
  return GIVES.test(text) || (LEFT_AT_YOURS.test(text) && YOURS_NOW.test(text));
}

/** Whether one sentence asks: in the words of a request, as a question, or in other words (`inOtherWords`). */
function sentenceAsks(sentence: string, inOtherWords: (s: string) => boolean): boolean {
  return REQUEST.test(sentence) || DANISH_ASK.test(sentence) || asksQuestion(sentence) || inOtherWords(sentence);
}

/** "Thanks Marcus!", "Tak, Søren." — thanks said to someone by name. */
const THANKS_BY_NAME = letterRegExp(String.raw`(?:[Tt]hanks|[Tt]hank you|[Mm]any thanks|[Tt]ak|[Tt]usind tak|[Mm]ange tak),?\s+(\p{Lu}[\p{L}'-]+)\s*[!.,]`, "g");

/** The text without the thanks it says by name to anyone but `reader` (the one greeted). */
function withoutThanksToOthers(text: string, reader: string): string {
  return text.replace(THANKS_BY_NAME, (thanks, name: string) => (name === reader ? thanks : " "));
}

export function classifyIntent(input: { subject: string; text: string }): Intent {
  // A reply's or forward's subject was written by someone else first: it says nothing of this mail.
  const ownSubject = isReplyOrForward(input.subject) ? "" : normalize(input.subject);
  const written = uniform(input.text);
  const body = withoutSignOff(latin1Text(written));
  const all = `${ownSubject}\n${body}`;
  const asking = COURTESY.replaceAll(all, " ");
  const askingSentences = sentences(asking);
  const allSentences = sentences(all);
  const thanks = THANKS.test(NOT_THANKS.replaceAll(all, " "));
  // A sentence that thanks is not also asking in other words ("thanks for getting it to me by Friday").
  // A closing ", tak" on a Danish imperative is "please".
  // Asked of each sentence twice (is it a request at all, and what are its asks), so kept.
  const cued = new Map<string, boolean>();
  const asksInOtherWords = (s: string) => {
    let asks = cued.get(s);
    if (asks === undefined) {
      asks = asksByCues(s) && !THANKS.test(NOT_THANKS.replaceAll(s, " ").replace(/,?\s*tak[.!]*$/i, ""));
      cued.set(s, asks);
    }
    return asks;
  };
  const explicitRequest =
    REQUEST.test(asking) || DANISH_ASK.test(asking) || SUBJECT_QUESTION.test(ownSubject) || askingSentences.some(asksInOtherWords);
  const questionMark = asksQuestion(COURTESY.replaceAll(body, " "));
  // A thank-you expects no answer: its questions are small talk ("how was your holiday?") unless worded as a request.
  // …unless it says it asks: "Now one question, maybe you know it: …?", "Og så alligevel et spørgsmål: …?"
  // Thanks said by name to someone other than the one greeted ("Hi Danielle, Thanks Marcus! Danielle, what is your
  // rate?") is for the introducer in Cc: the questions to the reader still ask.
  const reader = readerName(body);
  const thanksToTheReader = thanks && (!reader || THANKS.test(withoutThanksToOthers(NOT_THANKS.replaceAll(all, " "), reader)));
  const smallTalk = (thanksToTheReader || WELCOME.test(body)) && !ASKS_OUTRIGHT.test(body);
  const request = explicitRequest || (!smallTalk && (questionMark || asksQuestion(ownSubject)));
  const asks = request ? askingSentences.filter((s) => sentenceAsks(s, asksInOtherWords)) : [];
  // Asking for an introduction is no introduction: "Could you introduce me to Hannah?", subject "Intro to Hannah?".
  const introduces = (s: string) => INTRODUCTION.test(s) && !ASKS_FOR_AN_INTRODUCTION.test(s);
  const introduction =
    allSentences.some(introduces) || (SUBJECT_INTRODUCTION.test(ownSubject) && !SUBJECT_SELF_INTRODUCTION.test(ownSubject) && !ownSubject.trim().endsWith("?"));
  const referred = referralBy(all, reader);
  const referral = !introduction && referred.writer;
  // Asking for tips is not giving them: help and information are read outside the questions.
  const statements = allSentences.filter((x) => !x.endsWith("?")).join("\n");
  const sendsAlong = LINK.test(body) || HANDS_OVER.test(body);
  const cameToMind = CAME_TO_MIND.test(statements) && (sendsAlong || !request);
  // "I've looked through your portfolio … I'll get back to you in January" puts the matter off; it gives nothing yet.
  // Read once: it stops help, a glad yes and a promise alike.
  const putsOff = PUTS_OFF.test(body);
  const help = !introduction && !referral && !putsOff && (HELP_OR_INFORMATION.test(statements) || gives(statements) || cameToMind);
  const gift: WordedGift | null = introduction ? "introduction" : referral ? "referral" : help ? "help" : null;
  const declines = DECLINES.test(body);
  const transaction = TRANSACTION.test(all);
  const prices = PRICE.test(body);
  return {
    thanks,
    request,
    explicitRequest,
    scheduling: request && asks.length > 0 && asks.every((s) => (WHEN.test(s) && (!DEADLINE.test(s) || PROPOSES_TIME.test(s))) || ASKS_TO_VISIT.test(s)),
    giving: gift !== null,
    gift,
    giftDetail: introduction ? nameAfter(body, written, INTRODUCTION) : referral ? nameAfter(body, written, REFERRAL) : null,
    proposal: PROPOSAL.test(all) || SUBJECT_PROPOSAL.test(ownSubject),
    outreach: OUTREACH.test(all),
    referredBy: REFERRED_BY.test(all) || referred.someoneElse,
    metBefore: MET_BEFORE.test(all),
    greeting: GREETING.test(all),
    nudge: NUDGE.test(all),
    link: LINK.test(body),
    handsOver: HANDS_OVER.test(body),
    declines,
    questionMark,
    seeksAdvice: ADVICE_ASK.test(body),
    catchUp: CATCHES_UP.test(all),
    asksAfterThem: asksOnlyAfterThem(askingSentences),
    toAll: GREETS_A_GROUP.test(body),
    confirms: CONFIRMS.test(all),
    pitch: PITCH.test(all),
    transaction,
    prices,
    // a yes that declines or puts it off ("I'll give it some thought and get back to you") agrees to nothing
    agrees: !declines && !putsOff && AGREES.test(body) && !DEFERS.test(body),
    // The rare promise is read first: the advice reading splits the text again, so it runs only for one.
    promises: !declines && !putsOff && PROMISES_LATER.test(body) && !readsAsAdvice(body),
    reportsDone: REPORTS_DONE.test(body),
    // a service's monthly visit, priced, is business done in person, not a tie's rhythm of mail
    statedRhythmDays: MONTHLY.test(all) && !prices && !transaction ? MONTH_DAYS : null,
  };
}

/**
 * Whether a mail to many asks the reader by name: "Karoline: vil du holde oplægget om laden?", "Catriona, would
 * you host the March coffee?". Only the one named is asked; the rest of the list is kept informed.
 */
/** A name as a whole word, in any case: "Rasmus" in "Rasmus – jeg har sat dig på", not in "Rasmussen". */
function nameAsAWord(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}])${escapeRegExp(latin1Text(name))}(?![\\p{L}])`, "iu");
}

/** Whether `text` names someone by their first name ("Kirsty recommended you"). */
export function namesFirstName(text: string, fullName: string | null | undefined): boolean {
  const first = firstWord(fullName);
  return first.length >= 3 && nameAsAWord(writtenFirstWord(fullName)).test(latin1Text(text));
}

/**
 * The first word of a name as written, for nameAsAWord: mapped by letters.ts as the text is. Lower-cased first, the
 * Turkish "İsmail" would be "ismail", whose "i" is Latin-1 and no longer matches the "İ" in the text.
 */
function writtenFirstWord(name: string | null | undefined): string {
  return (name ?? "").trim().split(/\s+/)[0];
}

export function asksByName(text: string, readerName: string | null | undefined): boolean {
  const first = firstWord(readerName);
  if (first.length < 2) return false;
  const named = nameAsAWord(writtenFirstWord(readerName));
  const body = withoutSignOff(normalize(text));
  // The paragraph that names them: "Rasmus – jeg har sat dig på som oplægsholder. Kan du sende mig en titel?"
  return COURTESY.replaceAll(body, " ")
    .split(/\n\s*\n/)
    .filter((paragraph) => named.test(paragraph))
    .some((paragraph) => sentences(paragraph).some((s) => sentenceAsks(s, asksByCues)));
}
