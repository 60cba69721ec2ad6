// Requests people write without the words of a question: a need ("I need the contract back by Thursday"), a hint
// ("your view would help a lot"), an imperative ("Tjek lige om tallene stemmer"), a deadline ("numbers by
// Wednesday, if at all possible"). No single word makes a sentence ask, so a sentence asks when it is turned
// towards the reader AND says what the writer wants from them, and it is not a promise, an offer, a wish or a
// report of something already done. Each part is a small class of words, in English and Danish, instead of a
// list of whole phrases, so new combinations of known parts are read too.

import { letterRegExp } from "./letters";
import { PhraseSet } from "./phrase-set";

/** A case-insensitive, letter-bounded set of alternatives. */
function words(list: string[]): PhraseSet {
  return new PhraseSet(list, (p) => `(?<![\\p{L}\\p{N}])(?:${p})(?![\\p{L}\\p{N}])`, { ignoreCase: true });
}

/** The reader named: "you", "your", "du", "dig", "jer"… (Danish plural "I" only after a verb, see below). */
const READER = words(["you", "your", "yours", "you're", "you'd", "you've", "you'll", "u", "du", "dig", "din", "dit", "dine", "jer", "jeres"]);
const DANISH_PLURAL_I = letterRegExp(String.raw`(?<![\p{L}])(?:kan|kunne|vil|ville|gider|må|har|når|skal|bedes) I(?![\p{L}])`);
/** "if at all possible", "hvis det er muligt": a condition that only makes sense for something asked of the reader. */
const IF_POSSIBLE = words(["if (?:at all |humanly |remotely |it's |it is )?possible", "hvis (?:det er |overhovedet )?muligt", "om muligt"]);

/** Verbs of tasks people hand each other, as the first word of an imperative sentence. */
const TASK_VERBS = [
  "send", "sign", "review", "check", "confirm", "forward", "fill", "read", "call", "ring", "phone", "book", "pay",
  "approve", "update", "share", "pick", "grab", "drop", "ping", "text", "email", "mail", "post", "upload", "print",
  "bring", "pop", "put", "add", "look", "have a (?:look|think|read|go|word)", "take a (?:look|peek|glance)",
  "give", "tell", "remind", "proofread", "reply", "answer", "chase", "sort", "return", "write", "draft", "prepare", "reserve",
  "introduce",
  "shout", "holler", "listen to", "have a listen",
  // Danish
  "tjek", "læs", "ring", "lyt", "hør", "skriv", "smid", "husk", "bekræft", "del", "videresend", "hent", "giv", "fortæl",
  "underskriv", "godkend", "betal", "udfyld", "kig", "tag et kig", "vend", "ret", "gennemlæs", "svar",
];
/**
 * Softeners an imperative may start with: "please", "just", "kindly", "og så". Not the emphatic "do": "do tell me
 * what's on their minds", "do come" invite rather than ask.
 */
const SOFTENERS = "(?:(?:please|pls|kindly|just|also|and|so|oh and|quickly|pretty please|og|så|lige|venligst)\\s+)*";
const IMPERATIVE = letterRegExp(`^${SOFTENERS}(?:${TASK_VERBS.join("|")})(?![\\p{L}])`, "i");
/** Imperatives that wish or part: "Have a great Christmas", "Take care", "Check out our new site". */
const NOT_A_TASK = words([
  "have a (?:great|good|nice|lovely|wonderful|happy|safe|merry|fab|brilliant)",
  "take care",
  "check out",
  "look forward",
  "give my (?:best|love|regards)",
  "send my (?:best|love|regards)",
  "hav en",
  "pas på dig selv",
  "kig forbi",
]);
/** What makes an imperative a task for the reader rather than a remark: "me"/"mig", a time, "please"/"lige". */
// "gerne", "endelig" and "whenever" are not among them: "Send gerne dokumentet" and "send it over whenever it's
// ready" let the reader do something, they do not ask it.
// "by" only as a time the task is due by (DUE: "send it by Friday"), not "no alcohol served by you", "by email".
const TASK_MARK = words(["me", "us", "mig", "os", "please", "pls", "before", "asap", "lige", "venligst", "inden", "senest", "før", "tak"]);
const marksATask = (s: string) => TASK_MARK.test(s) || DUE.test(s);

