package dev.attest.compliance.client;

import dev.attest.compliance.provider.BusinessData;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inquiry fields of a KYB inquiry template that we pre-fill, named as Persona names a business's data (its
 * KYB guides: {@code business_name}, {@code business_tax_identification_number}, {@code business_physical_address},
 * {@code business_registered_address}), kebab-cased as inquiry fields are. The organization's KYB template must
 * declare these keys; Persona ignores a pre-filled field its template does not have.
 */
final class PersonaBusinessFields {
    private static final Map<String, String> PERSONA_NAME = Map.ofEntries(
            Map.entry("legal_name", "business-name"),
            Map.entry("registration_number", "business-registration-number"),
            Map.entry("tax_id", "business-tax-identification-number"),
            Map.entry("country_code", "business-registered-address-country-code"),
            Map.entry("incorporation_date", "business-incorporation-date"),
            Map.entry("website", "business-website"),
            Map.entry("address_street_1", "business-physical-address-street-1"),
            Map.entry("address_street_2", "business-physical-address-street-2"),
            Map.entry("address_city", "business-physical-address-city"),
            Map.entry("address_subdivision", "business-physical-address-subdivision"),
            Map.entry("address_postal_code", "business-physical-address-postal-code"),
            Map.entry("address_country_code", "business-physical-address-country-code"));

    private PersonaBusinessFields() {}

    /** The company's data under Persona's field names, in a stable order (the idempotency fingerprint). */
    static Map<String, String> of(BusinessData business) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : BusinessData.FIELDS) {
            business.get(field).ifPresent(value -> fields.put(PERSONA_NAME.get(field), value));
        }
        return fields;
    }
}
