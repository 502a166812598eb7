package org.reportplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A PDF's text, as poppler's {@code pdftotext} extracts it, with every run of white space (no-break
 * spaces included: the report groups digits with them) made one plain space.
 */
final class PdfText {

    private static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

    private PdfText() {
    }

    static String of(byte[] pdf) {
        if (!Files.isExecutable(PDFTOTEXT)) {
            throw new IllegalStateException(PDFTOTEXT + " is needed to read a PDF's text: apt-get install poppler-utils");
        }
        try {
            Path file = Files.createTempFile("report", ".pdf");
            try {
                Files.write(file, pdf);
                Process process = new ProcessBuilder(PDFTOTEXT.toString(), "-enc", "UTF-8", file.toString(), "-")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("pdftotext could not read the PDF (" + pdf.length + " bytes)");
                }
                return text.replaceAll("[\\s\u00A0\u202F]+", " ");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
