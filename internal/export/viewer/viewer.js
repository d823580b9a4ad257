// graphload export viewer: draws the embedded graph as SVG; pan, zoom, and
// details (evidence, sources) on click. No network access: everything it
// needs is in this file.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var canvas = document.getElementById("canvas");
  var details = document.getElementById("details");
  document.getElementById("subtitle").textContent = data.subtitle;

  function el(tag, attrs, parent) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function h(tag, text, parent, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  var svg = el("svg", { viewBox: "0 0 " + data.width + " " + data.height, role: "img" });
  canvas.appendChild(svg);
  var defs = el("defs", {}, svg);
  var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
  el("path", { d: "M0 0 L10 5 L0 10 z", fill: "#7f7f7f" }, marker);
  var viewport = el("g", { id: "viewport" }, svg);
  var edgeLayer = el("g", { "class": "edges" }, viewport);
  var nodeLayer = el("g", { "class": "nodes" }, viewport);

  var byKey = {};
  data.nodes.forEach(function (n) { byKey[n.key] = n; });

  var edgeEls = data.edges.map(function (e, i) {
    var g = el("g", { "class": "edge", "data-index": i }, edgeLayer);
    var p = el("path", { d: e.path }, g);
    if (e.directed) { p.setAttribute("marker-end", "url(#arrow)"); }
    var hit = el("path", { d: e.path, "class": "hit" }, g);
    el("text", { x: e.lx, y: e.ly, "text-anchor": "middle" }, g).textContent = e.type;
    hit.addEventListener("click", function (ev) { ev.stopPropagation(); showEdge(i); });
    return g;
  });
  var nodeEls = {};
  data.nodes.forEach(function (n) {
    var g = el("g", { "class": "node" + (n.key === data.focus ? " focus" : ""), "data-key": n.key }, nodeLayer);
    el("circle", { cx: n.x, cy: n.y, r: n.r, fill: data.colors[n.label] || "#8c8c8c" }, g);
    el("text", { x: n.x, y: Math.round((n.y + n.r + 13) * 10) / 10, "text-anchor": "middle" }, g).textContent = n.name;
    g.addEventListener("click", function (ev) { ev.stopPropagation(); showNode(n.key); });
    nodeEls[n.key] = g;
  });

  var legend = document.getElementById("legend");
  Object.keys(data.colors).sort().forEach(function (l) {
    if (!data.nodes.some(function (n) { return n.label === l; })) { return; }
    var dot = h("span", "", legend, "dot");
    dot.style.background = data.colors[l];
    h("span", l, legend);
  });

  // Pan and zoom: a transform on the viewport group.
  var view = { x: 0, y: 0, k: 1 };
  function apply() { viewport.setAttribute("transform", "translate(" + view.x + " " + view.y + ") scale(" + view.k + ")"); }
  function svgPoint(cx, cy) {
    var r = svg.getBoundingClientRect();
    var s = Math.min(r.width / data.width, r.height / data.height);
    var ox = (r.width - data.width * s) / 2, oy = (r.height - data.height * s) / 2;
    return { x: (cx - r.left - ox) / s, y: (cy - r.top - oy) / s };
  }
  function zoomAt(factor, px, py) {
    var k = Math.max(0.2, Math.min(8, view.k * factor));
    view.x = px - (px - view.x) * (k / view.k);
    view.y = py - (py - view.y) * (k / view.k);
    view.k = k;
    apply();
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = svgPoint(ev.clientX, ev.clientY);
    zoomAt(ev.deltaY < 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, { passive: false });
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    if (ev.target.closest && (ev.target.closest(".node") || ev.target.closest(".edge"))) { return; }
    drag = { p: svgPoint(ev.clientX, ev.clientY), x: view.x, y: view.y, moved: false };
    svg.classList.add("dragging");
  });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    var p = svgPoint(ev.clientX, ev.clientY);
    view.x = drag.x + p.x - drag.p.x;
    view.y = drag.y + p.y - drag.p.y;
    drag.moved = drag.moved || Math.abs(p.x - drag.p.x) + Math.abs(p.y - drag.p.y) > 3;
    apply();
  });
  window.addEventListener("pointerup", function () {
    if (drag && !drag.moved) { clearSelection(); }
    drag = null;
    svg.classList.remove("dragging");
  });
  document.getElementById("zoom-in").addEventListener("click", function () { zoomAt(1.25, data.width / 2, data.height / 2); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoomAt(0.8, data.width / 2, data.height / 2); });
  document.getElementById("zoom-reset").addEventListener("click", function () { view = { x: 0, y: 0, k: 1 }; apply(); });
  document.getElementById("search").addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") { return; }
    var q = this.value.trim().toLowerCase();
    if (!q) { return; }
    var hit = data.nodes.filter(function (n) {
      return n.name.toLowerCase().indexOf(q) >= 0 || (n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    })[0];
    if (hit) { showNode(hit.key); }
  });

  // Details.
  function clearSelection() {
    Array.prototype.forEach.call(document.querySelectorAll(".selected, .dim"), function (e) { e.classList.remove("selected"); e.classList.remove("dim"); });
  }
  function articleRef(id, parent) {
    var a = data.articles[id] || {};
    var span = h("span", null, parent, "cite");
    var label = id + (a.title ? ": " + a.title : "") + (a.date ? " (" + a.date + ")" : "");
    if (a.url) {
      var link = h("a", label, span);
      link.href = a.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    } else {
      span.textContent = label;
    }
    return span;
  }
  function evidenceBlock(e, parent) {
    var meta = "count " + e.count + ", " + e.sources.length + (e.sources.length === 1 ? " source" : " sources");
    if (e.firstSeen) { meta += ", seen " + e.firstSeen + (e.lastSeen && e.lastSeen !== e.firstSeen ? " to " + e.lastSeen : ""); }
    h("p", meta, parent, "meta");
    e.evidence.forEach(function (ev) {
      var q = h("blockquote", ev.sentence, parent, "evidence");
      var c = articleRef(ev.doc, q);
      c.textContent = c.textContent + ", bytes " + ev.start + "-" + ev.end;
    });
    var src = h("p", "Sources:", parent, "meta");
    var ul = h("ul", null, parent, "sources");
    e.sources.forEach(function (id) { articleRef(id, h("li", null, ul)); });
    return src;
  }
  function showNode(key) {
    var n = byKey[key];
    clearSelection();
    nodeEls[key].classList.add("selected");
    details.textContent = "";
    h("h2", n.name, details);
    h("p", n.label + (n.kind ? " (" + n.kind + ")" : "") + "; " + n.mentions + " mentions; " + n.degree + " relations here", details, "meta");
    if (n.aliases && n.aliases.length) { h("p", "Also known as: " + n.aliases.join(", "), details, "meta"); }
    var near = {};
    near[key] = true;
    data.edges.forEach(function (e, i) {
      if (e.from !== key && e.to !== key) { return; }
      var other = byKey[e.from === key ? e.to : e.from];
      near[other.key] = true;
      edgeEls[i].classList.add("selected");
      var title = e.from === key ? e.type + " → " + other.name : other.name + " → " + e.type;
      if (!e.directed) { title = e.type + " — " + other.name; }
      h("h3", title, details);
      evidenceBlock(e, details);
    });
    data.nodes.forEach(function (m) { if (!near[m.key]) { nodeEls[m.key].classList.add("dim"); } });
    data.edges.forEach(function (e, i) { if (e.from !== key && e.to !== key) { edgeEls[i].classList.add("dim"); } });
  }
  function showEdge(i) {
    var e = data.edges[i];
    clearSelection();
    edgeEls[i].classList.add("selected");
    details.textContent = "";
    h("h2", byKey[e.from].name + " " + e.type + " " + byKey[e.to].name, details);
    evidenceBlock(e, details);
  }

  apply();
  // For tests and scripts: what is drawn, and a way to select.
  window.graphload = { nodes: data.nodes.length, edges: data.edges.length, showNode: showNode, showEdge: showEdge };
  document.body.setAttribute("data-nodes", String(nodeLayer.childNodes.length));
  document.body.setAttribute("data-ready", "true");
})();
