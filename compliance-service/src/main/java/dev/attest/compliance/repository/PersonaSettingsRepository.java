package dev.attest.compliance.repository;

import dev.attest.compliance.PersonaSettings;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PersonaSettingsRepository implements PanacheRepositoryBase<PersonaSettings, String> {}
