// The workbench: filters, map, timeline brush, event panel with evidence, review queue, downloads.
"use strict";

const COLOURS = {
  "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e", "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c", "Riots": "#8c564b", "Strategic developments": "#1f77b4",
};
const FIELD_ORDER = ["trigger", "actor1", "actor2", "place", "date", "fatalities", "attribution"];
const EDITABLE = ["event_type", "sub_event_type", "actor1", "actor2", "event_date", "location", "fatalities"];
const state = { meta: null, types: new Set(), brush: null, selected: null, fitted: false };
const $ = (selector) => document.querySelector(selector);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

function headers(extra = {}) {
  const token = localStorage.getItem("eventwire-token") || "";
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: headers(options.headers || {}) });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try { message = (await response.json()).error.message; } catch (_) { /* not our error shape */ }
    throw new Error(message);
  }
  return response;
}

function filterParams({ withDates = true } = {}) {
  const form = new FormData($("#filters"));
  const params = new URLSearchParams();
  for (const name of ["country", "actor", "q", "status"]) {
    const value = (form.get(name) || "").trim();
    if (value) params.set(name, value);
  }
  if (withDates) {
    if (form.get("start")) params.set("start", form.get("start"));
    if (form.get("end")) params.set("end", form.get("end"));
  }
  const all = state.meta.event_types;
  if (state.types.size && state.types.size < all.length) for (const t of state.types) params.append("event_type", t);
  if (state.types.size === 0) params.append("event_type", "(none)");
  return params;
}

async function refresh() {
  try {
    const data = await (await api("/events/points?" + filterParams())).json();
    const points = data.points.map(([id, lon, lat, type, date, status]) => ({ id, lon, lat, type, date, status }));
    map.setPoints(points);
    if (!state.fitted && points.length) { map.fit(points, 12); state.fitted = true; }
    const shown = data.capped ? `${points.length} of ${data.total}` : `${data.total}`;
    $("#map-status").textContent = `${shown} event(s)` + (data.total > points.length && !data.capped
      ? ` (${data.total - points.length} without coordinates)` : "");
    $("#map-status").dataset.total = data.total;
    await Promise.all([drawTimeline(), loadQueue()]);
  } catch (error) {
    $("#map-status").textContent = `Could not load events: ${error.message}`;
  }
}

// ---- timeline with a brush -------------------------------------------------------------------------
const DAY = 86400000;
async function drawTimeline() {
  const stats = await (await api("/stats?" + filterParams({ withDates: false }))).json();
  const svg = $("#timeline");
  svg.textContent = "";
  const byDay = new Map();
  for (const row of stats.by_day) byDay.set(row.day, (byDay.get(row.day) || 0) + row.count);
  const days = [...byDay.keys()].sort();
  if (!days.length) return;
  const first = Date.parse(days[0]) - DAY, last = Date.parse(days[days.length - 1]) + DAY;
  const width = svg.getBoundingClientRect().width || 800, height = 90, pad = 16;
  const x = (t) => pad + ((t - first) / (last - first)) * (width - 2 * pad);
  const peak = Math.max(...byDay.values());
  const barWidth = Math.max(2, Math.min(30, (width - 2 * pad) / ((last - first) / DAY) - 1));
  const ns = "http://www.w3.org/2000/svg";
  for (const [day, count] of byDay) {
    const bar = document.createElementNS(ns, "rect");
    const h = (count / peak) * (height - 2 * pad);
    bar.setAttribute("class", "bar");
    bar.setAttribute("x", x(Date.parse(day)) - barWidth / 2);
    bar.setAttribute("y", height - pad - h);
    bar.setAttribute("width", barWidth);
    bar.setAttribute("height", h);
    const title = document.createElementNS(ns, "title");
    title.textContent = `${day}: ${count} event(s)`;
    bar.appendChild(title);
    svg.appendChild(bar);
  }
  for (const [t, anchor] of [[first + DAY, "start"], [last - DAY, "end"]]) {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", x(t)); label.setAttribute("y", height - 3); label.setAttribute("text-anchor", anchor);
    label.textContent = new Date(t).toISOString().slice(0, 10);
    svg.appendChild(label);
  }
  const brush = document.createElementNS(ns, "rect");
  brush.setAttribute("class", "brush");
  brush.setAttribute("y", 2); brush.setAttribute("height", height - pad);
  svg.appendChild(brush);
  const toDate = (px) => new Date(first + ((px - pad) / (width - 2 * pad)) * (last - first));
  const show = (a, b) => { brush.setAttribute("x", Math.min(a, b)); brush.setAttribute("width", Math.abs(b - a)); };
  if (state.brush) show(state.brush[0], state.brush[1]);
  svg.onpointerdown = (e) => {
    const left = svg.getBoundingClientRect().left, from = e.clientX - left;
    svg.setPointerCapture(e.pointerId);
    svg.onpointermove = (m) => show(from, m.clientX - left);
    svg.onpointerup = (u) => {
      svg.onpointermove = svg.onpointerup = null;
      const to = u.clientX - left;
      const form = $("#filters");
      if (Math.abs(to - from) < 3) {
        state.brush = null; form.start.value = ""; form.end.value = "";
      } else {
        state.brush = [Math.min(from, to), Math.max(from, to)];
        form.start.value = toDate(state.brush[0]).toISOString().slice(0, 10);
        form.end.value = toDate(state.brush[1]).toISOString().slice(0, 10);
      }
      refresh();
    };
  };
}

