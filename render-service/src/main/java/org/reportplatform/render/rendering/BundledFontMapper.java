package org.reportplatform.render.rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * What PDFBox draws a font it does not have with: DejaVu Sans, which the service carries. Without
 * it PDFBox scans the machine's fonts (seconds, at the first PDF) and warns at every render that it
 * substitutes one for the 14 standard PDF fonts openhtmltopdf keeps as fallbacks. Those fonts are
 * never embedded in the report (every text is set in a DejaVu face, embedded), and their metrics
 * come with PDFBox: the mapping only ever serves to draw them on a screen, which the service
 * never does. Installed once, JVM-wide, by {@link DocumentRenderer}.
 */
final class BundledFontMapper implements FontMapper {

    private final TrueTypeFont sans;

    BundledFontMapper() {
        try {
            sans = new TTFParser().parse(new RandomAccessReadBuffer(ReportFonts.bytes(ReportFonts.Face.SANS_REGULAR)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not parse the bundled DejaVu Sans", e);
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(sans, false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(sans, false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, sans, false);
    }
}
