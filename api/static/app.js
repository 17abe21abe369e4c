// The timeline page: reads the filters from the URL, draws the events from the
// API, and loads an event's mentions on demand. Article text only ever reaches
// the DOM through textContent, never as HTML.
import { displayDate, groupOf } from "./dates.js";

const FILTERS = ["from", "to", "q"];
// Events come a page at a time, so a large store does not load whole into the
// page; `?limit=N` (1-500) in the URL changes the page size.
const DEFAULT_PAGE_SIZE = 200;

const form = document.getElementById("filters");
const statusLine = document.getElementById("status");
const list = document.getElementById("timeline");
const moreButton = document.getElementById("more");

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

// ---- filters <-> URL --------------------------------------------------------

function filtersFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of FILTERS) filters[name] = (params.get(name) || "").trim();
  return filters;
}

function filtersFromForm() {
  const filters = {};
  for (const name of FILTERS) filters[name] = form.elements[name].value.trim();
  return filters;
}

function queryString(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

function showFiltersInForm(filters) {
  for (const name of FILTERS) {
    form.elements[name].value = filters[name];
    form.elements[name].removeAttribute("aria-invalid");
  }
}

// The exports take the same from/to/q as the list, so a download is this view.
function updateExportLinks(filters) {
  for (const format of ["ics", "csv", "timelinejs"]) {
    const link = document.getElementById(`export-${format}`);
    link.href = `/api/v1/timeline?${queryString(filters, { format })}`;
  }
}

// ---- API -------------------------------------------------------------------

class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || "The request failed.");
    this.problem = problem;
  }
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError({ status: response.status, ...body });
  return body;
}

function pageSize() {
  const raw = Number(new URLSearchParams(window.location.search).get("limit"));
  return Number.isInteger(raw) && raw >= 1 && raw <= 500 ? raw : DEFAULT_PAGE_SIZE;
}

// One page of events: {data, next_url}.
async function fetchFirstPage(filters) {
  return getJson(`/api/v1/events?${queryString(filters, { limit: pageSize(), sort: "start" })}`);
}

async function fetchEvent(id) {
  const body = await getJson(`/api/v1/events/${encodeURIComponent(id)}`);
  return body.data && body.data.id ? body.data : body;
}

// ---- drawing ---------------------------------------------------------------

function eventDate(event) {
  return displayDate(event.start, event.end, event.grain, event.value);
}

// Each source is a link to its document in the API: its text, title, URL and
// how its reference date was found.
function drawSources(sources) {
  const label = sources.length === 1 ? "Source: " : `${sources.length} sources: `;
  const span = element("span", { className: "sources" }, label);
  sources.forEach((id, position) => {
    if (position) span.append(", ");
    span.append(element("a", { className: "source", href: `/api/v1/documents/${encodeURIComponent(id)}` }, id));
  });
  return span;
}

function drawEvent(event, index) {
  const panelId = `mentions-${index}`;
  const toggle = element("button", {
    type: "button", className: "event-toggle", "aria-expanded": "false",
    "aria-controls": panelId,
  }, event.headline || "(no headline)");
  toggle.addEventListener("click", () => toggleMentions(event, toggle, panel));

  const meta = element("p", { className: "event-meta" },
    element("span", { className: "event-date" }, eventDate(event)),
    " · ",
    element("span", { className: `category category-${(event.category || "other").replace(/\W+/g, "-")}` },
      event.category || "other"),
    " · ",
    drawSources(event.sources || []));

  const panel = element("div", { id: panelId, className: "mentions", hidden: true });
  return element("li", {
    className: "event", "data-event-id": event.id, "data-start": event.start || "",
    "data-end": event.end || "", "data-grain": event.grain,
  }, element("h3", { className: "event-headline" }, toggle), meta,
  event.summary ? element("p", { className: "event-summary" }, event.summary) : null, panel);
}

// What is on screen: the open day group (a next page may continue it), how many
// events are drawn, and the URL of the next page, if any.
let shown = { group: null, count: 0, next: null };

function clearTimeline() {
  list.replaceChildren();
  shown = { group: null, count: 0, next: null };
}

// Appends events (already in date order) to the timeline; returns the first new item.
function appendEvents(events) {
  let first = null;
  for (const event of events) {
    const group = groupOf(event);
    if (!shown.group || shown.group.key !== group.key) {
      const heading = group.datetime
        ? element("time", { datetime: group.datetime }, group.label)
        : element("span", {}, group.label);
      shown.group = { key: group.key, items: element("ol", { className: "events" }) };
      list.append(element("li", { className: "day", "data-group": group.key },
        element("h2", { className: "day-heading" }, heading), shown.group.items));
    }
    const item = drawEvent(event, shown.count);
    shown.group.items.append(item);
    shown.count += 1;
    first = first || item;
  }
  return first;
}

// A sentence with its time expressions in <mark> and its triggers in <strong>.
// Several mentions can share one sentence (two triggers, one time expression):
// the sentence is shown once with all of them. Spans are document offsets; the
// sentence starts at sentence_span[0].
function highlightedSentence(mentions) {
  const sentence = mentions[0].sentence || "";
  const offset = (mentions[0].sentence_span || [0])[0];
  const ranges = [];
  const seen = new Set();
  const addRange = (span, tag, label) => {
    if (!span) return;
    const start = span[0] - offset;
    const end = span[1] - offset;
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (start >= 0 && end <= sentence.length && start < end) ranges.push({ start, end, tag, label });
  };
  for (const mention of mentions) addRange(mention.time_span, "mark", "time");
  for (const mention of mentions) addRange(mention.trigger_span, "strong", "event");
  ranges.sort((a, b) => a.start - b.start || (a.tag === "mark" ? -1 : 1));
  const quote = element("blockquote", { className: "mention-sentence" });
  let at = 0;
  for (const range of ranges) {
    if (range.start < at) continue; // overlapping spans: keep the first
    quote.append(sentence.slice(at, range.start));
    quote.append(element(range.tag, { className: `span-${range.label}` }, sentence.slice(range.start, range.end)));
    at = range.end;
  }
  quote.append(sentence.slice(at));
  return quote;
}

