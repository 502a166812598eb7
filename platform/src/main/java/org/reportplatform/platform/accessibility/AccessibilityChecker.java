package org.reportplatform.platform.accessibility;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds in a chapter's (or a translation's) Markdown what an author can get wrong for readers of
 * assistive technologies: {@link AccessibilityRule}. It reads the text as the render service
 * parses it (CommonMark with GFM tables), so what it reports is what the page will show; the render
 * service publishes its findings, content-service refuses a publication with findings in an
 * edition that makes them blocking. Thread-safe and deterministic: the same text gives the same
 * findings, in the order of the text.
 */
public final class AccessibilityChecker {

    /**
     * Link texts that say nothing out of their sentence, by language. A text is checked against all
     * of them: a French chapter may quote an English "click here".
     */
    static final Map<String, Set<String>> VAGUE_LINK_TEXTS = Map.of(
            "fr", Set.of("ici", "cliquez ici", "cliquer ici", "clique ici", "cliquez", "lire la suite", "la suite", "suite",
                    "en savoir plus", "plus", "lien", "ce lien", "voir", "voir ici", "plus d'informations", "page"),
            "en", Set.of("here", "click here", "click", "read more", "more", "link", "this link", "learn more", "more info",
                    "see here", "this page"),
            "es", Set.of("aqui", "haga clic aqui", "haz clic aqui", "clic aqui", "pulse aqui", "leer mas", "mas", "enlace",
                    "este enlace", "mas informacion", "ver mas"));

