/* The details of the nslab graph page: the tooltip over a node or cable
   (mouse, or keyboard focus in the node list) and the panel that opens on a
   node. Made by app.js, which passes `page`: the cytoscape instance, the
   page state and the helpers they share. */
'use strict';
window.NslabDetails = function (page) {
  var $ = page.$;
  var el = page.el;
  var cy = page.cy;
  var state = page.state;
  var findNode = page.findNode;
  var drawnKind = page.drawnKind;

  function findIface(node, name) {
    var n = findNode(node);
    return n ? n.interfaces.find(function (i) { return i.name === name; }) : undefined;
  }
  function ifaceState(i) {
    if (!i.up) return 'down';
    return i.carrier ? 'up' : 'no carrier';
  }

  // --- tooltip ---

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

  $('panel-close').addEventListener('click', closePanel);
  cy.on('tap', 'node', function (e) { openPanel(e.target.id(), null); });
  cy.on('tap', function (e) { if (e.target === cy) closePanel(); });
  cy.on('mouseover', 'node, edge', function (e) { showTip(e.target); });
  cy.on('mouseout', 'node, edge', hideTip);
  cy.on('pan zoom', hideTip);

  return { showTip: showTip, hideTip: hideTip, renderPanel: renderPanel, openPanel: openPanel, closePanel: closePanel };
};
