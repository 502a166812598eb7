package org.reportplatform.gateway.search;

import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * How text is cut into searchable terms, per language: French (elisions {@code l'} {@code qu'}…,
 * stop words, light stemming), English (possessives, stop words, Porter stemming), Spanish (stop
 * words, light stemming), anything else (words only). Every one folds accents and case, so
 * {@code defenseur} finds « Défenseur.e.s », joins digit groups ({@link DigitGroupCharFilter}) and
 * reads inclusive writing ({@code défenseur.e.s}, {@code militant·e·s}) as the word. Accents are
 * folded before stemming, so a query typed without accents reaches the stemmer exactly as the
 * indexed word does.
 */
final class ReportAnalyzers {

    /** The languages analysed with their own rules; any other is analysed as {@link #OTHER}. */
    static final List<String> LANGUAGES = List.of("fr", "en", "es");
    static final String OTHER = "und";
    /** Every analysis, hence every language field suffix. */
    static final List<String> ANALYSES = List.of("fr", "en", "es", OTHER);

    /** A point or middle dot inside a word: inclusive writing ({@code défenseur.e.s}), read as a word break. */
    private static final Pattern INCLUSIVE_POINT = Pattern.compile("(?<=\\p{L})[.·](?=\\p{Ll})");

    private ReportAnalyzers() {
    }

    /** The analysis a page language gets: its own for {@link #LANGUAGES}, else {@link #OTHER}. */
    static String analysis(String language) {
        String primary = language == null ? "" : language.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return LANGUAGES.contains(primary) ? primary : OTHER;
    }

    static Analyzer forAnalysis(String analysis) {
        return switch (analysis) {
            case "fr" -> new LanguageAnalyzer(FrenchAnalyzer.getDefaultStopSet()) {
                @Override
                TokenStream beforeStopWords(TokenStream words) {
                    return new ElisionFilter(words, FrenchAnalyzer.DEFAULT_ARTICLES);
                }

                @Override
                TokenStream stem(TokenStream words) {
                    return new FrenchLightStemFilter(words);
                }
            };
            case "en" -> new LanguageAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
                @Override
                TokenStream beforeStopWords(TokenStream words) {
                    return new EnglishPossessiveFilter(words);
                }

                @Override
                TokenStream stem(TokenStream words) {
                    return new PorterStemFilter(words);
                }
            };
            case "es" -> new LanguageAnalyzer(SpanishAnalyzer.getDefaultStopSet()) {
                @Override
                TokenStream stem(TokenStream words) {
                    return new SpanishLightStemFilter(words);
                }
            };
            default -> new LanguageAnalyzer(CharArraySet.EMPTY_SET);
        };
    }

    /** One analyzer for every field of the index: {@code <field>_<analysis>} uses that analysis, the rest are keywords. */
    static Analyzer perField(List<String> fields) {
        Map<String, Analyzer> analyzers = new java.util.HashMap<>();
        for (String analysis : ANALYSES) {
            Analyzer analyzer = forAnalysis(analysis);
            fields.forEach(field -> analyzers.put(field + "_" + analysis, analyzer));
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(CharArraySet.EMPTY_SET), analyzers);
    }

    /** Tokenizer, then lower case, stop words, accent folding and stemming; the languages fill in their steps. */
    private static class LanguageAnalyzer extends Analyzer {

        private final CharArraySet stopWords;

        LanguageAnalyzer(CharArraySet stopWords) {
            this.stopWords = stopWords;
        }

        TokenStream beforeStopWords(TokenStream words) {
            return words;
        }

        TokenStream stem(TokenStream words) {
            return words;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new PatternReplaceCharFilter(INCLUSIVE_POINT, " ", new DigitGroupCharFilter(reader));
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return initReader(fieldName, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream words = beforeStopWords(source);
            words = new LowerCaseFilter(words);
            words = new StopFilter(words, stopWords);
            words = new ASCIIFoldingFilter(words);
            return new TokenStreamComponents(source, stem(words));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
