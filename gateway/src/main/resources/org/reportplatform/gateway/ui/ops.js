// The operations dashboard (/ops). Fills the page from:
// - GET /api/ops/pipeline every few seconds (services, consumer lag, the latest source events and
//   rebuilds),
// - the live stream /api/live (each rebuild as it is served: the rebuilds table and the chart),
//   followed with notices.js, which also draws each rebuild's row,
// - the render service's operator endpoints through the gateway: GET/POST /api/ops/rebuild,
//   GET /api/ops/dead-letters, POST /api/ops/dead-letters/{id}/replay, GET /api/ops/accessibility
//   (the accessibility findings of the published texts, by edition and rule).
// Every call rides on this page's session; the POSTs carry Spring Security's CSRF token from the page (X-CSRF-Token).
// Everything shown is put in the page as text, never as HTML.
(function () {
  'use strict';

  var PIPELINE_EVERY_MS = 5000;
  var DEAD_LETTERS_EVERY_MS = 10000;
  var PROGRESS_EVERY_MS = 500;
  var CHART_WINDOW_S = 10 * 60;
  var BUCKET_S = 10;
  var MAX_ROWS = 100;

  var root = document.getElementById('ops');
  var csrf = root.getAttribute('data-csrf');
  var status = document.getElementById('status');

  // ---------------------------------------------------------------- helpers

  function $(id) { return document.getElementById(id); }

  var el = Notices.el;
  var clock = Notices.clock;
  var latency = Notices.latency;
  var two = Notices.two;

  function clear(element) { while (element.firstChild) { element.removeChild(element.firstChild); } }

  function dateTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) { return '\u2014'; }
    return two(d.getDate()) + '/' + two(d.getMonth() + 1) + ' ' + clock(iso, false);
  }

  function number(n) { return Number(n).toLocaleString('fr-FR'); }

  function bytes(n) {
    if (n === null || n === undefined) { return ''; }
    if (n < 1024) { return n + '\u202Fo'; }
    return (n / 1024).toFixed(1).replace('.', ',') + '\u202Fko';
  }

  /** One call to the gateway: resolves to {status, body} (body: parsed JSON or null), never rejects on HTTP errors. */
  function api(method, url) {
    var headers = { 'Accept': 'application/json' };
    if (method !== 'GET') { headers['X-CSRF-Token'] = csrf; }
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        return response.text().then(function (text) {
          var body = null;
          try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
          return { status: response.status, body: body };
        });
      }, function () { return { status: 0, body: null }; });
  }

  function problem(result, fallback) {
    if (result.body && result.body.detail) { return result.body.detail; }
    if (result.status === 0) { return 'la passerelle ne r\u00e9pond pas'; }
    return fallback + ' (HTTP ' + result.status + ')';
  }

  var streamState = 'connecting';
  var lastRefresh = null;
  var sessionLost = false;

  function showStatus() {
    if (sessionLost) {
      status.textContent = 'Session expir\u00e9e. ';
      status.setAttribute('data-state', 'closed');
      var again = el('a', null, 'Se reconnecter');
      again.href = '/signin?next=/ops';
      status.appendChild(again);
      return;
    }
    var parts = [];
    parts.push(lastRefresh ? 'Mis \u00e0 jour \u00e0 ' + clock(lastRefresh, false) : 'Chargement\u2026');
    parts.push(streamState === 'open' ? 'flux en direct connect\u00e9'
      : streamState === 'closed' ? 'flux en direct ferm\u00e9' : 'connexion au flux\u2026');
    status.textContent = parts.join(' \u00b7 ');
    status.setAttribute('data-state', streamState === 'open' ? 'open' : streamState === 'closed' ? 'closed' : 'connecting');
  }

  // ---------------------------------------------------------------- services

  var STATES = {
    UP: ['op\u00e9rationnel', 'up'],
    DOWN: ['en panne', 'down'],
    OUT_OF_SERVICE: ['hors service', 'warn'],
    UNREACHABLE: ['injoignable', 'down'],
    UNKNOWN: ['inconnu', 'warn']
  };

  function renderServices(services) {
    var list = $('services');
    clear(list);
    services.forEach(function (service) {
      var state = STATES[service.state] || [service.state, 'warn'];
      var item = el('li', 'service ' + state[1]);
      item.setAttribute('data-service', service.name);
      item.setAttribute('data-state', service.state);
      var head = el('p', 'service-name');
      head.appendChild(el('strong', null, service.name));
      item.appendChild(head);
      var badge = el('p', 'badge ' + state[1], state[0]);
      item.appendChild(badge);
      var facts = el('dl', 'facts');
      function fact(name, value) {
        var row = el('div');
        row.appendChild(el('dt', null, name));
        row.appendChild(el('dd', null, value));
        facts.appendChild(row);
      }
      fact('Pr\u00eat', service.ready === true ? 'oui' : service.ready === false ? 'non' : '\u2014');
      fact('Version', service.version || '\u2014');
      if (service.responseMs !== undefined && service.responseMs !== null) { fact('R\u00e9ponse', latency(service.responseMs)); }
      item.appendChild(facts);
      item.title = (service.builtAt ? 'construit le ' + dateTime(service.builtAt) : '') + (service.url ? '\n' + service.url : '');
      if (service.detail) { item.appendChild(el('p', 'detail', service.detail)); }
      list.appendChild(item);
    });
  }

  // ---------------------------------------------------------------- lag

  var CONSUMER_STATES = {
    STABLE: 'actif', EMPTY: 'sans membre', PREPARING_REBALANCE: 'r\u00e9\u00e9quilibrage',
    COMPLETING_REBALANCE: 'r\u00e9\u00e9quilibrage', ASSIGNING: 'r\u00e9\u00e9quilibrage', RECONCILING: 'r\u00e9\u00e9quilibrage',
    DEAD: 'supprim\u00e9', CAUGHT_UP: '\u00e0 jour', READING: 'lecture initiale', UNKNOWN: 'inconnu'
  };

  function renderLag(kafka, consumers) {
    var error = $('kafka-error');
    error.hidden = kafka.available;
    error.textContent = kafka.available ? '' : 'Kafka illisible : ' + (kafka.error || 'il ne r\u00e9pond pas');
    var rows = $('lag-rows');
    clear(rows);
    consumers.forEach(function (consumer) {
      var tr = el('tr', consumer.lag > 0 ? 'behind' : null);
      tr.setAttribute('data-group', consumer.group);
      tr.setAttribute('data-lag', consumer.lag);
      var name = el('td', 'group');
      name.appendChild(el('span', null, consumer.group));
      if (consumer.kind === 'gateway-view') { name.appendChild(el('span', 'tag', 'vue de la passerelle')); }
      tr.appendChild(name);
      tr.appendChild(el('td', null, CONSUMER_STATES[consumer.state] || consumer.state));
      tr.appendChild(el('td', 'num lag', number(consumer.lag)));
      var parts = el('td', 'partitions');
      if (consumer.partitions.length > 0) {
        var details = el('details');
        details.appendChild(el('summary', null, consumer.partitions.length + ' partition' + (consumer.partitions.length > 1 ? 's' : '')));
        var list = el('ul');
        consumer.partitions.forEach(function (p) {
          list.appendChild(el('li', p.lag > 0 ? 'behind' : null,
            p.topic + '-' + p.partition + ' : ' + number(p.position) + ' / ' + number(p.end) + (p.lag > 0 ? ' (\u2212' + number(p.lag) + ')' : '')));
        });
        details.appendChild(list);
        parts.appendChild(details);
      } else {
        parts.textContent = '\u2014';
      }
      tr.appendChild(parts);
      rows.appendChild(tr);
    });
  }

  // ---------------------------------------------------------------- source events

  var KINDS = { chapter: 'chapitre', indicator: 'indicateur', dataset: 'jeu de donn\u00e9es' };

  function setEventLatency(cell, ms, path) {
    cell.textContent = latency(ms);
    cell.title = path ? 'premi\u00e8re sortie publi\u00e9e : ' + path : '';
    cell.parentNode.setAttribute('data-live', 'true');
  }

  function renderEvents(events) {
    var rows = $('events');
    clear(rows);
    $('events-empty').hidden = events.length > 0;
    events.forEach(function (event) {
      var tr = el('tr');
      tr.setAttribute('data-event-id', event.eventId);
      tr.setAttribute('data-occurred-at', event.occurredAt);
      var time = el('td', 'time');
      var t = el('time', null, dateTime(event.occurredAt));
      t.dateTime = event.occurredAt;
      time.appendChild(t);
      tr.appendChild(time);
      var source = el('td', 'source');
      source.appendChild(el('span', null, (KINDS[event.kind] || event.kind) + ' ' + event.key));
      source.appendChild(el('span', 'sub', ' \u00b7 r\u00e9v. ' + event.revision));
      if (event.deleted) { source.appendChild(el('span', 'tag removed', 'supprim\u00e9')); }
      tr.appendChild(source);
      tr.appendChild(el('td', 'actor', event.actorName || event.actor));
      var id = el('td', 'cause');
      var code = el('code', null, event.eventId.slice(0, 8));
      code.title = 'modification ' + event.eventId + '\n' + event.topic + '-' + event.partition + ' @ ' + event.offset
        + (event.traceparent ? '\ntrace ' + event.traceparent : '');
      id.appendChild(code);
      tr.appendChild(id);
      var live = el('td', 'num latency');
      tr.appendChild(live);
      if (event.latencyMs !== null && event.latencyMs !== undefined) {
        setEventLatency(live, event.latencyMs, event.path);
      } else {
        live.textContent = '\u2014';
        live.title = 'aucune page ni document republi\u00e9 par cette modification, vu par cette passerelle';
      }
      rows.appendChild(tr);
    });
  }

  /** A rebuild that names an event shown without latency gives it one, without waiting for the next refresh. */
  function eventWentLive(notice) {
    if (notice.type !== 'published' || !notice.publishedAt) { return; }
    (notice.causes || []).forEach(function (id) {
      var rows = document.querySelectorAll('#events tr[data-event-id]');
      for (var i = 0; i < rows.length; i++) {
        var tr = rows[i];
        if (tr.getAttribute('data-event-id') === id && tr.getAttribute('data-live') !== 'true') {
          var ms = new Date(notice.publishedAt).getTime() - new Date(tr.getAttribute('data-occurred-at')).getTime();
          if (!isNaN(ms)) { setEventLatency(tr.lastChild, ms, notice.path); }
        }
      }
    });
  }

  // ---------------------------------------------------------------- rebuilds (table)

  var seen = {};

  // The sources of a rebuild in one line: the first two names, the revisions on hover.
  function sourcesCell(notice, names) {
    var sources = el('td', 'sources', names.length === 0 ? '\u2014' : names.slice(0, 2).join(', ') + (names.length > 2 ? ' +\u202F' + (names.length - 2) : ''));
    sources.title = names.map(function (n) { return n + ' \u00b7 r\u00e9v. ' + notice.sourceRevisions[n]; }).join('\n');
    return sources;
  }

  function addRebuild(notice, atTop) {
    if (seen[notice.id]) { return false; }
    seen[notice.id] = true;
    var rows = $('rebuilds');
    var tr = Notices.row(notice, { causes: 2, explained: false, sources: sourcesCell });
    if (atTop) { rows.insertBefore(tr, rows.firstChild); } else { rows.appendChild(tr); }
    while (rows.childNodes.length > MAX_ROWS) { rows.removeChild(rows.lastChild); }
    $('rebuilds-empty').hidden = true;
    return true;
  }

  // ---------------------------------------------------------------- chart (uPlot)

  var points = [];  // {t: seconds, latency: ms or null}, oldest first
  var chart = null;

  function chartData() {
    var now = Date.now() / 1000;
    var from = now - CHART_WINDOW_S;
    points = points.filter(function (p) { return p.t >= from; });
    var buckets = {};
    points.forEach(function (p) {
      var b = Math.floor(p.t / BUCKET_S) * BUCKET_S;
      buckets[b] = (buckets[b] || 0) + 1;
    });
    var rows = [];
    points.forEach(function (p) { rows.push([p.t, p.latency, null]); });
    Object.keys(buckets).forEach(function (b) { rows.push([Number(b) + BUCKET_S / 2, null, buckets[b]]); });
    rows.push([from, null, null]);
    rows.push([now, null, null]);
    rows.sort(function (a, b) { return a[0] - b[0]; });
    return [rows.map(function (r) { return r[0]; }), rows.map(function (r) { return r[1]; }), rows.map(function (r) { return r[2]; })];
  }

  function chartWidth() { return Math.max(280, $('chart').clientWidth); }

  function makeChart() {
    if (typeof uPlot === 'undefined') {
      $('chart').textContent = 'Graphique indisponible (biblioth\u00e8que non charg\u00e9e).';
      return;
    }
    var opts = {
      width: chartWidth(),
      height: 240,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: true }, ms: { auto: true, range: function (u, min, max) { return [0, Math.max(100, max || 0) * 1.1]; } },
        n: { range: function (u, min, max) { return [0, Math.max(4, max || 0) * 1.25]; } } },
      series: [
        {},
        { label: 'Latence (ms)', scale: 'ms', stroke: '#0b4f8a', width: 0, paths: function () { return null; },
          points: { show: true, size: 7, stroke: '#0b4f8a', fill: '#0b4f8a' }, spanGaps: false },
        { label: 'Reconstructions / 10 s', scale: 'n', stroke: '#b9a77a', fill: 'rgba(185, 167, 122, 0.35)', width: 1,
          paths: uPlot.paths.bars({ size: [0.9, 40] }), points: { show: false } }
      ],
      axes: [
        { space: 90, values: function (u, values) { return values.map(function (v) { return clock(v * 1000, false); }); }, stroke: '#555', grid: { stroke: '#eee' } },
        { scale: 'ms', label: 'ms', stroke: '#0b4f8a', grid: { stroke: '#eee' }, size: 56 },
        { scale: 'n', side: 1, label: 'par 10 s', stroke: '#7a6a3f', grid: { show: false }, size: 50 }
      ]
    };
    chart = new uPlot(opts, chartData(), $('chart'));
    window.addEventListener('resize', function () { chart.setSize({ width: chartWidth(), height: 240 }); });
  }

  function updateChart() {
    if (chart) { chart.setData(chartData()); }
    var now = Date.now() / 1000;
    var lastMinute = points.filter(function (p) { return p.t >= now - 60; }).length;
    $('kpi-count').textContent = number(points.length);
    $('kpi-count').setAttribute('data-count', points.length);
    $('kpi-rate').textContent = number(lastMinute);
  }

  function addPoint(notice) {
    if (notice.type !== 'published') { return; }
    var t = new Date(notice.receivedAt).getTime() / 1000;
    if (isNaN(t)) { return; }
    points.push({ t: t, latency: notice.latencyMs === undefined ? null : notice.latencyMs });
    points.sort(function (a, b) { return a.t - b.t; });
  }

  // ---------------------------------------------------------------- pipeline

  var filledFromRing = false;

  function fillFromRing(rebuilds) {
    // The ring comes newest first; the table shows newest first.
    rebuilds.forEach(function (notice) {
      if (addRebuild(notice, false)) { addPoint(notice); }
    });
    updateChart();
  }

  function refreshPipeline() {
    return api('GET', '/api/ops/pipeline').then(function (result) {
      if (result.status === 401) { sessionLost = true; showStatus(); return; }
      if (result.status !== 200 || !result.body) {
        status.textContent = 'Tableau indisponible : ' + problem(result, 'erreur');
        status.setAttribute('data-state', 'closed');
        return;
      }
      var pipeline = result.body;
      renderServices(pipeline.services);
      renderLag(pipeline.kafka, pipeline.consumers);
      renderEvents(pipeline.events || []);
      if (!filledFromRing) { filledFromRing = true; fillFromRing(pipeline.rebuilds); }
      $('kpi-p50').textContent = latency(pipeline.latency.p50Ms);
      $('kpi-p99').textContent = latency(pipeline.latency.p99Ms);
      lastRefresh = Date.now();
      showStatus();
    });
  }

  // ---------------------------------------------------------------- live stream

  function connectStream() {
    Notices.follow({
      open: function () { streamState = 'open'; showStatus(); },
      notice: function (notice) {
        if (addRebuild(notice, true)) { addPoint(notice); updateChart(); eventWentLive(notice); }
      },
      reset: function () { filledFromRing = false; refreshPipeline(); },
      error: function (closed) { streamState = closed ? 'closed' : 'connecting'; showStatus(); }
    });
  }

  // ---------------------------------------------------------------- full rebuild

  var rebuildButton = $('rebuild-button');
  var confirmTimer = null;
  var rebuildRunning = false;

  function summaryText(summary, seconds) {
    return number(summary.rendered) + ' sorties rendues, ' + number(summary.published) + ' republi\u00e9es, '
      + number(summary.unchanged) + ' inchang\u00e9es, ' + number(summary.deleted) + ' supprim\u00e9es'
      + (seconds !== null && seconds !== undefined ? ' en ' + seconds.toFixed(1).replace('.', ',') + '\u202Fs.' : '.');
  }

  function showProgress(progress, started) {
    var bar = $('rebuild-bar');
    var text = $('rebuild-text');
    $('rebuild-progress').hidden = false;
    var elapsed = ((Date.now() - started) / 1000).toFixed(0) + '\u202Fs';
    if (progress && progress.total > 0) {
      bar.max = progress.total;
      bar.value = progress.done;
      text.textContent = number(progress.done) + ' / ' + number(progress.total) + ' sorties \u00b7 ' + elapsed;
    } else {
      bar.removeAttribute('value');
      text.textContent = 'Reconstruction en cours\u2026 ' + elapsed;
    }
  }

  /** Polls GET /api/ops/rebuild until stopped; resolves nothing, only draws. */
  function followProgress(started) {
    var stopped = false;
    function tick() {
      if (stopped) { return; }
      api('GET', '/api/ops/rebuild').then(function (result) {
        if (stopped) { return; }
        showProgress(result.status === 200 ? result.body : null, started);
        setTimeout(tick, PROGRESS_EVERY_MS);
      });
    }
    showProgress(null, started);
    tick();
    return function () { stopped = true; };
  }

  function setRebuilding(running) {
    rebuildRunning = running;
    rebuildButton.disabled = running;
    rebuildButton.textContent = running ? 'Reconstruction en cours\u2026' : 'Tout reconstruire';
  }

  function rebuild() {
    var started = Date.now();
    setRebuilding(true);
    $('rebuild-result').hidden = true;
    var stop = followProgress(started);
    api('POST', '/api/ops/rebuild').then(function (result) {
      stop();
      setRebuilding(false);
      $('rebuild-progress').hidden = true;
      var out = $('rebuild-result');
      out.hidden = false;
      if (result.status === 200 && result.body) {
        out.className = 'result ok';
        out.textContent = 'Termin\u00e9 : ' + summaryText(result.body, (Date.now() - started) / 1000);
      } else {
        out.className = 'result failed';
        out.textContent = '\u00c9chec : ' + problem(result, 'la reconstruction a \u00e9chou\u00e9');
      }
    });
  }

  rebuildButton.addEventListener('click', function () {
    if (rebuildRunning) { return; }
    if (!csrf) {
      $('rebuild-result').hidden = false;
      $('rebuild-result').className = 'result failed';
      $('rebuild-result').textContent = 'Connectez-vous (page /signin) pour lancer une reconstruction depuis cette page.';
      return;
    }
    if (confirmTimer === null) {
      rebuildButton.textContent = 'Confirmer : tout reconstruire';
      rebuildButton.classList.add('confirm');
      confirmTimer = setTimeout(function () {
        confirmTimer = null;
        rebuildButton.classList.remove('confirm');
        if (!rebuildRunning) { rebuildButton.textContent = 'Tout reconstruire'; }
      }, 5000);
      return;
    }
    clearTimeout(confirmTimer);
    confirmTimer = null;
    rebuildButton.classList.remove('confirm');
    rebuild();
  });

  /** A rebuild started elsewhere (another operator, curl) shows here too, until it ends. */
  function watchRunningRebuild() {
    api('GET', '/api/ops/rebuild').then(function (result) {
      if (rebuildRunning || result.status !== 200 || !result.body) { return; }
      if (result.body.state === 'running') {
        var started = result.body.startedAt ? new Date(result.body.startedAt).getTime() : Date.now();
        setRebuilding(true);
        showProgress(result.body, started);
        setTimeout(function () { setRebuilding(false); $('rebuild-progress').hidden = true; watchRunningRebuild(); }, PROGRESS_EVERY_MS);
      } else if (result.body.lastSummary && $('rebuild-result').hidden) {
        $('rebuild-result').hidden = false;
        $('rebuild-result').className = 'result';
        $('rebuild-result').textContent = 'Derni\u00e8re reconstruction : ' + summaryText(result.body.lastSummary, null);
      }
    });
  }

  // ---------------------------------------------------------------- dead letters

  var replaying = {};

  function deadLetterRow(record) {
    var tr = el('tr', record.replayed ? 'replayed' : null);
    tr.setAttribute('data-id', record.id);
    var failed = el('td', 'time');
    var t = el('time', null, dateTime(record.failedAt));
    t.dateTime = record.failedAt || '';
    failed.appendChild(t);
    tr.appendChild(failed);
    var origin = el('td', 'origin');
    origin.appendChild(el('span', null, record.originalTopic || record.deadLetterTopic));
    origin.appendChild(el('span', 'sub', 'partition ' + record.originalPartition + ' \u00b7 offset ' + record.originalOffset + (record.sizeBytes ? ' \u00b7 ' + bytes(record.sizeBytes) : '')));
    tr.appendChild(origin);
    tr.appendChild(el('td', 'key', record.key || '\u2014'));
    var error = el('td', 'error-cell');
    // The root cause names the problem (a DeserializationException); the exception is often the listener's wrapper.
    var shown = record.cause || record.exception || '';
    error.appendChild(el('code', 'exception', shown.split('.').pop() || 'erreur'));
    var message = el('p', 'message', record.message || '');
    message.title = [record.exception, record.cause].filter(function (x) { return x; }).join('\n');
    error.appendChild(message);
    tr.appendChild(error);
    var action = el('td', 'action');
    if (record.replayed) {
      action.appendChild(el('span', 'tag ok', 'rejou\u00e9'));
    } else {
      var button = el('button', 'small', 'Rejouer');
      button.type = 'button';
      button.disabled = !csrf || replaying[record.id] === true;
      button.addEventListener('click', function () { replay(record, tr, button); });
      action.appendChild(button);
    }
    var outcome = el('p', 'outcome');
    outcome.setAttribute('role', 'status');
    action.appendChild(outcome);
    tr.appendChild(action);
    return tr;
  }

  function replay(record, tr, button) {
    replaying[record.id] = true;
    button.disabled = true;
    var outcome = tr.querySelector('.outcome');
    outcome.className = 'outcome';
    outcome.textContent = 'Rejeu en cours\u2026';
    api('POST', '/api/ops/dead-letters/' + encodeURIComponent(record.id) + '/replay').then(function (result) {
      delete replaying[record.id];
      if (result.status === 200) {
        outcome.className = 'outcome ok';
        outcome.textContent = 'Rejou\u00e9 et appliqu\u00e9.';
        setTimeout(refreshDeadLetters, 1500);
      } else {
        button.disabled = false;
        outcome.className = 'outcome failed';
        outcome.textContent = (result.status === 422 ? '\u00c9choue encore : ' : '') + problem(result, 'le rejeu a \u00e9chou\u00e9');
      }
    });
  }

  function refreshDeadLetters() {
    return api('GET', '/api/ops/dead-letters').then(function (result) {
      var statusLine = $('dlt-status');
      var table = $('dlt');
      if (result.status !== 200 || !Array.isArray(result.body)) {
        table.hidden = true;
        $('dlt-count').textContent = '';
        statusLine.textContent = result.status === 404 || result.status === 405
          ? 'Indisponible : le service de rendu ne publie pas (encore) ses lettres mortes.'
          : 'Indisponible : ' + problem(result, 'le service de rendu ne r\u00e9pond pas');
        statusLine.setAttribute('data-state', 'unavailable');
        return;
      }
      var records = result.body;
      var waiting = records.filter(function (r) { return !r.replayed; }).length;
      $('dlt-count').textContent = waiting === 0 ? 'aucune en attente' : waiting + ' en attente';
      $('dlt-count').className = 'count' + (waiting > 0 ? ' alert' : '');
      statusLine.removeAttribute('data-state');
      statusLine.textContent = records.length === 0 ? 'Aucune lettre morte : tout ce qui est arriv\u00e9 a \u00e9t\u00e9 trait\u00e9.' : '';
      table.hidden = records.length === 0;
      var rows = $('dlt-rows');
      // Keep rows whose replay is showing an outcome: rebuild only when nothing is in flight.
      if (Object.keys(replaying).length > 0) { return; }
      clear(rows);
      records.forEach(function (record) { rows.appendChild(deadLetterRow(record)); });
    });
  }

  // ---------------------------------------------------------------- start

  var RULES = {
    IMAGE_WITHOUT_ALT: 'Image sans texte alternatif',
    SKIPPED_HEADING_LEVEL: 'Niveau d\u2019intertitre saut\u00e9',
    EMPTY_HEADING: 'Intertitre vide',
    VAGUE_LINK_TEXT: 'Lien qui ne dit pas o\u00f9 il m\u00e8ne',
    TABLE_WITHOUT_HEADER: 'Tableau sans en-t\u00eate',
    ALL_CAPITALS: 'Texte en capitales'
  };

  function refreshAccessibility() {
    return api('GET', '/api/ops/accessibility').then(function (result) {
      var statusLine = $('a11y-status');
      var table = $('a11y');
      var rows = $('a11y-rows');
      if (result.status !== 200 || result.body === null || typeof result.body !== 'object') {
        table.hidden = true;
        $('a11y-count').textContent = '';
        statusLine.textContent = 'Indisponible : ' + problem(result, 'le service de rendu ne r\u00e9pond pas');
        return;
      }
      clear(rows);
      var total = 0;
      Object.keys(result.body).sort().reverse().forEach(function (edition) {
        var byRule = result.body[edition];
        Object.keys(byRule).sort().forEach(function (rule) {
          total += byRule[rule];
          var row = document.createElement('tr');
          row.setAttribute('data-edition', edition);
          row.setAttribute('data-rule', rule);
          [edition, RULES[rule] || rule, number(byRule[rule])].forEach(function (text, i) {
            var cell = document.createElement(i === 0 ? 'th' : 'td');
            if (i === 0) { cell.setAttribute('scope', 'row'); }
            cell.textContent = text;
            row.appendChild(cell);
          });
          rows.appendChild(row);
        });
      });
      $('a11y-count').textContent = total === 0 ? 'aucun point' : total + (total === 1 ? ' point \u00e0 v\u00e9rifier' : ' points \u00e0 v\u00e9rifier');
      statusLine.textContent = total === 0 ? 'Aucun point \u00e0 v\u00e9rifier dans les textes publi\u00e9s.' : '';
      table.hidden = total === 0;
    });
  }

  makeChart();
  refreshPipeline();
  connectStream();
  refreshDeadLetters();
  watchRunningRebuild();
  setInterval(refreshPipeline, PIPELINE_EVERY_MS);
  setInterval(refreshDeadLetters, DEAD_LETTERS_EVERY_MS);
  refreshAccessibility();
  setInterval(refreshAccessibility, DEAD_LETTERS_EVERY_MS);
  // The chart's window slides even when nothing happens.
  setInterval(updateChart, 5000);
}());
