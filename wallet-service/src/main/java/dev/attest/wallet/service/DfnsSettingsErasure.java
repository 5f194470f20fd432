package dev.attest.wallet.service;

import dev.attest.common.tenant.OrganizationErasure.Erasure;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What wallet-service erases of a deleted organization (common's OrganizationErasure): its Dfns settings, the sealed
 * service-account token, signing key and webhook secrets. Its wallets and transfers (addresses and hashes on public
 * chains, no secrets) are kept.
 */
public class DfnsSettingsErasure {
    @Produces
    @Singleton
    Erasure dfnsSettings() {
        return new Erasure("dfns_settings", "delete from dfns_settings where org_id = ?");
    }
}
