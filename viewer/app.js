/* nslab graph page. Draws a lab (LabView from /api/lab, or inlined in an
   exported file) with positions computed by the server (/api/layout), then
   follows /api/events (live.js). This file sets up the graph; details.js
   (tooltip, node panel), controls.js (toolbar, keyboard, node list) and
   live.js (status, events) are loaded before it and made here with `page`,
   what they share. */
'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var exported = window.NSLAB_DATA || null;
  var state = {
    view: null,
    layout: null,
    decor: {},
    rates: {},
    showAddresses: false,
    showRates: true,
    openNode: null,
    openedFrom: null,
    connected: false,
    events: 0,
  };
  var KINDS = ['host', 'router', 'bridge', 'nat', 'uplink'];
  /** Below this (b/s, both ways) a cable counts as idle on screen: ARP and neighbour discovery stay quiet. */
  var IDLE_BPS = 1000;

  var cy = cytoscape({
    container: $('graph'),
    style: window.NslabStyle(),
    layout: { name: 'preset' },
    minZoom: 0.15,
    maxZoom: 5,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  window.cy = cy;
  window.nslab = {
    state: state,
    ready: false,
    svg: function () { return window.NslabSvg.fromCy(cy, title()); },
    png: function () { return cy.png({ full: true, scale: 2, bg: '#ffffff' }); },
  };

  function title() {
    return state.view ? 'nslab lab ' + state.view.lab : 'nslab';
  }

  // --- text helpers ---

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'className') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  function findNode(name) {
    return state.view ? state.view.nodes.find(function (n) { return n.name === name; }) : undefined;
  }

  // --- elements ---

  /** The shape a node is drawn with: its kind, or NAT/uplink when the plan gives it those jobs. */
  function drawnKind(n) {
    var d = state.decor[n.name] || {};
    if (d.uplink) return 'uplink';
    if (d.nat) return 'nat';
    return KINDS.indexOf(n.kind) >= 0 ? n.kind : 'host';
  }
  function nodeClasses(n) {
    return drawnKind(n) + (state.view.live && !n.present ? ' absent' : '');
  }
  /** The name; with addresses shown, one line per address under it ("eth0 10.0.1.1/24"). */
  function nodeLabel(n) {
    var name = state.view.live && !n.present ? n.name + ' (missing)' : n.name;
    if (!state.showAddresses) return name;
    var lines = [name];
    n.interfaces.forEach(function (i) {
      i.addresses.forEach(function (a) { lines.push(i.name + ' ' + a); });
    });
    return lines.join('\n');
  }
  function endLabel(end) {
    return end.interface;
  }
  /**
   * Cable-end labels of one node, staggered: its cables sorted by direction
   * get alternating distances from the node, so labels of cables that leave
   * at nearly the same angle do not sit on each other.
   */
  var endOffsets = {};
  function computeEndOffsets() {
    endOffsets = {};
    cy.nodes().forEach(function (n) {
      var p = n.position();
      var ends = [];
      n.connectedEdges().forEach(function (e) {
        var isSource = e.source().id() === n.id();
        var other = isSource ? e.target() : e.source();
        var q = other.position();
        var s0 = e.sourceEndpoint();
        var t0 = e.targetEndpoint();
        // Offsets count from where the cable leaves the node's border.
        ends.push({ key: e.id() + (isSource ? '|s' : '|t'), angle: Math.atan2(q.y - p.y, q.x - p.x), len: Math.hypot(t0.x - s0.x, t0.y - s0.y) });
      });
      ends.sort(function (a, b) { return a.angle - b.angle; });
      ends.forEach(function (end, k) {
        var want = 20 + (ends.length > 2 ? (k % 3) * 48 : (k % 2) * 24);
        endOffsets[end.key] = Math.max(12, Math.min(want, end.len / 2 - 18));
      });
    });
  }
  function edgeData(l) {
    var r = state.rates[l.id];
    var bps = r ? r.ab + r.ba : 0;
    var mid = '';
    if (state.view.live && !l.up) mid = 'DOWN';
    else if (state.showRates && bps >= IDLE_BPS) mid = r.label;
    return {
      id: l.id,
      source: l.a.node,
      target: l.b.node,
      srcLabel: endLabel(l.a),
      tgtLabel: endLabel(l.b),
      srcOff: endOffsets[l.id + '|s'] || 44,
      tgtOff: endOffsets[l.id + '|t'] || 44,
      midLabel: mid,
      bps: bps,
      // 4 px idle, thicker with traffic (log scale: 10 kb/s → 6, 1 Mb/s → 10, 100 Mb/s → 14, at most 18).
      width: bps >= IDLE_BPS ? Math.min(18, 4 + 2 * Math.max(0, Math.log10(bps / 1000))) : 4,
    };
  }
  function edgeClasses(l) {
    var extra = '';
    if (!state.view.live) return 'planned' + extra;
    var r = state.rates[l.id];
    return (l.up ? 'up' : 'down') + (l.up && r && r.ab + r.ba >= IDLE_BPS ? ' busy' : '') + extra;
  }

  /**
   * Positions from the layout; with addresses shown, rows move apart so the
   * longer labels of both ends of a cable fit along it.
   */
  var ADDRESS_STRETCH = { x: 1.25, y: 1.15 };
  function placedAt(name) {
    var p = state.layout.positions[name] || { x: 0, y: 0 };
    if (!state.showAddresses) return { x: p.x, y: p.y };
    return { x: p.x * ADDRESS_STRETCH.x, y: p.y * ADDRESS_STRETCH.y };
  }
  function placeNodes() {
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        n.position(placedAt(n.id()));
        var v = findNode(n.id());
        if (v) n.data('label', nodeLabel(v));
        n.toggleClass('addresses', state.showAddresses);
      });
    });
    placeLabels();
  }
  /**
   * Where a node's name goes: above it when no cable leaves upwards (spines,
   * a router over its LANs), to its right when cables leave both up and
   * down (leaves, switches), else below.
   */
  function placeLabels() {
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        var y = n.position('y');
        var below = 0;
        var above = 0;
        n.neighborhood('node').forEach(function (m) {
          var dy = m.position('y') - y;
          if (dy > 1) below++;
          else if (dy < -1) above++;
        });
        n.toggleClass('label-top', below > 0 && above === 0);
        n.toggleClass('label-right', below > 0 && above > 0);
      });
    });
  }

  function build(view, layout, decor) {
    state.decor = decor || {};
    var sameLayout = state.layout && JSON.stringify(state.layout) === JSON.stringify(layout);
    state.view = view;
    state.layout = layout;
    var els = [];
    view.nodes.forEach(function (n) {
      els.push({
        group: 'nodes',
        data: { id: n.name, label: nodeLabel(n), kind: n.kind, netns: n.netns },
        classes: nodeClasses(n) + (state.showAddresses ? ' addresses' : ''),
        position: placedAt(n.name),
      });
    });
    view.links.forEach(function (l) {
      els.push({ group: 'edges', data: edgeData(l), classes: edgeClasses(l) });
    });
    var pan = cy.pan();
    var zoom = cy.zoom();
    cy.batch(function () {
      cy.elements().remove();
      cy.add(els);
    });
    placeLabels();
    computeEndOffsets();
    refreshEdges();
    if (sameLayout) cy.viewport({ zoom: zoom, pan: pan });
    else fit();
    $('title').textContent = 'lab ' + view.lab;
    document.title = view.lab + ' — nslab graph';
    controls.buildNodeList();
    live.showStatus();
    if (state.openNode) {
      if (findNode(state.openNode)) details.renderPanel(state.openNode);
      else details.closePanel();
    }
  }

  function refreshEdges() {
    if (!state.view) return;
    cy.batch(function () {
      state.view.links.forEach(function (l) {
        var e = cy.getElementById(l.id);
        if (e.empty()) return;
        e.data(edgeData(l));
        e.classes(edgeClasses(l));
      });
    });
  }

  function updateNode(node, links) {
    if (!state.view) return;
    var ix = state.view.nodes.findIndex(function (n) { return n.name === node.name; });
    if (ix < 0) return;
    state.view.nodes[ix] = node;
    links.forEach(function (l) {
      var li = state.view.links.findIndex(function (x) { return x.id === l.id; });
      if (li >= 0) state.view.links[li] = l;
    });
    var n = cy.getElementById(node.name);
    n.data('label', nodeLabel(node));
    var keep = ['kbd-focus', 'label-top', 'label-right'].filter(function (c) { return n.hasClass(c); });
    n.classes([nodeClasses(node)].concat(keep).join(' ') + (state.showAddresses ? ' addresses' : ''));
    refreshEdges();
    if (state.openNode === node.name) details.renderPanel(node.name);
  }

  // --- view ---

  function fit() {
    cy.fit(cy.elements(), 40);
  }

  function ready() {
    window.nslab.ready = true;
    document.body.dataset.ready = 'true';
  }

  // --- the page's parts ---

  var page = {
    $: $,
    el: el,
    cy: cy,
    state: state,
    exported: exported,
    findNode: findNode,
    drawnKind: drawnKind,
    build: build,
    updateNode: updateNode,
    placeNodes: placeNodes,
    computeEndOffsets: computeEndOffsets,
    refreshEdges: refreshEdges,
    fit: fit,
    ready: ready,
  };
  var details = window.NslabDetails(page);
  var controls = window.NslabControls(page, details);
  var live = window.NslabLive(page);

  cy.on('dragfree', 'node', function () { placeLabels(); computeEndOffsets(); refreshEdges(); });

  if (exported) {
    state.rates = exported.rates || {};
    build(exported.view, exported.layout, exported.decor);
    ready();
  } else {
    live.connect();
  }
})();
