// What the live view (/live) and the operations dashboard (/ops) share: the live stream of
// rebuild notices (/api/live, on the page's session), the table row of one notice, and the small
// helpers that format it. Loaded before the page's own script, as window.Notices.
// Everything shown comes from the notices and is put in the page as text, never as HTML.
(function () {
  'use strict';

  function el(name, className, text) {
    var element = document.createElement(name);
    if (className) { element.className = className; }
    if (text !== undefined && text !== null) { element.textContent = text; }
    return element;
  }

  function two(n) { return (n < 10 ? '0' : '') + n; }

  /** hh:mm:ss (and ,mmm withMs) in the browser's time zone, of an ISO instant or epoch milliseconds. */
  function clock(instant, withMs) {
    var d = new Date(instant);
    if (isNaN(d.getTime())) { return '\u2014'; }
    var text = two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds());
    if (withMs) {
      var ms = String(d.getMilliseconds());
      while (ms.length < 3) { ms = '0' + ms; }
      text += ',' + ms;
    }
    return text;
  }

  function latency(ms) {
    if (ms === null || ms === undefined) { return '\u2014'; }
    if (ms < 1000) { return ms + '\u202Fms'; }
    return (ms / 1000).toFixed(1).replace('.', ',') + '\u202Fs';
  }

  function timeCell(notice, explained) {
    var time = el('td', 'time');
    var t = el('time', null, clock(notice.receivedAt, true));
    t.dateTime = notice.receivedAt;
    if (explained) {
      t.title = 'publi\u00e9 par le rendu : ' + (notice.publishedAt || '\u2014') + '\nservi par la passerelle : ' + notice.receivedAt;
    }
    time.appendChild(t);
    return time;
  }

  function pathCell(notice) {
    var page = el('td', 'path');
    if (notice.type === 'published' && notice.path.charAt(0) === '/') {
      var link = el('a', null, notice.path);
      link.href = notice.path;
      page.appendChild(link);
    } else {
      page.appendChild(el('span', null, notice.path));
    }
    if (notice.kind === 'document') { page.appendChild(el('span', 'tag', 'document')); }
    if (notice.type === 'removed') { page.appendChild(el('span', 'tag removed', 'supprim\u00e9e')); }
    return page;
  }

  function causesCell(notice, shown, explained) {
    var cause = el('td', 'cause');
    var causes = notice.causes || [];
    causes.slice(0, shown).forEach(function (id) {
      var code = el('code', null, id.slice(0, 8));
      code.title = 'modification ' + id + (notice.traceparent ? '\ntrace ' + notice.traceparent : '');
      cause.appendChild(code);
      cause.appendChild(document.createTextNode(' '));
    });
    if (causes.length > shown) {
      var more = el('span', 'more', '+\u202F' + (causes.length - shown));
      if (explained) { more.title = causes.slice(shown).join('\n'); }
      cause.appendChild(more);
    }
    if (causes.length === 0) { cause.textContent = '\u2014'; }
    return cause;
  }

  /**
   * The row of one notice: time, page, latency, causes, sources. The page chooses how many causes
   * it shows (shape.causes), whether the time and the causes left out explain themselves on hover
   * (shape.explained), and draws the sources cell itself (shape.sources(notice, names) -> td).
   */
  function row(notice, shape) {
    var tr = el('tr', notice.type);
    tr.setAttribute('data-path', notice.path);
    tr.setAttribute('data-id', notice.id);
    tr.appendChild(timeCell(notice, shape.explained));
    tr.appendChild(pathCell(notice));
    tr.appendChild(el('td', 'num latency', latency(notice.latencyMs)));
    tr.appendChild(causesCell(notice, shape.causes, shape.explained));
    tr.appendChild(shape.sources(notice, Object.keys(notice.sourceRevisions || {})));
    return tr;
  }

  /**
   * Follows /api/live: on.open(), on.notice(notice) for each page or document published or
   * removed, on.reset(reset) when notices were lost, on.error(closed) when the stream drops
   * (closed: the browser gave up, e.g. the session expired; otherwise it reconnects by itself).
   */
  function follow(on) {
    var source = new EventSource('/api/live');
    function notice(event) { on.notice(JSON.parse(event.data)); }
    source.onopen = function () { on.open(); };
    source.addEventListener('published', notice);
    source.addEventListener('removed', notice);
    source.addEventListener('reset', function (event) { on.reset(JSON.parse(event.data)); });
    source.onerror = function () { on.error(source.readyState === EventSource.CLOSED); };
  }

  window.Notices = { el: el, two: two, clock: clock, latency: latency, row: row, follow: follow };
}());
