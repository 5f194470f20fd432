package dev.attest.sandbox.persona;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pages of the verification flow, the same whether a person reaches them by the session link
 * ({@link HostedFlowResource}) or in the frame of Persona's JavaScript SDK ({@link EmbeddedFlowResource}).
 * In the frame ({@link SdkEmbedding} present) a page also posts the SDK's messages to the embedding page,
 * answers its {@code open} and {@code exit} requests, and may be framed by the embedding page only.
 * Plain HTML forms, so the buttons work with the keyboard and without script.
 */
final class FlowPages {
    /**
     * Posts the page's messages ({@code data-messages}) to the parent at {@code data-target-origin} and
     * answers the SDK's requests from the parent: {@code open} moves the focus into the flow, {@code exit}
     * ({@code client.cancel()}) leaves it with the page's {@code data-exit} message.
     */
    private static final String SCRIPT =
            """
            (function () {
              var body = document.body;
              var target = body.getAttribute('data-target-origin');
              var parentOrigins = [target, body.getAttribute('data-iframe-origin')];
              function post(message) {
                if (window.parent !== window) {
                  window.parent.postMessage(message, target);
                }
              }
              JSON.parse(body.getAttribute('data-messages')).forEach(post);
              window.addEventListener('message', function (event) {
                var request = event.data;
                if (event.source !== window.parent || parentOrigins.indexOf(event.origin) < 0 || !request) {
                  return;
                }
                if (request.action === 'open') {
                  var first = document.querySelector('button');
                  if (first) {
                    first.focus();
                  }
                } else if (request.action === 'exit' && body.hasAttribute('data-exit')) {
                  post(JSON.parse(body.getAttribute('data-exit')));
                }
              });
            })();
            """;

    private static final String INVALID_SESSION = "This verification link is not valid or has expired.";

    private FlowPages() {}

    /**
     * The flow's choices, each a form posting the session (and the embedding) to {@code formAction/<choice>}.
     * In the frame: {@code load}, {@code ready}, and {@code start} if opening the page started the inquiry.
     */
    static Response choices(
            String formAction,
            String inquiryId,
            String sessionToken,
            Optional<SdkEmbedding> embedding,
            boolean started) {
        StringBuilder hidden = new StringBuilder();
        hidden.append(hidden("inquiry-id", inquiryId)).append(hidden("session-token", sessionToken));
        embedding.ifPresent(frame -> frame.formFields().forEach((name, value) -> hidden.append(hidden(name, value))));
        String body = "<p>Persona sandbox: choose what the verification does.</p>"
                + choice(formAction, "complete", hidden, "Complete verification")
                + choice(formAction, "fail", hidden, "Fail verification")
                + choice(formAction, "abandon", hidden, "Leave without finishing");
        List<ObjectNode> messages = new ArrayList<>();
        Optional<ObjectNode> exit = Optional.empty();
        if (embedding.isPresent()) {
            SdkEmbedding frame = embedding.get();
            messages.add(frame.load());
            messages.add(frame.ready());
            if (started) {
                messages.add(frame.start(inquiryId));
            }
            exit = Optional.of(frame.exit(inquiryId, sessionToken));
        }
        return page(200, "Verify your identity", body, embedding, messages, exit);
    }

    /** The page for a session that is not valid; in the frame, opening it also tells the SDK it loaded. */
    static Response invalidSession(Optional<SdkEmbedding> embedding, boolean opening) {
        List<ObjectNode> messages = new ArrayList<>();
        embedding.ifPresent(frame -> {
            if (opening) {
                messages.add(frame.load());
            }
            messages.add(frame.error(409, "unauthenticated", INVALID_SESSION));
        });
        return page(404, "Link not valid", alert(INVALID_SESSION), embedding, messages, Optional.empty());
    }

