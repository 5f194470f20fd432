package dev.attest.gateway.proxy;

import dev.attest.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The public API's routes to the services. Paths not listed here are served by the gateway itself. */
@ApplicationScoped
public class RouteTable {
    private static final String ORG = "/orgs/(?<org>[^/]+)";
    private static final String REST = "(/.*)?";
    /** A provider webhook's organization, the segment after the provider (a key of its edge limit only). */
    private static final String WEBHOOK_ORG = "(?:/(?<org>[^/]+))?";

    private final List<Route> routes;

    RouteTable(GatewayConfig config) {
        GatewayConfig.Services services = config.services();
        routes = List.of(
                Route.authenticated("/compliance" + REST, services.compliance(), "kyc"),
                Route.authenticated(ORG + "/kyc" + REST, services.compliance(), "kyc"),
                Route.authenticated(ORG + "/kyb" + REST, services.compliance(), "kyc"),
                Route.authenticated(ORG + "/integrations/persona" + REST, services.compliance(), "kyc"),
                Route.webhook("/webhooks/persona" + WEBHOOK_ORG + REST, services.compliance()),
                Route.authenticated(ORG + "/integrations/sumsub" + REST, services.compliance(), "kyc"),
                Route.webhook("/webhooks/sumsub" + WEBHOOK_ORG + REST, services.compliance()),
                // the platform's view of Persona deliveries that named no organization (platform admins only)
                Route.authenticated("/platform/persona" + REST, services.compliance(), "kyc"),
                Route.authenticated("/wallets" + REST, services.wallet(), "wallets"),
                Route.authenticated(ORG + "/wallets" + REST, services.wallet(), "wallets"),
                Route.authenticated(ORG + "/transactions" + REST, services.wallet(), "wallets"),
                Route.authenticated(ORG + "/integrations/dfns" + REST, services.wallet(), "wallets"),
                Route.authenticated(ORG + "/transfer-approvals" + REST, services.wallet(), "wallets"),
                Route.authenticated(ORG + "/spending-policy" + REST, services.wallet(), "wallets"),
                Route.authenticated(ORG + "/users/[^/]+/wallet" + REST, services.wallet(), "wallets"),
                // gas sponsorship: a project's policy and usage, and its ERC-7677 paymaster service (JSON-RPC)
                Route.authenticated(ORG + "/sponsorship" + REST, services.wallet(), "wallets"),
                Route.authenticated("/paymaster" + REST, services.wallet(), "wallets"),
                Route.webhook("/webhooks/dfns" + WEBHOOK_ORG + REST, services.wallet()),
                Route.authenticated("/identities" + REST, services.identity(), "identities"),
                Route.authenticated("/notifications" + REST, services.notification(), "notifications"),
                Route.authenticated("/documents" + REST, services.document(), "documents"),
                Route.authenticated(
                        ORG + "/projects/(?<project>[^/]+)/webhooks" + REST, services.notification(), "notifications"));
    }

    public List<Route> routes() {
        return routes;
    }

    public Optional<Route> find(String path) {
        return routes.stream().filter(r -> r.match(path).isPresent()).findFirst();
    }
}
