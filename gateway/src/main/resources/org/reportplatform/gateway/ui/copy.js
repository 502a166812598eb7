// The account pages' "Copier" buttons (a new token, an invitation link, a key, recovery codes):
// hidden without JavaScript, where the text stays selectable by hand. The result is announced
// in the next .copy-status (aria-live) for screen readers.
(function () {
  'use strict';
  function status(button) {
    var container = button.closest('div, p');
    var next = container && container.nextElementSibling;
    while (next && !next.classList.contains('copy-status')) { next = next.nextElementSibling; }
    return next;
  }
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy'));
    if (!target || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = target.value !== undefined && target.tagName === 'INPUT'
        ? target.value
        : Array.prototype.map.call(target.querySelectorAll('code'), function (c) { return c.textContent; }).join('\n') || target.textContent;
      var out = status(button);
      navigator.clipboard.writeText(text).then(function () {
        if (out) { out.textContent = 'Copié dans le presse-papiers.'; }
      }, function () {
        if (out) { out.textContent = 'La copie a échoué : sélectionnez le texte et copiez-le à la main.'; }
        if (target.select) { target.select(); }
      });
    });
  });
})();