    private static final Set<String> VAGUE = VAGUE_LINK_TEXTS.values().stream().flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    /** A run of words in capitals this long (letters) is shouting, not an acronym or two (OMCT, ONU). */
    private static final int CAPITALS_MIN_WORDS = 3;
    private static final int CAPITALS_MIN_LETTERS = 10;
    private static final int EXCERPT_LENGTH = 80;

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern HTML_IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_ALT = Pattern.compile("\\balt\\s*=\\s*(\"\\s*[^\"\\s][^\"]*\"|'\\s*[^'\\s][^']*'|[^\\s\"'>]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_TABLE = Pattern.compile("<table\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_TH = Pattern.compile("<th\\b", Pattern.CASE_INSENSITIVE);

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    /** The findings in {@code markdown}, in the order of the text; empty when there is nothing to check. */
    public List<AccessibilityFinding> check(String markdown) {
        String text = markdown == null ? "" : markdown;
        String[] lines = text.split("\\R", -1);
        Node document = parser.parse(text);
        List<AccessibilityFinding> findings = new ArrayList<>();
        document.accept(new Visitor(lines, findings));
        return List.copyOf(findings);
    }

    private static final class Visitor extends AbstractVisitor {
        private final String[] lines;
        private final List<AccessibilityFinding> findings;
        // The page's title is its level 1; a body's "#" heading is shown at level 2.
        private int previousLevel = 1;

        Visitor(String[] lines, List<AccessibilityFinding> findings) {
            this.lines = lines;
            this.findings = findings;
        }

        @Override
        public void visit(Heading heading) {
            String title = plainText(heading).strip();
            int line = line(heading);
            if (title.isEmpty()) {
                add(AccessibilityRule.EMPTY_HEADING, "Intertitre vide : écrivez son texte après les « # », ou supprimez la ligne.",
                        sourceLine(line), line);
                return;
            }
            int level = Math.max(2, heading.getLevel());
            if (level > previousLevel + 1) {
                String expected = "#".repeat(previousLevel + 1);
                add(AccessibilityRule.SKIPPED_HEADING_LEVEL, "L’intertitre « " + title + " » saute un niveau (" + "#".repeat(heading.getLevel())
                        + " après " + (previousLevel == 1 ? "le titre du chapitre" : "un intertitre " + "#".repeat(previousLevel))
                        + ") : écrivez « " + expected + " " + title + " », pour que le plan du chapitre se lise dans l’ordre.",
                        title, line);
            }
            previousLevel = level;
            visitChildren(heading);
        }

        @Override
        public void visit(Image image) {
            if (plainText(image).isBlank()) {
                int line = line(image);
                add(AccessibilityRule.IMAGE_WITHOUT_ALT, "Image sans texte alternatif : décrivez ce qu’elle montre entre les crochets, "
                        + "par exemple ![Des militantes devant le tribunal](" + image.getDestination() + ").", sourceLine(line), line);
            }
        }

        @Override
        public void visit(Link link) {
            String words = plainText(link);
            String normalised = normalise(words);
            boolean hasImage = contains(link, Image.class);
            if ((normalised.isEmpty() && !hasImage) || VAGUE.contains(normalised)) {
                int line = line(link);
                String shown = words.isBlank() ? link.getDestination() : words.strip();
                add(AccessibilityRule.VAGUE_LINK_TEXT, "Le lien « " + shown + " » ne dit pas où il mène : les lecteurs d’écran "
                        + "listent les liens hors de leur phrase. Faites du lien les mots qui nomment sa destination, "
                        + "par exemple [le rapport du Comité contre la torture](…).", shown, line);
            }
            visitChildren(link);
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof TableHead head && headerIsEmpty(head)) {
                int line = line(head);
                add(AccessibilityRule.TABLE_WITHOUT_HEADER, "Tableau sans ligne d’en-tête : écrivez sur sa première ligne le nom de "
                        + "chaque colonne, pour qu’un lecteur d’écran annonce chaque cellule avec sa colonne.", sourceLine(line), line);
            }
            visitChildren(node);
        }

        @Override
        public void visit(HtmlBlock block) {
            html(block.getLiteral(), line(block), true);
        }

        @Override
        public void visit(HtmlInline inline) {
            html(inline.getLiteral(), line(inline), false);
        }

        @Override
        public void visit(Text text) {
            capitals(text.getLiteral(), line(text));
        }

        @Override
        public void visit(Code code) {
            // Code is quoted as written: capitals there are no shouting.
        }

        private void html(String html, int line, boolean block) {
            Matcher img = HTML_IMG.matcher(html);
            while (img.find()) {
                if (!HTML_ALT.matcher(img.group()).find()) {
                    add(AccessibilityRule.IMAGE_WITHOUT_ALT, "Image sans texte alternatif : ajoutez à la balise un attribut "
                            + "alt=\"…\" qui décrit ce qu’elle montre.", excerpt(img.group()), line);
                }
            }
            if (block && HTML_TABLE.matcher(html).find() && !HTML_TH.matcher(html).find()) {
                add(AccessibilityRule.TABLE_WITHOUT_HEADER, "Tableau sans cellule d’en-tête : écrivez le nom de chaque colonne "
                        + "dans des cellules <th> sur sa première ligne.", sourceLine(line), line);
            }
        }

        private void capitals(String literal, int line) {
            Matcher words = WORD.matcher(literal);
            int runStart = -1;
            int runEnd = -1;
            int runWords = 0;
            int runLetters = 0;
            while (words.find()) {
                String word = words.group();
                int letters = 0;
                boolean lower = false;
                for (int i = 0; i < word.length(); i++) {
                    char c = word.charAt(i);
                    if (Character.isLetter(c)) {
                        letters++;
                        lower |= !Character.isUpperCase(c);
                    }
                }
                if (letters == 0) {
                    continue;
                }
                if (lower) {
                    flushCapitals(literal, runStart, runEnd, runWords, runLetters, line);
                    runStart = -1;
                    runWords = 0;
                    runLetters = 0;
                    continue;
                }
                if (runStart < 0) {
                    runStart = words.start();
                }
                runEnd = words.end();
                runWords++;
                runLetters += letters;
            }
            flushCapitals(literal, runStart, runEnd, runWords, runLetters, line);
        }

        private void flushCapitals(String literal, int start, int end, int words, int letters, int line) {
            if (start < 0 || words < CAPITALS_MIN_WORDS || letters < CAPITALS_MIN_LETTERS) {
                return;
            }
            String run = literal.substring(start, end);
            add(AccessibilityRule.ALL_CAPITALS, "Texte en capitales : « " + excerpt(run) + " » se lit mal, et certains lecteurs "
                    + "d’écran l’épellent. Écrivez-le en minuscules (les sigles comme OMCT peuvent rester en capitales) ; "
                    + "pour le faire ressortir, mettez-le en **gras**.", excerpt(run), line);
        }

        private void add(AccessibilityRule rule, String message, String excerpt, int line) {
            findings.add(new AccessibilityFinding(rule, message, excerpt(excerpt), line));
        }

        private String sourceLine(int line) {
            return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
        }
    }

    private static boolean headerIsEmpty(TableHead head) {
        for (Node row = head.getFirstChild(); row != null; row = row.getNext()) {
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                if (cell instanceof TableCell && !plainText(cell).isBlank()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean contains(Node parent, Class<? extends Node> type) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            if (type.isInstance(child) || contains(child, type)) {
                return true;
            }
        }
        return false;
    }

    /** The text a node shows: its text and code, an image's alternative text included. */
    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.SoftLineBreak lineBreak) {
                text.append(' ');
            }
        });
        return text.toString();
    }

    /** Lower case, accents and surrounding punctuation removed, spaces collapsed: « Cliquez ici ! » is "cliquez ici". */
    static String normalise(String linkText) {
        String folded = Normalizer.normalize(linkText, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('’', '\'').toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}']+", " ").strip();
    }

    /** The first line of the text the node comes from (1-based); 0 when the parser gave none. */
    private static int line(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            List<SourceSpan> spans = at.getSourceSpans();
            if (!spans.isEmpty()) {
                return spans.get(0).getLineIndex() + 1;
            }
        }
        return 0;
    }

    private static String excerpt(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= EXCERPT_LENGTH ? oneLine : oneLine.substring(0, EXCERPT_LENGTH - 1) + "…";
    }
}
