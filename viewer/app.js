/* nslab graph page. Draws a lab (LabView from /api/lab, or inlined in an
   exported file) with positions computed by the server (/api/layout), then
   follows /api/events: `lab` (everything), `node` (one node and its cables),
   `rates` (bits per second per cable). */
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
  function findIface(node, name) {
    var n = findNode(node);
    return n ? n.interfaces.find(function (i) { return i.name === name; }) : undefined;
  }
  function ifaceState(i) {
    if (!i.up) return 'down';
    return i.carrier ? 'up' : 'no carrier';
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
    buildNodeList();
    showStatus();
    if (state.openNode) {
      if (findNode(state.openNode)) renderPanel(state.openNode);
      else closePanel();
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
    if (state.openNode === node.name) renderPanel(node.name);
  }

  // --- status ---

  function showStatus() {
    var badge = $('badge');
    var banner = $('banner');
    var v = state.view;
    banner.hidden = true;
    banner.className = '';
    if (!v) return;
    if (exported) {
      badge.className = 'badge snapshot';
      badge.textContent = (v.live ? 'snapshot ' : 'not deployed · ') + exported.exportedAt;
      if (!v.live) {
        banner.hidden = false;
        banner.textContent = 'NOT DEPLOYED — drawn from ' + v.source + ' (nslab up ' + v.source + ' to run it)';
      }
      return;
    }
    if (!state.connected) {
      badge.className = 'badge offline';
      badge.textContent = 'DISCONNECTED';
      banner.hidden = false;
      banner.className = 'offline';
      banner.textContent = 'Lost contact with nslab graph; retrying. What you see may be out of date.';
      return;
    }
    if (!v.live) {
      badge.className = 'badge planned';
      badge.textContent = 'NOT DEPLOYED';
      banner.hidden = false;
      banner.textContent = 'NOT DEPLOYED — drawn from ' + v.source + ' (nslab up ' + v.source + ' to run it)';
      return;
    }
    badge.className = 'badge live';
    badge.textContent = 'LIVE · ' + v.status;
  }

  // --- node list (keyboard) and tooltip ---

  function buildNodeList() {
    var ul = $('node-list');
    var focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.node : undefined;
    ul.textContent = '';
    var names = state.view.nodes.map(function (n) { return n.name; });
    // Tab order follows the picture: top to bottom, left to right.
    names.sort(function (a, b) {
      var pa = state.layout.positions[a] || { x: 0, y: 0 };
      var pb = state.layout.positions[b] || { x: 0, y: 0 };
      return pa.y - pb.y || pa.x - pb.x;
    });
    names.forEach(function (name) {
      var n = findNode(name);
      var b = el('button', { type: 'button', 'data-node': name, text: name + ' (' + n.kind + '), open details' });
      b.addEventListener('focus', function () {
        cy.getElementById(name).addClass('kbd-focus');
        showTip(cy.getElementById(name));
      });
      b.addEventListener('blur', function () {
        cy.getElementById(name).removeClass('kbd-focus');
        hideTip();
      });
      b.addEventListener('click', function () { openPanel(name, b); });
      ul.appendChild(el('li', {}, [b]));
    });
    if (focused) {
      var again = ul.querySelector('button[data-node="' + CSS.escape(focused) + '"]');
      if (again) again.focus();
    }
  }

  function tipLines(ele) {
    if (ele.isNode()) {
      var n = findNode(ele.id());
      if (!n) return [];
      var lines = [{ b: n.name + ' · ' + n.kind }];
      n.interfaces.forEach(function (i) {
        lines.push({ t: i.name + ' ' + ifaceState(i) + (i.addresses.length ? ' · ' + i.addresses.join(', ') : '') });
      });
      return lines;
    }
    var l = state.view.links.find(function (x) { return x.id === ele.id(); });
    if (!l) return [];
    var out = [{ b: l.a.node + ':' + l.a.interface + ' — ' + l.b.node + ':' + l.b.interface + (state.view.live ? (l.up ? ' · up' : ' · DOWN') : '') }];
    [l.a, l.b].forEach(function (end) {
      var i = findIface(end.node, end.interface);
      if (i && i.addresses.length) out.push({ t: end.node + ':' + end.interface + ' ' + i.addresses.join(', ') });
    });
    var r = state.rates[l.id];
    if (r) out.push({ t: l.a.node + ' → ' + l.b.node + ' ' + fmtRate(r.ab) + ' · ' + l.b.node + ' → ' + l.a.node + ' ' + fmtRate(r.ba) });
    return out;
  }
  function fmtRate(bps) {
    var u = ['b/s', 'kb/s', 'Mb/s', 'Gb/s'];
    var i = 0;
    while (bps >= 1000 && i < u.length - 1) { bps /= 1000; i++; }
    return (i === 0 || bps >= 100 ? bps.toFixed(0) : bps.toFixed(1)) + ' ' + u[i];
  }
  function showTip(ele) {
    var tip = $('tip');
    var lines = tipLines(ele);
    if (!lines.length) return hideTip();
    tip.textContent = '';
    lines.forEach(function (line, k) {
      if (k) tip.appendChild(document.createElement('br'));
      tip.appendChild(line.b ? el('b', { text: line.b }) : document.createTextNode(line.t));
    });
    var p = ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint();
    var box = $('main').getBoundingClientRect();
    tip.hidden = false;
    var x = Math.min(Math.max(8, p.x + 24), box.width - tip.offsetWidth - 8);
    var y = p.y + 30 + tip.offsetHeight > box.height ? p.y - tip.offsetHeight - 30 : p.y + 30;
    tip.style.left = x + 'px';
    tip.style.top = Math.max(8, y) + 'px';
  }
  function hideTip() {
    $('tip').hidden = true;
  }

  // --- details panel ---

  function table(head, rows) {
    var t = el('table', {}, [el('thead', {}, [el('tr', {}, head.map(function (h) { return el('th', { scope: 'col', text: h }); }))])]);
    var body = el('tbody');
    rows.forEach(function (r) {
      body.appendChild(el('tr', {}, r.map(function (c) {
        return c instanceof Node ? el('td', {}, [c]) : el('td', { text: c === undefined || c === null ? '—' : String(c), className: 'mono' });
      })));
    });
    t.appendChild(body);
    return t;
  }
  function none(text) {
    return el('p', { className: 'none', text: text });
  }
  /** Fields nslab may add to a node later; shown as the JSON has them. */
  function extra(n, key, label) {
    var v = n[key];
    var section = [el('h3', { text: label })];
    if (v === undefined || v === null) {
      section.push(none('not reported for this lab'));
    } else if (typeof v === 'object' && !Array.isArray(v)) {
      var dl = el('dl');
      Object.keys(v).forEach(function (k) {
        dl.appendChild(el('dt', { text: k }));
        dl.appendChild(el('dd', { className: 'mono', text: typeof v[k] === 'object' ? JSON.stringify(v[k]) : String(v[k]) }));
      });
      section.push(Object.keys(v).length ? dl : none('none'));
    } else if (Array.isArray(v)) {
      section.push(v.length ? el('p', { className: 'mono', text: v.join(', ') }) : none('none'));
    } else {
      section.push(el('p', { className: 'mono', text: String(v) }));
    }
    return section;
  }
  function renderPanel(name) {
    var n = findNode(name);
    if (!n) return;
    var body = $('panel-body');
    var scroll = $('panel').scrollTop;
    var d = state.decor[n.name] || {};
    var kind = drawnKind(n);
    $('panel-title').textContent = n.name + ' · ' + n.kind + (kind !== n.kind ? ' (' + kind + ')' : '');
    body.textContent = '';
    var meta = el('dl');
    [['namespace', n.netns], ['present', state.view.live ? (n.present ? 'yes' : 'no (namespace missing)') : 'not deployed']].forEach(function (p) {
      meta.appendChild(el('dt', { text: p[0] }));
      meta.appendChild(el('dd', { className: 'mono', text: p[1] }));
    });
    body.appendChild(meta);
    body.appendChild(el('h3', { text: 'Interfaces' }));
    if (!n.interfaces.length) body.appendChild(none('no interfaces'));
    else {
      body.appendChild(table(['Name', 'State', 'MAC', 'MTU', 'Addresses', 'Bridge'], n.interfaces.map(function (i) {
        var st = state.view.live ? ifaceState(i) : 'planned';
        var s = el('span', { className: st === 'up' ? 'state-up' : st === 'planned' ? '' : 'state-down', text: st + (state.view.live ? ' (' + i.operstate + ')' : '') });
        return [i.name, s, i.mac, i.mtu, i.addresses.length ? i.addresses.join('\n') : '—', i.master];
      })));
    }
    body.appendChild(el('h3', { text: 'Routes' }));
    if (!n.routes.length) body.appendChild(none('no routes'));
    else {
      body.appendChild(table(['Destination', 'Via', 'Dev', 'Metric', 'Proto'], n.routes.map(function (r) {
        return [r.dst, r.via, r.dev, r.metric, r.proto];
      })));
    }
    if (d.nat) {
      body.appendChild(el('h3', { text: 'NAT' }));
      var natList = el('dl');
      if (d.nat.masqueradeOut) {
        natList.appendChild(el('dt', { text: 'masquerade' }));
        natList.appendChild(el('dd', { className: 'mono', text: 'out of ' + d.nat.masqueradeOut }));
      }
      d.nat.ports.forEach(function (p) {
        natList.appendChild(el('dt', { text: 'port forward' }));
        natList.appendChild(el('dd', { className: 'mono', text: p }));
      });
      body.appendChild(natList);
    }
    if (d.uplink) {
      body.appendChild(el('h3', { text: 'Uplink to this machine' }));
      var up = el('dl');
      [['cable', d.uplink.dev + ' ' + d.uplink.address + ' ↔ ' + d.uplink.hostDev + ' ' + d.uplink.hostAddress], ['NAT on the machine', d.uplink.nat ? 'yes' : 'no']].forEach(function (p) {
        up.appendChild(el('dt', { text: p[0] }));
        up.appendChild(el('dd', { className: 'mono', text: p[1] }));
      });
      body.appendChild(up);
    }
    // What the lab's JSON reports wins; else what the plan configured; else say so.
    extra(n.limits !== undefined ? n : { limits: d.limits }, 'limits', 'Limits').forEach(function (e) { body.appendChild(e); });
    extra(n.capabilities !== undefined ? n : { capabilities: d.capabilities }, 'capabilities', 'Capabilities').forEach(function (e) { body.appendChild(e); });
    if (d.seccomp && n.seccomp === undefined) {
      body.appendChild(el('p', {}, [el('b', { text: 'seccomp: ' }), el('span', { className: 'mono', text: d.seccomp })]));
    }
    extra(n, 'processes', 'Processes').forEach(function (e) { body.appendChild(e); });
    $('panel').scrollTop = scroll;
  }
  function openPanel(name, from) {
    state.openNode = name;
    state.openedFrom = from || null;
    cy.nodes().unselect();
    cy.getElementById(name).select();
    renderPanel(name);
    $('panel').hidden = false;
    $('panel').focus();
    // Keep the node in sight, left of the panel.
    var free = cy.width() - $('panel').offsetWidth;
    var at = cy.getElementById(name).renderedPosition();
    if (at.x > free - 80) cy.panBy({ x: free / 2 - at.x, y: 0 });
  }
  function closePanel() {
    if ($('panel').hidden) return;
    $('panel').hidden = true;
    cy.nodes().unselect();
    var back = state.openedFrom;
    state.openNode = null;
    state.openedFrom = null;
    if (back && document.body.contains(back)) back.focus();
  }

  // --- view controls ---

  function fit() {
    cy.fit(cy.elements(), 40);
  }
  function zoomBy(f) {
    var c = { x: cy.width() / 2, y: cy.height() / 2 };
    cy.zoom({ level: cy.zoom() * f, renderedPosition: c });
  }
  function setToggle(id, on) {
    $(id).setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  function toggleAddresses() {
    state.showAddresses = !state.showAddresses;
    setToggle('btn-addr', state.showAddresses);
    placeNodes();
    refreshEdges();
    computeEndOffsets();
    refreshEdges();
    fit();
  }
  function toggleRates() {
    state.showRates = !state.showRates;
    setToggle('btn-rates', state.showRates);
    refreshEdges();
  }
  function download(name, blob) {
    var a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function baseName() {
    return state.view ? state.view.lab : 'lab';
  }

  $('btn-fit').addEventListener('click', fit);
  $('btn-addr').addEventListener('click', toggleAddresses);
  $('btn-rates').addEventListener('click', toggleRates);
  $('btn-png').addEventListener('click', function () {
    download(baseName() + '.png', cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
  });
  $('btn-svg').addEventListener('click', function () {
    download(baseName() + '.svg', new Blob([window.nslab.svg()], { type: 'image/svg+xml' }));
  });
  $('panel-close').addEventListener('click', closePanel);

  cy.on('tap', 'node', function (e) { openPanel(e.target.id(), null); });
  cy.on('tap', function (e) { if (e.target === cy) closePanel(); });
  cy.on('mouseover', 'node, edge', function (e) { showTip(e.target); });
  cy.on('mouseout', 'node, edge', hideTip);
  cy.on('pan zoom', hideTip);
  cy.on('dragfree', 'node', function () { placeLabels(); computeEndOffsets(); refreshEdges(); });

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    var step = 60;
    switch (e.key) {
      case 'Escape': hideTip(); closePanel(); break;
      case 'f': fit(); break;
      case 'a': toggleAddresses(); break;
      case 'r': toggleRates(); break;
      case '+': case '=': zoomBy(1.25); break;
      case '-': case '_': zoomBy(0.8); break;
      case 'ArrowLeft': cy.panBy({ x: step, y: 0 }); break;
      case 'ArrowRight': cy.panBy({ x: -step, y: 0 }); break;
      case 'ArrowUp': cy.panBy({ x: 0, y: step }); break;
      case 'ArrowDown': cy.panBy({ x: 0, y: -step }); break;
      default: return;
    }
    e.preventDefault();
  });

  // --- data ---

  function ready() {
    window.nslab.ready = true;
    document.body.dataset.ready = 'true';
  }

  function connect() {
    var es = new EventSource('api/events');
    es.addEventListener('open', function () {
      state.connected = true;
      showStatus();
    });
    es.addEventListener('error', function () {
      state.connected = false;
      showStatus();
    });
    es.addEventListener('lab', function (e) {
      var d = JSON.parse(e.data);
      state.connected = true;
      state.rates = d.rates || {};
      build(d.view, d.layout, d.decor);
      state.events++;
      ready();
    });
    es.addEventListener('node', function (e) {
      var d = JSON.parse(e.data);
      updateNode(d.node, d.links);
      state.events++;
    });
    es.addEventListener('rates', function (e) {
      var d = JSON.parse(e.data);
      state.rates = d.links;
      refreshEdges();
      state.events++;
    });
  }

  if (exported) {
    state.rates = exported.rates || {};
    build(exported.view, exported.layout, exported.decor);
    ready();
  } else {
    connect();
  }
})();