// ---- event panel -------------------------------------------------------------------------------
function highlighted(sentence, offset, fields) {
  const marks = fields.filter((f) => f.field !== "sentence")
    .map((f) => ({ ...f, start: f.start - offset, end: f.end - offset }))
    .filter((f) => f.start >= 0 && f.end <= sentence.length)
    .sort((a, b) => a.start - b.start || FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  const node = el("blockquote", { class: "evidence" });
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue; // overlapping spans: the first one wins
    node.append(sentence.slice(at, mark.start));
    node.append(el("mark", { class: `f-${mark.field}`, title: mark.field }, sentence.slice(mark.start, mark.end)));
    at = mark.end;
  }
  node.append(sentence.slice(at));
  return node;
}

function showMessage(panel, text) {
  panel.querySelector(".message")?.remove();
  panel.append(el("p", { class: "message", role: "alert" }, text));
}

async function openEvent(id) {
  state.selected = id;
  selectTab("event");
  const panel = $("#event-panel");
  try {
    renderEvent(await (await api(`/events/${encodeURIComponent(id)}`)).json());
  } catch (error) {
    panel.textContent = "";
    showMessage(panel, `Could not load the event: ${error.message}`);
  }
}

function renderEvent(detail) {
  const panel = $("#event-panel");
  const e = detail.event, source = detail.sources[0] || {};
  panel.textContent = "";
  panel.dataset.eventId = e.event_id;
  const place = [e.location, e.admin1, e.country].filter(Boolean).join(", ");
  panel.append(
    el("h2", {}, el("span", { class: "swatch", style: `background:${COLOURS[e.event_type] || "#777"}` }),
       e.sub_event_type || e.event_type),
    el("p", {}, el("span", { class: `status ${e.review_status}`, id: "event-status" }, e.review_status),
       ` ${e.event_type} · confidence ${(e.confidence || 0).toFixed(2)}`),
    highlighted(detail.evidence.sentence, detail.evidence.offset, detail.evidence.fields),
  );
  const rows = [["Date", `${e.event_date || "unknown"} (precision ${e.time_precision})`], ["Actor 1", e.actor1],
    ["Actor 2", e.actor2], ["Place", `${place} (precision ${e.geo_precision})`], ["Fatalities", e.fatalities],
    ["According to", e.attribution ? e.attribution.source : ""], ["Interaction", e.interaction]];
  panel.append(el("dl", { class: "fields" }, ...rows.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, `${v ?? ""}`)])));
  const link = source.url ? el("a", { href: source.url, target: "_blank", rel: "noopener" }, source.title || source.url)
    : el("span", {}, source.title || source.origin || "");
  panel.append(el("p", {}, "Source: ", link, source.outlet ? ` — ${source.outlet}` : "",
                  source.published ? ` (${source.published})` : ""));
  if (detail.sources.length > 1) {
    panel.append(el("p", { id: "other-sources" }, `Also reported by ${detail.sources.length - 1} other source(s): `,
      ...detail.sources.slice(1).flatMap((s, i) => [i ? ", " : "", s.url
        ? el("a", { href: s.url, target: "_blank", rel: "noopener" }, s.outlet || s.title || s.url)
        : (s.outlet || s.title || s.origin)])));
  }
  panel.append(el("div", { class: "review" },
    el("button", { type: "button", id: "accept", onclick: () => review(e.event_id, "accept") }, "Accept"),
    el("button", { type: "button", id: "reject", onclick: () => review(e.event_id, "reject") }, "Reject"),
    el("button", { type: "button", id: "edit", onclick: () => editForm(e) }, "Edit…")));
  if (detail.history.length) {
    panel.append(el("h3", {}, "Review history"), el("ul", { class: "history" }, ...detail.history.map((h) =>
      el("li", {}, `${h.at} ${h.reviewer}: ${h.action} ${JSON.stringify(h.before)} → ${JSON.stringify(h.after)}`))));
  }
}

