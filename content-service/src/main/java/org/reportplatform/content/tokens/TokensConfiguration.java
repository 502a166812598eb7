package org.reportplatform.content.tokens;

import java.time.Clock;
import org.reportplatform.content.accounts.AccountBook;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.RevisionBeans;
import org.reportplatform.schemas.PersonalTokenChanged;
import org.reportplatform.schemas.PersonalTokenState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
@Import(TokensConfiguration.Beans.class)
class TokensConfiguration {

    /** tokenReader, tokenBook and tokenLog. */
    static final class Beans extends RevisionBeans<PersonalTokenChanged, PersonalTokenState, PersonalToken, TokenBook> {
        Beans() {
            super(TokenBook.TOKENS, TokenBook::new);
        }
    }

    @Bean
    TokenWrites tokenWrites(TokenBook book, AccountBook accounts, RevisionLog<PersonalTokenChanged> tokenLog,
            EventMetadataFactory metadata, Clock clock) {
        return new TokenWrites(book, accounts, tokenLog, metadata, clock);
    }
}
