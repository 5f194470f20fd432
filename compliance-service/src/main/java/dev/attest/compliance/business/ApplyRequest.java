package dev.attest.compliance.business;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.attest.compliance.provider.ApplicantData;
import dev.attest.compliance.provider.BusinessData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /compliance/kyb}: the company and its owners, each field bounded by what the domain allows (Bean
 * Validation: a 400 {@code validation-failed} naming the field, before anything is stored or sent).
 */
public record ApplyRequest(
        @NotNull @Valid Business business, @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Owner> owners) {

    /** A line of text: no control characters (no name or address holds them). */
    static final String TEXT = "[^\\p{Cntrl}]*";

    static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    static final String COUNTRY = "[A-Z]{2}";

    public record Business(
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String legalName,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ./-]*") String registrationNumber,
            @NotNull @Pattern(regexp = COUNTRY, message = "an ISO 3166-1 alpha-2 code, upper case") String countryCode,
            @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9 ./-]+") String taxId,
            @Pattern(regexp = DATE, message = "a date YYYY-MM-DD") String incorporationDate,
            @Size(max = 200) @Pattern(regexp = "https?://[^\\s\\p{Cntrl}]+", message = "an http(s) URL") String website,
            @Valid Address address) {

        @JsonIgnore
        @AssertTrue(message = "incorporation_date must be a date YYYY-MM-DD")
        public boolean isIncorporationDateReal() {
            return isDate(incorporationDate);
        }
    }

    public record Address(
            @JsonProperty("street_1") @Size(min = 1, max = 200) @Pattern(regexp = TEXT) String street1,
            @JsonProperty("street_2") @Size(min = 1, max = 200) @Pattern(regexp = TEXT) String street2,
            @Size(min = 1, max = 200) @Pattern(regexp = TEXT) String city,
            @Size(min = 1, max = 200) @Pattern(regexp = TEXT) String subdivision,
            @Size(min = 1, max = 32) @Pattern(regexp = TEXT) String postalCode,
            @Pattern(regexp = COUNTRY, message = "an ISO 3166-1 alpha-2 code, upper case") String countryCode) {}

    public record Owner(
            @NotNull @Pattern(regexp = "beneficial_owner|director") String role,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal ownershipPercent,
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String firstName,
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String lastName,
            @Size(max = 200) @Email String email,
            @Pattern(regexp = DATE, message = "a date YYYY-MM-DD") String birthdate) {

        /** A beneficial owner is one by their share of the company; a director may hold none. */
        @JsonIgnore
        @AssertTrue(message = "a beneficial_owner needs ownership_percent")
        public boolean isShareOfBeneficialOwnerGiven() {
            return !"beneficial_owner".equals(role) || ownershipPercent != null;
        }

        @JsonIgnore
        @AssertTrue(message = "birthdate must be a date YYYY-MM-DD")
        public boolean isBirthdateReal() {
            return isDate(birthdate);
        }

        @Override
        public String toString() {
            return "Owner[" + role + "]";
        }
    }

    @JsonIgnore
    @AssertTrue(message = "at least one owner must be a beneficial_owner")
    public boolean isBeneficialOwnerListed() {
        return owners == null
                || owners.stream().filter(Objects::nonNull).anyMatch(owner -> "beneficial_owner".equals(owner.role()));
    }

    @JsonIgnore
    @AssertTrue(message = "the owners' ownership_percent must add up to at most 100")
    public boolean isOwnershipAtMostWhole() {
        return owners == null
                || owners.stream()
                                .filter(Objects::nonNull)
                                .map(Owner::ownershipPercent)
                                .filter(Objects::nonNull)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .compareTo(new BigDecimal(100))
                        <= 0;
    }

    /** The checked application, in provider-neutral names. */
    BusinessApplication toApplication() {
        Map<String, String> company = new LinkedHashMap<>();
        company.put("legal_name", business.legalName().trim());
        company.put("registration_number", business.registrationNumber().trim());
        company.put("country_code", business.countryCode());
        put(company, "tax_id", business.taxId());
        put(company, "incorporation_date", business.incorporationDate());
        put(company, "website", business.website());
        Optional.ofNullable(business.address()).ifPresent(address -> {
            put(company, "address_street_1", address.street1());
            put(company, "address_street_2", address.street2());
            put(company, "address_city", address.city());
            put(company, "address_subdivision", address.subdivision());
            put(company, "address_postal_code", address.postalCode());
            put(company, "address_country_code", address.countryCode());
        });
        return new BusinessApplication(
                new BusinessApplication.Company(
                        company.get("legal_name"),
                        company.get("registration_number"),
                        business.countryCode(),
                        new BusinessData(company)),
                owners.stream().map(ApplyRequest::owner).toList());
    }

    private static BusinessApplication.Owner owner(Owner owner) {
        Map<String, String> person = new LinkedHashMap<>();
        put(person, "first_name", owner.firstName());
        put(person, "last_name", owner.lastName());
        put(person, "email", owner.email());
        put(person, "birthdate", owner.birthdate());
        return new BusinessApplication.Owner(
                owner.role(), Optional.ofNullable(owner.ownershipPercent()), new ApplicantData(person));
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value.trim());
        }
    }

    private static boolean isDate(String value) {
        if (value == null) {
            return true;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ApplyRequest[" + (owners == null ? 0 : owners.size()) + " owners]";
    }
}
