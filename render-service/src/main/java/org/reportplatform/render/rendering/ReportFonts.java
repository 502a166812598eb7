package org.reportplatform.render.rendering;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The fonts the service carries ({@code src/main/resources/fonts}, DejaVu, see the README there):
 * embedded in the PDF, and used to lay out the charts, so that no font needs to be installed on the
 * machine and the same state renders to the same bytes everywhere. Loaded once, on first use.
 */
public final class ReportFonts {

    public static final String SERIF = "DejaVu Serif";
    public static final String SANS = "DejaVu Sans";
    public static final String MONO = "DejaVu Sans Mono";

    /** One font file: its CSS family, weight and style. */
    public enum Face {
        SERIF_REGULAR("DejaVuSerif.ttf", SERIF, 400, false),
        SERIF_BOLD("DejaVuSerif-Bold.ttf", SERIF, 700, false),
        SERIF_ITALIC("DejaVuSerif-Italic.ttf", SERIF, 400, true),
        SERIF_BOLD_ITALIC("DejaVuSerif-BoldItalic.ttf", SERIF, 700, true),
        SANS_REGULAR("DejaVuSans.ttf", SANS, 400, false),
        SANS_BOLD("DejaVuSans-Bold.ttf", SANS, 700, false),
        MONO_REGULAR("DejaVuSansMono.ttf", MONO, 400, false);

        private final String file;
        private final String family;
        private final int weight;
        private final boolean italic;

        Face(String file, String family, int weight, boolean italic) {
            this.file = file;
            this.family = family;
            this.weight = weight;
            this.italic = italic;
        }

        public String family() {
            return family;
        }

        public int weight() {
            return weight;
        }

        public boolean italic() {
            return italic;
        }
    }

    private static final Map<Face, byte[]> BYTES = new EnumMap<>(Face.class);
    private static final Map<Face, Font> AWT = new EnumMap<>(Face.class);

    private ReportFonts() {
    }

    /** The font file's bytes. */
    public static synchronized byte[] bytes(Face face) {
        return BYTES.computeIfAbsent(face, f -> {
            try (InputStream in = ReportFonts.class.getResourceAsStream("/fonts/" + f.file)) {
                if (in == null) {
                    throw new IllegalStateException("the font fonts/" + f.file + " is missing from the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the font " + f.file, e);
            }
        });
    }

    /** The face as an AWT font of size 1 (derive the size you need): for laying out and drawing charts. */
    public static synchronized Font awt(Face face) {
        return AWT.computeIfAbsent(face, f -> {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes(f)));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("could not load the font " + f.file, e);
            }
        });
    }
}