/** What the reader's act would do for the writer: "that would be a lifesaver", "two lines from you would mean a lot". */
const BENEFIT_LIST = [
  "(?:(?:i|we|it|that|this|which|they)(?:'d|'ll)|would|will|could) (?:really |massively |so |hugely |be a )?(?:help|be (?:great|brilliant|lovely|amazing|fab|wonderful|gold|so helpful|really helpful|(?:much |greatly |hugely |really )appreciated|(?:an? |such an? )?(?:absolute |real |total )?(?:lifesaver|life saver|godsend|huge help|big help|massive help)))",
  "(?:(?:it|that|this|which)'d|would|will|could) mean (?:the world|a lot|so much|a great deal|everything|heaps)",
  // also inverted after a condition: "Hvis jeg kunne låne din, ville det redde mig"
  // not a person's own will: "Dejligt, at du vil være med igen!"
  "(?<!(?<![\\p{L}])(?:du|I|jeg|vi|han|hun|de|man)(?: \\p{L}+)? )(?:ville|vil) (?:det |den |de )?(?:være|betyde|hjælpe|redde)",
  // "that would save me a day", "det ville spare mig for en uge"
  "(?:(?:it|that|this|which)'d|would|will|could) (?:really |easily )?save (?:me|us)",
  // "a reference from you would make all the difference", "det ville gøre en kæmpe forskel"
  "(?:(?:it|that|this|which)'d|would|will|could) make (?:all the|a|a big|a huge|a real|such a) difference",
  "(?:ville|vil) (?:det |den )?gøre (?:en )?(?:stor |kæmpe |enorm |hele )?forskel(?:len)?",
  "(?:ville|vil) (?:kunne )?spare (?:mig|os)",
];
const BENEFIT = words(BENEFIT_LIST);
/**
 * A thing named first, then what it would do: "A copy of last year's brief would be a lifesaver", "En kopi af
 * kontrakten ville være en stor hjælp". Not "It would be great to launch in May": there the wish is the writer's own.
 */
const THING_FIRST = /^(?:(?:and|but|also|honestly),?\s+)?(?:a|an|any|some|your|one|two|three|a few|a couple of|just|en|et|nogle|din|dit|dine|jeres|bare)\s/i;

