package org.reportplatform.schemas;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.NumberFormatter.GroupingStrategy;
import com.ibm.icu.number.NumberFormatter.SignDisplay;
import com.ibm.icu.number.NumberFormatter.UnitWidth;
import com.ibm.icu.number.Precision;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DecimalFormatSymbols;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Writes exact decimal values and dates the way a report in a given language prints them. The
 * rules come from the Unicode CLDR data of ICU4J, not from rules written here: French groups
 * thousands with a narrow no-break space, four-digit numbers included ({@code 4 445}), and puts a
 * no-break space before « % » and after the amount, before a currency code; English writes {@code 4,445} and {@code 12.5%}; Spanish
 * groups only from five digits ({@code 4445}, {@code 12.345}) with a decimal comma. Values go
 * from the exact string through {@link BigDecimal} (never a binary float): the digits and the
 * scale the source gave are kept ({@code 12.50} stays two decimals, a money amount gets no
 * decimals it did not have). A PERCENTAGE value is the percentage itself (12.5 means 12,5 %).
 *
 * <p>Dates are CLDR's long form: « 5 décembre 2026 », "5 December 2026" (the report's English is
 * British: an international organisation in Geneva), "5 de diciembre de 2026".
 *
 * <p>Immutable and thread-safe (ICU's number formatters are).
 */
public final class ValueFormatter {

    public static final char NARROW_NO_BREAK_SPACE = '\u202F';
    public static final char NO_BREAK_SPACE = '\u00A0';

    private static final Pattern ISO_CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Map<String, ValueFormatter> BY_LANGUAGE = new ConcurrentHashMap<>();

    public static final ValueFormatter FRENCH = forLanguage("fr");
    public static final ValueFormatter ENGLISH = forLanguage("en");
    public static final ValueFormatter SPANISH = forLanguage("es");

    private final ULocale locale;
    private final LocalizedNumberFormatter numbers;
    private final char groupingSeparator;
    private final char decimalSeparator;

    private ValueFormatter(ULocale locale) {
        this.locale = locale;
        this.numbers = NumberFormatter.withLocale(locale)
                .grouping(GroupingStrategy.AUTO)
                .sign(SignDisplay.AUTO);
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        this.groupingSeparator = symbols.getGroupingSeparatorString().charAt(0);
        this.decimalSeparator = symbols.getDecimalSeparatorString().charAt(0);
    }

    /**
     * The formatter for a BCP 47 language tag ({@code fr}, {@code en-GB}, {@code es}): the
     * language's CLDR conventions, with its region when the tag has one. A language without a
     * region takes the one the report's readers use (English: British; the others: CLDR's default).
     * Null is French, the report's first language.
     */
    public static ValueFormatter forLanguage(String language) {
        String tag = language == null || language.isBlank() ? "fr" : language.strip();
        return BY_LANGUAGE.computeIfAbsent(tag, t -> new ValueFormatter(locale(t)));
    }

    private static ULocale locale(String tag) {
        ULocale locale = ULocale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty()) {
            return ULocale.FRENCH;
        }
        if (locale.getCountry().isEmpty() && locale.getLanguage().equals("en")) {
            return ULocale.UK;
        }
        return locale;
    }

    /** The BCP 47 language tag of the conventions it applies. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    /** The character between groups of digits (French: U+202F). */
    public char groupingSeparator() {
        return groupingSeparator;
    }

    /** The decimal mark. */
    public char decimalSeparator() {
        return decimalSeparator;
    }

    /** A plain decimal string ({@code 4445}, {@code -12.50}) with this language's grouping and decimal mark. */
    public String number(String plainDecimal) {
        BigDecimal value = decimal(plainDecimal);
        return exact(numbers, value).format(value).toString();
    }

    /** An exact decimal with this language's grouping and decimal mark, with the decimals it has. */
    public String number(BigDecimal value) {
        return exact(numbers, value).format(value).toString();
    }

    /** An indicator's value as the report prints it inline (without its unit). */
    public String value(IndicatorType type, String value, String currency) {
        return switch (type) {
            case TEXT -> value;
            case INTEGER, DECIMAL -> number(value);
            case PERCENTAGE -> percent(decimal(value));
            case MONEY -> money(decimal(value), currency);
        };
    }

    /** An indicator's value followed by its unit word, if it has one (key figures). */
    public String valueWithUnit(IndicatorType type, String value, String currency, String unit) {
        String formatted = value(type, value, currency);
        boolean takesUnit = type == IndicatorType.INTEGER || type == IndicatorType.DECIMAL;
        return takesUnit && unit != null && !unit.isBlank() ? formatted + NO_BREAK_SPACE + unit.strip() : formatted;
    }

    /** A day in this language's long form: « 5 décembre 2026 », "5 December 2026", "5 de diciembre de 2026". */
    public String date(LocalDate day) {
        DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, locale);
        format.setTimeZone(TimeZone.GMT_ZONE);
        return format.format(Date.from(day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
    }

    private String percent(BigDecimal value) {
        // The value is the percentage itself: ICU's percent unit prints it without scaling it.
        return exact(numbers.unit(MeasureUnit.PERCENT), value).format(value).toString();
    }

    private String money(BigDecimal amount, String currency) {
        if (currency == null || currency.isBlank()) {
            return number(amount);
        }
        String code = currency.strip();
        if (!ISO_CURRENCY.matcher(code).matches()) {
            // Not an ISO 4217 code: CLDR cannot place it; it follows the amount, like a unit.
            return number(amount) + NO_BREAK_SPACE + code;
        }
        return exact(numbers.unit(Currency.getInstance(code)).unitWidth(UnitWidth.ISO_CODE), amount).format(amount).toString();
    }

    /** Exactly the decimals the value has: a currency's usual two decimals are not added. */
    private static LocalizedNumberFormatter exact(LocalizedNumberFormatter formatter, BigDecimal value) {
        int scale = Math.max(0, value.scale());
        return formatter.precision(Precision.minMaxFraction(scale, scale));
    }

    private static BigDecimal decimal(String plainDecimal) {
        if (plainDecimal == null || !DecimalStrings.isPlain(plainDecimal.strip())) {
            throw new IllegalArgumentException("'" + plainDecimal + "' is not a plain decimal number");
        }
        return new BigDecimal(plainDecimal.strip());
    }

    @Override
    public String toString() {
        return "ValueFormatter[" + languageTag() + "]";
    }
}
