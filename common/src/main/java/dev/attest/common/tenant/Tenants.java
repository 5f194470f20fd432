package dev.attest.common.tenant;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * This service's replica of the gateway's organizations and projects ({@code attest.tenant.v1}), kept by
 * {@link TenantEventsConsumer}: an organization named by its id or its slug (admin paths, webhook paths and a
 * configured default organization name it either way, as the gateway does), and a project's attributes (its KYC
 * provider, its wallet network). Only in services that turn the replica on ({@value #ENABLED}{@code =true}).
 *
 * <p>Writes keep the newest event: an event older than the one a row holds changes nothing.
 */
@ApplicationScoped
@IfBuildProperty(name = Tenants.ENABLED, stringValue = "true")
public class Tenants {
    /** The build-time switch of the replica: its consumer, its channel and this bean exist only when it is true. */
    public static final String ENABLED = "attest.tenant.replica.enabled";

    /** Longer than any id or slug the gateway makes: such a name is not looked up, it names no organization. */
    private static final int MAX_NAME_LENGTH = 255;

    private static final String UPSERT_ORGANIZATION = "insert into attest_tenant_organization"
            + " (org_id, slug, name, event_time, suspended) values (?, ?, ?, ?, coalesce(?::boolean, false))"
            + " on conflict (org_id) do update set slug = excluded.slug, name = excluded.name,"
            + " event_time = excluded.event_time,"
            // an event that does not state `suspended` (a change of name) leaves it as it is
            + " suspended = coalesce(?::boolean, attest_tenant_organization.suspended)"
            + " where attest_tenant_organization.event_time <= excluded.event_time";
    private static final String UPSERT_PROJECT = "insert into attest_tenant_project"
            + " (project_id, org_id, name, environment, kyc_provider, wallet_network, kyc_fallback_provider,"
            + " event_time, suspended) values (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?::boolean, false))"
            + " on conflict (project_id) do update set org_id = excluded.org_id, name = excluded.name,"
            + " environment = excluded.environment, kyc_provider = excluded.kyc_provider,"
            + " wallet_network = excluded.wallet_network, kyc_fallback_provider = excluded.kyc_fallback_provider,"
            + " event_time = excluded.event_time,"
            + " suspended = coalesce(?::boolean, attest_tenant_project.suspended)"
            + " where attest_tenant_project.event_time <= excluded.event_time";

    private final AgroalDataSource dataSource;

    Tenants(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The organization with this id, if the replica knows it. */
    public Optional<TenantOrganization> organization(String orgId) {
        if (!lookupable(orgId)) {
            return Optional.empty();
        }
        return queryOne(
                "select org_id, slug, name from attest_tenant_organization where org_id = ?",
                row -> new TenantOrganization(row.getString(1), row.getString(2), row.getString(3)),
                orgId);
    }

    /** The id of the organization with this slug (slugs are unique at the gateway; here the newest event wins). */
    public Optional<String> orgIdOfSlug(String slug) {
        if (!lookupable(slug)) {
            return Optional.empty();
        }
        return queryOne(
                "select org_id from attest_tenant_organization where slug = ? order by event_time desc limit 1",
                row -> row.getString(1),
                slug);
    }

    /**
     * The id of the organization {@code idOrSlug} names: a known id is itself, a known slug its organization's id;
     * anything else is taken as an id (an organization not replicated yet still works by id).
     */
    public String orgIdOf(String idOrSlug) {
        if (organization(idOrSlug).isPresent()) {
            return idOrSlug;
        }
        return orgIdOfSlug(idOrSlug).orElse(idOrSlug);
    }

    /** Whether {@code idOrSlug} names the organization {@code orgId}: its id, or its slug as the replica knows it. */
    public boolean names(String idOrSlug, String orgId) {
        return orgId.equals(idOrSlug)
                || orgIdOfSlug(idOrSlug).filter(orgId::equals).isPresent();
    }

    /** The project, only if it belongs to {@code orgId}; empty without a project id. */
    public Optional<TenantProject> project(String orgId, String projectId) {
        if (projectId == null || !lookupable(projectId)) {
            return Optional.empty();
        }
        return queryOne(
                "select project_id, org_id, name, environment, kyc_provider, wallet_network, kyc_fallback_provider"
                        + " from attest_tenant_project where project_id = ? and org_id = ?",
                row -> new TenantProject(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7)),
                projectId,
                orgId);
    }

    /**
     * Whether the gateway suspended the organization, or the project when one is named (issue 20): a service does
     * no new provider work for it (no inquiry, wallet or transfer). An organization or project the replica does not
     * know is not suspended (the gateway refuses suspended tenants' requests anyway).
     */
    public boolean suspended(String orgId, String projectId) {
        if (!lookupable(orgId)) {
            return false;
        }
        boolean org = queryOne(
                        "select suspended from attest_tenant_organization where org_id = ?",
                        row -> row.getBoolean(1),
                        orgId)
                .orElse(false);
        if (org || projectId == null || !lookupable(projectId)) {
            return org;
        }
        return queryOne(
                        "select suspended from attest_tenant_project where project_id = ? and org_id = ?",
                        row -> row.getBoolean(1),
                        projectId,
                        orgId)
                .orElse(false);
    }

    /**
     * The SQL condition of {@link #suspended} for a query that picks work in bulk (a worker's due rows): neither the
     * organization in {@code orgColumn} nor, unless null, the project in {@code projectColumn} (a column or a scalar
     * subquery) is suspended. As there, a tenant the replica does not know is not suspended. Filtering in the query
     * keeps a suspended tenant's backlog from filling the batches of the others.
     */
    public static String notSuspendedSql(String orgColumn, String projectColumn) {
        String organization = "not exists (select 1 from attest_tenant_organization so where so.org_id = " + orgColumn
                + " and so.suspended)";
        if (projectColumn == null) {
            return organization;
        }
        return organization + " and not exists (select 1 from attest_tenant_project sp where sp.project_id = "
                + projectColumn + " and sp.org_id = " + orgColumn + " and sp.suspended)";
    }

    void upsert(TenantOrganization organization, OffsetDateTime eventTime) {
        upsert(organization, null, eventTime);
    }

    /** {@code suspended}: null when the event does not state it (it then stays as it is). */
    void upsert(TenantOrganization organization, Boolean suspended, OffsetDateTime eventTime) {
        update(
                UPSERT_ORGANIZATION,
                organization.orgId(),
                organization.slug(),
                organization.name(),
                eventTime,
                suspended,
                suspended);
    }

    void upsert(TenantProject project, OffsetDateTime eventTime) {
        upsert(project, null, eventTime);
    }

    void upsert(TenantProject project, Boolean suspended, OffsetDateTime eventTime) {
        update(
                UPSERT_PROJECT,
                project.projectId(),
                project.orgId(),
                project.name(),
                project.environment(),
                project.kycProvider(),
                project.walletNetwork(),
                project.kycFallbackProvider(),
                eventTime,
                suspended,
                suspended);
    }

    /** Forgets a deleted organization and its projects (organization-deleted). */
    void erase(String orgId) {
        update("delete from attest_tenant_project where org_id = ?", orgId);
        update("delete from attest_tenant_organization where org_id = ?", orgId);
    }

    // A NUL cannot even be compared by PostgreSQL; an over-long name is no id or slug the gateway makes.
    private static boolean lookupable(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && name.indexOf('\u0000') < 0;
    }

    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    // The datasource hands out the connection of the caller's transaction, if there is one.
    private <T> Optional<T> queryOne(String sql, Row<T> reader, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, params);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tenant replica", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            bind(update, params);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the tenant replica", e);
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
