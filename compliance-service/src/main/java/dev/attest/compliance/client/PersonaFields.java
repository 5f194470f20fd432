package dev.attest.compliance.client;

import dev.attest.compliance.provider.ApplicantData;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Persona's names for the inquiry fields we pre-fill (docs.withpersona.com "Prefilling Fields":
 * {@code name-first}, {@code name-last}, {@code birthdate}, {@code address-*}, {@code phone-number},
 * {@code email-address}). {@code identification-number} is Persona's government-id number field.
 */
final class PersonaFields {
    private static final Map<String, String> PERSONA_NAME = Map.ofEntries(
            Map.entry("first_name", "name-first"),
            Map.entry("middle_name", "name-middle"),
            Map.entry("last_name", "name-last"),
            Map.entry("birthdate", "birthdate"),
            Map.entry("email", "email-address"),
            Map.entry("phone", "phone-number"),
            Map.entry("address_street_1", "address-street-1"),
            Map.entry("address_street_2", "address-street-2"),
            Map.entry("address_city", "address-city"),
            Map.entry("address_subdivision", "address-subdivision"),
            Map.entry("address_postal_code", "address-postal-code"),
            Map.entry("address_country_code", "address-country-code"),
            Map.entry("document_number", "identification-number"));

    private PersonaFields() {}

    /** The applicant's data under Persona's field names, in a stable order (the idempotency fingerprint). */
    static Map<String, String> of(ApplicantData applicant) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : ApplicantData.FIELDS) {
            applicant.get(field).ifPresent(value -> fields.put(PERSONA_NAME.get(field), value));
        }
        return fields;
    }
}
