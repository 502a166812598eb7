package org.reportplatform.platform.security;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.time.TimeProvider;
import dev.samstevens.totp.util.Utils;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;

/**
 * Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app
 * expects) and recovery codes. The secret is kept only encrypted (AES-GCM with the platform's
 * {@code report.security.encryption-key}), recovery codes only as SHA-256: an event or a log
 * line never holds either in clear.
 */
public final class SecondFactors {

    /** The issuer an authenticator app shows next to the account. */
    public static final String ISSUER = "Rapport annuel";
    private static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TextEncryptor encryptor;
    private final CodeVerifier verifier;

    public SecondFactors(SecurityProperties properties, Clock clock) {
        this.encryptor = Encryptors.delux(properties.encryptionKeyOrFail(), properties.encryptionSalt());
        TimeProvider time = () -> clock.instant().getEpochSecond();
        DefaultCodeVerifier codes = new DefaultCodeVerifier(new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6), time);
        codes.setTimePeriod(30);
        // One period either side: the phone's clock may be off by a few seconds.
        codes.setAllowedTimePeriodDiscrepancy(1);
        this.verifier = codes;
    }

    /** A new secret, encrypted, for an account starting enrolment. */
    public String newEncryptedSecret() {
        return encryptor.encrypt(new DefaultSecretGenerator(32).generate());
    }

    /** True when {@code code} is the current one-time password of the encrypted secret. */
    public boolean verify(String encryptedSecret, String code) {
        if (code == null) {
            return false;
        }
        String digits = code.replace(" ", "").strip();
        return digits.matches("\\d{6}") && verifier.isValidCode(encryptor.decrypt(encryptedSecret), digits);
    }

    /** What the person types into an app that cannot scan: the secret, in base32. */
    public String secretForManualEntry(String encryptedSecret) {
        return encryptor.decrypt(encryptedSecret);
    }

    /** The {@code otpauth://} URI of the secret, for {@code email}. */
    public String otpauthUri(String encryptedSecret, String email) {
        return qrData(encryptedSecret, email).getUri();
    }

    /** The enrolment QR code as a {@code data:image/png;base64,...} URI, for an {@code <img>}. */
    public String qrCodeDataUri(String encryptedSecret, String email) {
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(generator.generate(qrData(encryptedSecret, email)), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("cannot draw the enrolment QR code", e);
        }
    }

    private QrData qrData(String encryptedSecret, String email) {
        return new QrData.Builder().label(email).secret(encryptor.decrypt(encryptedSecret)).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(30).build();
    }

    /** Fresh recovery codes, shown once to the person: {@code xxxx-xxxx}, lower-case hex. */
    public static List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[4];
            RANDOM.nextBytes(bytes);
            String hex = HexFormat.of().formatHex(bytes);
            codes.add(hex.substring(0, 4) + "-" + hex.substring(4));
        }
        return codes;
    }

    /** How a recovery code is kept: SHA-256 of its normalised form. */
    public static String hashRecoveryCode(String code) {
        return DemoTokens.sha256Hex(code.strip().toLowerCase().replace(" ", ""));
    }

    /** The stored hash {@code code} matches, if any (the caller then removes it: one use). */
    public static Optional<String> matchingRecoveryCode(List<String> hashes, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String hash = hashRecoveryCode(code);
        return hashes.stream().filter(hash::equals).findFirst();
    }
}
