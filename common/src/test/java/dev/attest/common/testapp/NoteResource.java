package dev.attest.common.testapp;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A request that changes state and publishes its event, as a service's resource does (the tracing tests). */
@Path("/test/notes/{key}")
public class NoteResource {
    private final Notes notes;

    NoteResource(Notes notes) {
        this.notes = notes;
    }

    @POST
    public void note(@PathParam("key") String key) {
        notes.note(key, 1);
    }
}
