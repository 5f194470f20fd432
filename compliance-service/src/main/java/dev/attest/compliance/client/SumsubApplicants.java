package dev.attest.compliance.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.compliance.provider.ApplicantData;
import dev.attest.compliance.provider.BusinessData;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The create-applicant bodies: the case id as {@code externalUserId} and what the person (or business) told us as
 * Sumsub's {@code fixedInfo} (pre-filled data the person cannot change in the WebSDK). Sumsub wants countries as ISO
 * 3166-1 alpha-3 and dates as {@code YYYY-MM-DD}; our data has alpha-2 countries and ISO dates.
 */
final class SumsubApplicants {
    private SumsubApplicants() {}

    static ObjectNode individual(String externalUserId, ApplicantData data) {
        ObjectNode body = SumsubClient.JSON.createObjectNode().put("externalUserId", externalUserId);
        data.get("email").ifPresent(email -> body.put("email", email));
        data.get("phone").ifPresent(phone -> body.put("phone", phone));
        ObjectNode info = SumsubClient.JSON.createObjectNode();
        data.get("first_name").ifPresent(value -> info.put("firstName", value));
        data.get("middle_name").ifPresent(value -> info.put("middleName", value));
        data.get("last_name").ifPresent(value -> info.put("lastName", value));
        data.get("birthdate").ifPresent(value -> info.put("dob", value));
        Optional<String> country = data.get("address_country_code").flatMap(SumsubApplicants::alpha3);
        country.ifPresent(value -> info.put("country", value));
        ObjectNode address = address(data::get, country);
        if (!address.isEmpty()) {
            info.putArray("addresses").add(address);
        }
        if (!info.isEmpty()) {
            body.set("fixedInfo", info);
        }
        return body;
    }

    static ObjectNode company(String externalUserId, BusinessData data) {
        ObjectNode body = SumsubClient.JSON
                .createObjectNode()
                .put("externalUserId", externalUserId)
                .put("type", "company");
        ObjectNode company = body.putObject("fixedInfo").putObject("companyInfo");
        data.get("legal_name").ifPresent(value -> company.put("companyName", value));
        data.get("registration_number").ifPresent(value -> company.put("registrationNumber", value));
        data.get("tax_id").ifPresent(value -> company.put("taxId", value));
        data.get("incorporation_date").ifPresent(value -> company.put("incorporatedOn", value));
        data.get("website").ifPresent(value -> company.put("website", value));
        data.get("country_code").flatMap(SumsubApplicants::alpha3).ifPresent(value -> company.put("country", value));
        ObjectNode address = address(data::get, data.get("address_country_code").flatMap(SumsubApplicants::alpha3));
        if (!address.isEmpty()) {
            company.set("address", address);
        }
        return body;
    }

    private static ObjectNode address(Function<String, Optional<String>> field, Optional<String> country) {
        ObjectNode address = SumsubClient.JSON.createObjectNode();
        field.apply("address_street_1").ifPresent(value -> address.put("street", value));
        field.apply("address_street_2").ifPresent(value -> address.put("subStreet", value));
        field.apply("address_city").ifPresent(value -> address.put("town", value));
        field.apply("address_subdivision").ifPresent(value -> address.put("state", value));
        field.apply("address_postal_code").ifPresent(value -> address.put("postCode", value));
        if (!address.isEmpty()) {
            country.ifPresent(value -> address.put("country", value));
        }
        return address;
    }

    /** ISO 3166-1 alpha-3 of an alpha-2 code ({@code DE} → {@code DEU}); an unknown code is left out. */
    static Optional<String> alpha3(String alpha2) {
        if (alpha2 == null || !alpha2.matches("[A-Za-z]{2}")) {
            return Optional.empty();
        }
        try {
            String code = new Locale.Builder().setRegion(alpha2).build().getISO3Country();
            return code.isEmpty() ? Optional.empty() : Optional.of(code);
        } catch (MissingResourceException | java.util.IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}
