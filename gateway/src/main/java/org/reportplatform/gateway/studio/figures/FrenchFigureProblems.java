package org.reportplatform.gateway.studio.figures;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * figures-service's refusals (problem documents written in English for developers) told in plain
 * French to the person at the studio, next to the field, cell or line they concern. A known problem
 * is recognised by the words the service uses (see figures-service's {@code IndicatorValues},
 * {@code IndicatorWrites}, {@code IndicatorImport}, {@code DatasetRules}, {@code CsvTable},
 * {@code FormulaGuard}); an unknown one is shown with the service's own words rather than hidden,
 * so nobody is left guessing.
 */
final class FrenchFigureProblems {

    private static final Pattern LENGTH = Pattern.compile("is (\\d+) characters long; the limit is (\\d+)");
    private static final Pattern ALREADY_ON_LINE = Pattern.compile("is already on line (\\d+)");
    private static final Pattern CELLS = Pattern.compile("has (\\d+) cells (?:but|;) the (?:header|dataset) has (\\d+)");
    private static final Pattern BELONGS = Pattern.compile("belongs to team ([a-z0-9-]+)");
    private static final Pattern REVISIONS = Pattern.compile("based on revision (\\d+) but the indicator is now at revision (\\d+)");
    private static final Pattern NOT_UTF8 = Pattern.compile("line (\\d+)");
    private static final Pattern DATASET_COLUMNS = Pattern.compile("the dataset's columns are (.+)$");

    private FrenchFigureProblems() {
    }

    /**
     * One problem of an indicator's field ({@code value}, {@code label}...), for an indicator of
     * {@code type} ({@code integer}, {@code decimal}, {@code percentage}, {@code money}, {@code text};
     * null when unknown).
     */
    static String indicatorField(String field, String problem, String type) {
        String said = lower(problem);
        if (said.contains("formula")) {
            return formula();
        }
        if (field.equals("value")) {
            return value(said, problem, type);
        }
        if (field.equals("currency")) {
            return said.contains("only money")
                    ? "Seuls les montants ont une devise : laissez ce champ vide."
                    : "Indiquez le code de la devise en trois lettres majuscules (par exemple CHF ou EUR).";
        }
        String text = text(said);
        if (text != null) {
            return text;
        }
        return switch (field) {
            case "label" -> "Saisissez le libellé du chiffre, tel qu’il apparaît dans le rapport.";
            case "type" -> "Choisissez le type du chiffre : nombre entier, décimal, pourcentage, montant ou texte.";
            case "ownerTeam" -> "Indiquez l’équipe par son identifiant (lettres minuscules, chiffres et tirets).";
            default -> apiSays(problem);
        };
    }

