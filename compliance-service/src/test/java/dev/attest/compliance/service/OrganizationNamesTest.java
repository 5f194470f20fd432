package dev.attest.compliance.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizationNamesTest {
    private static final String ID = "5b0c3f1e-7a41-4c1a-9c35-6d656d6f0001";
    private static final Set<String> KNOWN_IDS = Set.of(ID, "org-known");
    private static final Map<String, String> SLUGS = Map.of("demo", ID);

    private static Optional<String> resolve(String configured) {
        return OrganizationNames.resolve(configured, KNOWN_IDS::contains, slug -> Optional.ofNullable(SLUGS.get(slug)));
    }

    @Test
    void aKnownIdIsItself() {
        assertThat(resolve("org-known")).contains("org-known");
    }

    @Test
    void aKnownSlugIsItsOrganizationsId() {
        assertThat(resolve("demo")).contains(ID);
    }

    @Test
    void anUnknownUuidIsTakenAsAnIdNotReplicatedYet() {
        assertThat(resolve("0f0e0d0c-0b0a-4909-8807-060504030201")).contains("0f0e0d0c-0b0a-4909-8807-060504030201");
    }

    @Test
    void anUnknownSlugResolvesToNothingYet() {
        assertThat(resolve("not-replicated-yet")).isEmpty();
    }
}
