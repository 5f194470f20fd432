package dev.attest.compliance.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.problem.ProblemException;
import dev.attest.compliance.provider.ApplicantData;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the optional {@code personal_info} and {@code document_data} of a start request into
 * {@link ApplicantData}. Accepted keys: personal_info {@code first_name, middle_name, last_name,
 * birthdate (YYYY-MM-DD), email, phone, address {street_1, street_2, city, subdivision, postal_code,
 * country_code}}; document_data {@code number}. Other keys are not used. A value of the wrong shape is a
 * 400 naming the field (never echoing the value).
 */
public final class ApplicantDataReader {
    private static final int MAX_LENGTH = 200;
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    /** NUL, line breaks and other control characters: no name or address holds them. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private static final Map<String, String> PERSONAL = Map.of(
            "first_name", "first_name",
            "middle_name", "middle_name",
            "last_name", "last_name",
            "birthdate", "birthdate",
            "email", "email",
            "phone", "phone");
    private static final Map<String, String> ADDRESS = Map.of(
            "street_1", "address_street_1",
            "street_2", "address_street_2",
            "city", "address_city",
            "subdivision", "address_subdivision",
            "postal_code", "address_postal_code",
            "country_code", "address_country_code");

    private ApplicantDataReader() {}

    public static ApplicantData read(Optional<JsonNode> personalInfo, Optional<JsonNode> documentData) {
        Map<String, String> fields = new LinkedHashMap<>();
        personalInfo.ifPresent(info -> {
            requireObject(info, "personal_info");
            PERSONAL.forEach((key, field) ->
                    text(info, key, "personal_info." + key).ifPresent(value -> fields.put(field, value)));
            JsonNode address = info.get("address");
            if (address != null && !address.isNull()) {
                requireObject(address, "personal_info.address");
                ADDRESS.forEach((key, field) -> text(address, key, "personal_info.address." + key)
                        .ifPresent(value -> fields.put(field, value)));
            }
        });
        documentData.ifPresent(document -> {
            requireObject(document, "document_data");
            text(document, "number", "document_data.number").ifPresent(value -> fields.put("document_number", value));
        });
        check(fields, "birthdate", "personal_info.birthdate", ApplicantDataReader::isDate, "a date YYYY-MM-DD");
        check(fields, "email", "personal_info.email", value -> value.contains("@"), "an email address");
        check(
                fields,
                "address_country_code",
                "personal_info.address.country_code",
                value -> COUNTRY.matcher(value).matches(),
                "an ISO 3166-1 alpha-2 code");
        return new ApplicantData(fields);
    }

    private static Optional<String> text(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()
                || value.asText().isBlank()
                || value.asText().length() > MAX_LENGTH
                || CONTROL.matcher(value.asText()).find()) {
            throw invalid(
                    path, "a non-empty string of at most " + MAX_LENGTH + " characters, without control characters");
        }
        return Optional.of(value.asText().trim());
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw invalid(path, "an object");
        }
    }

    private static void check(
            Map<String, String> fields,
            String field,
            String path,
            java.util.function.Predicate<String> valid,
            String expected) {
        String value = fields.get(field);
        if (value != null && !valid.test(value)) {
            throw invalid(path, expected);
        }
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static ProblemException invalid(String path, String expected) {
        return ProblemException.badRequest("invalid-applicant-data", path + " must be " + expected + ".");
    }
}
