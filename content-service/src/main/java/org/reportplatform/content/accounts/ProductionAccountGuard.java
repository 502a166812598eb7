package org.reportplatform.content.accounts;

import java.util.List;
import org.reportplatform.platform.security.ProductionGuard;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The prod profile refuses to start while an enabled demo account exists: their password
 * ({@code demo-password}) is in the README. Checked right after the accounts are replayed (phase 0)
 * and before the web server starts, so such a service never answers a request. Disable the demo
 * accounts (PATCH {@code disabled: true}) from a non-prod run to go to production with that log.
 */
@Component
class ProductionAccountGuard implements SmartLifecycle {

    private final AccountBook book;
    private final Environment environment;
    private volatile boolean running;

    ProductionAccountGuard(AccountBook book, Environment environment) {
        this.book = book;
        this.environment = environment;
    }

    @Override
    public void start() {
        if (ProductionGuard.isProduction(environment)) {
            List<String> demo = book.accounts().stream().filter(a -> !a.disabled() && a.id().startsWith("demo-"))
                    .map(Account::id).toList();
            if (!demo.isEmpty()) {
                throw new IllegalStateException("the prod profile is active but report.accounts.v1 holds enabled demo accounts "
                        + demo + " (their password is public): disable them before running in production");
            }
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the account log's replay (phase 0), long before the web server. */
    @Override
    public int getPhase() {
        return 1;
    }
}