    /** What came of the person's choice. */
    static Response outcome(FlowOutcome outcome, Optional<SdkEmbedding> embedding) {
        return switch (outcome.kind()) {
            case INVALID_SESSION -> invalidSession(embedding, false);
            case UNKNOWN_ACTION -> failure(404, "Not found", "Unknown action.", embedding);
            case NOT_POSSIBLE -> failure(
                    409,
                    "Not possible",
                    "This verification cannot be " + ("fail".equals(outcome.action()) ? "failed" : "completed")
                            + " now.",
                    embedding);
            case COMPLETED -> page(
                    200,
                    "Verification submitted",
                    "<p id=\"done\">Thank you: your verification was submitted.</p>",
                    embedding,
                    embedding.map(frame -> List.of(frame.finished(outcome))).orElse(List.of()),
                    Optional.empty());
            case FAILED -> page(
                    200,
                    "Verification failed",
                    "<p id=\"failed\">The verification could not be completed.</p>",
                    embedding,
                    embedding.map(frame -> List.of(frame.finished(outcome))).orElse(List.of()),
                    Optional.empty());
            case LEFT -> page(
                    200,
                    "You left",
                    "<p id=\"abandoned\">You can come back with the same link.</p>",
                    embedding,
                    embedding
                            .map(frame -> List.of(frame.exit(outcome.inquiryId(), outcome.sessionToken())))
                            .orElse(List.of()),
                    Optional.empty());
        };
    }

    /**
     * The SDK's frame without a well-formed {@code iframe-origin} (or with a malformed origin or container
     * id): there is no parent to talk to, so the page says so and posts nothing.
     */
    static Response notEmbeddable() {
        return page(
                400,
                "Flow not configured",
                alert("This page is opened by Persona's JavaScript SDK, which names the embedding page's origin"
                        + " (iframe-origin); it is missing or not an origin."),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }

    /** An empty page that Persona's {@code Client.preload()} loads to warm the browser's cache. */
    static Response preload() {
        return page(200, "Persona sandbox", "", Optional.empty(), List.of(), Optional.empty());
    }

    private static Response failure(int status, String title, String text, Optional<SdkEmbedding> embedding) {
        List<ObjectNode> messages = embedding
                .map(frame -> List.of(frame.error(status, "unknown", text)))
                .orElse(List.of());
        return page(status, title, alert(text), embedding, messages, Optional.empty());
    }

    private static Response page(
            int status,
            String title,
            String content,
            Optional<SdkEmbedding> embedding,
            List<ObjectNode> messages,
            Optional<ObjectNode> exit) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title></head><body");
        embedding.ifPresent(frame -> {
            html.append(attribute("data-target-origin", frame.targetOrigin()));
            html.append(attribute("data-iframe-origin", frame.iframeOrigin()));
            html.append(attribute("data-messages", PersonaJson.write(PersonaJson.MAPPER.valueToTree(messages))));
            exit.ifPresent(message -> html.append(attribute("data-exit", PersonaJson.write(message))));
        });
        html.append("><main><h1>").append(title).append("</h1>").append(content).append("</main>");
        embedding.ifPresent(frame -> html.append("<script>").append(SCRIPT).append("</script>"));
        html.append("</body></html>");
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.TEXT_HTML)
                // The pages carry the session token.
                .header("Cache-Control", "no-store")
                .entity(html.toString());
        embedding.ifPresent(frame -> response.header("Content-Security-Policy", frame.contentSecurityPolicy()));
        return response.build();
    }

    /** A button posting the hidden fields to {@code formAction/action}; the button's id is the action. */
    private static String choice(String formAction, String action, CharSequence hidden, String label) {
        return "<form method=\"post\" action=\"" + formAction + "/" + action + "\">" + hidden
                + "<button type=\"submit\" id=\"" + action + "\">" + label + "</button></form>";
    }

    private static String alert(String text) {
        return "<p role=\"alert\">" + text + "</p>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    private static String attribute(String name, String value) {
        return " " + name + "=\"" + escape(value) + "\"";
    }

    private static String escape(String value) {
        return value == null
                ? ""
                : value.replace("&", "&amp;")
                        .replace("\"", "&quot;")
                        .replace("'", "&#39;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;");
    }
}