/** What the writer wants: a need (not "I need to finish …", the writer's own task), a hope for the reader's act, a benefit, a wonder. */
const WANT = words([
  "(?:i|we)(?:'d| would| will|'ll)? (?:really |urgently |just |still )?need(?! to(?! (?:ask|borrow|get|have|see|hear|know|understand|learn|find out)))",
  // not "you need a data processing agreement": that is advice to the reader, not the writer's need
  "(?<!(?:you|du|they|he|she)(?:'ll| will|'d| would| may| might| probably| also| still)? )needs? (?:a|an|the|your|some|it|this|that|them|those|these)",
  "(?:could|can|would) (?:really |definitely |honestly )?(?:do with|use)",
  "(?:hope|hoping|hoped)(?: that)? you(?:'d|'ll)? (?:can|could|will|would|might|may|have time|get|find)",
  "(?:was|am|i'm|were|are) hoping (?:to|you|for)",
  ...BENEFIT_LIST,
  "(?:(?:i|we|they)'d|would) (?:really |so |very much |greatly |dearly )?(?:value|appreciate|welcome|love)",
  "(?:(?:i|we)'d|would) (?:kill|give anything|give my right arm) for",
  "if you(?:'re| are| were| feel) (?:up for|keen|interested|free|around|able|game|open to|willing)",
  "(?:you were|you're|you are) the first (?:person |one )?(?:i|we) (?:thought|think) of",
  "(?:du var|du er) (?:den første|det første navn),? (?:jeg|vi) (?:tænkte|kom til at tænke) på",
  "(?:jeg|vi) (?:vil|ville) (?:meget |rigtig |så |virkelig )?gerne (?:have|booke|hyre|bruge|låne|invitere) (?:dig|jer)",
  "(?:skal|skulle|må) (?:gerne |lige |helst )?have (?:et |dit |din |jeres )?(?:svar|besked|tilbagemelding)",
  "if you (?:have|had|'ve got) (?:the )?(?:room|time|space|capacity|a (?:slot|gap|moment|minute)|any (?:room|time|space|capacity))",
  "hvis (?:du|I) (?:har|havde) (?:tid|plads|mulighed|lyst|overskud|kapacitet|et hul|en ledig)",
  "(?:vil|ville) (?:vi|jeg) (?:meget |rigtig |så )?gerne (?:booke|have|bede|høre|hyre|bruge|låne|invitere)",
  "(?:wonder|wondering|wondered) (?:if|whether)",
  "if you (?:can|could|would|are able to|have time to|get (?:a|the) chance to|manage to)",
  // not the offer "…, hvis du vil." / "hvis du vil have dem": that leaves it to the reader
  "hvis (?:du|I) (?:kan|kunne|gider|når|får tid|har tid)",
  "hvis (?:du|I) (?:vil|ville)(?= \\p{L})(?! (?:have|bruge|beholde|det|dem|den)(?![\\p{L}]))",
  "(?:keen|eager|curious|dying) to (?:hear|know|see|get)",
  "if there(?:'s| is) (?:any|a) (?:way|chance)",
  // Danish
  "(?:skal|skulle) (?:lige )?bruge",
  "(?:mangler|manglede) (?:bare |kun |stadig |lige )?(?:dit|din|dine|jeres)",
  // also inverted after a fronted clause: "Inden vi mødes, har jeg brug for …"
  "(?<!(?:du|I|de|han|hun) )har (?:(?:jeg|vi) )?(?:virkelig |lige |stadig |akut )?brug for",
  "kunne (?:godt |virkelig |rigtig |rigtig godt |virkelig godt )?bruge",
  "håber,? (?:at )?(?:du|I) (?:kan|kunne|vil|når|gider|har tid|får tid|lige)",
  "(?:må|kan) (?:meget |rigtig |også )?gerne",
  "bedes",
  // "må du meget gerne kaste et blik på det": leave that, said to the reader, asks
  "(?:må|kan) (?:du|I) (?:meget |rigtig |også |virkelig )?gerne",
  // a little of the reader's time, offered as the condition: "if you have a spare ten minutes", "hvis du har fem minutter"
  "(?:if|when|whenever) you (?:have|get|find|'ve got|had) (?:a |an )?(?:spare |free |quiet )?(?:\\d+|a few|five|ten|fifteen|twenty|a couple of|half an|some)? ?(?:spare |free |quiet )?(?:minutes?|mins|moments?|hour|half hour|sec|second)",
  "(?:hvis|når) (?:du|I) (?:har|får|havde) (?:\\d+|et par|fem|ti|et kvarters|en halv|lige)? ?(?:minutter|minut|min|øjeblik|kvarter|time)",
]);
/** When it is wanted by: a day, a date ("before 20 November": the day's digits whole), "before I send it". With a need it asks even unaddressed ("I need it back by Thursday"). */
const DUE = words([
  "(?:by|before|no later than|ahead of|in time for) (?:mon|tues|wednes|thurs|fri|satur|sun)day",
  "(?:by|before|no later than|ahead of) (?:tomorrow|tonight|the end of|end of|eod|eow|cob|noon|midday|next \\p{L}+|this \\p{L}+|the weekend|the \\d+(?:st|nd|rd|th)?|\\d+(?:st|nd|rd|th)?)",
  "before (?:i|we) (?:send|submit|print|go|sign|publish|file)",
  "(?:inden|senest|før) (?:man|tirs|ons|tors|fre|lør|søn)dag",
  "(?:inden|senest|før) (?:på )?(?:i morgen|weekenden|mødet|næste \\p{L}+|jul|nytår|udgangen|den \\d+|d\\. ?\\d+|\\d+)",
  "før (?:jeg|vi) (?:sender|afleverer|trykker|skriver under|går videre)",
  "(?:before|ahead of) (?:we|our) (?:meet|talk|speak|call|chat|meeting|call)",
  // "before the board meets on 10 December", "inden bestyrelsesmødet"
  "(?:before|ahead of) (?:the|our|my|their) (?:\\p{L}+ ){0,2}(?:meets?|meeting|call|review|deadline|launch|opening)",
  "(?:inden|før) (?:vi|jeg) (?:mødes|ses|taler|snakker|skal)",
  // "til d. 12. december", "til den 3/12": a date after "til" is a deadline ("til julemarkedet" is what it is for)
  "til (?:den |d\\. ?)\\d{1,2}(?:\\. ?(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\\p{L}*|/\\d{1,2})",
]);

