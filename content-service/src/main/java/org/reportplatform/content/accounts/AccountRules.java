package org.reportplatform.content.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.ApiException.FieldProblem;
import org.reportplatform.platform.security.Role;

/** What an account's fields and a password must look like; every bad field is named in one 400. */
final class AccountRules {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;
    private static final int MAX_EMAIL = 254;
    private static final int MAX_NAME = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern TEAM = Pattern.compile("^[a-z0-9][a-z0-9-]{0,59}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private AccountRules() {
    }

    /** The email as stored: stripped, lower case (the sign-in name is compared without case). */
    static String normalisedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static void checkEmail(String email, List<FieldProblem> problems) {
        if (email == null || email.isBlank()) {
            problems.add(new FieldProblem("email", "is required: the person's address, their sign-in name"));
        } else if (email.strip().length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
            problems.add(new FieldProblem("email", "is not an email address (name@example.org, at most " + MAX_EMAIL + " characters)"));
        }
    }

    static void checkDisplayName(String name, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("displayName", "is required: the name histories show"));
        } else if (name.strip().length() > MAX_NAME || CONTROL.matcher(name).find()) {
            problems.add(new FieldProblem("displayName", "must be at most " + MAX_NAME + " characters, without control characters"));
        }
    }

    /** The roles as stored (lower case, sorted, no duplicates), or a problem naming {@code roles}. */
    static List<String> roles(List<String> roles, List<FieldProblem> problems) {
        if (roles == null || roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "at least one of admin, operator, webteam, reviewer, member"));
            return List.of();
        }
        TreeSet<String> known = new TreeSet<>();
        for (String role : roles) {
            try {
                known.add(Role.of(role == null ? "" : role).id());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("roles", "unknown role " + role + "; the roles are admin, operator, webteam, reviewer, member"));
                return List.of();
            }
        }
        return List.copyOf(known);
    }

    /** The teams as stored (sorted, no duplicates), or a problem naming {@code teams}. */
    static List<String> teams(List<String> teams, List<FieldProblem> problems) {
        if (teams == null) {
            return List.of();
        }
        TreeSet<String> valid = new TreeSet<>();
        for (String team : teams) {
            if (team == null || !TEAM.matcher(team).matches()) {
                problems.add(new FieldProblem("teams", "a team is a chapter's owner team: lower-case letters, digits and -, e.g. enfants"));
                return List.of();
            }
            valid.add(team);
        }
        return List.copyOf(valid);
    }

    /** 12 to 128 characters, not containing the local part of the person's email (in any case). */
    static void checkPassword(String password, String email) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.badRequest("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
        String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT);
        if (local.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(local)) {
            throw ApiException.badRequest("password", "must not contain your email's name (" + local + ")");
        }
    }

    static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    static List<FieldProblem> problems() {
        return new ArrayList<>();
    }
}
