// The live view (/live): one table row per page or document the gateway starts serving, newest
// first, from the server-sent events of /api/live (this page's session authenticates the stream),
// read and drawn by notices.js.
// Everything shown comes from the events and is put in the page as text, never as HTML.
(function () {
  'use strict';
  var MAX_ROWS = 500;
  var el = Notices.el;
  var rows = document.getElementById('notices');
  var status = document.getElementById('status');
  var empty = document.getElementById('empty');

  function setStatus(text, state) {
    status.textContent = text;
    status.setAttribute('data-state', state);
  }

  function prepend(tr) {
    rows.insertBefore(tr, rows.firstChild);
    while (rows.childNodes.length > MAX_ROWS) { rows.removeChild(rows.lastChild); }
    empty.hidden = true;
  }

  // The sources of a rebuild, listed in full behind a summary.
  function sourcesCell(notice, names) {
    var sources = el('td', 'sources');
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
    return sources;
  }

  function add(notice) {
    prepend(Notices.row(notice, { causes: 3, explained: true, sources: sourcesCell }));
  }

  function gap(reason) {
    var tr = el('tr', 'gap');
    var td = el('td', null, 'Des notifications ont \u00e9t\u00e9 perdues pendant la d\u00e9connexion ; la liste reprend ici.');
    td.colSpan = 5;
    td.title = reason || '';
    tr.appendChild(td);
    prepend(tr);
  }

  Notices.follow({
    open: function () { setStatus('Connect\u00e9 au flux en direct', 'open'); },
    notice: add,
    reset: function (reset) { gap(reset.reason); },
    error: function (closed) {
      if (closed) {
        setStatus('D\u00e9connect\u00e9 : la session a peut-\u00eatre expir\u00e9. ', 'closed');
        var again = el('a', null, 'Se reconnecter');
        again.href = '/signin?next=/live';
        status.appendChild(again);
      } else {
        setStatus('Connexion perdue \u00b7 reconnexion\u2026', 'connecting');
      }
    }
  });
}());
