package dev.attest.testing;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A service's database as an earlier release left it, for tests of a migration that must work on existing databases
 * as well as on fresh ones: a fresh database (on {@link PostgresResource#server()}) migrated with the locations and
 * up to the version the earlier release had, rows written the way that release wrote them ({@link #tables()}),
 * then migrated as the service now is.
 */
public final class DatabaseUpgrade {
    private final DataSource dataSource;

    private DatabaseUpgrade(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A fresh database migrated from {@code locations} (class path folders) up to version {@code target}. */
    public static DatabaseUpgrade releasedAt(String target, String... locations) {
        PostgresResource.Server server = PostgresResource.server();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(server.urlOf(PostgresResource.createDatabase()));
        dataSource.setUser(server.user());
        dataSource.setPassword(server.password());
        DatabaseUpgrade database = new DatabaseUpgrade(dataSource);
        database.flyway(false, locations).target(target).load().migrate();
        return database;
    }

    /** Migrates with {@code locations} and out-of-order as the service's configuration now states them. */
    public void migrate(boolean outOfOrder, String... locations) {
        flyway(outOfOrder, locations).load().migrate();
    }

    /** The database's tables, to write what the earlier release wrote and to read what the migration made of it. */
    public TestDatabase tables() {
        return new TestDatabase(dataSource);
    }

    private FluentConfiguration flyway(boolean outOfOrder, String... locations) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(Arrays.stream(locations)
                        .map(location -> "classpath:" + location)
                        .toArray(String[]::new))
                .outOfOrder(outOfOrder);
    }
}
