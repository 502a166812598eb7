package org.reportplatform.content.accounts;

import java.util.Set;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.security.SecurityProperties;
import org.reportplatform.platform.security.SecurityProperties.DemoToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo profile's accounts, one per demo token (same id, name, roles and teams), with the
 * password {@code demo-password} and no second factor. Written through the same log as any
 * account, once the log has been replayed and before the service reports ready (an
 * ApplicationRunner, like the demo report), and only when there are no accounts yet.
 */
@Component
@Profile("demo")
class DemoAccountLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo-password";
    private static final Logger log = LoggerFactory.getLogger(DemoAccountLoader.class);
    private static final Caller LOADER = new Caller("system:demo-loader", "Chargement de la démo", Set.of(Role.ADMIN), Set.of(), null);

    private final AccountBook book;
    private final AccountWrites writes;
    private final SecurityProperties security;
    private final PasswordEncoder passwords;

    DemoAccountLoader(AccountBook book, AccountWrites writes, SecurityProperties security, PasswordEncoder passwords) {
        this.book = book;
        this.writes = writes;
        this.security = security;
        this.passwords = passwords;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!book.accounts().isEmpty()) {
            log.info("there are accounts already: the demo accounts are not created again");
            return;
        }
        // bcrypt is slow on purpose: one hash serves every demo account (they share the password anyway).
        String hash = passwords.encode(DEMO_PASSWORD);
        for (DemoToken token : security.demoTokens()) {
            writes.createWithPassword(token.account(), emailOf(token.account()), token.displayName(),
                    token.roles().stream().map(Role::id).sorted().toList(), token.teams().stream().sorted().toList(), hash, LOADER);
        }
        log.info("created {} demo accounts (password {}): {}", security.demoTokens().size(), DEMO_PASSWORD,
                security.demoTokens().stream().map(t -> emailOf(t.account())).toList());
    }

    /** demo-enfants → enfants@example.org. */
    static String emailOf(String accountId) {
        return accountId.replaceFirst("^demo-", "") + "@example.org";
    }

}
