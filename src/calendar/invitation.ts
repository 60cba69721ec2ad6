// What a calendar invitation says (RFC 5545 iCalendar, RFC 5546 REQUEST/CANCEL), read with ical.js. Pure:
// the iCalendar text in, events out; nothing here touches D1 or the clock.
//
// Times: a DTSTART with TZID is resolved with the VTIMEZONE the invitation carries (Outlook's "Romance
// Standard Time", Apple's and Google's "Europe/Copenhagen"). ical.js keeps zones in a process-wide registry,
// so each read registers the invitation's own zones and removes them again before it returns: one owner's
// invitation never changes how another's is read. A TZID with no VTIMEZONE that is an IANA name is
// resolved with Intl; a floating time is the owner's local time.
import ICAL from "ical.js";
import { zoneOffsetMinutes } from "../zone-clock";

/** An event with more people than this is an event (a conference, a webinar), not a meeting. */
export const MAX_MEETING_ATTENDEES = 20;
/** The iCalendar text kept per event, for the occurrences of a recurring series. */
export const MAX_STORED_ICS_CHARS = 32 * 1024;
/** Occurrences of one series counted per run at most (each is a write per person); the rest wait for the next. */
export const MAX_OCCURRENCES_PER_RUN = 60;

export interface Attendee {
  address: string;
  name: string | null;
}

export interface CalendarEvent {
  uid: string;
  /** The occurrence a change or cancellation is about (RECURRENCE-ID), ms; null for the event or series itself. */
  recurrenceId: number | null;
  sequence: number;
  start: number;
  title: string | null;
  /** Everyone invited, organiser included, except rooms and resources and those who declined. */
  attendees: Attendee[];
  recurring: boolean;
  /** For a recurring series: a VCALENDAR holding its zones and this VEVENT only, to expand occurrences later. */
  ics: string | null;
  cancelled: boolean;
}

export interface Invitation {
  method: "REQUEST" | "CANCEL";
  events: CalendarEvent[];
}

const mailto = (value: unknown): string | null => {
  const text = String(value ?? "").trim().replace(/^mailto:/i, "").toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? text : null;
};

/** Rules older than this are moved up to it: ical.js walks a zone's rules from their start on every read. */
const ZONE_RULES_FROM = "2000";

/**
 * Runs `read` with the invitation's own zones known to ical.js, and forgets them after. An IANA name
 * (Google's and Apple's "Europe/Copenhagen") is left to Intl, which knows it better and faster; a zone only
 * the invitation defines (Outlook's "Romance Standard Time", its rules starting in 1601) is registered with
 * its yearly rules starting in 2000, which changes no offset since then and spares walking four centuries.
 */
function withZones<T>(calendar: ICAL.Component, read: () => T): T {
  const added: string[] = [];
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
    const tzid = String(vtimezone.getFirstPropertyValue("tzid") ?? "");
    if (!tzid || isIanaZone(tzid) || ICAL.TimezoneService.has(tzid)) continue;
    for (const rule of [...vtimezone.getAllSubcomponents("standard"), ...vtimezone.getAllSubcomponents("daylight")]) {
      const start = rule.getFirstProperty("dtstart");
      const value = start?.getFirstValue() as ICAL.Time | undefined;
      if (start && value && value.year < Number(ZONE_RULES_FROM) && rule.hasProperty("rrule")) {
        const moved = value.clone();
        moved.year = Number(ZONE_RULES_FROM);
        start.setValue(moved);
      }
    }
    ICAL.TimezoneService.register(vtimezone);
    added.push(tzid);
  }
  try {
    return read();
  } finally {
    for (const tzid of added) ICAL.TimezoneService.remove(tzid);
  }
}

const ianaZones = new Map<string, boolean>();

function isIanaZone(tzid: string): boolean {
  let known = ianaZones.get(tzid);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tzid });
      known = true;
    } catch {
      known = false;
    }
    if (ianaZones.size < 1000) ianaZones.set(tzid, known);
  }
  return known;
}

/** A wall-clock time in `timeZone` as UTC ms (twice round, for a time next to a DST change). */
function wallClockToUtc(t: ICAL.Time, timeZone: string): number {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  let at = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  at = wall - zoneOffsetMinutes(at, timeZone) * 60_000;
  return at;
}

/** UTC ms of an iCalendar time: its own zone when known, else an IANA TZID, else the owner's zone. */
export function instant(t: ICAL.Time, tzid: string | null, ownerTimeZone: string): number {
  const zone = t.zone?.tzid;
  if (zone === "UTC" || zone === "Z") return t.toUnixTime() * 1000;
  if (zone && zone !== "floating" && ICAL.TimezoneService.has(zone)) return t.toUnixTime() * 1000;
  if (tzid && isIanaZone(tzid)) return wallClockToUtc(t, tzid);
  return wallClockToUtc(t, ownerTimeZone);
}

