import sys, json; sys.path.insert(0,'.')
from lib import S
R='../scenarios/282-foredragsholder-koebenhavn-apple-mail-iphone-dansk-done-to-digests'
s=S(R,"X-Mailer: Apple Mail (2.3826.400.131.1.6)","foredrag-signevestergaard.dk")
IPH="X-Mailer: iPhone Mail (22B91)"
O="Signe Vestergaard <signe@foredrag-signevestergaard.dk>"
K="Karsten Holm <karsten@holm-ledelsesnetvaerk.dk>"
M="Mette Lykke <mette.lykke@personaledag-hovedstaden.dk>"
J="Jonas Brix <jonas.brix@brixsikkerhedskultur.dk>"
P="Peter Falk <peter@falkogfalk-konsulent.dk>"
L="Lise Nyborg <lise@nyborg-talentudvikling.dk>"
A="Anders Kjær <anders.kjaer@kjaer-facilitering.dk>"
B="Birgitte Ravn <birgitte.ravn@vejle-bibliotekerne-events.dk>"
E="Camilla Dam <camilla@eventhuset-amager.dk>"
H="Henrik Sand <henrik.sand@sandogsol-konferencer.dk>"
T="Trine Ulv <trine@ulvkommunikation.dk>"
m=s.mail
# Karsten: monthly rhythm Jun-Sep, quiet since
k1=m('mailbox','karsten',"Tue, 09 Jun 2026 10:12:00 +0200",K,O,"Frokost og netværksmødet i juni","Hej Signe\n\nSkal vi tage en frokost inden netværksmødet? Jeg har et par tanker om efterårets program, som jeg gerne vil vende med dig.\n\nKh Karsten")
m('mailbox','signe-karsten',"Tue, 09 Jun 2026 13:40:00 +0200",O,K,"Re: Frokost og netværksmødet i juni","Hej Karsten\n\nJa tak, torsdag kl. 12 på Paludan? Jeg glæder mig til at høre om programmet.\n\nSigne",reply=k1)
k2=m('mailbox','signe-karsten',"Wed, 08 Jul 2026 09:05:00 +0200",O,K,"Oplægsholdere til efteråret","Hej Karsten\n\nJeg har kigget på listen over oplægsholdere. Hvad tænker du om at få en fra Arbejdstilsynet med i oktober?\n\nSigne")
m('mailbox','karsten',"Thu, 09 Jul 2026 16:22:00 +0200",K,O,"Re: Oplægsholdere til efteråret","God idé. Jeg skriver til min kontakt der efter sommerferien.\n\nKarsten",reply=k2)
k3=m('mailbox','karsten',"Mon, 10 Aug 2026 08:50:00 +0200",K,O,"Tilbage fra ferie","Hej Signe\n\nSå er jeg tilbage. Skal vi tage en kop kaffe i næste uge og gøre oktober færdig?\n\nKarsten")
m('mailbox','signe-karsten',"Mon, 10 Aug 2026 11:15:00 +0200",O,K,"Re: Tilbage fra ferie","Velkommen hjem! Tirsdag den 18. kl. 9 passer mig fint.\n\nSigne",reply=k3,mailer=IPH)
k4=m('mailbox','signe-karsten',"Thu, 10 Sep 2026 14:30:00 +0200",O,K,"Efter netværksmødet","Hej Karsten\n\nTak for i går, det var en god aften. Sender du deltagerlisten, når du har den?\n\nSigne")
m('mailbox','karsten',"Fri, 11 Sep 2026 09:10:00 +0200",K,O,"Re: Efter netværksmødet","Her er listen. Vi ses i oktober, tror jeg!\n\nKarsten",reply=k4)
# Lise: owner asked for material, Lise sent it, owner thanked
l1=m('mailbox','signe-lise',"Mon, 02 Nov 2026 10:00:00 +0100",O,L,"Evalueringsskema?","Hej Lise\n\nDu nævnte engang, at I har et godt evalueringsskema til workshops. Må jeg låne det som inspiration?\n\nSigne")
l2=m('mailbox','lise',"Tue, 03 Nov 2026 12:45:00 +0100",L,O,"Re: Evalueringsskema?","Hej Signe\n\nSelvfølgelig, her er vores skabelon i Word. Brug løs.\n\nLise",reply=l1)
m('mailbox','signe-lise',"Tue, 03 Nov 2026 13:02:00 +0100",O,L,"Re: Evalueringsskema?","Du er en stjerne, Lise – det sparer mig for en hel formiddag.\n\nSigne",reply=l2,mailer=IPH)
# Birgitte: booked a talk, thank you with rhetorical question
b1=m('mailbox','signe-birgitte',"Thu, 05 Nov 2026 15:00:00 +0100",O,B,"Foredraget i Vejle","Hej Birgitte\n\nTak for en dejlig aften på biblioteket i går. Jeg sender fakturaen i morgen.\n\nSigne")
m('mailbox','birgitte',"Fri, 06 Nov 2026 09:30:00 +0100",B,O,"Re: Foredraget i Vejle","Kære Signe\n\nTusind tak selv! Hvem havde troet, at 80 mennesker ville møde op en regnfuld onsdag? Folk taler stadig om dine historier.\n\nHilsen Birgitte",reply=b1)
# Henrik: proposal from owner, earlier contact exists; no reply
h1=m('mailbox','henrik',"Wed, 14 Oct 2026 11:00:00 +0200",H,O,"Konference i marts","Hej Signe\n\nVi planlægger en lederkonference i marts og har talt om dig som hovedtaler. Har du mulighed for at sende et oplæg?\n\nHenrik Sand")
m('mailbox','signe-henrik',"Thu, 15 Oct 2026 09:00:00 +0200",O,H,"Re: Konference i marts","Hej Henrik\n\nMange tak for henvendelsen. Jeg vender tilbage med et konkret oplæg i november.\n\nSigne",reply=h1)
# noise in mailbox
m('mailbox','nyhedsbrev',"Mon, 09 Nov 2026 06:00:00 +0100","Talerforum <nyhedsbrev@talerforum-nyt.dk>",O,"Talerforum: ugens tips til scenenærvær","Ugens tips: sådan bruger du pauser på scenen.\n\nAfmeld nyhedsbrevet her: https://talerforum-nyt.dk/afmeld",extra=["List-Unsubscribe: <https://talerforum-nyt.dk/afmeld>","Precedence: bulk"],mailer="")
m('mailbox','kvittering',"Wed, 11 Nov 2026 14:12:00 +0100","DSB <noreply@kvittering.dsb-rejser.dk>",O,"Din kvittering for rejsen København H – Vejle","Tak for din rejse. Beløb: 398,00 kr.\nOrdrenummer 88213400",mailer="")
m('mailbox','seo-pitch',"Thu, 12 Nov 2026 10:20:00 +0100","Rasmus Top <rasmus@toprank-seo-bureau.dk>",O,"Flere bookinger via Google?","Hej Signe\n\nJeg har kigget på din hjemmeside. Kan vi booke 15 minutter, så jeg kan vise, hvordan du kommer på side 1?\n\nMvh Rasmus",mailer="")
m('mailbox','survey',"Fri, 13 Nov 2026 08:00:00 +0100","Analyseinstituttet <survey@foredragsanalyse-dk.dk>",O,"Vil du hjælpe os med en undersøgelse om foredragsmarkedet?","Kære oplægsholder\n\nVil du bruge 5 minutter på vores spørgeskema? Deltag her: https://foredragsanalyse-dk.dk/s/81\n\nVenlig hilsen",mailer="",extra=["Precedence: bulk"])
# live
m('mailbox','mette-intro',"Wed, 18 Nov 2026 09:14:00 +0100",M,O+", "+J,"Signe, mød Jonas","Hej begge to\n\nSigne – Jonas arbejder med sikkerhedskultur i byggebranchen og leder efter en oplægsholder til deres årsmøde. Jonas – Signe er den bedste fortæller, jeg kender, når det handler om arbejdsglæde.\n\nI tager den herfra!\n\nMette",mailer="")
m('mailbox','signe-jonas',"Wed, 18 Nov 2026 12:30:00 +0100",O,J,"Re: Signe, mød Jonas","Hej Jonas\n\nHvor dejligt. Jeg har tid til et kort opkald torsdag eller fredag – hvad passer dig?\n\nSigne",cc="gensidig@example.com")
jj=m('mailbox','jonas',"Thu, 19 Nov 2026 08:40:00 +0100",J,O,"Re: Signe, mød Jonas","Fredag kl. 10 er perfekt. Jeg ringer.\n\nJonas",cc="gensidig@example.com",mailer="")
fw="""Jeg har lige fået det her.

Start på videresendt besked:

Fra: Peter Falk <peter@falkogfalk-konsulent.dk>
Emne: Dit navn er givet videre
Dato: 20. november 2026 kl. 16.05.11 CET
Til: Signe Vestergaard <signe@foredrag-signevestergaard.dk>

Hej Signe

Jeg sad til møde med HR-chefen hos Nordisk Glas i dag, og de søger en til deres medarbejderdag i februar. Jeg fortalte om dig og gav hende din mail, så forvent at høre fra en Susanne.

Peter
"""
m('live','fwd-peter',"Fri, 20 Nov 2026 17:02:00 +0100",O,"gensidig@example.com","Vs: Dit navn er givet videre",fw,mailer=IPH)
m('mailbox','signe-henrik-oplaeg',"Mon, 16 Nov 2026 10:00:00 +0100",O,H,"Oplæg til lederkonferencen i marts","Hej Henrik\n\nSom lovet kommer her mit oplæg: 45 minutter om arbejdsglæde i forandring, inkl. en kort øvelse for salen. Prisen er 18.000 kr. ekskl. moms.\n\nHvad siger I til det, og skal vi tage et møde om datoen?\n\nSigne",extra=["Bcc: gensidig@example.com"])
m('mailbox','henrik-ooo',"Mon, 16 Nov 2026 10:00:30 +0100",H,O,"Autosvar: Oplæg til lederkonferencen i marts","Jeg er på ferie til og med 23. november og har begrænset adgang til mail.\n\nHenrik Sand",extra=["Auto-Submitted: auto-replied","X-Autoreply: yes"],mailer="")
fwA="""Kan du huske mig på denne?

Start på videresendt besked:

Fra: Anders Kjær <anders.kjaer@kjaer-facilitering.dk>
Emne: Temadag i Gladsaxe
Dato: 23. november 2026 kl. 08.41.00 CET
Til: Signe Vestergaard <signe@foredrag-signevestergaard.dk>

Hej Signe

Jeg har fået lov at lave programmet til kommunens temadag, og jeg er lidt usikker på rækkefølgen. Hvis du har et kvarter i løbet af ugen, ville jeg sætte stor pris på dit blik på programudkastet, som ligger vedhæftet. Det skal sendes til direktionen fredag.

Kh Anders
"""
# Anders: two-way tie in mailbox
a1=m('mailbox','anders',"Tue, 22 Sep 2026 09:00:00 +0200",A,O,"Sparring om facilitering","Hej Signe\n\nTak for sidst på kurset. Skal vi lave en sparringsaftale en gang i kvartalet?\n\nAnders")
m('mailbox','signe-anders',"Tue, 22 Sep 2026 20:10:00 +0200",O,A,"Re: Sparring om facilitering","Det vil jeg rigtig gerne, Anders. Lad os starte i januar.\n\nSigne",reply=a1,mailer=IPH)
m('live','fwd-anders',"Mon, 23 Nov 2026 09:30:00 +0100",O,"gensidig@example.com","Vs: Temadag i Gladsaxe",fwA,mailer=IPH)
m('live','signe-bekraeft',"Tue, 24 Nov 2026 11:00:00 +0100",O,"Trine Ulv <trine@ulvkommunikation.dk>","Re: Podcastoptagelse","Hej Trine\n\nDet er noteret – jeg er i studiet på Vesterbro den 3. december kl. 13. Vi ses!\n\nSigne",extra=["Bcc: gensidig@example.com"])
m('live','signe-camilla-3d',"Tue, 24 Nov 2026 14:00:00 +0100",O,E,"Kan I huse en workshop i januar?","Hej Camilla\n\nJeg leder efter et lokale til en workshop for 25 deltagere den 21. januar. Har I ledigt, og hvad koster det for en hel dag?\n\nSigne Vestergaard")
# after digest 1
m('live','jonas-hjaelp',"Tue, 08 Dec 2026 10:15:00 +0100",J,O,"Re: Signe, mød Jonas","Hej Signe\n\nTak for en god snak. Vores direktør vil gerne have en kort tekst om dit foredrag til invitationen. Kunne du sende 5-6 linjer, gerne inden torsdag, så vi kan nå trykkeriet\n\nJonas",cc="gensidig@example.com",mailer="",reply=jj)
m('live','signe-camilla-tak',"Wed, 09 Dec 2026 09:00:00 +0100",O,"Jesper Eng <jesper@englydteknik.dk>","Tak for lyden i Vejle","Hej Jesper\n\nTak for hjælpen med mikrofonerne i Vejle, det fungerede perfekt.\n\nSigne",extra=["Bcc: gensidig@example.com"])
s.envelopes={"signe-camilla-3d":1}
j={"title":"Foredragsholder i København, Apple Mail og iPhone, dansk: introduktion, henvisning, autosvar, done","split":"held-out",
"owner":{"address":"signe@foredrag-signevestergaard.dk","aliases":[],"name":"Signe Vestergaard","language":"da","timeZone":"Europe/Copenhagen"},
"importAt":"2026-11-19T18:00:00Z",
"envelopes":{s.key('live','x') and "":None},
"commands":[{"at":"2026-11-30T12:00:00Z","lines":["done mette.lykke@personaledag-hovedstaden.dk"]}],
"digests":[{"at":"2026-11-30T07:00:00Z",
 "expect":[
  {"who":"mette.lykke@personaledag-hovedstaden.dk","section":"thank","why":"18 Nov 'Signe, mød Jonas': introduced Signe to Jonas, who wants a speaker; Signe never thanked Mette"},
  {"who":"peter@falkogfalk-konsulent.dk","section":"thank","why":"20 Nov 'Dit navn er givet videre' (forwarded): passed Signe's name to Nordisk Glas HR; not thanked"},
  {"who":"anders.kjaer@kjaer-facilitering.dk","section":"help","why":"23 Nov 'Temadag i Gladsaxe' (forwarded): sparring partner asks for her eye on the programme before Friday, no question mark"},
  {"who":"henrik.sand@sandogsol-konferencer.dk","section":"follow-up","why":"16 Nov 'Oplæg til lederkonferencen i marts': Signe's proposal with a question; only an out-of-office came back"},
  {"who":"camilla@eventhuset-amager.dk","section":"follow-up","why":"24 Nov 'Kan I huse en workshop i januar?' sent with +3d; no answer by 30 Nov"}],
 "mustNot":[
  {"who":"lise@nyborg-talentudvikling.dk","why":"3 Nov 'Re: Evalueringsskema?': sent the requested template and Signe thanked her at once ('Du er en stjerne')"},
  {"who":"birgitte.ravn@vejle-bibliotekerne-events.dk","why":"6 Nov 'Re: Foredraget i Vejle': a thank-you with a rhetorical question, not a request"},
  {"who":"jonas.brix@brixsikkerhedskultur.dk","why":"19 Nov: Jonas answered Signe's question; nothing open"},
  {"who":"trine@ulvkommunikation.dk","why":"24 Nov 'Re: Podcastoptagelse': Signe's confirmation expects no answer"},
  {"who":"rasmus@toprank-seo-bureau.dk","why":"12 Nov cold SEO pitch from a stranger"},
  {"who":"survey@foredragsanalyse-dk.dk","why":"13 Nov survey from a stranger"},
  {"who":"nyhedsbrev@talerforum-nyt.dk","why":"newsletter"},
  {"who":"noreply@kvittering.dsb-rejser.dk","why":"receipt"}],
 "optional":[
  {"who":"karsten@holm-ledelsesnetvaerk.dk","why":"monthly rhythm Jun–Sep ('Efter netværksmødet', 11 Sep), quiet 11 weeks; reconnect is reasonable but the backfill is short"}]},
 {"at":"2026-12-14T07:00:00Z",
 "expect":[
  {"who":"jonas.brix@brixsikkerhedskultur.dk","section":"help","why":"8 Dec 'Re: Signe, mød Jonas': introduced contact asks for 5–6 lines before Thursday, worded without a question mark"},
  {"who":"karsten@holm-ledelsesnetvaerk.dk","section":"reconnect","why":"monthly conversations Jun–Sep 2026, last 11 Sep 'Efter netværksmødet'; silent three months"}],
 "mustNot":[
  {"who":"mette.lykke@personaledag-hovedstaden.dk","why":"Signe answered 'done' on 30 Nov"},
  {"who":"jesper@englydteknik.dk","why":"9 Dec 'Tak for lyden i Vejle': Signe's thank-you expects no answer"},
  {"who":"lise@nyborg-talentudvikling.dk","why":"already thanked 3 Nov"},
  {"who":"rasmus@toprank-seo-bureau.dk","why":"cold pitch"},
  {"who":"birgitte.ravn@vejle-bibliotekerne-events.dk","why":"no request, one-off booking"}],
 "optional":[
  {"who":"peter@falkogfalk-konsulent.dk","why":"still unthanked referral; may persist"},
  {"who":"anders.kjaer@kjaer-facilitering.dk","why":"his deadline has passed; may persist"},
  {"who":"henrik.sand@sandogsol-konferencer.dk","why":"still unanswered proposal"},
  {"who":"camilla@eventhuset-amager.dk","why":"still unanswered +3d request"}]}]}
j["envelopes"]={"%s"%[f for f in __import__('os').listdir(R+'/live') if 'camilla-3d' in f][0]:{"to":"gensidig+3d@example.com"}}
json.dump(j,open(R+'/scenario.json','w'),ensure_ascii=False,indent=2)
