/* The live side of the nslab graph page: the status badge and banner, and
   /api/events (`lab`: everything, `node`: one node and its cables, `rates`:
   bits per second per cable). Made by app.js with `page`: the state, the
   exported data if any, and the graph actions an event calls for. */
'use strict';
window.NslabLive = function (page) {
  var $ = page.$;
  var state = page.state;
  var exported = page.exported;
  var build = page.build;
  var updateNode = page.updateNode;
  var refreshEdges = page.refreshEdges;
  var ready = page.ready;

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

  return { showStatus: showStatus, connect: connect };
};
