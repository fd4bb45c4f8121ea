// A small offline SVG map: Mercator projection, country outlines, pan and zoom, markers clustered on screen.
// No tiles, no CDN: the outlines come from the server (/outlines).
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const MAX_LAT = 85;

function project(lon, lat) {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const y = Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * (180 / Math.PI);
  return [lon, -y];
}

function ringPath(ring) {
  let d = "";
  ring.forEach(([lon, lat], i) => {
    const [x, y] = project(lon, lat);
    d += (i ? "L" : "M") + x.toFixed(2) + "," + y.toFixed(2);
  });
  return d + "Z";
}

function geometryPath(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings.map(ringPath).join("")).join("");
}

// Where to write a country's name: the centre of the bounding box of its largest polygon's outer ring.
function labelPoint(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = null, bestArea = -1;
  for (const rings of polygons) {
    const lons = rings[0].map((p) => p[0]), lats = rings[0].map((p) => p[1]);
    const box = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    const area = (box[2] - box[0]) * (box[3] - box[1]);
    if (area > bestArea) { bestArea = area; best = box; }
  }
  return [(best[0] + best[2]) / 2, (best[1] + best[3]) / 2];
}

class EventMap {
  constructor(svg, { onSelect, onCluster, colourOf }) {
    this.svg = svg;
    this.countries = svg.querySelector("#countries");
    this.markers = svg.querySelector("#markers");
    this.labels = document.createElementNS(SVG_NS, "g");
    this.labels.setAttribute("id", "labels");
    svg.insertBefore(this.labels, this.markers);
    this.labelPoints = [];
    this.onSelect = onSelect;
    this.onCluster = onCluster;
    this.colourOf = colourOf;
    this.points = [];
    this.selected = null;
    this.view = { x: 0, y: -20, scale: 3 }; // centre in projected units; pixels per unit
    this.bindEvents();
  }

  size() {
    const box = this.svg.getBoundingClientRect();
    return [box.width || 800, box.height || 500];
  }

  setOutlines(collection, focusCodes) {
    this.countries.textContent = "";
    this.labelPoints = collection.features.map((f) => ({ name: f.properties.name, at: labelPoint(f.geometry) }));
    for (const feature of collection.features) {
      const path = document.createElementNS(SVG_NS, "path");
      path.setAttribute("d", geometryPath(feature.geometry));
      path.dataset.code = feature.id;
      if (focusCodes && focusCodes.has(feature.id)) path.classList.add("focus");
      const title = document.createElementNS(SVG_NS, "title");
      title.textContent = feature.properties.name;
      path.appendChild(title);
      this.countries.appendChild(path);
    }
    this.render();
  }

  markFocus(codes) {
    for (const path of this.countries.children) path.classList.toggle("focus", codes.has(path.dataset.code));
  }

  setPoints(points) {
    this.points = points;
    this.render();
  }

