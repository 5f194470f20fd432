package dev.attest.compliance.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.compliance.provider.ProviderStep;
import dev.attest.compliance.service.PersonaSettingsCheck;
import dev.attest.compliance.service.PersonaSettingsService;
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

/** The organization's Persona settings: set, read with secrets masked, and tested against Persona. */
@Path("/orgs/{org}/integrations/persona")
@RolesAllowed(Roles.ORG_ADMIN)
public class PersonaSettingsResource {
    private final PersonaSettingsService settings;
    private final PersonaSettingsCheck tester;
    private final Caller caller;

    PersonaSettingsResource(PersonaSettingsService settings, PersonaSettingsCheck tester, Caller caller) {
        this.settings = settings;
        this.tester = tester;
        this.caller = caller;
    }

    /** A credential as it can travel in a header: printable ASCII, no spaces or control characters. */
    private static final String CREDENTIAL = "[\\x21-\\x7E]+";

    /** An inquiry template id as Persona issues them; the KYB template is one too. */
    private static final String TEMPLATE_ID = "(itmpl|itmplv|tmpl|blu)_[A-Za-z0-9]+";

    /**
     * Fields left out keep their value; {@code webhook_secrets} lists the current secret first. Each is bounded
     * by what Persona issues: keys and secrets of printable ASCII (they travel in headers), template ids
     * {@code itmpl_…} (or {@code itmplv_}, {@code tmpl_}, {@code blu_}) of letters and digits. {@code
     * required_steps}: the step kinds the template requires ({@code government-id}, {@code selfie}, …), each once.
     */
    public record SettingsChange(
            @Size(min = 8, max = 512) @Pattern(regexp = CREDENTIAL) String apiKey,
            @Size(max = 64) @Pattern(regexp = TEMPLATE_ID) String inquiryTemplateId,
            @Pattern(regexp = "sandbox|production") String environment,
            @Size(min = 1, max = 2)
                    List<@NotNull @Size(min = 8, max = 512) @Pattern(regexp = CREDENTIAL) String> webhookSecrets,
            @Size(max = 16) List<@NotNull @Pattern(regexp = ProviderStep.KIND_PATTERN) String> requiredSteps,
            @Size(max = 64) @Pattern(regexp = TEMPLATE_ID) String kybInquiryTemplateId) {

        /** A kind listed twice is a mistake in the form, not a second requirement. */
        @JsonIgnore
        @AssertTrue(message = "each step kind may be listed once")
        public boolean isRequiredStepsDistinct() {
            return requiredSteps == null || requiredSteps.stream().distinct().count() == requiredSteps.size();
        }
    }

    public record SettingsView(
            String apiKey,
            String inquiryTemplateId,
            String environment,
            List<String> webhookSecrets,
            List<String> requiredSteps,
            String source,
            String kybInquiryTemplateId) {

        static SettingsView of(Optional<PersonaSettingsService.OrgPersona> persona) {
            return persona.map(p -> new SettingsView(
                            p.apiKey().map(SettingsView::mask).orElse(null),
                            p.inquiryTemplateId().orElse(null),
                            p.environment(),
                            p.webhookSecrets().stream().map(SettingsView::mask).toList(),
                            p.requiredSteps(),
                            p.fromConfiguration() ? "configuration" : "organization",
                            p.kybInquiryTemplateId().orElse(null)))
                    .orElseGet(() -> new SettingsView(null, null, null, List.of(), List.of(), "none", null));
        }

        /** Enough to recognize a secret, never enough to use it. */
        static String mask(String secret) {
            return secret.length() <= 8 ? "****" : "****" + secret.substring(secret.length() - 4);
        }
    }

    /**
     * Optionally a real delivery to check: the {@code Persona-Signature} header and the raw body as text
     * (at most the size of a webhook this service accepts).
     */
    public record TestRequest(@Size(max = 2048) String signature, @Size(max = 262_144) String payload) {}

    @GET
    public SettingsView get(@PathParam("org") String org) {
        String orgId = caller.ownOrg(org);
        return SettingsView.of(settings.of(orgId));
    }

    @PUT
    public SettingsView update(@PathParam("org") String org, @NotNull @Valid SettingsChange change) {
        String orgId = caller.ownOrg(org);
        return SettingsView.of(Optional.of(settings.update(
                orgId,
                new PersonaSettingsService.Change(
                        Optional.ofNullable(change.apiKey()),
                        Optional.ofNullable(change.inquiryTemplateId()),
                        Optional.ofNullable(change.environment()),
                        Optional.ofNullable(change.webhookSecrets()),
                        Optional.ofNullable(change.requiredSteps()),
                        Optional.ofNullable(change.kybInquiryTemplateId())),
                caller.subject())));
    }

    @POST
    @Path("/test")
    public PersonaSettingsCheck.Report test(@PathParam("org") String org, @Valid TestRequest request) {
        String orgId = caller.ownOrg(org);
        Optional<TestRequest> sample =
                Optional.ofNullable(request).filter(r -> r.signature() != null && r.payload() != null);
        return tester.run(orgId, sample.map(r -> new PersonaSettingsCheck.Sample(r.signature(), r.payload())));
    }
}
