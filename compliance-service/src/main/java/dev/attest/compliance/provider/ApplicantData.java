package dev.attest.compliance.provider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the user told us about themselves, handed to the provider to pre-fill the verification, in
 * provider-neutral names. Personal data: it never appears in logs ({@link #toString()} names only the
 * fields present), events or responses, and is stored only sealed until the provider has it.
 *
 * @param fields neutral field name → value, e.g. {@code first_name → Ada}; see {@link #FIELDS}
 */
public record ApplicantData(Map<String, String> fields) {
    /** The fields a user may send: {@code personal_info} and {@code document_data} keys. */
    public static final java.util.List<String> FIELDS = java.util.List.of(
            "first_name",
            "middle_name",
            "last_name",
            "birthdate",
            "email",
            "phone",
            "address_street_1",
            "address_street_2",
            "address_city",
            "address_subdivision",
            "address_postal_code",
            "address_country_code",
            "document_number");

    public static final ApplicantData NONE = new ApplicantData(Map.of());

    public ApplicantData {
        fields = Map.copyOf(new LinkedHashMap<>(fields));
    }

    public Optional<String> get(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    @Override
    public String toString() {
        return "ApplicantData" + fields.keySet().stream().sorted().toList();
    }
}