/**
 * A want of a thing, not of the writer's own act: "I'd really value a second pair of eyes", "jeg vil gerne se et
 * par eksempler". With a time the reader is to meet it asks, though it names no reader; "We'd love to launch
 * before Christmas" does not, since its object is the writer's own doing.
 */
const WANTS_A_THING = words([
  "(?:(?:i|we)'d|would|will) (?:really |so |very much |greatly |dearly |truly |hugely )?(?:value|appreciate|welcome|love|like) (?:a|an|the|your|some|any|to (?:see|have|get|receive|read|hear))",
  "(?:vil|ville) (?:meget |rigtig |så |virkelig )?gerne (?:se|få|modtage|læse|høre)",
  // a thing, not the writer's own doing: "vi vil gerne have et overslag", not "jeg vil gerne have ryddet op"
  "(?:vil|ville) (?:meget |rigtig |så |virkelig )?gerne have (?:et|en|nogle|jeres|dit|din|dine|to|tre|et par)",
  "(?:would|will) be (?:much |greatly |hugely |really |very much )?appreciated",
]);
/** A sentence that only says when: "Gerne inden torsdag", "Ideally by Friday": the when of what was just asked. */
const PREFERABLY = letterRegExp(String.raw`^(?:gerne|helst|allerhelst|ideally|preferably|ideelt set|if possible)(?![\p{L}])`, "i");

/** Urgency said to the reader turns leave into a request: "ring endelig, det haster", "call me, it's urgent". */
const URGENT = words(["(?:det )?haster", "urgent(?:ly)?", "asap", "as soon as (?:you can|possible)", "hurtigst muligt", "snarest(?: muligt)?", "straks"]);

/** Looking for someone, said to one reader (not "… if we need a hand in spring"): a hint that they might be the one ("vi mangler en til oplæg om glasurer"). */
const SEEKS_SOMEONE = words([
  "(?<!(?:if|when|whenever|should|in case) )(?:we|i)(?:'re| are|'m| am)? (?:still )?(?:need|needs|looking for|searching for|short of) (?:someone|somebody|a speaker|a hand|an extra pair of hands)",
  "(?<!(?:hvis|når|skulle|såfremt) )(?:vi|jeg|og) (?:mangler|søger|leder efter|står og mangler|har brug for) (?:stadig )?(?:en|et|nogen|et par hænder|en ekstra hånd)(?: [\\p{L}-]+)?(?=,? (?:til|som|der|med)(?![\\p{L}]))",
]);

/** A question without its mark: "…, any ideas", "any thoughts on the draft". */
const OPEN_QUESTION = words(["any (?:ideas|thoughts|suggestions|tips|pointers|advice|input)(?=\\s*(?:$|[,;.!]|on|about|for|welcome|appreciated|gratefully))", "(?:nogen|har du) (?:idéer|ideer|forslag|input|gode råd)(?=\\s*(?:$|[,;.!]|til|om))"]);

/** A need with its object, as opposed to a hope or a benefit. */
// Not "I need to finish the report by Friday": the writer's own task.
const NEED = words([
  "(?<!(?:you|du|they|he|she) )need(?:s|ed)?(?! to(?! (?:ask|borrow|get|have|see|hear|know|understand|learn|find out)))",
  "could (?:really )?(?:do with|use)",
  "skal (?:lige )?bruge",
  "mangler(?! at)",
  // also inverted after a fronted clause: "Inden vi mødes, har jeg brug for …"
  "(?<!(?:du|I|de|han|hun) )har (?:(?:jeg|vi) )?(?:virkelig |lige |stadig |akut )?brug for",
  "kunne (?:godt )?bruge",
  "skal (?:gerne |lige |helst )?have (?:et |en |dit |din |jeres )?(?:svar|besked|tilbagemelding|overblik|tilbud|pris|overslag|vurdering|udtalelse|rapport|bud)",
]);

