package dev.attest.compliance.rest;

import dev.attest.compliance.KycStatus;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;

/**
 * The KYC and KYB review queues' {@code status} query parameter, beside common's {@code PageRequest}: use it as
 * {@code @Valid @BeanParam QueueFilter filter}.
 */
public class QueueFilter {
    @QueryParam("status")
    @Pattern(regexp = "pending|review|verified|rejected")
    public String status;

    /** The status asked for; empty: every case. */
    public Optional<KycStatus> status() {
        return Optional.ofNullable(status).map(KycStatus::fromWire);
    }
}
