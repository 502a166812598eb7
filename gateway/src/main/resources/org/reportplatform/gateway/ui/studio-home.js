/* studio-home.js: the studio's studio-home (filled in by the studio's pages). */
