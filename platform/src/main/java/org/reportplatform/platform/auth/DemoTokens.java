package org.reportplatform.platform.auth;

import java.util.Set;

/** The public demo tokens of the README, so production can refuse them whatever they are named. */
final class DemoTokens {

    static final Set<String> HASHES = Set.of(
            TokenAuthenticator.sha256Hex("demo-admin"),
            TokenAuthenticator.sha256Hex("demo-operator"),
            TokenAuthenticator.sha256Hex("demo-webteam"),
            TokenAuthenticator.sha256Hex("demo-message-presidente"),
            TokenAuthenticator.sha256Hex("demo-comite-contre-la-torture"),
            TokenAuthenticator.sha256Hex("demo-defenseurs"),
            TokenAuthenticator.sha256Hex("demo-reponse-aux-crises"),
            TokenAuthenticator.sha256Hex("demo-violences-policieres"),
            TokenAuthenticator.sha256Hex("demo-quete-de-justice"),
            TokenAuthenticator.sha256Hex("demo-soutien-aux-victimes"),
            TokenAuthenticator.sha256Hex("demo-migrants"),
            TokenAuthenticator.sha256Hex("demo-enfants"),
            TokenAuthenticator.sha256Hex("demo-femmes"),
            TokenAuthenticator.sha256Hex("demo-renforcement-reseau"),
            TokenAuthenticator.sha256Hex("demo-partenaires-locaux"),
            TokenAuthenticator.sha256Hex("demo-initiatives-culturelles"),
            TokenAuthenticator.sha256Hex("demo-donateurs-finances"));

    private DemoTokens() {
    }
}