    /** A problem of one row of an imported indicators file (the API's {@code rows} entries). */
    static String importRow(String field, String problem, String type) {
        String said = lower(problem);
        Matcher m;
        if (said.contains("is not a column of an indicator file")) {
            return "« " + field + " » n’est pas une colonne d’un fichier de chiffres. Colonnes possibles : "
                    + "id, value, type, label, unit, period, source, currency, ownerTeam, revision.";
        }
        if (said.contains("appears twice")) {
            return "La colonne « " + field + " » apparaît deux fois dans la première ligne.";
        }
        if (said.contains("the header must have")) {
            return "La première ligne doit nommer une colonne « " + field + " ».";
        }
        if ((m = CELLS.matcher(said)).find()) {
            return "Cette ligne a " + m.group(1) + " cellules alors que la première ligne nomme " + m.group(2)
                    + " colonnes. Vérifiez les séparateurs, et mettez entre guillemets un texte qui contient une virgule.";
        }
        if (field.equals("id")) {
            if (said.contains("only an admin creates")) {
                return "Ce chiffre n’existe pas dans le rapport. Vérifiez son identifiant ; pour en créer un nouveau, "
                        + "demandez-le à une personne chargée de l’administration.";
            }
            if ((m = BELONGS.matcher(said)).find()) {
                return "Ce chiffre appartient à l’équipe « " + m.group(1) + " » : vous ne pouvez importer que les chiffres de vos équipes.";
            }
            if ((m = ALREADY_ON_LINE.matcher(said)).find()) {
                return "Ce chiffre figure déjà à la ligne " + m.group(1) + " : une seule ligne par chiffre.";
            }
            if (said.contains("is required")) {
                return "L’identifiant du chiffre (colonne id) manque.";
            }
            return "Identifiant incorrect : des lettres minuscules et des chiffres reliés par des points ou des tirets "
                    + "(par exemple sos-defenders.cases).";
        }
        if (field.equals("ownerTeam") && said.contains("only an admin")) {
            return "Seule une personne chargée de l’administration peut confier un chiffre à une autre équipe.";
        }
        if (field.equals("ownerTeam") && said.contains("required")) {
            return "Un nouveau chiffre a besoin de son équipe (colonne ownerTeam).";
        }
        if (field.equals("revision")) {
            if ((m = REVISIONS.matcher(said)).find()) {
                return "Cette ligne part de la version " + m.group(1) + " du chiffre, qui en est maintenant à la version "
                        + m.group(2) + " : reprenez ses valeurs actuelles, puis refaites votre modification.";
            }
            return "La colonne revision doit contenir le numéro de version dont part la ligne (par exemple 3), ou rester vide.";
        }
        if (field.equals("value") && said.contains("thousands separators")) {
            return "Écrivez le nombre avec des chiffres seulement, un point pour les décimales et sans espace "
                    + "(par exemple 4445 ou 12.5).";
        }
        if (field.equals("type") && said.contains("is required")) {
            return "Un nouveau chiffre a besoin de son type (colonne type : integer, decimal, percentage, money ou text).";
        }
        if (field.equals("label") && said.contains("is required")) {
            return "Un nouveau chiffre a besoin de son libellé (colonne label).";
        }
        return indicatorField(field, problem, type);
    }

    /** A refusal of the whole file ({@code errors} entry on {@code body}, or a status without one). */
    static String file(String problem) {
        String said = lower(problem);
        Matcher m;
        if (said.contains("not utf-8")) {
            return "Le fichier n’est pas enregistré en UTF-8" + ((m = NOT_UTF8.matcher(said)).find() ? " (ligne " + m.group(1) + ")" : "")
                    + ". Dans votre tableur, enregistrez-le au format « CSV UTF-8 », puis choisissez-le à nouveau.";
        }
        if (said.contains("no data row")) {
            return "Le fichier n’a que sa première ligne (les noms des colonnes) : ajoutez au moins une ligne de données.";
        }
        if (said.contains("is empty")) {
            return "Le fichier est vide. Choisissez un fichier CSV dont la première ligne nomme les colonnes, ou collez son contenu.";
        }
        if (said.contains("more than") && said.contains("rows")) {
            return "Le fichier a trop de lignes : importez-en au plus 10 000 à la fois.";
        }
        if (said.contains("not valid csv")) {
            return "Le fichier n’est pas un CSV lisible" + ((m = NOT_UTF8.matcher(said)).find() ? " après la ligne " + m.group(1) : "")
                    + " : mettez entre guillemets un texte qui contient un séparateur, un guillemet ou un retour à la ligne, "
                    + "et doublez les guillemets qu’il contient.";
        }
        return apiSays(problem);
    }

    /** A problem of one dataset cell ({@code rows[3][1]}), of a column of {@code type} ({@code number} or {@code text}). */
    static String cell(String problem, String columnType) {
        String said = lower(problem);
        if (said.contains("formula")) {
            return formula();
        }
        if (said.contains("is empty")) {
            return "Saisissez un nombre : cette colonne n’accepte pas de case vide.";
        }
        if (said.contains("must be a number") || "number".equals(columnType) && said.contains("must be")) {
            return "Saisissez un nombre avec des chiffres et un point pour les décimales, sans espace (par exemple 1900000 ou 12.5).";
        }
        String text = text(said);
        return text != null ? text : apiSays(problem);
    }

    /** A problem of a dataset's field ({@code title}, {@code unit}, {@code source}) or of a whole row. */
    static String datasetField(String field, String problem) {
        String said = lower(problem);
        Matcher m;
        if (said.contains("formula")) {
            return formula();
        }
        if ((m = CELLS.matcher(said)).find()) {
            return "Cette ligne a " + m.group(1) + " cases alors que le tableau a " + m.group(2) + " colonnes.";
        }
        if (field.equals("rows") && said.contains("bytes")) {
            return "Le tableau est trop grand pour être enregistré d’un bloc : raccourcissez ses textes ou séparez-le en deux.";
        }
        if (field.equals("rows") && said.contains("limit")) {
            return "Le tableau a trop de lignes : 10 000 au plus.";
        }
        String text = text(said);
        if (text != null) {
            return text;
        }
        return field.equals("title") ? "Saisissez le titre du tableau." : apiSays(problem);
    }

