package dev.attest.notification.support;

import static io.restassured.RestAssured.given;

import dev.attest.common.security.Roles;
import dev.attest.testing.GatewayTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** Calls the webhook endpoints API as an org admin through the gateway would. */
public final class WebhookApi {
    private final String org;
    private final String project;
    private final String token;

    public WebhookApi(String org, String project) {
        this.org = org;
        this.project = project;
        this.token = GatewayTokens.user(org, "admin-of-" + org, Roles.ORG_ADMIN);
    }

    public String base() {
        return "/orgs/" + org + "/projects/" + project + "/webhooks/endpoints";
    }

    public ValidatableResponse create(Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(base())
                .then();
    }

    /** Creates an endpoint and returns its id and the secret shown once. */
    public String[] createEndpoint(Map<String, Object> body) {
        var response = create(body).statusCode(201).extract();
        return new String[] {response.path("id"), response.path("secret")};
    }

    public ValidatableResponse get(String path) {
        return given().auth().oauth2(token).get(base() + path).then();
    }

    public ValidatableResponse post(String path, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.post(base() + path).then();
    }

    public ValidatableResponse patch(String path, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .patch(base() + path)
                .then();
    }

    /** Queues a test message to the endpoint and returns its webhook-id. */
    public String sendTest(String endpointId) {
        return post("/" + endpointId + "/test", null).statusCode(202).extract().path("message_id");
    }

    /** A test message to a disabled endpoint is refused. */
    public void sendTestRefused(String endpointId) {
        post("/" + endpointId + "/test", null).statusCode(409);
    }

    public void delete(String endpointId) {
        given().auth().oauth2(token).delete(base() + "/" + endpointId).then().statusCode(204);
    }
}
