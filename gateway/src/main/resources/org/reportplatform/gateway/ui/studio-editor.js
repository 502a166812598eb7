/*
 * studio-editor.js: the chapter editor's enhancements. Without it the page is a plain form (a
 * textarea, Enregistrer) with the preview of the saved text; with it, the text is written in
 * EasyMDE (served from the gateway: no font or dictionary from a CDN), the preview follows the
 * typing (htmx posts the form to .../apercu after a pause), and the picker inserts {{fig:ID}} or
 * {{chart:ID}} at the cursor.
 */
(function () {
    'use strict';

    var textarea = document.getElementById('body');
    if (!textarea || !textarea.form) {
        return;
    }
    var form = textarea.form;
    var editor = null;

    if (typeof EasyMDE !== 'undefined') {
        var tool = function (name, action, title) {
            return { name: name, action: action, title: title, text: title };
        };
        editor = new EasyMDE({
            element: textarea,
            autoDownloadFontAwesome: false,
            spellChecker: false,
            nativeSpellcheck: true,
            inputStyle: 'contenteditable',
            forceSync: true,
            status: false,
            toolbarTips: false,
            minHeight: '18em',
            toolbar: [
                tool('bold', EasyMDE.toggleBold, 'Gras'),
                tool('italic', EasyMDE.toggleItalic, 'Italique'),
                tool('heading', EasyMDE.toggleHeadingSmaller, 'Titre'),
                tool('unordered-list', EasyMDE.toggleUnorderedList, 'Liste à puces'),
                tool('ordered-list', EasyMDE.toggleOrderedList, 'Liste numérotée'),
                tool('link', EasyMDE.drawLink, 'Lien'),
                tool('quote', EasyMDE.toggleBlockquote, 'Citation')
            ]
        });
        var cm = editor.codemirror;
        // The editable area is CodeMirror's, not the hidden textarea: it gets the field's name and hints.
        var input = cm.getInputField();
        input.id = 'body-editor';
        input.setAttribute('role', 'textbox');
        input.setAttribute('aria-multiline', 'true');
        input.setAttribute('aria-labelledby', 'body-label');
        var describedBy = textarea.getAttribute('aria-describedby');
        if (describedBy) {
            input.setAttribute('aria-describedby', describedBy);
        }
        if (textarea.getAttribute('aria-invalid')) {
            input.setAttribute('aria-invalid', textarea.getAttribute('aria-invalid'));
        }
        document.getElementById('body-label').addEventListener('click', function () {
            cm.focus();
        });
        // The toolbar is reachable with Tab like any button (EasyMDE takes its buttons out of the tab order).
        var toolbar = editor.gui.toolbar;
        if (toolbar) {
            toolbar.setAttribute('role', 'toolbar');
            toolbar.setAttribute('aria-label', 'Mise en forme du texte');
            toolbar.setAttribute('aria-controls', 'body-editor');
            Array.prototype.forEach.call(toolbar.querySelectorAll('button'), function (button) {
                button.tabIndex = 0;
            });
        }
        // forceSync has copied the text into the textarea: tell htmx the form changed.
        cm.on('change', function () {
            textarea.dispatchEvent(new Event('input', { bubbles: true }));
        });
        // A link to an error ("#body") reaches the editor.
        if (location.hash === '#body') {
            cm.focus();
        }
    }

    // Leaving the page (another page, the tab closed, a save that reloads it): the others stop
    // seeing the person at once instead of after the presence window; the next page load says
    // "here" again. A beacon survives the page's unloading; it carries the form's CSRF token.
    var csrf = form.querySelector('input[name="_csrf"]');
    if (navigator.sendBeacon && csrf) {
        window.addEventListener('pagehide', function () {
            navigator.sendBeacon(form.getAttribute('action') + '/presence/depart', new URLSearchParams({ _csrf: csrf.value }));
        });
    }

    // The picker needs a script to insert at the cursor: shown only here.
    var picker = document.getElementById('picker');
    var status = document.getElementById('picker-status');
    if (picker) {
        picker.hidden = false;
        picker.addEventListener('click', function (event) {
            // The figures pages' list (/studio/{edition}/chiffres/choix): buttons carrying their reference.
            var button = event.target.closest('[data-reference]');
            if (!button) {
                return;
            }
            var code = button.getAttribute('data-reference');
            insert(code, code.indexOf('{{chart:') === 0);
            if (status) {
                status.textContent = 'Inséré dans le texte : ' + code;
            }
        });
    }

    /** A chart stands on its own line (the renderer's rule); a figure goes inside the sentence. */
    function insert(code, chart) {
        if (editor) {
            var doc = editor.codemirror.getDoc();
            var cursor = doc.getCursor();
            var text = chart ? (cursor.ch > 0 ? '\n\n' : '') + code + '\n\n' : code;
            doc.replaceSelection(text);
            editor.codemirror.focus();
            return;
        }
        var start = textarea.selectionStart;
        var before = textarea.value.slice(0, start);
        var text = chart ? (before.length > 0 && !before.endsWith('\n') ? '\n\n' : '') + code + '\n\n' : code;
        textarea.setRangeText(text, start, textarea.selectionEnd, 'end');
        textarea.focus();
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
})();
