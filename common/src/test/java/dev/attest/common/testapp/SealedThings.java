package dev.attest.common.testapp;

import dev.attest.common.crypto.SealedColumn;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The test application's one column of sealed secrets, as a service declares its own. */
public class SealedThings {
    public static String context(String orgId) {
        return "org:" + orgId + "/test.secret";
    }

    @Produces
    @Singleton
    SealedColumn secrets() {
        return new SealedColumn("test_sealed", "id", "secret", List.of("org_id"), values -> context(values.get(0)));
    }
}
