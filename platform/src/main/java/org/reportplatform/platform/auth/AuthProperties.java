package org.reportplatform.platform.auth;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API tokens, as SHA-256 hashes: the configuration never holds a token itself.
 * A token is {@code report.auth.tokens[i]}; its hash is {@code printf %s TOKEN | sha256sum}.
 */
@ConfigurationProperties("report.auth")
public record AuthProperties(List<Token> tokens) {

    public AuthProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    /**
     * @param name   a label for logs and events
     * @param sha256 lowercase hex SHA-256 of the token
     * @param team   the team the token acts for, if any (implies {@link Role#TEAM})
     * @param roles  further roles
     */
    public record Token(String name, String sha256, String team, Set<Role> roles) {
        public Token {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }
}
