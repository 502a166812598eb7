package org.reportplatform.gateway.search;

/** Report pages as the render service writes them: header, navigation, language switcher, search box, then {@code <main>}. */
final class ReportPages {

    private ReportPages() {
    }

    static String page(String lang, String title, String main) {
        return """
                <!DOCTYPE html>
                <html lang="%1$s">
                <head><meta charset="utf-8"><title>%2$s – Rapport annuel 2024</title><style>body { margin: 0; }</style></head>
                <body>
                <a class="skip-link" href="#contenu">Aller au contenu</a>
                <header class="site-header"><div class="site-header-inner">
                <p class="report-title"><a href="/2024/">Rapport annuel 2024</a></p>
                <nav class="site-nav" aria-label="Navigation du rapport"><ul><li><a href="/2024/">Sommaire</a></li>
                <li><a href="/2024/chiffres-cles">Chiffres clés</a></li></ul></nav>
                <nav class="languages" aria-label="Langues"><ul><li><a href="/2024/" hreflang="fr" lang="fr">Français</a></li>
                <li><a href="/2024/en/" hreflang="en" lang="en">English</a></li></ul></nav>
                <form role="search" class="site-search" action="/2024/recherche"><label for="site-search-q">Rechercher dans le rapport</label>
                <input id="site-search-q" type="search" name="q"><button type="submit">Rechercher</button></form>
                </div></header>
                <main id="contenu">
                %3$s
                </main>
                </body>
                </html>
                """.formatted(lang, title, main);
    }

    static String chapter(String lang, String title, String text) {
        return page(lang, title, "<article><h1>" + title + "</h1><div class=\"chapter-text\" lang=\"" + lang + "\">" + text
                + "</div></article><nav class=\"pager\" aria-label=\"Navigation entre les chapitres\"><ul>"
                + "<li><a href=\"/2024/\">Retour au sommaire</a></li></ul></nav>");
    }
}