    /** A problem of one line of a dataset's CSV file ({@code field} = the column, or {@code row}, {@code header}). */
    static String datasetImportRow(String field, String problem, String columnType) {
        String said = lower(problem);
        Matcher m;
        if (said.contains("the header has no column")) {
            m = DATASET_COLUMNS.matcher(problem);
            return "La première ligne ne nomme pas la colonne « " + field + " » du tableau"
                    + (m.find() ? " (colonnes du tableau : " + m.group(1) + ")" : "") + ".";
        }
        if (said.contains("is not a column of the dataset")) {
            return "« " + field + " » n’est pas une colonne de ce tableau : la première ligne doit nommer exactement ses colonnes.";
        }
        if (said.contains("appears twice")) {
            return "La colonne « " + field + " » apparaît deux fois dans la première ligne.";
        }
        if ((m = CELLS.matcher(said)).find()) {
            return "Cette ligne a " + m.group(1) + " cellules alors que la première ligne nomme " + m.group(2) + " colonnes.";
        }
        return cell(problem, columnType);
    }

    /** A refusal that concerns no field (a status), with what to do. */
    static String general(int status, String detail) {
        return switch (status) {
            case 401 -> "Votre session a expiré. Reconnectez-vous, puis recommencez.";
            case 403 -> "Vous n’avez pas le droit de modifier cet élément : il appartient à une autre équipe.";
            case 404 -> "Cet élément n’existe pas ou plus.";
            case 412 -> "Quelqu’un a modifié cet élément pendant que vous le modifiiez.";
            case 413 -> "Le fichier est trop gros : 5 Mo au plus.";
            case 415 -> "Ce fichier n’est pas un fichier CSV.";
            case 428 -> "La version de départ manque : rechargez la page, puis recommencez.";
            default -> status >= 500
                    ? "Le service des chiffres ne répond pas pour l’instant. Rien n’a été enregistré : réessayez dans un instant."
                    : "La demande a été refusée" + (detail == null || detail.isBlank() ? "." : " (réponse du service : " + detail + ").");
        };
    }

    private static String value(String said, String problem, String type) {
        if (said.contains("percentage must be between")) {
            return "Un pourcentage est compris entre 0 et 100 : saisissez par exemple 12.5 pour 12,5 %.";
        }
        if (said.contains("at most") && said.contains("digits")) {
            return "Ce nombre est trop long : 30 chiffres au plus avant la virgule.";
        }
        if (said.contains("is required") || said.contains("non-empty")) {
            return "integer".equals(type) ? "Saisissez un nombre entier (par exemple 4445)."
                    : "text".equals(type) ? "Saisissez le texte de ce chiffre." : "Saisissez une valeur.";
        }
        if (said.contains("longer than")) {
            return "Ce texte est trop long : 500 caractères au plus.";
        }
        if (said.contains("whole number")) {
            return "Saisissez un nombre entier, sans espace ni virgule (par exemple 4445).";
        }
        if (said.contains("decimal number")) {
            return "Saisissez un nombre avec un point pour les décimales, sans espace (par exemple 12.5).";
        }
        return apiSays(problem);
    }

    /** Problems every text field shares; null when {@code said} is none of them. */
    private static String text(String said) {
        Matcher m = LENGTH.matcher(said);
        if (m.find()) {
            return "Ce texte compte " + m.group(1) + " caractères : " + m.group(2) + " au plus.";
        }
        if (said.contains("must not be blank") || said.equals("is required")) {
            return "Ce champ ne peut pas rester vide.";
        }
        if (said.contains("one line")) {
            return "Écrivez ce texte sur une seule ligne.";
        }
        return null;
    }

    private static String formula() {
        return "Ce texte ne peut pas commencer par =, +, - ou @ : un tableur le prendrait pour une formule. Reformulez-le.";
    }

    private static String apiSays(String problem) {
        return "Valeur refusée (réponse du service : " + problem + ").";
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
