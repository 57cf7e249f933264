/* A small SVG writer for a cytoscape graph: nodes, cables and their labels,
   drawn from the positions and computed styles cytoscape already has. */
'use strict';
window.NslabSvg = (function () {
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function num(v) {
    return Math.round(v * 10) / 10;
  }
  function polygon(cx, cy, w, h, sides, rot) {
    var pts = [];
    for (var i = 0; i < sides; i++) {
      var a = rot + (2 * Math.PI * i) / sides;
      pts.push(num(cx + (w / 2) * Math.cos(a)) + ',' + num(cy + (h / 2) * Math.sin(a)));
    }
    return pts.join(' ');
  }
  function dash(style) {
    if (style === 'dashed') return ' stroke-dasharray="12 8"';
    if (style === 'dotted') return ' stroke-dasharray="2 6"';
    return '';
  }
  /** Multi-line text centred on (x, y); white halo like the page's text outline. */
  /** place: 'center' on (x, y), 'below' (first line's top at y) or 'above' (last line's bottom at y). */
  function text(x, y, label, size, color, weight, place) {
    if (!label) return '';
    var lines = String(label).split('\n');
    var span = (lines.length - 1) * size * 1.15;
    var first = place === 'below' ? y + size : place === 'above' ? y - span - size * 0.25 : y - span / 2 + size * 0.35;
    var anchor = place === 'right' ? 'start' : 'middle';
    var out = '<text x="' + num(x) + '" y="' + num(first) + '" font-size="' + size + '" font-weight="' + weight + '" fill="' + esc(color) +
      '" text-anchor="' + anchor + '" stroke="#fff" stroke-width="4" paint-order="stroke" stroke-linejoin="round">';
    lines.forEach(function (line, i) {
      out += '<tspan x="' + num(x) + '"' + (i ? ' dy="' + num(size * 1.15) + '"' : '') + '>' + esc(line) + '</tspan>';
    });
    return out + '</text>';
  }
  function nodeShape(n) {
    var p = n.position();
    var w = n.width();
    var h = n.height();
    var fill = n.style('background-color');
    var stroke = n.style('border-color');
    var sw = n.numericStyle('border-width');
    var attrs = ' fill="' + esc(fill) + '" stroke="' + esc(stroke) + '" stroke-width="' + sw + '"' + dash(n.style('border-style'));
    switch (n.style('shape')) {
      case 'ellipse':
        return '<ellipse cx="' + num(p.x) + '" cy="' + num(p.y) + '" rx="' + num(w / 2) + '" ry="' + num(h / 2) + '"' + attrs + '/>';
      case 'round-rectangle':
      case 'rectangle': {
        var r = n.style('shape') === 'round-rectangle' ? Math.min(w, h) / 4 : 0;
        return '<rect x="' + num(p.x - w / 2) + '" y="' + num(p.y - h / 2) + '" width="' + num(w) + '" height="' + num(h) + '" rx="' + num(r) + '"' + attrs + '/>';
      }
      case 'hexagon':
        return '<polygon points="' + polygon(p.x, p.y, w, h, 6, 0) + '"' + attrs + '/>';
      case 'round-octagon':
      case 'octagon':
        return '<polygon points="' + polygon(p.x, p.y, w, h, 8, Math.PI / 8) + '"' + attrs + '/>';
      case 'diamond':
        return '<polygon points="' + polygon(p.x, p.y, w, h, 4, 0) + '"' + attrs + '/>';
      default:
        return '<rect x="' + num(p.x - w / 2) + '" y="' + num(p.y - h / 2) + '" width="' + num(w) + '" height="' + num(h) + '"' + attrs + '/>';
    }
  }
  function edgeLine(e) {
    var s = e.sourceEndpoint();
    var t = e.targetEndpoint();
    var stroke = e.style('line-color');
    var attrs = ' fill="none" stroke="' + esc(stroke) + '" stroke-width="' + num(e.numericStyle('width')) + '"' + dash(e.style('line-style'));
    var cps = e.controlPoints();
    if (cps && cps.length === 1) {
      var c = cps[0];
      return '<path d="M' + num(s.x) + ' ' + num(s.y) + ' Q' + num(c.x) + ' ' + num(c.y) + ' ' + num(t.x) + ' ' + num(t.y) + '"' + attrs + '/>';
    }
    return '<line x1="' + num(s.x) + '" y1="' + num(s.y) + '" x2="' + num(t.x) + '" y2="' + num(t.y) + '"' + attrs + '/>';
  }
  function endLabel(e, which) {
    var from = which === 'source' ? e.sourceEndpoint() : e.targetEndpoint();
    var to = which === 'source' ? e.targetEndpoint() : e.sourceEndpoint();
    var dx = to.x - from.x;
    var dy = to.y - from.y;
    var len = Math.sqrt(dx * dx + dy * dy) || 1;
    var off = Math.min(e.numericStyle(which + '-text-offset'), len / 2);
    return text(from.x + (dx / len) * off, from.y + (dy / len) * off, e.style(which + '-label'), e.numericStyle('font-size'), e.style('color'), 'normal', 'center');
  }
  /** The graph as an SVG document (a string). */
  function fromCy(cy, title) {
    var els = cy.elements(':visible');
    var bb = els.boundingBox({ includeLabels: true });
    var pad = 24;
    var x = num(bb.x1 - pad);
    var y = num(bb.y1 - pad);
    var w = num(bb.w + 2 * pad);
    var h = num(bb.h + 2 * pad);
    var out = [];
    out.push('<?xml version="1.0" encoding="UTF-8"?>');
    out.push('<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + x + ' ' + y + ' ' + w + ' ' + h + '" width="' + w + '" height="' + h +
      '" font-family="DejaVu Sans, system-ui, sans-serif">');
    out.push('<title>' + esc(title || 'nslab lab') + '</title>');
    out.push('<rect x="' + x + '" y="' + y + '" width="' + w + '" height="' + h + '" fill="#fff"/>');
    cy.edges(':visible').forEach(function (e) {
      out.push('<g class="edge" data-id="' + esc(e.id()) + '">' + edgeLine(e) + '</g>');
    });
    cy.nodes(':visible').forEach(function (n) {
      var p = n.position();
      var size = n.numericStyle('font-size');
      var label;
      if (n.style('text-halign') === 'right') {
        label = text(p.x + n.width() / 2 + n.numericStyle('text-margin-x'), p.y, n.style('label'), size, n.style('color'), 'bold', 'right');
      } else if (n.style('text-valign') === 'top') {
        label = text(p.x, p.y - n.height() / 2 - Math.abs(n.numericStyle('text-margin-y')), n.style('label'), size, n.style('color'), 'bold', 'above');
      } else {
        label = text(p.x, p.y + n.height() / 2 + Math.abs(n.numericStyle('text-margin-y')), n.style('label'), size, n.style('color'), 'bold', 'below');
      }
      out.push('<g class="node" data-id="' + esc(n.id()) + '">' + nodeShape(n) + label + '</g>');
    });
    cy.edges(':visible').forEach(function (e) {
      var m = e.midpoint();
      out.push('<g class="edge-labels">' + endLabel(e, 'source') + endLabel(e, 'target') +
        text(m.x, m.y, e.style('label'), e.numericStyle('font-size'), e.style('color'), 'bold', 'center') + '</g>');
    });
    out.push('</svg>');
    return out.join('\n') + '\n';
  }
  return { fromCy: fromCy };
})();
