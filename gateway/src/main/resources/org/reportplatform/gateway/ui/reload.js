// Added by the gateway to a report page (or a draft's preview) opened with ?live: reloads the page
// as soon as the gateway serves a new version of it. The script element carries the page's path,
// the SHA-256 of the version shown and the stream to listen to (data-events: /api/live/page for
// the report, /api/live/preview for a preview); the stream tells the current one at once (so a
// change made while the page loaded is not missed) and again at every change.
(function () {
  'use strict';
  var script = document.currentScript;
  var path = script && script.getAttribute('data-path');
  var shown = script && script.getAttribute('data-sha256');
  var events = (script && script.getAttribute('data-events')) || '/api/live/page?path=' + encodeURIComponent(path);
  if (!path || !window.EventSource) {
    return;
  }
  var badge = document.createElement('div');
  badge.textContent = '\u25CF en direct';
  badge.title = 'Cette page se recharge d\u2019elle-m\u00eame quand elle est reconstruite.';
  badge.setAttribute('aria-hidden', 'true');
  // Colours with a contrast of 4.5:1 at least with the white text (WCAG 1.4.3), opaque so the page behind does not lower it.
  badge.style.cssText = 'position:fixed;right:.75em;bottom:.75em;z-index:2147483647;padding:.25em .6em;'
    + 'font:600 13px/1.4 system-ui,sans-serif;color:#fff;background:#595959;border-radius:1em';
  document.body.appendChild(badge);

  var source = new EventSource(events);
  source.onopen = function () { badge.style.background = '#1b7a3a'; };
  source.onerror = function () { badge.style.background = '#595959'; };
  source.addEventListener('page', function (event) {
    var state = JSON.parse(event.data);
    // A page shown is reloaded when it changes or goes; a page waiting for its output (shown
    // empty: a draft's preview still being rendered) when the output appears.
    var changed = state.removed ? !!shown : state.sha256 !== shown;
    if (state.path === path && changed) {
      source.close();
      badge.textContent = '\u21BB mise \u00e0 jour';
      window.location.reload();
    }
  });
}());
