package org.reportplatform.gateway.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.reportplatform.schemas.AccountChanged;
import org.reportplatform.schemas.AccountState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.PersonalTokenChanged;
import org.reportplatform.schemas.PersonalTokenState;
import org.reportplatform.schemas.SecondFactor;
import org.reportplatform.schemas.Topics;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts and personal tokens put on their topics the way content-service writes them. */
public final class TestAccounts {

    private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private TestAccounts() {
    }

    public static AccountState.Builder account(String email, String displayName, String password, String... roles) {
        return AccountState.newBuilder()
                .setEmail(email)
                .setDisplayName(displayName)
                .setRoles(List.of(roles))
                .setTeams(List.of())
                .setDisabled(false)
                .setPasswordHash(password == null ? null : PASSWORDS.encode(password))
                .setSessionsValidAfter(Instant.EPOCH);
    }

    public static SecondFactor secondFactor(String encryptedSecret) {
        return SecondFactor.newBuilder().setSecretEncrypted(encryptedSecret).setConfirmed(true).setRecoveryCodeHashes(List.of()).build();
    }

    public static void publish(TopicPublisher publisher, String accountId, long revision, AccountState account) {
        publisher.publish(Topics.ACCOUNTS.name(), accountId, AccountChanged.newBuilder()
                .setMetadata(metadata())
                .setAccountId(accountId)
                .setRevision(revision)
                .setAccount(account)
                .build());
    }

    public static void publishToken(TopicPublisher publisher, String tokenId, long revision, PersonalTokenState token) {
        publisher.publish(Topics.PERSONAL_TOKENS.name(), tokenId, PersonalTokenChanged.newBuilder()
                .setMetadata(metadata())
                .setTokenId(tokenId)
                .setRevision(revision)
                .setToken(token)
                .build());
    }

    private static EventMetadata metadata() {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setActor("demo-admin")
                .build();
    }
}