/** Not asking: a promise, an offer, a wish, a counterfactual, a reply that is not needed, a report of a past ask. */
const NOT_ASKING = words([
  "(?:happy|glad|more than happy) to",
  "hope (?:you|all|everyone|things|it)(?:'re| are| had| have had| have a| enjoyed| went| is| was)",
  "(?:would|'d|could) have",
  "no need",
  "(?:don't|do not|never) (?:feel|worry|bother|need)",
  "(?:asked|told|wanted|needed) (?:me|us) to",
  "which (?:i|we) did",
  // the writer's own next step, not "… før jeg sender den" (a clause about when the reader's part is due)
  "(?<!(?:før|inden|når|hvis|mens|så|til) )(?:jeg|vi) (?:sender|kommer|hjælper|kan|vil gerne hjælpe|skal nok)",
  "(?:hjælper|gør|tager) (?:også )?gerne",
  "behøver ikke",
  "ingen grund til",
  "(?:bad|ville have) (?:mig|os)",
  "det har (?:jeg|vi) gjort",
  "(?:håber|håbe),? (?:at )?(?:du|I|alle|det|i) (?:har haft|havde|er|var|nyder|nød)",
  "no (?:rush|hurry|pressure)",
  "(?:ingen|ikke nogen) (?:hast|stress|pres)",
  // the reader's part as the condition for the writer's next step: "send the report, then I'll price it"; not
  // the purpose "… so we can drop our fork", which says why it is asked
  "(?:then|and) (?:i|we)(?:'ll| will| can)",
  "so (?:i|we)(?:'ll| will)",
  // an offer: "send me the file number if you want me to handle it", "ring, hvis du vil have mig til at kigge på det"
  "if you(?:'d)? (?:want|like|would like|need) (?:me|us) to",
  "hvis (?:du|I) (?:vil|gerne vil) have (?:mig|os) til",
  "så (?:regner|går|kigger|tager|skriver|sender|ser|laver|kan|finder|gør) (?:jeg|vi)",
]);

/**
 * Leave to do something, not a request: "send it over whenever it's ready", "kig det igennem i ro og mag", "ring
 * endelig". Unless it is urgent: "ring endelig, det haster" asks.
 */
const LEAVE = words([
  "whenever (?:it |you |they )?(?:suits|'s ready|is ready|are ready|you're ready|like|want|wish|convenient|fits)",
  "in your own time",
  "i ro og mag",
  "når (?:den|det|de|han|hun|I|du) (?:kommer|er klar|har skrevet|har haft|passer)",
  "(?:send|skriv|sig|ring) (?:mig |os )?(?:bare|gerne|endelig)",
]);

/**
 * The writer's own promise or offer as the sentence's main clause: "I'll send you the draft by Friday", "Sure, we
 * can do Tuesday". Not "If you can get me a few lines by Friday, I'll pass them on", where the reader's part comes first.
 */
const PROMISE = letterRegExp(String.raw`^(?:(?:ok|okay|sure|yes|great|fine|and|so|then|perfect|lovely)[\s,!.-]+){0,2}(?:i|we)(?:'ll| will| shall|'m going to| am going to| are going to| can| could)(?![\p{L}])(?! (?:need|owe|be (?:\p{L}+ )?(?:grateful|thrilled|thankful|indebted|delighted)|really do with|do with|use))`, "i");

/** A need stated with no subject ("Need a quick yes by tomorrow", "Kunne godt bruge …") is the writer's, asked of the reader. */
const DROPPED_SUBJECT = letterRegExp(String.raw`^(?:need|could (?:really )?do with|could use|kunne (?:godt )?bruge|mangler)(?![\p{L}])`, "i");

/**
 * Does this one sentence ask the reader for something in other words than a question? It must be turned to
 * the reader (names them, is an imperative task, or is conditioned on "if possible") and say what is wanted.
 */
