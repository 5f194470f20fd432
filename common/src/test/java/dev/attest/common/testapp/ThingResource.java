package dev.attest.common.testapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.attest.common.paging.PageRequest;
import dev.attest.common.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** Endpoints that fail in each of the ways services fail, for the problem mapping tests. */
@Path("/test/things")
public class ThingResource {

    public record NewThing(
            @NotBlank @JsonProperty("display_name") String displayName,
            @Email String email,
            @Positive int quantity,
            List<String> tags,
            Dimensions dimensions) {}

    public record Dimensions(int width, int height) {}

    @POST
    public NewThing create(@Valid NewThing thing) {
        return thing;
    }

    @GET
    public List<String> list(@Valid @BeanParam PageRequest paging, @QueryParam("name") String name) {
        return List.of("offset " + paging.offset(), "size " + paging.size);
    }

    @GET
    @Path("/{id}")
    public NewThing get(@PathParam("id") String id) {
        throw ProblemException.notFound("Thing " + id);
    }

    @GET
    @Path("/broken")
    public NewThing broken() {
        throw new IllegalStateException("database password is hunter2");
    }
}
