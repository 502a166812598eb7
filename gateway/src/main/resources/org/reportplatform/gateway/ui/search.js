// The search page's results as one types: the form works without this script (a GET of the same
// page); with it, the words typed are sent to /api/search (at most one request per pause in
// typing), the results list is rebuilt and the count, in a status region, is announced by screen
// readers. The address follows, so the back button and a shared link give the same results.
(function () {
  'use strict';
  var form = document.querySelector('form.search-form');
  var input = document.getElementById('recherche-q');
  var count = document.getElementById('recherche-compte');
  var results = document.getElementById('recherche-resultats');
  if (!form || !input || !count || !results || !window.fetch) {
    return;
  }
  var advice = results.querySelector('.search-advice');
  var timer = null;
  var latest = 0;

  function format(pattern, query, total) {
    return pattern.replace('{0}', query).replace('{1}', String(total));
  }

  function show(query, answer) {
    var pattern = answer.total === 0 ? results.dataset.none : answer.total === 1 ? results.dataset.one : results.dataset.many;
    count.textContent = format(pattern, query, answer.total);
    Array.prototype.forEach.call(results.querySelectorAll('.search-results, nav.pages'), function (old) { old.remove(); });
    advice.hidden = answer.total !== 0;
    if (answer.total === 0) {
      return;
    }
    var list = document.createElement('ol');
    list.className = 'search-results';
    answer.results.forEach(function (result) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = result.path;
      link.textContent = result.title;
      var snippet = document.createElement('p');
      // The snippet is HTML-escaped text with <mark> around the words found (the API's contract).
      snippet.innerHTML = result.snippet;
      item.appendChild(link);
      item.appendChild(snippet);
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function clear() {
    count.textContent = '';
    advice.hidden = true;
    Array.prototype.forEach.call(results.querySelectorAll('.search-results, nav.pages'), function (old) { old.remove(); });
  }

  function search() {
    var query = input.value.trim();
    var asked = ++latest;
    history.replaceState(null, '', query ? form.action + '?q=' + encodeURIComponent(query) : form.action);
    if (!query) {
      clear();
      return;
    }
    fetch('/api/search?' + form.dataset.api + '&q=' + encodeURIComponent(query), { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        // Only the answer to the latest words typed is shown (answers may arrive out of order).
        if (answer && asked === latest) {
          show(query, answer);
        }
      })
      .catch(function () { /* the form still works: Enter sends it */ });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
})();
