// The report's structure (/studio/{edition}/structure): drag and drop with SortableJS, on top of
// the page's own "Monter" / "Descendre" forms. A drop posts the same move those forms post (the
// chapter's move form, with the new position and the CSRF token in X-CSRF-TOKEN), then puts the
// structure page's answer in place: the list as it now is and the message saying where the
// chapter went (an aria-live region), and gives the focus back to the moved chapter.
(function () {
  'use strict';

  function focusMoved(slug) {
    var row = document.getElementById('chapitre-' + slug);
    if (!row) {
      return;
    }
    var button = row.querySelector('button[data-move]');
    if (button) {
      button.focus();
    }
  }

  function moveForm(row) {
    return row.querySelector('form.move');
  }

  function setUp(list) {
    if (typeof Sortable === 'undefined') {
      return;
    }
    Sortable.create(list, {
      handle: '.handle',
      animation: 150,
      // Sortable's own pointer handling rather than the browser's HTML5 drag and drop: the same on
      // touch screens, and scrollable long lists.
      forceFallback: true,
      onEnd: function (event) {
        if (event.oldIndex === event.newIndex) {
          return;
        }
        var row = event.item;
        var form = moveForm(row);
        if (!form) {
          return;
        }
        var csrf = form.querySelector('input[name="_csrf"]');
        var data = new URLSearchParams();
        data.set('position', String(event.newIndex + 1));
        data.set('revision', row.getAttribute('data-revision'));
        data.set('sens', 'glisser');
        var status = document.getElementById('structure-status');
        status.textContent = 'Déplacement en cours…';
        fetch(form.getAttribute('action'), {
          method: 'POST',
          credentials: 'same-origin',
          headers: {'X-CSRF-TOKEN': csrf ? csrf.value : '', 'Content-Type': 'application/x-www-form-urlencoded'},
          body: data.toString()
        }).then(function (response) {
          return response.text();
        }).then(function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html');
          var newList = page.getElementById('structure-list');
          var newMessages = page.getElementById('structure-messages');
          if (newList) {
            list.innerHTML = newList.innerHTML;
          }
          var messages = document.getElementById('structure-messages');
          if (newMessages && messages) {
            var newStatus = newMessages.querySelector('#structure-status');
            var error = newMessages.querySelector('#structure-error');
            var oldError = document.getElementById('structure-error');
            if (oldError) {
              oldError.remove();
            }
            if (error) {
              messages.appendChild(error);
            }
            status.textContent = newStatus ? newStatus.textContent : '';
          }
          focusMoved(row.getAttribute('data-slug'));
        }).catch(function () {
          status.textContent = 'Le déplacement n’a pas pu être envoyé. Rechargez la page pour voir l’ordre actuel, puis recommencez.';
        });
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    // After a move, the page names the moved chapter's button with autofocus; some browsers skip
    // autofocus on a page they scrolled: give it the focus here too.
    var autofocus = document.querySelector('#structure-list [autofocus]');
    if (autofocus && document.activeElement === document.body) {
      autofocus.focus();
    }
    var list = document.getElementById('structure-list');
    if (list) {
      setUp(list);
    }
  });
})();
