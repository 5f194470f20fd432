package dev.attest.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A text value in a request that PostgreSQL cannot store (it contains U+0000); answered as a 400 problem. */
public class UnstorableTextException extends JsonMappingException {
    public static final String MESSAGE = "A text value contains the NUL character (U+0000), which cannot be stored.";

    UnstorableTextException(JsonParser parser) {
        super(parser, MESSAGE);
    }
}
