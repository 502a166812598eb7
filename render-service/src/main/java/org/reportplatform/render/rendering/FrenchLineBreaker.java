package org.reportplatform.render.rendering;

import com.openhtmltopdf.extend.FSTextBreaker;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Where the PDF may break a line: the JDK's Unicode line breaking, except inside inclusive forms.
 * The JDK (and openhtmltopdf's default, which also breaks URLs after dots) would break
 * « défenseur.e.s » after each dot; a dot (or a middle dot, « défenseur·e·s ») followed by a letter
 * is not a break opportunity here; nor is an apostrophe followed by a letter (the JDK would break
 * « l’Ukraine » after the apostrophe). No-break spaces (U+00A0 before « : », U+202F in « 4 445 »)
 * never were.
 *
 * <p>One instance per render: it keeps the text it is given.
 */
final class FrenchLineBreaker implements FSTextBreaker {

    private final BreakIterator delegate = BreakIterator.getLineInstance(Locale.FRENCH);
    private String text = "";

    @Override
    public void setText(String newText) {
        text = newText;
        delegate.setText(newText);
    }

    @Override
    public int next() {
        int next = delegate.next();
        while (next != BreakIterator.DONE && next > 0 && next < text.length() && !allowed(next)) {
            next = delegate.next();
        }
        return next;
    }

    private boolean allowed(int at) {
        char before = text.charAt(at - 1);
        char after = text.charAt(at);
        boolean inclusiveForm = (before == '.' || before == '\u00B7') && Character.isLetter(after);
        boolean elision = (before == '\u2019' || before == '\'') && Character.isLetter(after);
        return !inclusiveForm && !elision;
    }
}