  fit(points, minSpan = 8) {
    const [width, height] = this.size();
    if (!points.length) {
      this.view = { x: 20, y: -25, scale: Math.min(width / 360, height / 180) * 1.1 };
      return this.render();
    }
    const xs = [], ys = [];
    for (const p of points) {
      const [x, y] = project(p.lon, p.lat);
      xs.push(x); ys.push(y);
    }
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const spanX = Math.max(x1 - x0, minSpan), spanY = Math.max(y1 - y0, minSpan);
    this.view = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, scale: Math.min(width / spanX, height / spanY) * 0.8 };
    this.render();
  }

  toScreen(x, y) {
    const [width, height] = this.size();
    return [(x - this.view.x) * this.view.scale + width / 2, (y - this.view.y) * this.view.scale + height / 2];
  }

  zoom(factor, cx, cy) {
    const [width, height] = this.size();
    const px = cx ?? width / 2, py = cy ?? height / 2;
    const ux = this.view.x + (px - width / 2) / this.view.scale;
    const uy = this.view.y + (py - height / 2) / this.view.scale;
    const scale = Math.max(1, Math.min(5000, this.view.scale * factor));
    this.view = { x: ux - (px - width / 2) / scale, y: uy - (py - height / 2) / scale, scale };
    this.render();
  }

  bindEvents() {
    let drag = null;
    this.svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      const box = this.svg.getBoundingClientRect();
      this.zoom(e.deltaY < 0 ? 1.25 : 0.8, e.clientX - box.left, e.clientY - box.top);
    }, { passive: false });
    this.svg.addEventListener("pointerdown", (e) => {
      if (e.target.closest(".marker")) return;
      drag = { x: e.clientX, y: e.clientY, view: { ...this.view } };
      this.svg.classList.add("dragging");
    });
    window.addEventListener("pointermove", (e) => {
      if (!drag) return;
      this.view = { ...drag.view, x: drag.view.x - (e.clientX - drag.x) / drag.view.scale,
                    y: drag.view.y - (e.clientY - drag.y) / drag.view.scale };
      this.render();
    });
    window.addEventListener("pointerup", () => { drag = null; this.svg.classList.remove("dragging"); });
    window.addEventListener("resize", () => this.render());
  }

  render() {
    const [width, height] = this.size();
    const { x, y, scale } = this.view;
    this.countries.setAttribute("transform",
      `translate(${width / 2 - x * scale},${height / 2 - y * scale}) scale(${scale})`);
    this.renderLabels();
    this.renderMarkers();
  }

  renderLabels() {
    this.labels.textContent = "";
    if (this.view.scale < 4) return; // a world view stays uncluttered
    const [width, height] = this.size();
    for (const { name, at } of this.labelPoints) {
      const [x, y] = this.toScreen(...project(at[0], at[1]));
      if (x < 0 || y < 0 || x > width || y > height) continue;
      const text = document.createElementNS(SVG_NS, "text");
      text.setAttribute("x", x.toFixed(1));
      text.setAttribute("y", y.toFixed(1));
      text.setAttribute("class", "country-label");
      text.textContent = name;
      this.labels.appendChild(text);
    }
  }

  // Greedy clustering in screen space: a point joins the first cluster whose centre lies within `radius`
  // pixels (looked up through a grid of radius-sized cells), so nearby towns split as soon as they are apart.
  clusters(radius = 22) {
    const grid = new Map(), groups = [];
    for (const p of this.points) {
      const [sx, sy] = this.toScreen(...project(p.lon, p.lat));
      const cx = Math.floor(sx / radius), cy = Math.floor(sy / radius);
      let found = null;
      for (let dx = -1; dx <= 1 && !found; dx++) {
        for (let dy = -1; dy <= 1 && !found; dy++) {
          for (const g of grid.get(`${cx + dx}:${cy + dy}`) || []) {
            if (Math.hypot(g.x - sx, g.y - sy) <= radius) { found = g; break; }
          }
        }
      }
      if (!found) {
        found = { x: sx, y: sy, items: [] };
        groups.push(found);
        const key = `${cx}:${cy}`;
        grid.set(key, [...(grid.get(key) || []), found]);
      }
      found.items.push(p);
    }
    return groups;
  }

  renderMarkers() {
    this.markers.textContent = "";
    for (const group of this.clusters()) {
      const node = document.createElementNS(SVG_NS, "g");
      node.setAttribute("class", "marker");
      node.setAttribute("transform", `translate(${group.x.toFixed(1)},${group.y.toFixed(1)})`);
      const circle = document.createElementNS(SVG_NS, "circle");
      const counts = new Map();
      for (const p of group.items) counts.set(p.type, (counts.get(p.type) || 0) + 1);
      const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      circle.setAttribute("fill", this.colourOf(main));
      circle.setAttribute("r", group.items.length === 1 ? 7 : Math.min(24, 9 + 3 * Math.log2(group.items.length)));
      node.appendChild(circle);
      const title = document.createElementNS(SVG_NS, "title");
      node.dataset.count = group.items.length;
      node.dataset.type = main;
      if (group.items.length === 1) {
        const p = group.items[0];
        node.dataset.id = p.id;
        title.textContent = `${p.type} — ${p.date || "undated"}`;
        if (p.id === this.selected) node.classList.add("selected");
        node.addEventListener("click", () => { this.selected = p.id; this.onSelect(p.id); this.renderMarkers(); });
      } else {
        const label = document.createElementNS(SVG_NS, "text");
        label.setAttribute("dy", "4");
        label.textContent = group.items.length;
        node.appendChild(label);
        title.textContent = `${group.items.length} events: ` +
          [...counts.entries()].map(([t, n]) => `${t} ${n}`).join(", ");
        node.addEventListener("click", () => {
          const lons = group.items.map((p) => p.lon), lats = group.items.map((p) => p.lat);
          const spread = Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats));
          if (spread < 0.01) this.onCluster(group.items); else this.zoomTo(group.items);
        });
      }
      node.appendChild(title);
      this.markers.appendChild(node);
    }
  }

  zoomTo(items) {
    const before = this.view.scale;
    this.fit(items, 0.05);
    if (this.view.scale <= before) this.zoom(2);
  }
}

window.EventMap = EventMap;
