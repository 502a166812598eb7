// The live view (/live): one table row per page or document the gateway starts serving, newest
// first, from the server-sent events of /api/live (this page's session authenticates the stream).
// Everything shown comes from the events and is put in the page as text, never as HTML.
(function () {
  'use strict';
  var MAX_ROWS = 500;
  var rows = document.getElementById('notices');
  var status = document.getElementById('status');
  var empty = document.getElementById('empty');

  function setStatus(text, state) {
    status.textContent = text;
    status.setAttribute('data-state', state);
  }

  function el(name, className, text) {
    var element = document.createElement(name);
    if (className) { element.className = className; }
    if (text !== undefined && text !== null) { element.textContent = text; }
    return element;
  }

  function two(n) { return (n < 10 ? '0' : '') + n; }

  function clock(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return '\u2014'; }
    var ms = String(d.getMilliseconds());
    while (ms.length < 3) { ms = '0' + ms; }
    return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds()) + ',' + ms;
  }

  function latency(ms) {
    if (ms === null || ms === undefined) { return '\u2014'; }
    if (ms < 1000) { return ms + '\u202Fms'; }
    return (ms / 1000).toFixed(1).replace('.', ',') + '\u202Fs';
  }

  function prepend(tr) {
    rows.insertBefore(tr, rows.firstChild);
    while (rows.childNodes.length > MAX_ROWS) { rows.removeChild(rows.lastChild); }
    empty.hidden = true;
  }

  function add(notice) {
    var tr = el('tr', notice.type);
    tr.setAttribute('data-path', notice.path);
    tr.setAttribute('data-id', notice.id);

    var time = el('td', 'time');
    var t = el('time', null, clock(notice.receivedAt));
    t.dateTime = notice.receivedAt;
    t.title = 'publi\u00e9 par le rendu : ' + (notice.publishedAt || '\u2014') + '\nservi par la passerelle : ' + notice.receivedAt;
    time.appendChild(t);
    tr.appendChild(time);

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
    tr.appendChild(page);

    tr.appendChild(el('td', 'num latency', latency(notice.latencyMs)));

    var cause = el('td', 'cause');
    var causes = notice.causes || [];
    causes.slice(0, 3).forEach(function (id) {
      var code = el('code', null, id.slice(0, 8));
      code.title = 'modification ' + id + (notice.traceparent ? '\ntrace ' + notice.traceparent : '');
      cause.appendChild(code);
      cause.appendChild(document.createTextNode(' '));
    });
    if (causes.length > 3) {
      var more = el('span', 'more', '+\u202F' + (causes.length - 3));
      more.title = causes.slice(3).join('\n');
      cause.appendChild(more);
    }
    if (causes.length === 0) { cause.textContent = '\u2014'; }
    tr.appendChild(cause);

    var sources = el('td', 'sources');
    var names = Object.keys(notice.sourceRevisions || {});
    if (names.length > 0) {
      var details = el('details');
      details.appendChild(el('summary', null, names.length + (names.length > 1 ? ' sources' : ' source')));
      var list = el('ul');
      names.forEach(function (name) {
        list.appendChild(el('li', null, name + ' \u00b7 r\u00e9v. ' + notice.sourceRevisions[name]));
      });
      details.appendChild(list);
      sources.appendChild(details);
    } else {
      sources.textContent = '\u2014';
    }
    tr.appendChild(sources);
    prepend(tr);
  }

  function gap(reason) {
    var tr = el('tr', 'gap');
    var td = el('td', null, 'Des notifications ont \u00e9t\u00e9 perdues pendant la d\u00e9connexion ; la liste reprend ici.');
    td.colSpan = 5;
    td.title = reason || '';
    tr.appendChild(td);
    prepend(tr);
  }

  var source = new EventSource('/api/live');
  source.onopen = function () { setStatus('Connect\u00e9 au flux en direct', 'open'); };
  source.addEventListener('published', function (event) { add(JSON.parse(event.data)); });
  source.addEventListener('removed', function (event) { add(JSON.parse(event.data)); });
  source.addEventListener('reset', function (event) { gap(JSON.parse(event.data).reason); });
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) {
      setStatus('D\u00e9connect\u00e9 : la session a peut-\u00eatre expir\u00e9. ', 'closed');
      var again = el('a', null, 'Se reconnecter');
      again.href = '/signin?next=/live';
      status.appendChild(again);
    } else {
      setStatus('Connexion perdue \u00b7 reconnexion\u2026', 'connecting');
    }
  };
}());
