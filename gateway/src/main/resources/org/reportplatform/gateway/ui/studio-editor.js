/*
 * studio-editor.js: the chapter editor's enhancements. Without it the page is a plain form (a
 * textarea, Enregistrer) with the preview of the saved text; with it, the text is written in
 * EasyMDE (served from the gateway: no font or dictionary from a CDN), the preview follows the
 * typing (htmx posts the form to .../apercu after a pause), and the picker inserts {{fig:ID}} or
 * {{chart:ID}} at the cursor.
 *
 * The text is the chapter's draft: a pause of 800 ms after typing saves it (POST …/brouillon with
 * If-None-Match: * the first time, then If-Match on the draft's revision), and the status line
 * says so (« Brouillon enregistré à 10:42 ») or says what went wrong. The draft changed elsewhere
 * (412): the person is told, and chooses to keep their text over it or to reload the saved one.
 * The preview beside it is the frame on /preview/…?live, which follows the draft's saves.
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

    autosave();

    // Leaving the page (another page, the tab closed, a save that reloads it): the others stop
    // seeing the person at once instead of after the presence window; the next page load says
    // "here" again. A beacon survives the page's unloading; it carries the form's CSRF token.
    // Only pages that show who is here (a chapter's, not a translation's) say so.
    var csrf = form.querySelector('input[name="_csrf"]');
    if (navigator.sendBeacon && csrf && document.getElementById('presence')) {
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

    function autosave() {
        var url = form.getAttribute('data-autosave');
        var revision = document.getElementById('draft-revision');
        var status = document.getElementById('autosave-status');
        var conflict = document.getElementById('autosave-conflict');
        var title = document.getElementById('title');
        if (!url || !revision || !status || !title) {
            return;
        }
        var token = form.querySelector('input[name="_csrf"]');
        var timer = null;
        var saving = null;
        var paused = false;
        var afterSave = null;
        var saved = current();

        function current() {
            return title.value + '\u0000' + textarea.value;
        }

        function schedule() {
            if (paused) {
                return;
            }
            clearTimeout(timer);
            timer = setTimeout(save, 800);
        }

        function save() {
            timer = null;
            if (saving || paused) {
                if (saving) {
                    saving.then(schedule);
                }
                return saving;
            }
            var text = current();
            if (text === saved) {
                return null;
            }
            var body = new URLSearchParams();
            if (token) {
                body.set('_csrf', token.value);
            }
            body.set('title', title.value);
            body.set('body', textarea.value);
            var headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', 'Accept': 'application/json' };
            if (token) {
                headers['X-CSRF-TOKEN'] = token.value;
            }
            if (revision.value) {
                headers['If-Match'] = '"' + revision.value + '"';
            } else {
                headers['If-None-Match'] = '*';
            }
            saving = fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
                .then(function (response) {
                    return response.json().catch(function () { return {}; }).then(function (answer) {
                        if (response.ok) {
                            saved = text;
                            var first = !revision.value;
                            revision.value = String(answer.revision);
                            status.textContent = answer.message || 'Brouillon enregistré';
                            if (first) {
                                showDraftPreview();
                                var state = document.getElementById('draft-state');
                                if (state) {
                                    state.textContent = 'Brouillon';
                                    state.className = 'badge draft-editing';
                                }
                            }
                        } else if (response.status === 412) {
                            paused = true;
                            document.getElementById('autosave-conflict-message').textContent = (answer.message || '')
                                + ' Votre texte n’est pas enregistré : il est toujours dans le formulaire.';
                            conflict.hidden = false;
                            conflict.setAttribute('data-revision', answer.revision === undefined ? '' : String(answer.revision));
                            status.textContent = 'Brouillon non enregistré : il a été modifié ailleurs.';
                            document.getElementById('keep-mine').focus();
                        } else {
                            status.textContent = answer.message || 'Brouillon non enregistré : réessai à la prochaine frappe.';
                        }
                    });
                })
                .catch(function () {
                    status.textContent = 'Brouillon non enregistré : la connexion est interrompue. Nouvel essai à la prochaine frappe ; '
                        + 'votre texte reste dans la page.';
                })
                .then(function () {
                    saving = null;
                    if (afterSave) {
                        var then = afterSave;
                        afterSave = null;
                        then();
                    }
                });
            return saving;
        }

        /** The first save started the draft: the preview becomes the draft's own (/preview/…?live). */
        function showDraftPreview() {
            var pane = document.getElementById('preview');
            if (!pane || document.getElementById('preview-frame')) {
                return;
            }
            var hint = document.createElement('p');
            hint.className = 'hint';
            hint.textContent = 'La page telle que la publication la produira, avec le texte du brouillon ; elle suit les enregistrements du brouillon.';
            var frame = document.createElement('iframe');
            frame.className = 'preview-frame';
            frame.id = 'preview-frame';
            frame.title = 'Aperçu du brouillon';
            frame.src = form.getAttribute('data-preview');
            pane.replaceChildren(hint, frame);
        }

        title.addEventListener('input', schedule);
        textarea.addEventListener('input', schedule);

        document.getElementById('keep-mine').addEventListener('click', function () {
            var newer = conflict.getAttribute('data-revision');
            revision.value = newer || '';
            conflict.hidden = true;
            paused = false;
            saved = null;
            save();
            title.focus();
        });
        document.getElementById('reload-draft').addEventListener('click', function () {
            location.reload();
        });

        // A button of the form (Publier, Soumettre, Programmer) sends the text with the draft's
        // revision: a save still under way finishes first, so the revision sent is the newest.
        // Once it is sent, no autosave may follow it: one scheduled by the save it waited for would
        // reach the service first on a busy machine and make the form's revision stale (a 412 that
        // says the draft changed elsewhere).
        form.addEventListener('submit', function (event) {
            clearTimeout(timer);
            if (saving && event.submitter) {
                event.preventDefault();
                var submitter = event.submitter;
                afterSave = function () {
                    form.requestSubmit(submitter);
                };
                return;
            }
            paused = true;
        });
    }
})();
