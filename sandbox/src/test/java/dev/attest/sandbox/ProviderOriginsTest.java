package dev.attest.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each provider at the root of its own port, as at the real provider's origin, while the main port keeps the
 * prefixed paths that services' tests use. (The official Dfns SDK against the Dfns port: {@code DfnsSdkAtItsOriginTest}.)
 */
@QuarkusTest
class ProviderOriginsTest {
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");

    @Inject
    ProviderOrigins origins;

    @Test
    void theProviderPortsAreOpenBesideTheMainPort() {
        assertThat(origins.dfnsPort()).isPresent();
        assertThat(origins.personaPort()).isPresent();
        assertThat(origins.dfnsPort().getAsInt())
                .isNotEqualTo(RestAssured.port)
                .isNotEqualTo(origins.personaPort().getAsInt());
    }

    @Test
    void dfnsIsServedAtTheRootOfItsPortAndStillUnderDfnsOnTheMainPort() {
        String token = registerDfnsServiceAccount();

        // Dfns's own paths at the root: what an SDK builds from the base URL alone.
        dfns().header("Authorization", "Bearer " + token)
                .get("/wallets?limit=10")
                .then()
                .statusCode(200)
                .body("items", notNullValue());
        dfns().header("Authorization", "Bearer " + token)
                .body("{\"userActionPayload\":\"{}\",\"userActionHttpMethod\":\"POST\","
                        + "\"userActionHttpPath\":\"/wallets\",\"userActionServerKind\":\"Api\"}")
                .post("/auth/action/init")
                .then()
                .statusCode(200)
                .body("challengeIdentifier", notNullValue());
        dfns().get("/wallets").then().statusCode(401).body("error.status", equalTo(401));
        // Real Dfns has no /dfns path: on Dfns's origin it is not there either.
        dfns().header("Authorization", "Bearer " + token)
                .get("/dfns/wallets")
                .then()
                .statusCode(404);

        // The main port is unchanged: Dfns under /dfns, nothing of Dfns at its root.
        given().header("Authorization", "Bearer " + token)
                .get("/dfns/wallets")
                .then()
                .statusCode(200)
                .body("items", notNullValue());
        given().header("Authorization", "Bearer " + token)
                .get("/wallets")
                .then()
                .statusCode(404);
    }

    @Test
    void personaIsServedAtTheRootOfItsPortWithItsApiHostedPageSdkFrameAndScripting() {
        String key = "key_" + UUID.randomUUID().toString().replace("-", "");
        persona()
                .body("{\"api_key\":\"" + key + "\",\"webhook_url\":null,\"scenario\":{\"decision\":\"none\"}}")
                .post("/_sandbox/organizations")
                .then()
                .statusCode(201);
        String inquiry = persona()
                .auth()
                .oauth2(key)
                .body("{\"data\":{\"attributes\":{\"inquiry-template-id\":\"itmpl_test\"}}}")
                .post("/api/v1/inquiries")
                .then()
                .statusCode(201)
                .extract()
                .path("data.id");
        persona()
                .auth()
                .oauth2(key)
                .get("/api/v1/inquiries")
                .then()
                .statusCode(200)
                .body("data.id", hasItem(inquiry));
        String session = persona()
                .auth()
                .oauth2(key)
                .post("/api/v1/inquiries/" + inquiry + "/resume")
                .then()
                .statusCode(200)
                .extract()
                .path("meta.session-token");

        // What Persona's JavaScript SDK loads from its customHost: the frame starts the inquiry.
        persona().get("/preload").then().statusCode(200);
        Response frame = persona()
                .queryParam("inquiry-id", inquiry)
                .queryParam("session-token", session)
                .queryParam("iframe-origin", "http://localhost:5173")
                .queryParam("container-id", "persona-widget-1")
                .get("/widget");
        assertThat(frame.statusCode()).isEqualTo(200);
        assertThat(formAction(frame.asString())).isEqualTo("/widget/complete");

        // The hosted page at Persona's /verify; its buttons post where the page says, on the same origin.
        Response page = persona()
                .queryParam("inquiry-id", inquiry)
                .queryParam("session-token", session)
                .get("/verify");
        assertThat(page.statusCode()).isEqualTo(200);
        persona()
                .contentType("application/x-www-form-urlencoded")
                .formParam("inquiry-id", inquiry)
                .formParam("session-token", session)
                .post(formAction(page.asString()))
                .then()
                .statusCode(200);
        persona()
                .auth()
                .oauth2(key)
                .get("/api/v1/inquiries/" + inquiry)
                .then()
                .statusCode(200)
                .body("data.attributes.status", equalTo("completed"));
        persona()
                .get("/_sandbox/inquiries/" + inquiry + "/events")
                .then()
                .statusCode(200)
                .body("name", hasItem("inquiry.completed"));

        // The main port is unchanged: Persona under /persona, the SDK's paths at the root.
        given().auth()
                .oauth2(key)
                .get("/persona/api/v1/inquiries/" + inquiry)
                .then()
                .statusCode(200)
                .body("data.id", equalTo(inquiry));
        given().get("/preload").then().statusCode(200);
        given().auth().oauth2(key).get("/api/v1/inquiries/" + inquiry).then().statusCode(404);
    }

    private RequestSpecification dfns() {
        return given().port(origins.dfnsPort().getAsInt());
    }

    private RequestSpecification persona() {
        return given().port(origins.personaPort().getAsInt());
    }

    /** A service account registered through the scripting API on the main port, as services' tests do. */
    private static String registerDfnsServiceAccount() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            KeyPair keys = generator.generateKeyPair();
            String pem = "-----BEGIN PUBLIC KEY-----\\n"
                    + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())
                    + "\\n-----END PUBLIC KEY-----\\n";
            return given().body("{\"publicKey\":\"" + pem + "\"}")
                    .post("/dfns/_sandbox/service-accounts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("token");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String formAction(String html) {
        Matcher matcher = FORM_ACTION.matcher(html);
        assertThat(matcher.find()).as("a form in " + html).isTrue();
        return matcher.group(1);
    }
}
