package dev.attest.compliance.repository;

import dev.attest.compliance.SumsubSettings;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SumsubSettingsRepository implements PanacheRepositoryBase<SumsubSettings, String> {}
