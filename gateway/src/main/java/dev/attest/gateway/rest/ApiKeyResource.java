package dev.attest.gateway.rest;

import dev.attest.gateway.rest.Views.ApiKeyView;
import dev.attest.gateway.rest.Views.IssuedApiKeyView;
import dev.attest.gateway.service.ApiKeyService;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.List;

@Path("/orgs/{org}/projects/{project}/api-keys")
@Authenticated
public class ApiKeyResource {
    private final ApiKeyService keys;
    private final SignedInUser user;

    ApiKeyResource(ApiKeyService keys, SignedInUser user) {
        this.keys = keys;
        this.user = user;
    }

    @POST
    public Response issue(
            @PathParam("org") String org,
            @PathParam("project") String project,
            @Valid @NotNull ApiKeyService.NewApiKey request) {
        return shownOnce(keys.issue(user.get(), org, project, request));
    }

    @GET
    public List<ApiKeyView> list(@PathParam("org") String org, @PathParam("project") String project) {
        return keys.list(user.get(), org, project).stream().map(ApiKeyView::of).toList();
    }

    @DELETE
    @Path("/{key}")
    public ApiKeyView revoke(
            @PathParam("org") String org, @PathParam("project") String project, @PathParam("key") String key) {
        return ApiKeyView.of(keys.revoke(user.get(), org, project, key));
    }

    @POST
    @Path("/{key}/rotate")
    public Response rotate(
            @PathParam("org") String org, @PathParam("project") String project, @PathParam("key") String key) {
        return shownOnce(keys.rotate(user.get(), org, project, key));
    }

    private static Response shownOnce(ApiKeyService.IssuedKey issued) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(Response.Status.CREATED)
                .cacheControl(noStore)
                .entity(IssuedApiKeyView.of(issued.record(), issued.key()))
                .build();
    }
}
