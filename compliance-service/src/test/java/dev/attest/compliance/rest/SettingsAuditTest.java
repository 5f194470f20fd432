package dev.attest.compliance.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.audit.AuditChain;
import dev.attest.compliance.support.TestOrg;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** compliance-service's audit trail: an org admin's Persona settings changes, recorded with every secret masked. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class SettingsAuditTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditChain chain;

    @Test
    void personaSettingsChangesAreRecordedWithTheirSecretsMasked() {
        TestOrg org = TestOrg.create("none");
        org.admin()
                .body(Map.of("api_key", "persona_rotated_key_value", "environment", "production"))
                .put("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(200);

        TestDatabase db = new TestDatabase(dataSource);
        List<String> actions =
                db.strings("select action from attest_audit_entry where org_id = ? order by seq", org.id());
        assertThat(actions).containsExactly("persona-settings.created", "persona-settings.updated");
        List<String> changes = db.strings(
                "select actor_subject || ' ' || changes from attest_audit_entry where org_id = ? order by seq",
                org.id());
        assertThat(changes.get(0))
                .startsWith("admin-of-" + org.id())
                .contains("\"before\":null")
                .contains("\"api_key\":\"***\"");
        assertThat(changes.get(1)).contains("\"environment\":\"sandbox\"").contains("\"environment\":\"production\"");
        List<String> rows =
                db.strings("select t::text from attest_audit_entry t where org_id = ? order by seq", org.id());
        List<String> events = db.strings(
                "select data::text from attest_outbox where org_id = ? and topic = 'attest.audit.v1'", org.id());
        assertThat(events).hasSize(2);
        for (String text : List.of(String.join("\n", rows), String.join("\n", events))) {
            assertThat(text)
                    .doesNotContain(org.apiKey())
                    .doesNotContain("persona_rotated_key_value")
                    .doesNotContain(org.webhookSecret());
        }
        AuditChain.Verification verification = chain.verify();
        assertThat(verification.ok()).as(verification.toString()).isTrue();
    }
}
