package dev.attest.wallet.repository;

import dev.attest.wallet.OrgDfnsSettings;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DfnsSettingsRepository implements PanacheRepositoryBase<OrgDfnsSettings, String> {}