function editForm(e) {
  const panel = $("#event-panel");
  panel.querySelector("form.edit")?.remove();
  const form = el("form", { class: "edit" });
  for (const name of EDITABLE) {
    let input;
    if (name === "sub_event_type") {
      input = el("select", { name }, ...Object.keys(state.meta.sub_event_types).map((s) =>
        el("option", s === e[name] ? { selected: "" } : {}, s)));
    } else if (name === "event_type") {
      continue; // follows from the sub-event type
    } else {
      input = el("input", { name, value: e[name] ?? "", type: name === "fatalities" ? "number" : name ===
        "event_date" ? "date" : "text", min: "0" });
    }
    form.append(el("label", { for: name }, name.replace("_", " ")), input);
  }
  form.append(el("span"), el("button", { type: "submit" }, "Save"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const fields = {};
    for (const [name, value] of new FormData(form)) {
      const typed = name === "fatalities" ? Number(value) : value;
      if (`${e[name] ?? ""}` !== `${typed}`) fields[name] = typed;
    }
    if (fields.sub_event_type) fields.event_type = state.meta.sub_event_types[fields.sub_event_type];
    review(e.event_id, "edit", fields);
  });
  panel.append(form);
}

async function review(id, action, fields = {}) {
  try {
    const response = await api(`/events/${encodeURIComponent(id)}/review`, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ action, fields }),
    });
    renderEvent(await response.json());
    refresh();
  } catch (error) {
    showMessage($("#event-panel"), `Review not saved: ${error.message}`);
  }
}

// ---- review queue and cluster lists --------------------------------------------------------------
function listItem(e) {
  return el("div", { class: "queue-item", "data-id": e.event_id, onclick: () => openEvent(e.event_id) },
    el("span", { class: "swatch", style: `background:${COLOURS[e.event_type] || "#777"}` }),
    `${e.event_date || "undated"} · ${e.sub_event_type} · ${e.location || "?"}`, el("br"),
    el("small", {}, `${e.actor1 || "?"} vs ${e.actor2 || "—"}`));
}

async function loadQueue() {
  const params = filterParams();
  params.set("status", "pending");
  params.set("limit", "50");
  const data = await (await api("/events?" + params)).json();
  $("#queue-count").textContent = `(${data.total})`;
  const panel = $("#queue-panel");
  panel.textContent = "";
  panel.append(el("p", { class: "hint" }, `${data.total} event(s) wait for review; newest first.`),
               ...data.events.map(listItem));
}

async function showCluster(items) {
  selectTab("event");
  const panel = $("#event-panel");
  panel.textContent = "";
  panel.append(el("p", { class: "hint" }, `${items.length} events at this place:`));
  for (const item of items.slice(0, 100)) {
    panel.append(el("div", { class: "queue-item", "data-id": item.id, onclick: () => openEvent(item.id) },
      el("span", { class: "swatch", style: `background:${COLOURS[item.type] || "#777"}` }),
      `${item.date || "undated"} · ${item.type}`));
  }
}

function selectTab(name) {
  $("#tab-event").classList.toggle("active", name === "event");
  $("#tab-queue").classList.toggle("active", name === "queue");
  $("#event-panel").hidden = name !== "event";
  $("#queue-panel").hidden = name !== "queue";
}

async function download(format) {
  try {
    const blob = await (await api(`/events/download?format=${format}&` + filterParams())).blob();
    const link = el("a", { href: URL.createObjectURL(blob), download: `eventwire-events.${format}` });
    document.body.append(link); link.click(); link.remove();
  } catch (error) {
    $("#map-status").textContent = `Download failed: ${error.message}`;
  }
}

// ---- start -----------------------------------------------------------------------------------
const map = new window.EventMap($("#map"), {
  onSelect: openEvent, onCluster: showCluster, colourOf: (type) => COLOURS[type] || "#777",
});

async function start() {
  $("#token").value = localStorage.getItem("eventwire-token") || "";
  $("#token").addEventListener("change", (e) => localStorage.setItem("eventwire-token", e.target.value.trim()));
  try {
    state.meta = await (await api("/meta")).json();
  } catch (error) {
    $("#map-status").textContent = `Cannot reach the API: ${error.message}`;
    return;
  }
  $("#credits").textContent = state.meta.credits.join(" · ") + ` · eventwire ${state.meta.version}`;
  for (const type of state.meta.event_types) {
    state.types.add(type);
    const box = el("input", { type: "checkbox", checked: "", value: type, name: "event_type" });
    box.addEventListener("change", () => { box.checked ? state.types.add(type) : state.types.delete(type); refresh(); });
    $("#types").append(el("label", {}, box, el("span", { class: "swatch", style: `background:${COLOURS[type]}` }), type));
  }
  let timer = null;
  $("#filters").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(refresh, 300); });
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("#clear-filters").addEventListener("click", () => { $("#filters").reset(); state.brush = null; refresh(); });
  $("#tab-event").addEventListener("click", () => selectTab("event"));
  $("#tab-queue").addEventListener("click", () => selectTab("queue"));
  $("#zoom-in").addEventListener("click", () => map.zoom(1.5));
  $("#zoom-out").addEventListener("click", () => map.zoom(1 / 1.5));
  $("#zoom-fit").addEventListener("click", () => map.fit(map.points));
  for (const button of document.querySelectorAll("#downloads button")) {
    button.addEventListener("click", () => download(button.dataset.format));
  }
  const [outlines] = await Promise.all([(await api("/outlines")).json(), refresh()]);
  map.setOutlines(outlines, new Set());
}

start();
