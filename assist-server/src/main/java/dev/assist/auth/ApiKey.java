package dev.assist.auth;

import java.util.Objects;

/** Who a request comes from, once its key is recognised: one tenant, one scope. */
public record ApiKey(String tenant, Scope scope) {
    public ApiKey {
        Objects.requireNonNull(scope, "scope");
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("an API key needs a tenant");
        }
    }
}
