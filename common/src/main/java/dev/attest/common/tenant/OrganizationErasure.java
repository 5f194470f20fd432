package dev.attest.common.tenant;

import dev.attest.contracts.EventTypes;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * When the gateway deletes an organization ({@code attest.tenant.organization-deleted.v1}), erases what this service
 * holds for it: each service names its statements as {@link Erasure} beans (its provider settings, sealed personal
 * data). Runs in the tenant event's inbox transaction, so once; what was erased is logged (rows per kind), and the
 * gateway keeps the platform's record of the deletion.
 */
@ApplicationScoped
public class OrganizationErasure {
    private static final Logger LOG = Logger.getLogger(OrganizationErasure.class);

    /** One kind of data erased: a statement whose only parameter is the organization's id. */
    public record Erasure(String kind, String statement) {}

    private final AgroalDataSource dataSource;
    private final Instance<Erasure> erasures;

    OrganizationErasure(AgroalDataSource dataSource, Instance<Erasure> erasures) {
        this.dataSource = dataSource;
        this.erasures = erasures;
    }

    void onTenantEvent(@Observes TenantEvent tenantEvent) {
        if (!EventTypes.Tenant.ORGANIZATION_DELETED.equals(tenantEvent.event().type())) {
            return;
        }
        String orgId = tenantEvent.event().orgId();
        Map<String, Integer> erased = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Erasure erasure : erasures) {
                try (PreparedStatement statement = connection.prepareStatement(erasure.statement())) {
                    statement.setString(1, orgId);
                    erased.put(erasure.kind(), statement.executeUpdate());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase organization " + orgId, e);
        }
        LOG.infof("organization %s deleted at the gateway: erased %s", orgId, erased);
    }
}
