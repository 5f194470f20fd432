package dev.attest.common.testapp;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of the test event {@code attest.test.noted.v1}. */
public record Noted(@JsonProperty("note_key") String noteKey, int seq) {
    public static final String TYPE = "attest.test.noted.v1";
    public static final String TOPIC = "attest.test.v1";
}
