package dev.attest.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attest.common.testapp.SealedThings;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retiring a master key: every secret re-sealed under the active one, once, whoever runs the pass. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MasterKeyRotationTest {
    private static final String OLD = "test-0:ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=";
    private static final String NEW = "test-1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** The cipher before the rotation: only the old key. */
    private static final SecretCipher BEFORE = SecretCipher.of(List.of(OLD), "test-0");
    /** The cipher after the old key is removed from the configuration. */
    private static final SecretCipher AFTER = SecretCipher.of(List.of(NEW), "test-1");

    @Inject
    MasterKeyRotation rotation;

    @Inject
    SealedColumn column;

    @Inject
    AgroalDataSource dataSource;

    private final Map<UUID, String> plaintexts = new HashMap<>();

    @BeforeEach
    void sealUnderTheOldKey() throws SQLException {
        execute("delete from test_sealed");
        for (int i = 0; i < 2 * MasterKeyRotation.BATCH + 17; i++) {
            UUID id = UUID.randomUUID();
            String org = "org-" + (i % 7);
            String secret = "secret-" + i;
            plaintexts.put(id, secret);
            execute("insert into test_sealed (id, org_id, secret) values ('" + id + "', '" + org + "', '"
                    + BEFORE.encrypt(secret, SealedThings.context(org)) + "')");
        }
        execute("insert into test_sealed (id, org_id, secret) values ('" + UUID.randomUUID() + "', 'org-x', null)");
    }

    @Test
    void aPassReSealsEverySecretSoTheOldKeyCanBeRemoved() throws SQLException {
        assertThat(rotation.countRetired(column)).isEqualTo(plaintexts.size());
        assertThatThrownBy(() -> AFTER.decrypt(sealed().values().iterator().next(), SealedThings.context("org-0")))
                .isInstanceOf(SecretDecryptionException.class);

        assertThat(rotation.rewrapAll()).isEqualTo(plaintexts.size());

        assertThat(rotation.countRetired(column)).isZero();
        assertEveryPlaintextOpensWithTheNewKeyAlone();
        assertThat(rotation.rewrapAll()).isZero(); // nothing left: a second pass changes nothing
    }

    @Test
    void aPassCutShortIsFinishedByTheNext() throws Exception {
        // One batch commits, then the process "dies": the rest is still old, and the next pass finishes it.
        int first = QuarkusTransaction.requiringNew().call(() -> rotation.rewrapBatch(column));

        assertThat(first).isEqualTo(MasterKeyRotation.BATCH);
        assertThat(rotation.countRetired(column)).isEqualTo(plaintexts.size() - MasterKeyRotation.BATCH);
        assertThat(rotation.rewrapAll()).isEqualTo(plaintexts.size() - MasterKeyRotation.BATCH);
        assertEveryPlaintextOpensWithTheNewKeyAlone();
    }

    @Test
    void replicasRunningAtOnceReSealEachSecretOnce() throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        try {
            Callable<Integer> pass = rotation::rewrapAll;
            List<Future<Integer>> passes = replicas.invokeAll(List.of(pass, pass, pass));
            int total = 0;
            for (Future<Integer> done : passes) {
                total += done.get();
            }
            assertThat(total).isEqualTo(plaintexts.size());
        } finally {
            replicas.shutdownNow();
        }
        assertEveryPlaintextOpensWithTheNewKeyAlone();
    }

    private void assertEveryPlaintextOpensWithTheNewKeyAlone() throws SQLException {
        Map<UUID, String> sealed = sealed();
        Map<UUID, String> orgs = orgs();
        assertThat(sealed).hasSize(plaintexts.size());
        sealed.forEach((id, envelope) -> assertThat(AFTER.decrypt(envelope, SealedThings.context(orgs.get(id))))
                .isEqualTo(plaintexts.get(id)));
    }

    private Map<UUID, String> sealed() throws SQLException {
        return column("secret");
    }

    private Map<UUID, String> orgs() throws SQLException {
        return column("org_id");
    }

    private Map<UUID, String> column(String name) throws SQLException {
        Map<UUID, String> values = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select id, " + name + " from test_sealed where secret is not null");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.put(rows.getObject(1, UUID.class), rows.getString(2));
            }
        }
        return values;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }
}
