package dev.attest.compliance.business;

import dev.attest.compliance.provider.ApplicantData;
import dev.attest.compliance.provider.BusinessData;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A representative's application, checked: the company (its facts for display, and everything for the provider)
 * and its owners, each with the personal data that goes to the provider through the owner's KYC case only.
 */
public record BusinessApplication(Company company, List<Owner> owners) {

    public record Company(String legalName, String registrationNumber, String countryCode, BusinessData data) {}

    /** {@code applicant} is personal data: sealed until the provider has it, never stored in clear. */
    public record Owner(String role, Optional<BigDecimal> ownershipPercent, ApplicantData applicant) {
        @Override
        public String toString() {
            return "Owner[" + role + ", " + applicant + "]";
        }
    }
}
