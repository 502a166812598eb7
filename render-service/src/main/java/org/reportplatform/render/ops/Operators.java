package org.reportplatform.render.ops;

import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.errors.ApiException;

/** The operator endpoints need the OPERATOR or ADMIN role (403 otherwise; no token is a 401 already). */
public final class Operators {

    private Operators() {
    }

    public static void require(Caller caller, String what) {
        if (!caller.isAdmin() && !caller.roles().contains(Role.OPERATOR)) {
            throw ApiException.forbidden(what + " needs the OPERATOR or ADMIN role");
        }
    }
}
