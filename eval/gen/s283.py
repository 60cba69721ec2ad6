import sys, json, os; sys.path.insert(0,'.')
from lib import S
R='../scenarios/283-ethical-fashion-founder-lisbon-gmail-web-english-snooze-done-two-digests'
s=S(R,"","mail.gmail.com")
O="Inês Carvalho <ines@linhoverde-atelier.pt>"
TO="Tomás Reis <tomas.reis@costura-circular.pt>"
GR="Greta Lind <greta@nordicslowwear.se>"
OW="Owen Pryce <owen@pryce-textile-agency.co.uk>"
PR="Priya Nair <priya@threadwise-consulting.com>"
DA="Dana Whitfield <dana.whitfield@goodcloth-collective.org>"
YU="Yusuf Demir <yusuf@refold-packaging.io>"
MA="Marta Sousa <marta.sousa@atelier-marta-porto.pt>"
BU="Helen Marsh <helen.marsh@wrenandwillow-boutique.co.uk>"
PH="Leo Baptista <leo@leobaptista-photo.pt>"
JO="Ruth Okonjo <ruth.okonjo@greenthreadmagazine.com>"
m=s.mail
def fwd(frm,date,subj,to,body,note=""):
    return note+"\n\n---------- Forwarded message ---------\nFrom: %s\nDate: %s\nSubject: %s\nTo: %s\n\n%s"%(frm,date,subj,to,body)
