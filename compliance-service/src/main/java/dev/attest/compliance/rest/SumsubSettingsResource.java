package dev.attest.compliance.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.compliance.provider.ProviderStep;
import dev.attest.compliance.service.SumsubSettingsCheck;
import dev.attest.compliance.service.SumsubSettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Optional;

/** The organization's Sumsub settings: set, read with secrets masked, and tested against Sumsub. */
@Path("/orgs/{org}/integrations/sumsub")
@RolesAllowed(Roles.ORG_ADMIN)
public class SumsubSettingsResource {
    private final SumsubSettingsService settings;
    private final SumsubSettingsCheck tester;
    private final Caller caller;

    SumsubSettingsResource(SumsubSettingsService settings, SumsubSettingsCheck tester, Caller caller) {
        this.settings = settings;
        this.tester = tester;
        this.caller = caller;
    }

    /** A credential as it can travel in a header: printable ASCII, no spaces or control characters. */
    private static final String CREDENTIAL = "[\\x21-\\x7E]+";

    /** Sumsub's level names: letters, digits, spaces and {@code -_.}, as its dashboard allows them. */
    private static final String LEVEL = "[A-Za-z0-9][A-Za-z0-9 ._-]*";

    /**
     * Fields left out keep their value; {@code webhook_secrets} lists the current secret first. Bounded by what Sumsub
     * issues: app tokens ({@code sbx:…} or {@code prd:…}) and secrets of printable ASCII (the token travels in a header).
     */
    public record SettingsChange(
            @Size(min = 8, max = 512) @Pattern(regexp = "(sbx|prd):" + CREDENTIAL) String appToken,
            @Size(min = 8, max = 512) @Pattern(regexp = CREDENTIAL) String secretKey,
            @Size(max = 100) @Pattern(regexp = LEVEL) String levelName,
            @Size(max = 100) @Pattern(regexp = LEVEL) String kybLevelName,
            @Size(min = 1, max = 2)
                    List<@NotNull @Size(min = 8, max = 512) @Pattern(regexp = CREDENTIAL) String> webhookSecrets,
            @Pattern(regexp = "HMAC_SHA1_HEX|HMAC_SHA256_HEX|HMAC_SHA512_HEX") String digestAlg,
            @Size(max = 16) List<@NotNull @Pattern(regexp = ProviderStep.KIND_PATTERN) String> requiredSteps) {

        @JsonIgnore
        @AssertTrue(message = "each step kind may be listed once")
        public boolean isRequiredStepsDistinct() {
            return requiredSteps == null || requiredSteps.stream().distinct().count() == requiredSteps.size();
        }
    }

    public record SettingsView(
            String appToken,
            String secretKey,
            String levelName,
            String kybLevelName,
            List<String> webhookSecrets,
            String digestAlg,
            List<String> requiredSteps,
            String source) {

        static SettingsView of(Optional<SumsubSettingsService.OrgSumsub> sumsub) {
            return sumsub.map(s -> new SettingsView(
                            s.appToken()
                                    .map(PersonaSettingsResource.SettingsView::mask)
                                    .orElse(null),
                            s.secretKey()
                                    .map(PersonaSettingsResource.SettingsView::mask)
                                    .orElse(null),
                            s.levelName().orElse(null),
                            s.kybLevelName().orElse(null),
                            s.webhookSecrets().stream()
                                    .map(PersonaSettingsResource.SettingsView::mask)
                                    .toList(),
                            s.digestAlg(),
                            s.requiredSteps(),
                            s.fromConfiguration() ? "configuration" : "organization"))
                    .orElseGet(() -> new SettingsView(null, null, null, null, List.of(), null, List.of(), "none"));
        }
    }

    /** Optionally a real delivery to check: its raw body and its two digest headers. */
    public record TestRequest(
            @Size(max = 262_144) String payload,
            @Size(max = 256) String digest,
            @Pattern(regexp = "HMAC_SHA1_HEX|HMAC_SHA256_HEX|HMAC_SHA512_HEX") String digestAlg) {}

    @GET
    public SettingsView get(@PathParam("org") String org) {
        return SettingsView.of(settings.of(caller.ownOrg(org)));
    }

    @PUT
    public SettingsView update(@PathParam("org") String org, @NotNull @Valid SettingsChange change) {
        String orgId = caller.ownOrg(org);
        return SettingsView.of(Optional.of(settings.update(
                orgId,
                new SumsubSettingsService.Change(
                        Optional.ofNullable(change.appToken()),
                        Optional.ofNullable(change.secretKey()),
                        Optional.ofNullable(change.levelName()),
                        Optional.ofNullable(change.kybLevelName()),
                        Optional.ofNullable(change.webhookSecrets()),
                        Optional.ofNullable(change.digestAlg()),
                        Optional.ofNullable(change.requiredSteps())),
                caller.subject())));
    }

    @POST
    @Path("/test")
    public SumsubSettingsCheck.Report test(@PathParam("org") String org, @Valid TestRequest request) {
        String orgId = caller.ownOrg(org);
        Optional<TestRequest> sample =
                Optional.ofNullable(request).filter(r -> r.payload() != null && r.digest() != null);
        return tester.run(
                orgId, sample.map(r -> new SumsubSettingsCheck.Sample(r.payload(), r.digest(), r.digestAlg())));
    }
}
