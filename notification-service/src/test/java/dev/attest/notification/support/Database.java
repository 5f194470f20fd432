package dev.attest.notification.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain JDBC connections to the service's database that bypass the service entirely: what another
 * instance of the service, or an operator, would write.
 */
@ApplicationScoped
public class Database {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password.orElse(""));
    }
}
