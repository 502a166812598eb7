package org.reportplatform.schemas;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes outside packages it trusts when it decodes into
 * generated classes. This trusts exactly the generated event classes of this module, on top of
 * whatever Avro trusts already; the check itself stays on for everything else.
 */
final class TrustedAvroPackages {

    private static volatile boolean done;

    private TrustedAvroPackages() {
    }

    static synchronized void trustSchemasPackage() {
        if (done) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        String trusted = TrustedAvroPackages.class.getPackageName();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                type -> type.getPackageName().equals(trusted)));
        done = true;
    }
}
