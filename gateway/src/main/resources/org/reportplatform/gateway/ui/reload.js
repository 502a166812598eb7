// Added by the gateway to a report page opened with ?live: reloads the page as soon as the
// gateway serves a new version of it. The script element carries the page's path and the
// SHA-256 of the version shown; /api/live/page tells the current one at once (so a change made
// while the page loaded is not missed) and again at every change.
(function () {
  'use strict';
  var script = document.currentScript;
  var path = script && script.getAttribute('data-path');
  var shown = script && script.getAttribute('data-sha256');
  if (!path || !window.EventSource) {
    return;
  }
  var badge = document.createElement('div');
  badge.textContent = '\u25CF en direct';
  badge.title = 'Cette page se recharge d\u2019elle-m\u00eame quand elle est reconstruite.';
  badge.setAttribute('aria-hidden', 'true');
  badge.style.cssText = 'position:fixed;right:.75em;bottom:.75em;z-index:2147483647;padding:.25em .6em;'
    + 'font:600 13px/1.4 system-ui,sans-serif;color:#fff;background:#8a8a8a;border-radius:1em;opacity:.9';
  document.body.appendChild(badge);

  var source = new EventSource('/api/live/page?path=' + encodeURIComponent(path));
  source.onopen = function () { badge.style.background = '#1b7a3a'; };
  source.onerror = function () { badge.style.background = '#8a8a8a'; };
  source.addEventListener('page', function (event) {
    var state = JSON.parse(event.data);
    if (state.path === path && (state.removed || state.sha256 !== shown)) {
      source.close();
      badge.textContent = '\u21BB mise \u00e0 jour';
      window.location.reload();
    }
  });
}());
