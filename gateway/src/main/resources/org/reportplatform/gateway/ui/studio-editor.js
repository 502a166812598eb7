/* studio-editor.js: the studio's studio-editor (filled in by the studio's pages). */
