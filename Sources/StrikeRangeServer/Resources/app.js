// StrikeRange page: the view (launch, weapons, regions…) lives in `state`, mirrored in the URL hash;
// every change recomputes through the JSON API (openapi.yaml). No network beyond this server.
"use strict";

const state = {
  launch: [], exclude: [], standoff: "", standoff_from: [], weapons: [], regions: [],
  tolerance: "10m", placement: "center", click: null, mode: "reach",
};
let catalog = [];
const $ = (id) => document.getElementById(id);

// ---- map and offline basemap ----
const map = L.map("map", { preferCanvas: true, worldCopyJump: true, attributionControl: true }).setView([50.5, 33], 5);
map.attributionControl.setPrefix("Natural Earth · GeoNames · Leaflet");
const basemapPane = map.createPane("basemap"); basemapPane.style.zIndex = 200;
const layers = {
  countries: null, admin1: null, places: L.layerGroup(),
  launch: L.layerGroup().addTo(map), envelopes: L.layerGroup().addTo(map), coverage: L.layerGroup().addTo(map),
  click: L.layerGroup().addTo(map), drawing: L.layerGroup().addTo(map),
};

async function loadBasemap() {
  const [countries, admin1, places] = await Promise.all(["countries", "admin1", "places"].map(
    (name) => fetch(`/api/basemap/${name}`).then((r) => r.json())));
  layers.countries = L.geoJSON(countries, { pane: "basemap", interactive: false,
    style: { color: "#8a8a8a", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
  layers.admin1 = L.geoJSON(admin1, { pane: "basemap", interactive: false,
    style: { color: "#b5b5b5", weight: 0.5, fill: false } });
  placeList = places.features.map((f) => ({ name: f.properties.name, population: f.properties.population,
    lat: f.geometry.coordinates[1], lon: f.geometry.coordinates[0] })).sort((a, b) => b.population - a.population);
  layers.places.addTo(map);
  updateBasemap();
}
let placeList = [];
// Labels for the largest places in view only (a few thousand permanent labels would stall the page).
function updateBasemap() {
  const z = map.getZoom();
  if (layers.admin1) { if (z >= 5) layers.admin1.addTo(map); else layers.admin1.remove(); }
  const minPopulation = z >= 8 ? 0 : z >= 7 ? 150000 : z >= 6 ? 300000 : z >= 5 ? 700000 : z >= 4 ? 2000000 : 6000000;
  const bounds = map.getBounds().pad(0.05);
  layers.places.clearLayers();
  const taken = [];
  for (const p of placeList) {
    if (taken.length >= 120) break;
    if (p.population < minPopulation || !bounds.contains([p.lat, p.lon])) continue;
    const at = map.latLngToContainerPoint([p.lat, p.lon]);
    if (taken.some((q) => Math.abs(q.x - at.x) < 70 && Math.abs(q.y - at.y) < 14)) continue;  // no overlapping labels
    taken.push(at);
    L.circleMarker([p.lat, p.lon], { radius: 2, color: "#444", weight: 1, fillOpacity: 1, interactive: false })
      .bindTooltip(p.name, { permanent: true, direction: "right", className: "place-label", offset: [3, 0] })
      .addTo(layers.places);
  }
}
map.on("moveend", updateBasemap);

// The legend sits on the map, where the envelopes are.
const legendControl = L.control({ position: "topright" });
legendControl.onAdd = () => { const div = L.DomUtil.create("div", "map-legend"); div.id = "map-legend"; div.hidden = true; return div; };
legendControl.addTo(map);

// ---- API ----
function viewBody(extra) {
  const body = { launch: state.launch, weapons: state.weapons, tolerance: state.tolerance, placement: state.placement };
  if (state.exclude.length) body.exclude = state.exclude;
  if (state.standoff.trim()) body.standoff = state.standoff.trim();
  if (state.standoff_from.length) body.standoff_from = state.standoff_from;
  if (state.regions.length) body.regions = state.regions;
  return Object.assign(body, extra || {});
}
async function api(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) {
    let message = `${response.status}`;
    try { const e = (await response.json()).error; message = (e.field ? e.field + ": " : "") + e.message; } catch (_) {}
    throw new Error(message);
  }
  return response;
}
function setStatus(text, kind) { const s = $("status"); s.textContent = text; s.className = kind || ""; }

// ---- state ⇄ URL ----
function saveState() {
  const copy = Object.assign({}, state);
  history.replaceState(null, "", "#view=" + encodeURIComponent(JSON.stringify(copy)));
}
function loadState() {
  const m = location.hash.match(/^#view=(.*)$/);
  if (!m) return;
  try { Object.assign(state, JSON.parse(decodeURIComponent(m[1]))); } catch (e) { setStatus("The address holds no readable view: " + e.message, "error"); }
}

// ---- rendering of the lists ----
function labelOf(entry) { return typeof entry === "string" ? entry : entry.name || "GeoJSON"; }
function chips(listId, list, onChange) {
  const ul = $(listId); ul.innerHTML = "";
  list.forEach((entry, i) => {
    const li = document.createElement("li"); li.textContent = labelOf(entry);
    const x = document.createElement("button"); x.type = "button"; x.textContent = "×"; x.title = "remove";
    x.onclick = () => { list.splice(i, 1); onChange(); };
    li.appendChild(x); ul.appendChild(li);
  });
}
function weaponById(id) { return catalog.find((w) => w.id === id); }
function renderLists() {
  chips("launch-list", state.launch, changed);
  chips("exclude-list", state.exclude, changed);
  chips("standoff-list", state.standoff_from, changed);
  chips("region-list", state.regions, changed);
  $("standoff").value = state.standoff; $("tolerance").value = state.tolerance; $("placement").value = state.placement;
  $("click-mode").value = state.mode;
  const ul = $("weapon-list"); ul.innerHTML = "";
  state.weapons.forEach((w, i) => {
    const li = document.createElement("li");
    const x = document.createElement("button"); x.type = "button"; x.className = "remove"; x.textContent = "×";
    x.onclick = () => { state.weapons.splice(i, 1); changed(); };
    if (w.id) {
      const entry = weaponById(w.id);
      const name = entry ? entry.name : w.id;
      const ranges = entry ? (entry.variants.map((v) => `${v.name} ${(v.range_m / 1000).toFixed(0)} km`).join(", ")) : "";
      li.innerHTML = `<b></b> <span class="r"></span>${w.spread ? " (spread)" : ""}`;
      li.querySelector("b").textContent = name; li.querySelector(".r").textContent = ranges;
      if (entry) {
        const src = document.createElement("div"); src.className = "sources";
        src.textContent = "Sources: " + entry.sources.join("; ") + (entry.note ? ` — ${entry.note}` : "");
        li.appendChild(src);
      }
    } else {
      li.textContent = `${w.name}: ${w.range}` + (w.min_range ? ` (min ${w.min_range})` : "");
    }
    li.insertBefore(x, li.firstChild);
    ul.appendChild(li);
  });
  const inline = $("inline-downloads"); inline.innerHTML = "";
  [["launch", state.launch], ["exclude", state.exclude], ["standoff-from", state.standoff_from]].forEach(([key, list]) => {
    list.forEach((entry, i) => {
      if (typeof entry === "string") return;
      const b = document.createElement("button"); b.type = "button"; b.textContent = `${key}-${i + 1}.geojson`;
      b.onclick = () => saveBlob(new Blob([JSON.stringify(entry.geojson)], { type: "application/geo+json" }), `${key}-${i + 1}.geojson`);
      inline.appendChild(b);
    });
  });
}

// ---- computing ----
let computeTimer = null, generation = 0;
function changed() { renderLists(); saveState(); clearTimeout(computeTimer); computeTimer = setTimeout(compute, 250); }

function styleOf(feature) {
  const p = feature.properties || {};
  return { color: p.stroke || "#333", weight: p["stroke-width"] || 1, fillColor: p.fill || p.stroke || "#333",
    fillOpacity: p["fill-opacity"] ?? 0.1, dashArray: p.line_style === "dashed" ? "6 4" : null };
}
async function compute() {
  const mine = ++generation;
  layers.envelopes.clearLayers(); layers.launch.clearLayers(); layers.coverage.clearLayers();
  $("legend").innerHTML = ""; $("coverage").innerHTML = ""; $("map-legend").hidden = true;
  if (!state.launch.length || !state.weapons.length) {
    setStatus(state.launch.length ? "Add a weapon." : "Add a launch area (search, click or draw).");
    if (state.click) clickReach();
    return;
  }
  setStatus("Computing envelopes…", "busy");
  const t0 = performance.now();
  try {
    const fc = await (await api("/api/envelope", viewBody())).json();
    if (mine !== generation) return;
    const envelopes = fc.features.filter((f) => f.properties.layer === "envelope");
    L.geoJSON({ type: "FeatureCollection", features: fc.features.filter((f) => f.properties.layer !== "envelope") },
      { style: styleOf, interactive: false }).addTo(layers.launch);
    L.geoJSON({ type: "FeatureCollection", features: envelopes }, { style: styleOf, interactive: false }).addTo(layers.envelopes);
    renderLegend(envelopes);
    setStatus(`${envelopes.length} envelope${envelopes.length === 1 ? "" : "s"} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    document.body.dataset.envelopes = String(envelopes.length);
  } catch (e) {
    if (mine === generation) setStatus(e.message, "error");
    return;
  }
  if (state.regions.length) coverage(mine);
  inRange(mine);
  if (state.click) clickReach();
}
// In-range counts of the view (the `inrange` survey): airfields, places and their population per weapon variant.
async function inRange(mine) {
  const out = $("inrange");
  out.textContent = "Counting places and airfields in range…";
  const query = new URLSearchParams();
  const country = $("inrange-country").value.trim(), population = $("inrange-population").value.trim();
  if (country) query.set("country", country);
  if (population) query.set("min_population", population);
  try {
    const report = await (await api("/api/inrange?" + query.toString(), viewBody())).json();
    if (mine !== generation) return;
    const all = (layer) => report.metadata.totals.find((t) => t.level === "all" && t.layer === layer) || { in_range: {}, population_in_range: {} };
    const airfields = all("airfields"), places = all("places");
    const rows = report.metadata.weapons.map((w) =>
      `<tr><td>${esc(w.label)}</td><td class="num">${(airfields.in_range[w.label] ?? 0).toLocaleString("en")}</td>` +
      `<td class="num">${(places.in_range[w.label] ?? 0).toLocaleString("en")}</td>` +
      `<td class="num">${((places.population_in_range || {})[w.label] ?? 0).toLocaleString("en")}</td></tr>`);
    out.innerHTML = `<table id="inrange-table"><tr><th>weapon</th><th>airfields</th><th>places</th><th>population</th></tr>${rows.join("")}</table>` +
      `<div class="hint">${esc(report.metadata.summary.join(" "))} ${esc(report.metadata.data.population || "")} ${esc(report.metadata.data.airfields_note || "")}</div>`;
  } catch (e) {
    if (mine === generation) out.textContent = e.message;
  }
}
function renderLegend(envelopes) {
  const div = $("legend"); div.innerHTML = "";
  const onMap = $("map-legend"); onMap.innerHTML = "<b>Range envelopes</b>"; onMap.hidden = !envelopes.length;
  for (const f of envelopes) {
    const p = f.properties;
    const item = document.createElement("div"); item.className = "legend-item";
    const sw = document.createElement("span"); sw.className = "swatch" + (p.line_style === "dashed" ? " dashed" : "");
    sw.style.borderColor = p.stroke; sw.style.background = p.fill + "40";
    item.appendChild(sw);
    item.appendChild(document.createTextNode(
      `${p.name}: ${Math.round(p.area_km2).toLocaleString("en")} km², achieved error ${p.achieved_error_m} m (tolerance ${p.tolerance_m} m, ${p.placement})`));
    div.appendChild(item);
    const copy = item.cloneNode(true);
    copy.lastChild.textContent = `${p.name} · ±${p.achieved_error_m} m`;
    onMap.appendChild(copy);
  }
  if (envelopes.length) {
    const note = document.createElement("div"); note.className = "hint";
    note.textContent = "± achieved error (certified bound), WGS84 geodesics"; onMap.appendChild(note);
  }
}
async function coverage(mine) {
  $("coverage").textContent = "Computing coverage…";
  try {
    const result = await (await api("/api/coverage", viewBody())).json();
    if (mine !== generation) return;
    L.geoJSON(result.layers, { style: styleOf, interactive: false }).addTo(layers.coverage);
    const rows = result.rows.map((r) => {
      const unit = r.measure === "area" ? "km²" : "km", scale = r.measure === "area" ? 1e6 : 1e3;
      return `<tr><td></td><td>${esc(r.weapon)} ${esc(r.variant)}</td><td class="num">${(r.in_range / scale).toLocaleString("en", { maximumFractionDigits: 0 })} ${unit}</td>` +
        `<td class="num">${r.percent.toFixed(1)} %</td><td>${esc(r.status)}</td><td class="num">${(r.nearest_m / 1000).toFixed(1)} / ${(r.farthest_m / 1000).toFixed(1)}</td></tr>`;
    });
    $("coverage").innerHTML = `<table><tr><th>region</th><th>weapon</th><th>in range</th><th></th><th>status</th><th>nearest / farthest km</th></tr>${rows.join("")}</table>`;
    $("coverage").querySelectorAll("tr td:first-child").forEach((td, i) => { td.textContent = result.rows[i].region; });
  } catch (e) {
    if (mine === generation) $("coverage").textContent = e.message;
  }
}
function esc(s) { return String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c])); }

async function clickReach() {
  layers.click.clearLayers();
  if (!state.click) return;
  const [lat, lon] = state.click;
  const marker = L.circleMarker([lat, lon], { radius: 6, color: "#000", weight: 2, fillColor: "#fff", fillOpacity: 1 }).addTo(layers.click);
  if (!state.launch.length || !state.weapons.length) {
    $("click-result").innerHTML = `<p class="hint">${lat.toFixed(4)}, ${lon.toFixed(4)}: add a launch area and a weapon to measure.</p>`;
    return;
  }
  $("click-result").textContent = "Measuring…";
  const reverse = state.mode === "reverse";
  try {
    const result = await (await api("/api/reach", viewBody({ targets: [`Clicked point=${lat.toFixed(6)},${lon.toFixed(6)}`], reverse }))).json();
    const first = result.rows[0];
    if (first) {
      L.polyline([[first.nearest_launch_lat, first.nearest_launch_lon], [lat, lon]], { color: "#000", weight: 1, dashArray: "3 3" }).addTo(layers.click);
    }
    if (reverse && result.reverse) L.geoJSON(result.reverse, { style: styleOf, interactive: false }).addTo(layers.click);
    const main = result.rows.filter((r) => r.variant === "nominal" || r.variant === "custom");
    if (main.length) {
      marker.bindTooltip(`${(main[0].distance_m / 1000).toFixed(1)} km from the launch area<br>` +
        main.map((r) => `${esc(r.weapon)}: ${esc(r.verdict.replaceAll("_", " "))} (margin ${(r.margin_m / 1000).toFixed(1)} km)`).join("<br>"),
        { permanent: true, direction: "right", offset: [8, 0] }).openTooltip();
    }
    const rows = result.rows.map((r) => `<tr><td>${esc(r.weapon)} ${esc(r.variant)}</td><td class="num distance">${(r.distance_m / 1000).toFixed(1)} km</td>` +
      `<td class="num">${(r.margin_m / 1000).toFixed(1)} km</td><td class="${esc(r.verdict)}">${esc(r.verdict.replaceAll("_", " "))}</td></tr>`);
    const reverseNote = reverse && result.reverse ? "<p class=\"hint\">Shaded: the part of the launch area within each weapon's range of this point.</p>" : "";
    $("click-result").innerHTML = `<p>${lat.toFixed(4)}, ${lon.toFixed(4)} from ${esc(result.launch)}</p>` +
      `<table id="reach-table"><tr><th>weapon</th><th>distance</th><th>margin</th><th>verdict</th></tr>${rows.join("")}</table>${reverseNote}`;
  } catch (e) {
    $("click-result").textContent = e.message;
  }
}

// ---- drawing ----
let drawing = null;  // {target: "launch"|"exclude", points: []}
function startDrawing(target) {
  drawing = { target, points: [] }; layers.drawing.clearLayers();
  $("draw-controls").hidden = false; $("draw-status").textContent = "Click the corners, then Finish.";
}
function stopDrawing() { drawing = null; layers.drawing.clearLayers(); $("draw-controls").hidden = true; }
$("draw-finish").onclick = () => {
  if (!drawing || drawing.points.length < 3) { $("draw-status").textContent = "A polygon needs 3 corners."; return; }
  const ring = drawing.points.map(([lat, lon]) => [Number(lon.toFixed(6)), Number(lat.toFixed(6))]);
  ring.push(ring[0]);
  const list = drawing.target === "exclude" ? state.exclude : state.launch;
  list.push({ geojson: { type: "Polygon", coordinates: [ring] }, name: `drawn ${drawing.target === "exclude" ? "exclusion" : "area"} ${list.length + 1}` });
  stopDrawing(); state.mode = "reach"; changed();
};
$("draw-cancel").onclick = () => { stopDrawing(); state.mode = "reach"; renderLists(); };

map.on("click", (e) => {
  const lat = e.latlng.lat, lon = L.Util.wrapNum(e.latlng.lng, [-180, 180], true);
  if (state.mode === "launch") {
    state.launch.push(`${lat.toFixed(5)},${lon.toFixed(5)}`); changed(); return;
  }
  if (state.mode === "draw" || state.mode === "exclude-draw") {
    if (!drawing) startDrawing(state.mode === "draw" ? "launch" : "exclude");
    drawing.points.push([lat, lon]);
    layers.drawing.clearLayers();
    L.polygon(drawing.points, { color: "#333", dashArray: "4 3", fillOpacity: 0.1 }).addTo(layers.drawing);
    $("draw-status").textContent = `${drawing.points.length} corner${drawing.points.length === 1 ? "" : "s"}.`;
    return;
  }
  state.click = [lat, lon]; saveState(); clickReach();
});

// ---- controls ----
$("click-mode").onchange = (e) => {
  state.mode = e.target.value; stopDrawing();
  if (state.mode === "draw" || state.mode === "exclude-draw") startDrawing(state.mode === "draw" ? "launch" : "exclude");
  saveState(); if (state.click && (state.mode === "reach" || state.mode === "reverse")) clickReach();
};
$("standoff").onchange = (e) => { state.standoff = e.target.value; changed(); };
$("tolerance").onchange = (e) => { state.tolerance = e.target.value; changed(); };
$("placement").onchange = (e) => { state.placement = e.target.value; changed(); };
$("weapon-add").onclick = () => {
  const id = $("weapon-select").value; if (!id) return;
  state.weapons = state.weapons.filter((w) => w.id !== id);
  state.weapons.push({ id, spread: $("weapon-spread").checked }); changed();
};
$("custom-add").onclick = () => {
  const range = $("custom-range").value.trim(); if (!range) return;
  const w = { name: `custom ${range}`, range };
  const min = $("custom-min").value.trim(); if (min) w.min_range = min;
  state.weapons.push(w); changed();
};
$("upload").onchange = async (e) => {
  const file = e.target.files[0]; if (!file) return;
  try {
    const geojson = JSON.parse(await file.text());
    state.launch.push({ geojson, name: file.name }); changed();
  } catch (err) { setStatus(`${file.name}: not JSON (${err.message})`, "error"); }
  e.target.value = "";
};
$("search-form").onsubmit = async (e) => {
  e.preventDefault();
  const q = $("search").value.trim(); if (!q) return;
  const out = $("search-results"); out.textContent = "Searching…";
  if (/^-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?$/.test(q)) { renderResults([{ kind: "point", label: q, specifier: q, description: "coordinates (lat,lon)" }], []); return; }
  try {
    const r = await (await fetch(`/api/lookup?q=${encodeURIComponent(q)}&limit=6`)).json();
    if (r.error) throw new Error(r.error.message);
    renderResults(r.results, r.suggestions);
  } catch (err) { out.textContent = err.message; }
};
function renderResults(results, suggestions) {
  const out = $("search-results"); out.innerHTML = "";
  if (!results.length) {
    out.textContent = "Nothing found." + (suggestions.length ? " Did you mean: " + suggestions.join(", ") + "?" : "");
    return;
  }
  for (const r of results) {
    const div = document.createElement("div"); div.className = "result";
    const title = document.createElement("div"); title.textContent = r.label + " "; 
    const kind = document.createElement("span"); kind.className = "kind"; kind.textContent = r.kind; title.appendChild(kind);
    div.appendChild(title);
    const actions = [["launch", "+ launch", state.launch], ["exclude", "+ exclude", state.exclude],
      ["standoff", "+ standoff from", state.standoff_from], ["region", "+ coverage", state.regions]];
    for (const [what, text, list] of actions) {
      if (what === "region" && !(r.kind === "region" || r.kind === "country" || r.kind === "border")) continue;
      const b = document.createElement("button"); b.type = "button"; b.textContent = text; b.dataset.action = what;
      b.onclick = () => { if (!list.includes(r.specifier)) list.push(r.specifier); changed(); };
      div.appendChild(b);
    }
    if (r.lat != null) {
      const b = document.createElement("button"); b.type = "button"; b.textContent = "measure"; b.dataset.action = "measure";
      b.onclick = () => { state.click = [r.lat, r.lon]; map.panTo([r.lat, r.lon]); saveState(); clickReach(); };
      div.appendChild(b);
    }
    out.appendChild(div);
  }
}
function saveBlob(blob, name) {
  const a = document.createElement("a"); a.href = URL.createObjectURL(blob); a.download = name;
  document.body.appendChild(a); a.click(); setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}
document.querySelectorAll("[data-download]").forEach((b) => {
  b.onclick = async () => {
    const kind = b.dataset.download;
    const [path, name] = {
      scenario: ["/api/scenario", "scenario.yaml"], geojson: ["/api/layers?format=geojson", "layers.geojson"],
      kml: ["/api/layers?format=kml", "layers.kml"], gpkg: ["/api/layers?format=gpkg", "layers.gpkg"], svg: ["/api/map?format=svg", "map.svg"], png: ["/api/map?format=png", "map.png"],
    }[kind];
    const targets = state.click ? { targets: [`Clicked point=${state.click[0].toFixed(6)},${state.click[1].toFixed(6)}`] } : {};
    setStatus(`Preparing ${name}…`, "busy");
    try { saveBlob(await (await api(path, viewBody(targets))).blob(), name); setStatus(`${name} downloaded.`); }
    catch (e) { setStatus(e.message, "error"); }
  };
});

async function start() {
  loadState();
  try {
    const [weapons, health] = await Promise.all([fetch("/api/weapons").then((r) => r.json()), fetch("/api/health").then((r) => r.json())]);
    catalog = weapons.weapons; $("version").textContent = health.version;
    const select = $("weapon-select");
    for (const w of catalog) {
      const o = document.createElement("option"); o.value = w.id;
      o.textContent = `${w.name} — ${(w.range_m / 1000).toFixed(0)} km`; select.appendChild(o);
    }
  } catch (e) { setStatus("Cannot reach the server: " + e.message, "error"); }
  renderLists();
  loadBasemap().catch((e) => setStatus("Basemap: " + e.message, "error"));
  compute();
}
window.strikerange = { state, map, changed };
start();
// The in-range filters recount without recomputing the envelopes.
["inrange-country", "inrange-population"].forEach((id) => $(id).addEventListener("change", () => {
  if (state.launch.length && state.weapons.length) inRange(generation);
}));
