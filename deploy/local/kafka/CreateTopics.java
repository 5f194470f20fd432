// Creates the Attest topics on the local broker, and doubles as the check that the broker answers.
// Run by ./attest as a single-file program on the broker's own classpath (kafka-clients is in it):
//   java -cp "$ATTEST_HOME/infra/kafka/lib/*" deploy/local/kafka/CreateTopics.java 127.0.0.1:9092 3 topic...
// (kafka-tools 4.4.0, which has TopicCommand, does not resolve from the Maven repository here.)
// Existing topics are left as they are. Exit status 0 when every topic exists afterwards.

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

public class CreateTopics {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CreateTopics BOOTSTRAP PARTITIONS TOPIC...");
            System.exit(2);
        }
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        int partitions = Integer.parseInt(args[1]);

        try (Admin admin = Admin.create(config)) {
            String clusterId = admin.describeCluster().clusterId().get(20, TimeUnit.SECONDS);
            Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                if (!existing.contains(args[i])) {
                    missing.add(new NewTopic(args[i], partitions, (short) 1));
                }
            }
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(20, TimeUnit.SECONDS);
                    System.out.println("created topic " + result.getKey() + " (" + partitions + " partitions)");
                } catch (ExecutionException e) {
                    // Another client may have created it meanwhile (auto-creation is on): that is fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            System.out.println("cluster " + clusterId + ": " + (args.length - 2) + " topics present, "
                    + missing.size() + " created");
        }
    }
}
