import os, json, hashlib, email.utils, datetime
def mid(seed, dom): return "<%s@%s>" % (hashlib.md5(seed.encode()).hexdigest().upper()[:24], dom)
class S:
    def __init__(s, root, mailer, dom):
        s.root, s.mailer, s.dom, s.n = root, mailer, dom, {'mailbox':0,'live':0}
        for d in ('mailbox','live'): os.makedirs(os.path.join(root,d), exist_ok=True)
    def mail(s, kind, slug, date, frm, to, subj, body, cc=None, reply=None, extra=None, mailer=None):
        s.n[kind]+=1
        name="%02d-%s.eml"%(s.n[kind],slug)
        h=["From: "+frm,"To: "+to]
        if cc: h.append("Cc: "+cc)
        h+=["Subject: "+subj,"Date: "+date,"Message-ID: "+mid(kind+"/"+name,s.dom)]
        if reply: h+=["In-Reply-To: "+mid(reply,s.dom),"References: "+mid(reply,s.dom)]
        m = mailer if mailer is not None else s.mailer
        if m: h.append(m)
        for x in (extra or []): h.append(x)
        h+=["MIME-Version: 1.0","Content-Type: text/plain; charset=utf-8","Content-Transfer-Encoding: 8bit"]
        open(os.path.join(s.root,kind,name),"w").write("\r\n".join(h)+"\r\n\r\n"+body.strip("\n").replace("\n","\r\n")+"\r\n")
        return kind+"/"+name
    def key(s, kind, slug): return "%02d-%s.eml"%(s.n[kind],slug)
