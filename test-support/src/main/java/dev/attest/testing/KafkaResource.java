package dev.attest.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in this JVM, started once and shared by
 * every test application; or the cluster at {@code ATTEST_TEST_KAFKA_BOOTSTRAP} when that is set. Tests
 * keep apart by their own topics and consumer groups.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    private static String bootstrapServers;
    private static KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by the JVM's test applications; stopped when the JVM exits.
    }

    /** The bootstrap servers every test of this JVM uses. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = ExternalServer.url("ATTEST_TEST_KAFKA_BOOTSTRAP").orElseGet(KafkaResource::startCluster);
        }
        return bootstrapServers;
    }

    private static String startCluster() {
        // Kafka registers hooks that delete the test kit's directories at JVM exit. Run alongside the
        // broker's shutdown, they pull the log directory from under a running broker, which then halts
        // the JVM with status 1 and fails a test run whose tests all passed. So the hooks are collected
        // and run after the cluster has stopped, and a broker fault may not end the test JVM.
        List<Runnable> cleanups = new CopyOnWriteArrayList<>();
        Exit.setShutdownHookAdder((name, hook) -> cleanups.add(hook));
        Exit.setHaltProcedure(KafkaResource::refuseToEndTheJvm);
        Exit.setExitProcedure(KafkaResource::refuseToEndTheJvm);
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-process Kafka cluster", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeCluster();
            cleanups.forEach(Runnable::run);
        }));
        return cluster.bootstrapServers();
    }

    private static void refuseToEndTheJvm(int status, String message) {
        System.err.println("Kafka test broker asked to end the JVM (status " + status + "): " + message);
    }

    private static void closeCluster() {
        try {
            cluster.close();
        } catch (Exception e) {
            // The JVM is exiting.
        }
    }
}
