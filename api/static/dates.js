// Grain-aware date phrases, the same rules as api/exports.py `display_date`
// (tests/web/test_browser.py checks both give the same text).

const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"];
const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
  "Oct", "Nov", "Dec"];
const SEASONS = { SP: "spring", SU: "summer", FA: "autumn", AU: "autumn", WI: "winter" };
const SEASON_OF_MONTH = { 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU",
  9: "FA", 10: "FA", 11: "FA", 12: "WI", 1: "WI", 2: "WI" };
const PARTS_OF_DAY = { MO: "morning", MI: "midday", AF: "afternoon", EV: "evening",
  NI: "night", DT: "daytime" };
const DASH = "\u2013";

// Calendar dates as plain {year, month, day}: no Date objects, so no time zones.
export function parseIsoDate(text) {
  if (!text) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function sameDay(a, b) {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

function day(d) {
  return `${d.day} ${MONTHS_SHORT[d.month - 1]} ${d.year}`;
}

function dayRange(start, end) {
  if (sameDay(start, end)) return day(start);
  if (start.year !== end.year) return `${day(start)} ${DASH} ${day(end)}`;
  if (start.month !== end.month) {
    return `${start.day} ${MONTHS_SHORT[start.month - 1]} ${DASH} ${day(end)}`;
  }
  return `${start.day}${DASH}${end.day} ${MONTHS_SHORT[end.month - 1]} ${end.year}`;
}

// A vague window is named by its width, so "in recent months" (six months
// wide) does not read as "recent days": [at most this many days, unit].
const VAGUE_UNITS = [[14, "days"], [62, "weeks"], [730, "months"]];

function dayNumber(d) {
  return Date.UTC(d.year, d.month - 1, d.day) / 86400000;
}

function vagueUnit(start, end) {
  const width = dayNumber(end) - dayNumber(start) + 1;
  for (const [most, unit] of VAGUE_UNITS) if (width <= most) return unit;
  return "years";
}

function ordinal(n) {
  if (n % 100 >= 11 && n % 100 <= 13) return `${n}th`;
  return n + ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] || "th");
}

function season(start, end, value) {
  const match = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(value || "");
  const code = match ? match[2] : SEASON_OF_MONTH[start.month];
  if (code === "WI" && start.year !== end.year) {
    return `${SEASONS[code]} ${start.year}${DASH}${String(end.year).slice(-2)}`;
  }
  return `${SEASONS[code]} ${start.year}`;
}

export function displayDate(startText, endText, grain, value) {
  const start = parseIsoDate(startText);
  const end = parseIsoDate(endText);
  if (!start && !end) return "undated";
  if (!end) return `since ${day(start)}`;
  if (!start) return `until ${day(end)}`;
  if (grain === "vague") {
    if (value === "PAST_REF") return `recent ${vagueUnit(start, end)} up to ${day(end)}`;
    if (value === "FUTURE_REF") return `coming ${vagueUnit(start, end)} from ${day(start)}`;
    if (value === "PRESENT_REF") return `around ${day(end)}`;
    return `about ${dayRange(start, end)}`;
  }
  if (grain === "night") return `night of ${dayRange(start, end)}`;
  if (grain === "time" && sameDay(start, end)) {
    const match = /T(\d{2}:\d{2})/.exec(value || "");
    return match ? `${day(start)}, ${match[1]}` : day(start);
  }
  if (grain === "part-of-day" && sameDay(start, end)) {
    const match = /T(MO|MI|AF|EV|NI|DT)$/.exec(value || "");
    return match ? `${PARTS_OF_DAY[match[1]]} of ${day(start)}` : day(start);
  }
  if (grain === "week") return `week of ${day(start)}`;
  if (grain === "month") {
    if (start.year === end.year && start.month === end.month) {
      return `${MONTHS[start.month - 1]} ${start.year}`;
    }
    return `${MONTHS[start.month - 1]} ${start.year} ${DASH} ${MONTHS[end.month - 1]} ${end.year}`;
  }
  if (grain === "season") return season(start, end, value);
  if (grain === "quarter") return `Q${Math.floor((start.month - 1) / 3) + 1} ${start.year}`;
  if (grain === "year") {
    return start.year === end.year ? String(start.year) : `${start.year}${DASH}${end.year}`;
  }
  if (grain === "decade") return `the ${Math.floor(start.year / 10) * 10}s`;
  if (grain === "century") return `the ${ordinal(Math.floor(start.year / 100) + 1)} century`;
  return dayRange(start, end);
}

// Grains fine enough to file an event under the day it starts; coarser ones
// ("spring 2023", "the 1990s") are filed under their own phrase instead.
const DAY_GRAINS = new Set(["time", "part-of-day", "night", "day"]);

export function groupOf(event) {
  const start = parseIsoDate(event.start);
  if (start && DAY_GRAINS.has(event.grain)) {
    const weekday = new Date(Date.UTC(start.year, start.month - 1, start.day))
      .toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
    return { key: event.start, label: `${weekday} ${day(start)}`, datetime: event.start };
  }
  const label = displayDate(event.start, event.end, event.grain, event.value);
  return { key: `${event.grain}:${label}`, label, datetime: null };
}