// `sentence` is intent.ts's normalized text, its letters mapped for these regexes (letters.ts).
/** Where a second clause starts: "… and send me …", "… og giv mig …". */
const AND_THEN = /(?:,\s*|\s)(?:and|og)\s/i;
/** The writer as a subject: "I", "we've", "jeg". */
// The other languages' own words too ("Ich habe dich … empfohlen", "ik heb je aanbevolen", "jag har tipsat"): a
// capitalised "Ich" before the verb is otherwise read as someone's name.
const FIRST_PERSON_WORDS = ["i", "i'll", "i'm", "i've", "i'd", "we", "we'll", "we're", "we've", "we'd", "jeg", "vi", "ich", "wir", "ik", "wij", "jag", "je", "j'ai", "nous"];
export const FIRST_PERSON = letterRegExp(String.raw`(?<![\p{L}])(?:${FIRST_PERSON_WORDS.join("|")})(?![\p{L}'])`, "i");
/**
 * The same words with their case kept, where a capital tells: the writer's "I" is capitalised, and Danish "i" ("i går")
 * is a preposition; any of them may open a sentence.
 */
const FIRST_PERSON_AS_WRITTEN = FIRST_PERSON_WORDS.map((w) => (w.startsWith("i") && !/^i[a-z]/.test(w) ? `I${w.slice(1)}` : `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`));
export const WRITER_AS_SUBJECT = letterRegExp(String.raw`(?<![\p{L}])(?:${FIRST_PERSON_AS_WRITTEN.join("|")})(?![\p{L}'])`);

/**
 * Someone else's need, told to the reader: "Marisol Vega at Fieldhouse Coffee needs a copywriter, and I gave her your
 * name". A name or "she" needing "a …" asks the reader for nothing; "Anna needs your invoice by Friday" still asks, by
 * its date. Case matters here: a name is capitalised.
 */
const SOMEONE_ELSE_NEEDS = letterRegExp(
  String.raw`(?:(?!(?:${FIRST_PERSON_AS_WRITTEN.join("|")}|The|This|That|Our|My|Vores|Min|Mit)(?![\p{L}']))\p{Lu}[\p{L}'-]+|(?<![\p{L}])(?:he|she|they|han|hun|de))(?:\s+(?:at|from|hos|fra|på|ved)\s+\p{Lu}[\p{L}&'-]*(?:\s+\p{Lu}[\p{L}&'-]*){0,3})?\s+(?:needs|wants|is looking for|mangler|søger|har brug for|braucht|sucht)\s+(?:a|an|some|someone|somebody|en|et|nogen|new|ny|nyt|einen|eine)(?![\p{L}])`,
);

export function asksByCues(sentence: string): boolean {
  const s = sentence.trim();
  if (s.length < 8 || NOT_ASKING.test(s) || PROMISE.test(s)) return false;
  if (OPEN_QUESTION.test(s) || SEEKS_SOMEONE.test(s)) return true;
  const imperative = IMPERATIVE.test(s) && !NOT_A_TASK.test(s);
  // A task after "and": "Se venligst på billederne og giv mig et prisleje inden weekenden", "Have a look and send me
  // your notes by Friday". Only with its own mark ("me", a time, "please"), as the clause is read on its own.
  // Not after the writer's own doing: "Tonight I'll read it and send you my notes by Friday" promises.
  if (!imperative && AND_THEN.test(s)) {
    const [first, ...later] = s.split(AND_THEN);
    if (!FIRST_PERSON.test(first) && later.some((c) => IMPERATIVE.test(c) && !NOT_A_TASK.test(c) && marksATask(c))) return true;
  }
  if (URGENT.test(s) && (imperative || READER.test(s))) return true;
  // Leave with a time the reader is to meet asks: "ring mig gerne, helst inden weekenden".
  if (LEAVE.test(s) && !DUE.test(s)) return false;
  // An imperative task is its own request once it carries "me", a time or a "please": "Send over the invoice
  // whenever it suits", "Tjek lige om tallene stemmer".
  if (imperative && marksATask(s)) return true;
  const toReader = imperative || READER.test(s) || DANISH_PLURAL_I.test(s);
  const droppedSubject = DROPPED_SUBJECT.test(s);
  const wants = WANT.test(s) && !SOMEONE_ELSE_NEEDS.test(s);
  const due = DUE.test(s);
  // A deadline alone informs ("Du skal betale 51.840 kr. senest 2. november"); with a want, or "if at all
  // possible", it asks.
  return ((toReader || droppedSubject) && wants) || (THING_FIRST.test(s) && BENEFIT.test(s)) || (due && (NEED.test(s) || IF_POSSIBLE.test(s) || WANTS_A_THING.test(s) || PREFERABLY.test(s)));
}
