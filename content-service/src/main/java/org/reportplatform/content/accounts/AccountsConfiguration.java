package org.reportplatform.content.accounts;

import java.time.Clock;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.RevisionBeans;
import org.reportplatform.platform.security.SecondFactors;
import org.reportplatform.schemas.AccountChanged;
import org.reportplatform.schemas.AccountState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration
@Import(AccountsConfiguration.Beans.class)
class AccountsConfiguration {

    /** accountReader, accountBook and accountLog. */
    static final class Beans extends RevisionBeans<AccountChanged, AccountState, Account, AccountBook> {
        Beans() {
            super(AccountBook.ACCOUNTS, AccountBook::new);
        }
    }

    /** {bcrypt}...: the format the gateway checks passwords with. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountWrites accountWrites(AccountBook book, RevisionLog<AccountChanged> accountLog, EventMetadataFactory metadata,
            AccountsProperties properties, Clock clock) {
        return new AccountWrites(book, accountLog, metadata, properties, clock);
    }

    @Bean
    OwnAccountWrites ownAccountWrites(AccountBook book, RevisionLog<AccountChanged> accountLog, EventMetadataFactory metadata,
            PasswordEncoder passwordEncoder, SecondFactors secondFactors, Clock clock) {
        return new OwnAccountWrites(book, accountLog, metadata, passwordEncoder, secondFactors, clock);
    }
}
