// Creates the services' databases on an existing PostgreSQL server (ATTEST_PG_URL), when missing.
// Run by ./attest as a single-file program on test-support's classpath (it has the JDBC driver):
//   java -cp CLASSPATH deploy/local/postgres/CreateDatabases.java JDBC_URL USER db1,db2 <<< PASSWORD
// The password comes on standard input so that it never shows in a process list.
// (The embedded server creates its databases itself: dev.attest.testing.local.EmbeddedPostgresServer.)

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

public class CreateDatabases {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CreateDatabases JDBC_URL USER db1,db2 <<< PASSWORD");
            System.exit(2);
        }
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        Properties props = new Properties();
        props.setProperty("user", args[1]);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(args[0], props)) {
            for (String database : args[2].split(",")) {
                if (!NAME.matcher(database).matches()) {
                    throw new IllegalArgumentException("not a plain database name: " + database);
                }
                try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet rows = exists.executeQuery()) {
                        if (rows.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE \"" + database + "\""); // checked against NAME above
                }
                System.out.println("created database " + database);
            }
        }
        System.out.println("databases present: " + args[2]);
    }
}
