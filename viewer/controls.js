/* The controls of the nslab graph page: the toolbar, the keyboard, and the
   list of node buttons that gives the graph a Tab order. Made by app.js with
   `page` (cytoscape, state, shared helpers and graph actions) and the
   details (tooltip and panel) the keys and buttons open and close. */
'use strict';
window.NslabControls = function (page, details) {
  var $ = page.$;
  var el = page.el;
  var cy = page.cy;
  var state = page.state;
  var findNode = page.findNode;
  var fit = page.fit;
  var placeNodes = page.placeNodes;
  var computeEndOffsets = page.computeEndOffsets;
  var refreshEdges = page.refreshEdges;
  var showTip = details.showTip;
  var hideTip = details.hideTip;
  var openPanel = details.openPanel;
  var closePanel = details.closePanel;

  // --- node list (keyboard) ---

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

  // --- view controls ---

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

  return { buildNodeList: buildNodeList };
};
