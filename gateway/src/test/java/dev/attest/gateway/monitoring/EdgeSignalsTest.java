package dev.attest.gateway.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which 404s count as probing: those for an id or an organization, never for the caller's own resources. */
class EdgeSignalsTest {
    private static final String ID = "5f0c8a1e-2b7d-4c1a-9e3f-0a1b2c3d4e5f";

    @Test
    void aPathNamingAnIdOrAnOrganizationCounts() {
        assertThat(EdgeSignals.namesAnotherId("/orgs/acme")).isTrue();
        assertThat(EdgeSignals.namesAnotherId("/orgs/acme/projects/" + ID)).isTrue();
        assertThat(EdgeSignals.namesAnotherId("/wallets/" + ID + "/transfers")).isTrue();
        assertThat(EdgeSignals.namesAnotherId("/compliance/kyc/cases/" + ID.toUpperCase()))
                .isTrue();
    }

    @Test
    void waitingForOnesOwnResourceOrAnUnknownRouteDoesNot() {
        // a client polls its own wallet and identity until they exist: 404 until then
        assertThat(EdgeSignals.namesAnotherId("/wallets/me")).isFalse();
        assertThat(EdgeSignals.namesAnotherId("/identities/me")).isFalse();
        assertThat(EdgeSignals.namesAnotherId("/compliance/kyc/me")).isFalse();
        assertThat(EdgeSignals.namesAnotherId("/no/such/route")).isFalse();
        assertThat(EdgeSignals.namesAnotherId("/wallets/not-an-id")).isFalse();
    }
}
