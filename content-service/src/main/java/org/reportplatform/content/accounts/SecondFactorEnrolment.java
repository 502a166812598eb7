package org.reportplatform.content.accounts;

import java.util.List;

/** The answers of the second-factor enrolment, shown once to the person. */
public final class SecondFactorEnrolment {

    private SecondFactorEnrolment() {
    }

    /** What an authenticator app needs: the otpauth URI, as a QR code (a data: URI) and the secret to type in. */
    public record Started(String otpauthUri, String qrCode, String secret) {
    }

    /** The recovery codes, each usable once when the phone is lost. */
    public record Confirmed(List<String> recoveryCodes) {
    }
}
