package org.reportplatform.gateway.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.reportplatform.gateway.accounts.AccountsApi.Person;
import org.reportplatform.platform.security.Role;

/** How the account pages say things in French: roles, states, changed fields, dates. */
public final class Labels {

    /** The roles in the order the forms list them, with what each allows. */
    public record RoleChoice(String id, String label, String hint) {
    }

    public static final List<RoleChoice> ROLES = List.of(
            new RoleChoice(Role.ADMIN.id(), "Administration", "gère les comptes et peut tout modifier"),
            new RoleChoice(Role.OPERATOR.id(), "Exploitation", "surveille la chaîne de publication"),
            new RoleChoice(Role.WEBTEAM.id(), "Équipe web", "suit les reconstructions en direct"),
            new RoleChoice(Role.REVIEWER.id(), "Relecture", "relit les brouillons avant publication"),
            new RoleChoice(Role.MEMBER.id(), "Membre", "modifie ce que ses équipes possèdent"));

    private static final Map<String, String> ROLE_LABELS = ROLES.stream()
            .collect(Collectors.toUnmodifiableMap(RoleChoice::id, RoleChoice::label));

    /** The fields of an account's history (AccountState's names), as a person would call them. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("email", "adresse e-mail"),
            Map.entry("displayName", "nom"),
            Map.entry("roles", "rôles"),
            Map.entry("teams", "équipes"),
            Map.entry("disabled", "activation"),
            Map.entry("passwordHash", "mot de passe"),
            Map.entry("password", "mot de passe"),
            Map.entry("sessionsValidAfter", "sessions fermées"),
            Map.entry("invitation", "lien d’invitation"),
            Map.entry("secondFactor", "double authentification"),
            Map.entry("identityProvider", "fournisseur d’identité"));

    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    public Labels(ZoneId zone) {
        this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH).withZone(zone);
        this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).withZone(zone);
    }

    public static String role(String id) {
        return ROLE_LABELS.getOrDefault(id, id);
    }

    public static String roles(List<String> ids) {
        return ids.isEmpty() ? "aucun" : ids.stream().map(Labels::role).collect(Collectors.joining(", "));
    }

    public static String teams(List<String> teams) {
        return teams.isEmpty() ? "aucune" : String.join(", ", teams);
    }

    /** Actif, désactivé, invitation en attente (or expirée), connexion externe. */
    public String state(Person person, Instant now) {
        if (person.disabled()) {
            return "désactivé";
        }
        if (person.invitationPending()) {
            return person.invitationExpiresAt().isAfter(now) ? "invitation en attente" : "invitation expirée";
        }
        if (!person.hasPassword() && person.identityProvider() == null) {
            return "sans mot de passe";
        }
        return "actif";
    }

    public static String secondFactor(String state) {
        return switch (state == null ? "none" : state) {
            case "enrolled" -> "activée";
            case "pending" -> "commencée, pas encore confirmée";
            default -> "pas activée";
        };
    }

    public static String changed(List<String> fields, boolean deleted) {
        if (deleted) {
            return "compte supprimé";
        }
        return fields.isEmpty() ? "—" : fields.stream().map(f -> FIELDS.getOrDefault(f, f)).collect(Collectors.joining(", "));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "—" : dateTime.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "—" : date.format(instant);
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
