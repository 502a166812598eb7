package org.reportplatform.content.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.content.ContentServiceApplication;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.AccountChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The accounts across starts, on one broker: the demo profile creates the demo accounts on the
 * first start only, a restart replays them as they were, and the prod profile refuses to start
 * while an enabled demo account exists.
 */
class AccountStartupTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @Test
    void demoAccountsAreCreatedOnceAndTheProdProfileRefusesThem() {
        // Given the demo profile's first start
        List<AccountChanged> first;
        List<Account> replayedBefore;
        try (ConfigurableApplicationContext app = start("demo")) {
            first = new TopicReader(kafka.bootstrapServers()).values(Topics.ACCOUNTS);
            replayedBefore = app.getBean(AccountBook.class).accounts();
        }

        // Then there is one account per demo token, enabled, with the demo password and no second factor
        assertThat(first).extracting(e -> e.getAccount().getEmail())
                .contains("admin@example.org", "operator@example.org", "webteam@example.org", "reviewer@example.org",
                        "enfants@example.org", "femmes@example.org", "migrants@example.org");
        assertThat(first).allSatisfy(e -> {
            assertThat(e.getAccountId()).startsWith("demo-");
            assertThat(e.getRevision()).isEqualTo(1);
            assertThat(e.getAccount().getDisabled()).isFalse();
            assertThat(e.getAccount().getSecondFactor()).isNull();
            assertThat(e.getMetadata().getActor()).isEqualTo("system:demo-loader");
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                    .matches("demo-password", e.getAccount().getPasswordHash())).isTrue();
        });

        // When it starts again: nothing new is written, and the replay gives the same accounts
        try (ConfigurableApplicationContext app = start("demo")) {
            assertThat(app.getBean(AccountBook.class).accounts()).isEqualTo(replayedBefore);
        }
        assertThat(new TopicReader(kafka.bootstrapServers()).values(Topics.ACCOUNTS)).hasSameSizeAs(first);

        // And the prod profile, with production keys, refuses to start on that log, naming the accounts
        assertThatThrownBy(() -> start("prod",
                "--report.security.assertion-key=a-production-secret-of-at-least-thirty-two-bytes",
                "--report.security.encryption-key=a-production-encryption-key",
                "--report.security.encryption-salt=0123456789abcdef").close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("enabled demo accounts").contains("demo-admin"));
    }

    private static ConfigurableApplicationContext start(String profile, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--server.port=0", "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ContentServiceApplication.class).profiles(profile).run(args.toArray(String[]::new));
    }
}