// Mentions grouped by the sentence they come from, in the API's order.
function bySentence(mentions) {
  const groups = new Map();
  for (const mention of mentions) {
    const key = `${mention.document}\u0000${(mention.sentence_span || []).join(":")}\u0000${mention.sentence}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(mention);
  }
  return [...groups.values()];
}

function unique(values) {
  return [...new Set(values)];
}

function mentionMeta(group) {
  const dates = unique(group.map((m) => displayDate(m.start, m.end, m.grain, m.value)));
  const times = unique(group.map((m) => m.time_text).filter(Boolean));
  const how = times.length ? times.map((t) => `“${t}”`).join(", ") : "dated by the article’s date";
  return `${group[0].document} · ${dates.join(", ")} · ${how}`;
}

function drawMentions(event, panel) {
  const mentions = event.mentions || [];
  const groups = bySentence(mentions);
  let heading = `${mentions.length} ${mentions.length === 1 ? "mention" : "mentions"}`;
  if (groups.length !== mentions.length) {
    heading += ` in ${groups.length} ${groups.length === 1 ? "sentence" : "sentences"}`;
  }
  const items = groups.map((group) => element("li", { className: "mention" },
    highlightedSentence(group),
    element("p", { className: "mention-meta" }, mentionMeta(group))));
  panel.replaceChildren(element("h4", {}, heading), element("ul", { className: "mention-list" }, ...items));
}

async function toggleMentions(event, toggle, panel) {
  const opening = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(opening));
  panel.hidden = !opening;
  if (!opening || panel.dataset.loaded) return;
  panel.replaceChildren(element("p", { className: "loading" }, "Loading mentions…"));
  try {
    drawMentions(await fetchEvent(event.id), panel);
    panel.dataset.loaded = "true";
  } catch (error) {
    panel.replaceChildren(element("p", { className: "error" }, `Could not load the mentions: ${error.message}`));
  }
}

// ---- flow ------------------------------------------------------------------

function describe(filters, count, more) {
  const parts = [`${count} ${count === 1 ? "event" : "events"}`];
  if (filters.from && filters.to) parts.push(`from ${filters.from} to ${filters.to}`);
  else if (filters.from) parts.push(`from ${filters.from}`);
  else if (filters.to) parts.push(`up to ${filters.to}`);
  if (filters.q) parts.push(`matching “${filters.q}”`);
  return `${parts.join(" ")}${more ? "; more follow" : ""}.`;
}

function showProblem(error) {
  const problem = error.problem || {};
  const fields = Object.keys(problem.errors || {});
  for (const name of fields) {
    if (form.elements[name]) form.elements[name].setAttribute("aria-invalid", "true");
  }
  const details = fields.map((name) => `${name}: ${[].concat(problem.errors[name]).join(" ")}`);
  statusLine.textContent = [error.message, ...details].join(" ");
  statusLine.classList.add("error");
}

let generation = 0; // a newer load wins over a slower older one
let shownFilters = {};

function showPage(page) {
  const first = appendEvents(page.data || []);
  shown.next = page.next_url || null;
  moreButton.hidden = !shown.next;
  statusLine.textContent = describe(shownFilters, shown.count, Boolean(shown.next));
  return first;
}

async function load(filters) {
  const mine = ++generation;
  showFiltersInForm(filters);
  updateExportLinks(filters);
  statusLine.classList.remove("error");
  statusLine.textContent = "Loading events…";
  moreButton.hidden = true;
  document.body.setAttribute("aria-busy", "true");
  try {
    const page = await fetchFirstPage(filters);
    if (mine !== generation) return;
    clearTimeline();
    shownFilters = filters;
    showPage(page);
  } catch (error) {
    if (mine !== generation) return;
    clearTimeline();
    showProblem(error);
  } finally {
    if (mine === generation) {
      document.body.removeAttribute("aria-busy");
      document.body.dataset.ready = "true";
    }
  }
}

moreButton.addEventListener("click", async () => {
  const mine = generation;
  if (!shown.next) return;
  moreButton.disabled = true;
  document.body.setAttribute("aria-busy", "true");
  try {
    const page = await getJson(shown.next);
    if (mine !== generation) return;
    const first = showPage(page);
    // keyboard users continue at the first new event, not back at the top
    if (moreButton.hidden && first) first.querySelector(".event-toggle").focus();
  } catch (error) {
    if (mine === generation) showProblem(error);
  } finally {
    moreButton.disabled = false;
    if (mine === generation) document.body.removeAttribute("aria-busy");
  }
});

form.addEventListener("submit", (submitEvent) => {
  submitEvent.preventDefault();
  const filters = filtersFromForm();
  const limit = new URLSearchParams(window.location.search).get("limit"); // a chosen page size stays
  const query = queryString(filters, limit ? { limit } : {});
  window.history.pushState(filters, "", query ? `?${query}` : window.location.pathname);
  load(filters);
});

document.getElementById("clear").addEventListener("click", () => {
  window.history.pushState({}, "", window.location.pathname);
  load(filtersFromUrl());
  form.elements.from.focus();
});

window.addEventListener("popstate", () => load(filtersFromUrl()));

load(filtersFromUrl());