# Tomas: ~6 weekly rhythm Mar-Aug
t1=m('mailbox','tomas',"Tue, 10 Mar 2026 09:20:00 +0000",TO,O,"Offcuts from the spring run","Hi Inês,\n\nWe have about 40 kg of linen offcuts again. Want them for the patchwork line?\n\nTomás")
m('mailbox','ines-tomas',"Tue, 10 Mar 2026 11:02:00 +0000",O,TO,"Re: Offcuts from the spring run","Yes please! I can pick them up Friday.\n\nInês",reply=t1)
t2=m('mailbox','ines-tomas',"Wed, 22 Apr 2026 15:10:00 +0100",O,TO,"Repair workshop idea","Hi Tomás,\n\nWhat would you think of running a joint repair workshop in May at your studio?\n\nInês")
m('mailbox','tomas',"Thu, 23 Apr 2026 08:45:00 +0100",TO,O,"Re: Repair workshop idea","Love it. Let's do the 16th.\n\nT.",reply=t2)
t3=m('mailbox','tomas',"Mon, 08 Jun 2026 10:00:00 +0100",TO,O,"Photos from the workshop","Hi Inês, photos from the repair day are in the shared folder. What a crowd!\n\nTomás")
m('mailbox','ines-tomas',"Mon, 08 Jun 2026 12:30:00 +0100",O,TO,"Re: Photos from the workshop","They're wonderful, thank you. Same again in autumn?\n\nInês",reply=t3)
t4=m('mailbox','ines-tomas',"Mon, 20 Jul 2026 09:00:00 +0100",O,TO,"Autumn dates","Hi Tomás, any preference for the autumn workshop – late September or October?\n\nInês")
m('mailbox','tomas',"Thu, 20 Aug 2026 17:40:00 +0100",TO,O,"Re: Autumn dates","Sorry, summer swallowed me. Let's pick something after the trade fair.\n\nTomás",reply=t4)
# Greta: one-off
g1=m('mailbox','greta',"Wed, 15 Apr 2026 13:00:00 +0100",GR,O,"Question about your hemp supplier","Hi Inês, I saw your talk in Stockholm. Who supplies your hemp jersey?\n\nBest, Greta")
m('mailbox','ines-greta',"Wed, 15 Apr 2026 18:20:00 +0100",O,GR,"Re: Question about your hemp supplier","Hi Greta, it's Fiação do Minho – tell them I sent you.\n\nInês",reply=g1)
# Yusuf: two-way tie
y1=m('mailbox','yusuf',"Mon, 14 Sep 2026 10:00:00 +0100",YU,O,"Compostable mailers","Hi Inês, the new mailers are ready for testing. Shall I send 200?\n\nYusuf")
m('mailbox','ines-yusuf',"Mon, 14 Sep 2026 10:45:00 +0100",O,YU,"Re: Compostable mailers","Yes please, to the atelier address. Excited to try them.\n\nInês",reply=y1)
y2=m('mailbox','ines-yusuf',"Tue, 13 Oct 2026 09:15:00 +0100",O,YU,"Mailer feedback","Hi Yusuf, the mailers held up well – one tore in the rain test. Notes attached.\n\nInês")
m('mailbox','yusuf',"Tue, 13 Oct 2026 16:00:00 +0100",YU,O,"Re: Mailer feedback","Super useful, thanks. We'll thicken the seam.\n\nYusuf",reply=y2)
# Owen: owner asks, Owen answers with contact
o1=m('mailbox','ines-owen',"Mon, 02 Nov 2026 09:30:00 +0000",O,OW,"Dye house in Portugal?","Hi Owen,\n\nYou know everyone in the trade – is there a GOTS-certified dye house in northern Portugal that takes runs under 300 metres?\n\nThanks, Inês")
m('mailbox','owen',"Wed, 04 Nov 2026 14:10:00 +0000",OW,O,"Re: Dye house in Portugal?","Hi Inês,\n\nTry Rui Matos at Tinturaria Ave (rui@tinturaria-ave.pt). Minimums of 150 m and he's certified. Mention my name.\n\nOwen",reply=o1)
# Priya: referral, thanked
p1=m('mailbox','priya',"Thu, 05 Nov 2026 11:00:00 +0000",PR,O,"A buyer you should meet","Hi Inês,\n\nI mentioned Linho Verde to Sam at Earthbound Stores yesterday, and she asked for your lookbook. I've given her your email.\n\nPriya",)
m('mailbox','ines-priya',"Thu, 05 Nov 2026 12:15:00 +0000",O,PR,"Re: A buyer you should meet","Priya, that's so generous of you – I owe you a glass of vinho verde.\n\nInês",reply=p1)
# Buyer first contact, no reply
m('mailbox','ines-buyer',"Tue, 10 Nov 2026 10:00:00 +0000",O,BU,"Linen basics for Wren & Willow?","Dear Helen,\n\nI run Linho Verde, a small linen label made in Guimarães. Our undyed basics might suit your spring edit. Would you be open to seeing samples?\n\nWarm regards,\nInês Carvalho")
# Photographer +3d later in live; confirmation
c1=m('mailbox','leo',"Wed, 11 Nov 2026 09:00:00 +0000",PH,O,"Shoot on Thursday","Hi Inês, is 3 pm still good for Thursday?\n\nLeo")
m('mailbox','ines-leo',"Wed, 11 Nov 2026 09:20:00 +0000",O,PH,"Re: Shoot on Thursday","Yes, 3 pm works – see you at the atelier.\n\nInês",reply=c1)
# noise
m('mailbox','newsletter',"Thu, 12 Nov 2026 07:00:00 +0000","Fashion Revolution Digest <news@fashrev-digest.org>",O,"This week in transparency","Five brands publishing supplier lists.\n\nUnsubscribe: https://fashrev-digest.org/u",extra=["List-Unsubscribe: <https://fashrev-digest.org/u>","Precedence: list"])
m('mailbox','pitch',"Fri, 13 Nov 2026 15:00:00 +0000","Kayla Brooks <kayla@viralloom-agency.com>",O,"Quick idea for Linho Verde's Instagram","Hi Inês! Can we hop on a call this week? We help slow-fashion brands 10x their reach with micro-influencers.\n\nKayla")
m('mailbox','survey',"Mon, 16 Nov 2026 08:00:00 +0000","Textile Insights <research@textile-insights-panel.com>",O,"Would you share your sourcing challenges? (3 min)","Hello founder, we're researching small brands. Take our short survey: https://textile-insights-panel.com/s/22",extra=["Precedence: bulk"])
m('mailbox','receipt',"Mon, 16 Nov 2026 13:00:00 +0000","Shopify <no-reply@shopify.com>",O,"Your Shopify bill","Your invoice for November: $39.00.")
m('mailbox','fair',"Tue, 17 Nov 2026 09:00:00 +0000","Lisbon Makers Fair <hello@lisbonmakersfair.pt>","exhibitors@lisbonmakersfair.pt","Does your brand need more visibility? Stands for March now open","Dear makers,\n\nDoes your brand need more visibility? Book a stand for our spring fair before 1 December.\n\nThe LMF team",extra=["List-Id: <exhibitors.lisbonmakersfair.pt>"])
# Dana: referral, not thanked (mailbox)
m('mailbox','dana',"Wed, 18 Nov 2026 16:30:00 +0000",DA,O,"Told the Copenhagen people about you","Hi Inês,\n\nThe organisers of the Circular Wardrobe pop-up in Copenhagen asked me for Portuguese brands, and yours was the first name I gave them. Expect a note from Freja.\n\nDana")
# Marta: sent by someone
m('mailbox','marta',"Thu, 19 Nov 2026 10:10:00 +0000",MA,O,"Sofia from Tecelagem said to write to you","Hello Inês,\n\nSofia at Tecelagem Lobo said you'd be the person to ask. I'm starting a small bridalwear line and need a pattern cutter who works with small runs – any names that come to mind would help me enormously.\n\nThank you,\nMarta Sousa")
# live
m('live','fwd-yusuf',"Sat, 21 Nov 2026 10:00:00 +0000",O,"gensidig@example.com","Fwd: Deck for Thursday",fwd(YU,"Fri, Nov 20, 2026 at 6:12 PM","Deck for Thursday",O,"Hi Inês,\n\nI'm pitching to two impact investors on Thursday. Please tear apart the supply-chain slides in the attached deck – you're the only person I know who'll be honest. Anything by Wednesday night would be gold.\n\nYusuf"))
m('live','ines-leo-3d',"Thu, 19 Nov 2026 15:00:00 +0000",O,PH,"Usage rights for the winter shoot","Hi Leo,\n\nCould you send me a quote for web + print usage rights on the winter images, for 12 months?\n\nThanks,\nInês")
m('live','ines-announce',"Sat, 21 Nov 2026 12:00:00 +0000",O,"Tomás Reis <tomas.reis@costura-circular.pt>, Priya Nair <priya@threadwise-consulting.com>, Yusuf Demir <yusuf@refold-packaging.io>, Owen Pryce <owen@pryce-textile-agency.co.uk>, Leo Baptista <leo@leobaptista-photo.pt>","Hi all – the winter collection is live","Hi all,\n\nThe winter collection is finally online – thank you for your part in it, each of you. No need to reply, just wanted you to see it first.\n\nInês",extra=["Bcc: gensidig@example.com"])
# after digest 1
m('live','ines-marta',"Tue, 24 Nov 2026 09:00:00 +0000",O,MA,"Re: Sofia from Tecelagem said to write to you","Hi Marta,\n\nTwo names: Joana Pires (joana@moldes-pires.pt) and Nuno at Corte Certo. Both take runs of 20+.\n\nGood luck with the line!\nInês",extra=["Bcc: gensidig@example.com"])
m('live','ines-yusuf',"Wed, 25 Nov 2026 21:00:00 +0000",O,YU,"Re: Deck for Thursday","Hi Yusuf, notes attached – slide 7 needs the actual tonnage. You'll be great.\n\nInês",extra=["Bcc: gensidig@example.com"])
m('live','ines-owen-thanks',"Thu, 26 Nov 2026 10:00:00 +0000",O,OW,"Re: Dye house in Portugal?","Owen – Rui was perfect, we've booked our first run. Thank you for the tip!\n\nInês",extra=["Bcc: gensidig@example.com"])
m('live','ines-journalist',"Wed, 02 Dec 2026 10:30:00 +0000",O,JO,"Samples for your gift guide?","Dear Ruth,\n\nI read your sustainable gifts round-up last year. Would you like samples of our linen tea towels for this year's edition? I can post them tomorrow.\n\nInês Carvalho\nLinho Verde")
j={"title":"Ethical fashion founder in Lisbon, Gmail web, English: contact on request, referrals, snooze and done","split":"held-out",
"owner":{"address":"ines@linhoverde-atelier.pt","aliases":[],"name":"Inês Carvalho","language":"en","timeZone":"Europe/Lisbon"},
"importAt":"2026-11-19T12:00:00Z",
"envelopes":{[f for f in os.listdir(R+'/live') if 'leo-3d' in f][0]:{"to":"gensidig+3d@example.com"}},
"commands":[{"at":"2026-11-23T13:00:00Z","lines":["done dana.whitfield@goodcloth-collective.org","snooze tomas.reis@costura-circular.pt 2w"]}],
"digests":[{"at":"2026-11-23T08:00:00Z",
 "expect":[
  {"who":"owen@pryce-textile-agency.co.uk","section":"thank","why":"4 Nov 'Re: Dye house in Portugal?': gave the dye-house contact Inês asked for; no thanks yet"},
  {"who":"dana.whitfield@goodcloth-collective.org","section":"thank","why":"18 Nov 'Told the Copenhagen people about you': referral to the Copenhagen pop-up; not thanked"},
  {"who":"yusuf@refold-packaging.io","section":"help","why":"20 Nov 'Deck for Thursday' (forwarded 21 Nov): asks her to review his slides by Wednesday, imperative, no question mark"},
  {"who":"marta.sousa@atelier-marta-porto.pt","section":"help","why":"19 Nov 'Sofia from Tecelagem said to write to you': says who sent her, needs pattern-cutter names"},
  {"who":"helen.marsh@wrenandwillow-boutique.co.uk","section":"follow-up","why":"10 Nov 'Linen basics for Wren & Willow?': first contact with a question, no reply"},
  {"who":"leo@leobaptista-photo.pt","section":"follow-up","why":"19 Nov 'Usage rights for the winter shoot' sent with +3d; no quote came back"}],
 "mustNot":[
  {"who":"priya@threadwise-consulting.com","why":"5 Nov referral already thanked ('that's so generous of you'); in Cc of an announcement only"},
  {"who":"greta@nordicslowwear.se","why":"one-off question in April, answered"},
  {"who":"kayla@viralloom-agency.com","why":"13 Nov cold pitch"},
  {"who":"research@textile-insights-panel.com","why":"survey from a stranger"},
  {"who":"hello@lisbonmakersfair.pt","why":"17 Nov mass mail to exhibitors; rhetorical question"},
  {"who":"news@fashrev-digest.org","why":"newsletter"},
  {"who":"no-reply@shopify.com","why":"receipt"}],
 "optional":[
  {"who":"tomas.reis@costura-circular.pt","why":"rhythm every ~6 weeks Mar–Aug, quiet since 20 Aug; reconnect fits, but he was also among the 21 Nov announcement's recipients"}]},
 {"at":"2026-12-14T08:00:00Z",
 "expect":[
  {"who":"ruth.okonjo@greenthreadmagazine.com","section":"follow-up","why":"2 Dec 'Samples for your gift guide?': offer with a question, no reply in 12 days"},
  {"who":"tomas.reis@costura-circular.pt","section":"reconnect","why":"snoozed 2 weeks on 23 Nov, which has passed; the ~6-weekly tie has been quiet since 20 Aug 'Re: Autumn dates'"}],
 "mustNot":[
  {"who":"dana.whitfield@goodcloth-collective.org","why":"marked done on 23 Nov"},
  {"who":"owen@pryce-textile-agency.co.uk","why":"thanked on 26 Nov ('Thank you for the tip!')"},
  {"who":"marta.sousa@atelier-marta-porto.pt","why":"Inês answered with two names on 24 Nov"},
  {"who":"yusuf@refold-packaging.io","why":"Inês sent her notes on 25 Nov"},
  {"who":"kayla@viralloom-agency.com","why":"cold pitch"}],
 "optional":[
  {"who":"helen.marsh@wrenandwillow-boutique.co.uk","why":"still unanswered first contact; may persist or drop"},
  {"who":"leo@leobaptista-photo.pt","why":"still no quote; may persist"}]}]}
json.dump(j,open(R+'/scenario.json','w'),ensure_ascii=False,indent=2)
