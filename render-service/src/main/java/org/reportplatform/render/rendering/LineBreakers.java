package org.reportplatform.render.rendering;

import com.openhtmltopdf.extend.FSTextBreaker;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Where the PDF of a language may break a line. French keeps its inclusive forms and elisions
 * whole ({@link FrenchLineBreaker}); any other language gets the Unicode line breaking rules for
 * its locale, with no French rule applied (an English "don't" or "U.N." is the JDK's business).
 * openhtmltopdf does not hyphenate: long words wrap whole, in every language.
 */
final class LineBreakers {

    private LineBreakers() {
    }

    /** A new breaker (it keeps the text it is given: one per render) for a BCP 47 language. */
    static FSTextBreaker forLanguage(String language) {
        Locale locale = language == null ? Locale.FRENCH : Locale.forLanguageTag(language);
        if (locale.getLanguage().equals("fr")) {
            return new FrenchLineBreaker();
        }
        return new Unicode(BreakIterator.getLineInstance(locale));
    }

    /** The JDK's line breaking for a locale. */
    private static final class Unicode implements FSTextBreaker {
        private final BreakIterator delegate;

        Unicode(BreakIterator delegate) {
            this.delegate = delegate;
        }

        @Override
        public void setText(String newText) {
            delegate.setText(newText);
        }

        @Override
        public int next() {
            return delegate.next();
        }
    }
}
