package dev.attest.compliance.service;

import dev.attest.common.tenant.TenantEvent;
import dev.attest.contracts.EventTypes;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * When the gateway deletes an organization ({@code attest.tenant.organization-deleted.v1}, issue 20), erases what
 * compliance-service holds sealed for it: its Persona and Sumsub settings (API keys, tokens, webhook secrets) and its
 * applicants' sealed personal data; in the tenant event's inbox transaction, so once. What was erased is logged
 * (rows per kind); the gateway keeps the platform's record of the deletion.
 */
@ApplicationScoped
public class OrganizationErasure {
    private static final Logger LOG = Logger.getLogger(OrganizationErasure.class);

    private final AgroalDataSource dataSource;

    OrganizationErasure(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onTenantEvent(@Observes TenantEvent tenantEvent) {
        if (!EventTypes.Tenant.ORGANIZATION_DELETED.equals(tenantEvent.event().type())) {
            return;
        }
        String orgId = tenantEvent.event().orgId();
        Map<String, Integer> erased = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            erased.put("persona_settings", update(connection, "delete from persona_settings where org_id = ?", orgId));
            erased.put("sumsub_settings", update(connection, "delete from sumsub_settings where org_id = ?", orgId));
            erased.put(
                    "sealed_applicant_data",
                    update(
                            connection,
                            "update kyc_case set personal_info_enc = null, document_data_enc = null"
                                    + " where org_id = ? and (personal_info_enc is not null"
                                    + " or document_data_enc is not null)",
                            orgId));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase organization " + orgId, e);
        }
        LOG.infof("organization %s deleted at the gateway: erased %s", orgId, erased);
    }

    private static int update(Connection connection, String sql, String orgId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, orgId);
            return statement.executeUpdate();
        }
    }
}
