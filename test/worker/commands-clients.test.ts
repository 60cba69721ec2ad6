import { beforeAll, it } from "vitest";
import { seedOwner } from "../support/owners";
import { digestAt, seedOutreach } from "./commands-scenario";

const at = (iso: string) => Date.parse(iso);
const PEOPLE = [
  { name: "Anna Holm", address: "anna@holmraadgivning.dk", subject: "Coffee after Founders Friday?", at: "2026-11-09T09:00:00+01:00" },
  { name: "Bo Nielsen", address: "bo@nielsenconsult.dk", subject: "Intro to your accountant", at: "2026-11-09T10:00:00+01:00" },
  { name: "Karin Østergaard", address: "karin@oestergaard-arkitekter.dk", subject: "Workshop i januar?", at: "2026-11-09T11:00:00+01:00" },
  { name: "Mikkel Jensen", address: "mikkel@jensen-revision.dk", subject: "Idéer til forårets nyhedsbrev", at: "2026-11-10T09:00:00+01:00" },
  { name: "Lise Dahl", address: "lise@dahlkommunikation.dk", subject: "Thanks for lunch!", at: "2026-11-10T10:00:00+01:00" },
];
it("prints", async () => {
  for (const [addr, name, lang] of [["mette@kjaer-design.dk", "Mette Kjær", "da"], ["sarah@mitchell-advisory.co.uk", "Sarah Mitchell", "en"]] as const) {
    const id = (await seedOwner(addr, addr, { name, language: lang })).id;
    await seedOutreach(addr, PEOPLE);
    const d = await digestAt(id, at("2026-11-26T08:00:00+01:00"));
    console.log("SUBJECT", d.subject, "\n" + d.text + "\n=====HTML\n" + d.html + "\n=====RAW\n" + d.raw.slice(0, 1500));
  }
});