function attendeesOf(vevent: ICAL.Component): Attendee[] {
  const out = new Map<string, Attendee>();
  const organizer = vevent.getFirstProperty("organizer");
  const add = (prop: ICAL.Property) => {
    const address = mailto(prop.getFirstValue());
    if (!address || out.has(address)) return;
    const cutype = String(prop.getParameter("cutype") ?? "INDIVIDUAL").toUpperCase();
    if (cutype === "ROOM" || cutype === "RESOURCE") return;
    if (String(prop.getParameter("partstat") ?? "").toUpperCase() === "DECLINED") return;
    const cn = prop.getParameter("cn");
    const name = typeof cn === "string" && cn.trim() && !cn.includes("@") ? cn.trim() : null;
    out.set(address, { address, name });
  };
  if (organizer) add(organizer);
  for (const prop of vevent.getAllProperties("attendee")) add(prop);
  return [...out.values()];
}

/** The VCALENDAR of one recurring VEVENT with the zones it needs: what is kept to expand it later. */
function standalone(calendar: ICAL.Component, vevent: ICAL.Component): string {
  const out = new ICAL.Component(["vcalendar", [], []]);
  out.addPropertyWithValue("version", "2.0");
  for (const tz of calendar.getAllSubcomponents("vtimezone")) out.addSubcomponent(ICAL.Component.fromString(tz.toString()));
  out.addSubcomponent(ICAL.Component.fromString(vevent.toString()));
  return out.toString();
}

/**
 * The invitation in an iCalendar text, or null when it is none (a REPLY from a calendar answering, a
 * PUBLISH feed, unreadable text). Events without a UID or a start are left out.
 */
export function readInvitation(text: string, ownerTimeZone: string): Invitation | null {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch {
    return null;
  }
  if (calendar.name !== "vcalendar") return null;
  const method = String(calendar.getFirstPropertyValue("method") ?? "").toUpperCase();
  if (method !== "REQUEST" && method !== "CANCEL") return null;
  return withZones(calendar, () => {
    const events: CalendarEvent[] = [];
    for (const vevent of calendar.getAllSubcomponents("vevent")) {
      const uid = String(vevent.getFirstPropertyValue("uid") ?? "").trim();
      const dtstart = vevent.getFirstProperty("dtstart");
      if (!uid || !dtstart) continue;
      const startTime = dtstart.getFirstValue() as ICAL.Time;
      const tzid = (dtstart.getParameter("tzid") as string | undefined) ?? null;
      const recurrence = vevent.getFirstProperty("recurrence-id");
      const recurring = vevent.hasProperty("rrule") || vevent.hasProperty("rdate");
      const ics = recurring && !recurrence ? standalone(calendar, vevent) : null;
      events.push({
        uid: uid.slice(0, 500),
        recurrenceId: recurrence ? instant(recurrence.getFirstValue() as ICAL.Time, (recurrence.getParameter("tzid") as string | undefined) ?? null, ownerTimeZone) : null,
        sequence: Number(vevent.getFirstPropertyValue("sequence") ?? 0) || 0,
        start: instant(startTime, tzid, ownerTimeZone),
        title: String(vevent.getFirstPropertyValue("summary") ?? "").trim().slice(0, 200) || null,
        attendees: attendeesOf(vevent),
        recurring,
        ics: ics && ics.length <= MAX_STORED_ICS_CHARS ? ics : null,
        cancelled: method === "CANCEL" || String(vevent.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED",
      });
    }
    return { method: method as "REQUEST" | "CANCEL", events };
  });
}

/** Upper bound of the steps through a series: a daily one for ten years. */
const MAX_SERIES_STEPS = 4000;

function walk(ics: string, ownerTimeZone: string, visit: (at: number) => boolean): void {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  withZones(calendar, () => {
    const vevent = calendar.getFirstSubcomponent("vevent");
    if (!vevent) return;
    const tzid = (vevent.getFirstProperty("dtstart")?.getParameter("tzid") as string | undefined) ?? null;
    const iterator = new ICAL.Event(vevent).iterator();
    for (let next = iterator.next(), steps = 0; next && steps < MAX_SERIES_STEPS; next = iterator.next(), steps++) {
      if (!visit(instant(next, tzid, ownerTimeZone))) return;
    }
  });
}

/** The first occurrence of a series after `after` (not one changed on its own), or null when it has ended. */
export function nextOccurrence(ics: string, after: number, ownerTimeZone: string, skip: Set<number>): number | null {
  let found: number | null = null;
  walk(ics, ownerTimeZone, (at) => {
    if (at > after && !skip.has(at)) found = at;
    return found === null;
  });
  return found;
}

/**
 * The starts of a recurring series in (after, until], oldest first, at most MAX_OCCURRENCES_PER_RUN. EXDATEs
 * are honoured by ical.js; `skip` holds occurrences changed or cancelled on their own (RECURRENCE-ID).
 */
export function occurrencesBetween(ics: string, after: number, until: number, ownerTimeZone: string, skip: Set<number>): number[] {
  const out: number[] = [];
  walk(ics, ownerTimeZone, (at) => {
    if (at > until) return false;
    if (at > after && !skip.has(at)) out.push(at);
    return out.length < MAX_OCCURRENCES_PER_RUN;
  });
  return out;
}
