package dev.attest.compliance.provider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a business customer told us about the company, handed to the provider to pre-fill its business verification
 * (KYB), in provider-neutral names. Registry facts rather than personal data, but still only what the provider
 * needs: {@link #toString()} names only the fields present.
 *
 * @param fields neutral field name → value, e.g. {@code legal_name → Acme GmbH}; see {@link #FIELDS}
 */
public record BusinessData(Map<String, String> fields) {
    /** The fields a business case may carry. */
    public static final java.util.List<String> FIELDS = java.util.List.of(
            "legal_name",
            "registration_number",
            "tax_id",
            "country_code",
            "incorporation_date",
            "website",
            "address_street_1",
            "address_street_2",
            "address_city",
            "address_subdivision",
            "address_postal_code",
            "address_country_code");

    public BusinessData {
        fields = Map.copyOf(new LinkedHashMap<>(fields));
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    @Override
    public String toString() {
        return "BusinessData" + fields.keySet().stream().sorted().toList();
    }
}
