package org.reportplatform.gateway.accounts;

import java.util.Set;
import org.reportplatform.gateway.accounts.AccountsApi.Enrolment;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Enrolling a second factor ({@code /account/second-factor}), in three steps on one template:
 * {@code intro} (what it is for, a button to start), {@code scan} (after {@code POST}: the QR code
 * and the secret for manual entry, a field for the first code), {@code codes} (the code was right:
 * the 10 recovery codes, shown this once). A wrong code gives {@code retry}: the code field again,
 * and a button to start over with a new QR code. The secret is never sent back by the browser nor
 * kept by the gateway: starting over asks content-service for a new one.
 */
final class SecondFactorHandler {

    private static final Set<String> CODE_FIELDS = Set.of("code");

    private final AccountsClient accounts;
    private final Labels labels;

    SecondFactorHandler(AccountsClient accounts, Labels labels) {
        this.accounts = accounts;
        this.labels = labels;
    }

    /** {@code GET /account/second-factor}. */
    Mono<ServerResponse> intro(ServerRequest request) {
        return Viewer.signedIn(request).flatMap(viewer -> accounts.me(viewer.caller())
                .flatMap(person -> Pages.ok("second-factor.jte", model(viewer, "intro").put("person", person)))
                .onErrorResume(e -> Pages.failed(viewer, labels, e)))
                .switchIfEmpty(Pages.signIn());
    }

    /** {@code POST /account/second-factor}: a new (pending) secret, shown as a QR code. */
    Mono<ServerResponse> start(ServerRequest request) {
        return Viewer.signedIn(request).flatMap(viewer -> accounts.startSecondFactor(viewer.caller())
                .flatMap(enrolment -> Pages.ok("second-factor.jte", model(viewer, "scan")
                        .put("enrolment", safe(enrolment)).put("form", FormState.empty())))
                .onErrorResume(e -> Pages.failed(viewer, labels, e)))
                .switchIfEmpty(Pages.signIn());
    }

    /** {@code POST /account/second-factor/confirm}. */
    Mono<ServerResponse> confirm(ServerRequest request) {
        return Viewer.signedIn(request).flatMap(viewer -> request.formData().flatMap(data -> {
            // Spaces are what people type when they copy "123 456" as the app shows it.
            String code = FormState.of(data).value("code").replace(" ", "");
            return accounts.confirmSecondFactor(viewer.caller(), code)
                    .flatMap(codes -> Pages.ok("second-factor.jte", model(viewer, "codes").put("recoveryCodes", codes.recoveryCodes())))
                    .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 400
                            ? Pages.render(HttpStatusCode.valueOf(400), "second-factor.jte", model(viewer, "retry")
                                    .put("form", FrenchProblems.explain(refusal, FormState.empty(), CODE_FIELDS)))
                            : Pages.failed(viewer, labels, refusal));
        }).onErrorResume(e -> Pages.failed(viewer, labels, e)))
                .switchIfEmpty(Pages.signIn());
    }

    private Pages.Model model(Viewer viewer, String step) {
        return Pages.model(viewer, labels).put("step", step);
    }

    /** Only an image data URI goes into {@code <img src>}: whatever else the API said is not shown. */
    private static Enrolment safe(Enrolment enrolment) {
        String qr = enrolment.qrCode();
        boolean image = qr != null && (qr.startsWith("data:image/png;base64,") || qr.startsWith("data:image/svg+xml;base64,"));
        return new Enrolment(enrolment.otpauthUri(), image ? qr : null, enrolment.secret());
    }

}
