/*
 * studio-figures.js: the studio's figures and datasets pages (/studio/{edition}/chiffres, /donnees).
 * Everything works without it (plain forms); with it:
 * - the indicator editor's messages, swapped in by htmx as the person types, also set aria-invalid on their field;
 * - the dataset editor adds and deletes rows in place (no round trip), renumbering the rows' labels.
 */
(function () {
  'use strict';

  // The strict Content-Security-Policy (style-src 'self') refuses the <style> htmx would insert.
  if (window.htmx) {
    window.htmx.config.includeIndicatorStyles = false;
  }

  /** aria-invalid follows the message beside each field (data-message-for names the field's id). */
  function syncInvalid() {
    document.querySelectorAll('[data-message-for]').forEach(function (message) {
      var field = document.getElementById(message.getAttribute('data-message-for'));
      if (!field) {
        return;
      }
      if (message.textContent.trim() !== '') {
        field.setAttribute('aria-invalid', 'true');
      } else {
        field.removeAttribute('aria-invalid');
      }
    });
  }

  ['htmx:oobAfterSwap', 'htmx:afterSettle', 'htmx:afterOnLoad'].forEach(function (name) {
    document.addEventListener(name, syncInvalid);
  });

  /* The dataset editor's rows. */
  var rows = document.getElementById('dataset-rows');
  var template = document.getElementById('dataset-new-row');
  var status = document.getElementById('dataset-status');

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  /** Row numbers, cells' and buttons' accessible names after rows were added or removed. */
  function renumber() {
    Array.prototype.forEach.call(rows.rows, function (row, index) {
      var n = index + 1;
      var number = row.querySelector('.row-number');
      if (number) {
        number.textContent = String(n);
      }
      row.querySelectorAll('input[data-column]').forEach(function (input) {
        input.setAttribute('aria-label', 'Ligne ' + n + ', colonne ' + input.getAttribute('data-column'));
      });
      var hidden = row.querySelector('.figures-delete .visually-hidden');
      if (hidden) {
        hidden.textContent = ' la ligne ' + n;
      }
    });
    var caption = document.getElementById('table-caption');
    if (caption) {
      caption.textContent = 'Les lignes du tableau (' + rows.rows.length + ')';
    }
  }

  function addRow() {
    var next = Number(rows.getAttribute('data-next-row') || rows.rows.length);
    rows.setAttribute('data-next-row', String(next + 1));
    var fragment = template.content.cloneNode(true);
    fragment.querySelectorAll('[name]').forEach(function (element) {
      element.setAttribute('name', element.getAttribute('name').replace('__ROW__', String(next)));
    });
    fragment.querySelectorAll('input').forEach(function (input) {
      input.id = input.getAttribute('name');
    });
    var row = fragment.querySelector('tr');
    rows.appendChild(fragment);
    renumber();
    say('Ligne ' + rows.rows.length + ' ajoutée en bas du tableau.');
    var first = row.querySelector('input');
    if (first) {
      first.focus();
    }
  }

  function deleteRow(button) {
    var row = button.closest('tr');
    var index = Array.prototype.indexOf.call(rows.rows, row);
    var after = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber();
    say('Ligne ' + (index + 1) + ' supprimée. Enregistrez pour confirmer.');
    var focus = after ? after.querySelector('input') : document.querySelector('.figures-add');
    if (focus) {
      focus.focus();
    }
  }

  if (rows && template) {
    document.addEventListener('click', function (event) {
      var button = event.target.closest('button[name="action"]');
      if (!button || !button.form || !button.form.classList.contains('figures-dataset')) {
        return;
      }
      if (button.value === 'add') {
        event.preventDefault();
        addRow();
      } else if (button.value.indexOf('delete-') === 0) {
        event.preventDefault();
        deleteRow(button);
      }
    });
  }
})();
