/* studio-figures.js: the studio's studio-figures (filled in by the studio's pages). */
