package org.reportplatform.gateway.signin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sessions of the browser pages. The cookie itself (name, {@code Secure}, {@code HttpOnly},
 * {@code SameSite}) is Spring Boot's {@code server.reactive.session.cookie.*}, set in
 * application.yml.
 *
 * @param sessionTimeout   how long a signed-in session lives without a request (a working day:
 *                         the live view's stream reconnects only when it breaks)
 * @param anonymousTimeout how long the session of a sign-in form not yet submitted lives (it only
 *                         holds the form's CSRF token)
 */
@ConfigurationProperties("report.gateway.signin")
public record SignInProperties(
        @DefaultValue("8h") Duration sessionTimeout,
        @DefaultValue("10m") Duration anonymousTimeout) {
}
