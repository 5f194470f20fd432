package dev.attest.e2e;

import dev.attest.e2e.auth.Keycloak;
import dev.attest.e2e.bench.Bench;
import dev.attest.e2e.demo.Onboarding;
import dev.attest.e2e.demo.StepLog;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.tenant.DemoTenant;
import dev.attest.e2e.tenant.DemoTenantSetup;

/**
 * {@code java -jar attest-e2e.jar tenant|demo|bench}: the launcher's client of the running platform.
 * {@code tenant} sets up the demo organization (run by {@code ./attest up}); {@code demo} walks one
 * user's onboarding ({@code ./attest demo}); {@code bench} measures ({@code ./attest bench}). Exit status 0 on success, 1 naming the failed step.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment(System.getenv());
        String command = args.length == 0 ? "" : args[0];
        try {
            switch (command) {
                case "tenant" -> {
                    HttpJson http = new HttpJson();
                    DemoTenant tenant = new DemoTenantSetup(settings, http, new Keycloak(settings, http)).ensure();
                    System.out.printf(
                            "demo organization %s: id %s, project %s%n",
                            tenant.slug(), tenant.orgId(), tenant.projectId());
                }
                case "demo" -> {
                    StepLog log = new StepLog(System.out);
                    new Onboarding(settings, log).run();
                    System.out.printf("Onboarding complete in %.1f s%n", log.elapsed());
                }
                case "bench" -> new Bench(settings, System.out)
                        .run(Bench.Options.parse(java.util.Arrays.copyOfRange(args, 1, args.length)));
                default -> {
                    System.err.println("usage: attest-e2e tenant|demo|bench [options]");
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("✗ " + e.getMessage());
            System.exit(2);
        } catch (StepLog.FailedStep | StepFailed e) {
            System.err.println("✗ " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }
}
