package dev.attest.compliance.support;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;

import dev.attest.contracts.EventTypes;
import java.time.OffsetDateTime;

/**
 * The default organization of the tests, configured by slug ({@code demo}) as the local stack does; it
 * exists once the gateway's organization-created event has reached the tenant replica.
 */
public final class DemoOrg {
    public static final String SLUG = "demo";
    public static final String ID = "5b0c3f1e-7a41-4c1a-9c35-6d656d6f0001";

    private DemoOrg() {}

    /** Publishes the organization (the same event id every time: the inbox applies it once) and waits for it. */
    public static void ensure() {
        if (resolved()) {
            return;
        }
        TenantEvents.organization(
                "evt-demo-organization-created",
                EventTypes.Tenant.ORGANIZATION_CREATED,
                ID,
                SLUG,
                OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        waitFor("the demo organization in the tenant replica").until(DemoOrg::resolved);
    }

    public static boolean resolved() {
        return given().get("/webhooks/persona/health").jsonPath().getBoolean("default_organization");
    }
}
