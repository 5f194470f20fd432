package dev.attest.sandbox.persona;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Persona's official JavaScript SDK (npm {@code persona}, 5.9.0) frames the flow, as its
 * {@code setupIframe} and {@code setupEvents} do it.
 *
 * <p>The SDK loads {@code <host>/widget?…} in an iframe with these query parameters among others:
 * {@code client-version}, {@code container-id} (a random id per client), {@code flow-type=embedded},
 * {@code iframe-origin} (the embedding page's {@code window.location.origin}), {@code inquiry-id},
 * {@code session-token}, optional {@code message-target-origin} and {@code frame-ancestors[0]}, … (qs's
 * indices format), {@code fields[…]}, {@code language}, {@code environment-id}. The page talks to the SDK with
 * {@code window.parent.postMessage({name, containerId, metadata | error}, targetOrigin)}: the SDK ignores
 * messages from another site than its host and with another {@code containerId}, calls {@code onEvent(name,
 * metadata)} for each, and {@code onLoad} for {@code load}, {@code onReady} for {@code ready},
 * {@code onComplete({inquiryId, status, fields})} for {@code complete} and {@code fail} (then hides the
 * frame), {@code onCancel({inquiryId, sessionToken})} for {@code exit} (then hides the frame) and
 * {@code onError(error)} for {@code error}. The SDK posts {@code {action: open | exit | destroy, metadata}} to
 * the frame; {@code exit} ({@code client.cancel(force)}) asks the flow to leave.
 *
 * <p>The embedding parameters travel on through the page's forms (the same names, as hidden fields) so that
 * every page of the flow answers the same parent.
 *
 * @param iframeOrigin the origin of the page that embeds the flow: it may frame the pages and, unless
 *     {@code messageTargetOrigin} is given, receives their messages
 * @param messageTargetOrigin where the messages go when the SDK is mounted in another origin's frame
 * @param frameAncestors further origins allowed to frame the flow (every ancestor of a nested embedding)
 * @param containerId the SDK client's id, echoed in every message so that only that client acts on it
 */
record SdkEmbedding(
        String iframeOrigin,
        Optional<String> messageTargetOrigin,
        List<String> frameAncestors,
        Optional<String> containerId) {

    static final String IFRAME_ORIGIN = "iframe-origin";
    static final String MESSAGE_TARGET_ORIGIN = "message-target-origin";
    static final String FRAME_ANCESTORS = "frame-ancestors";
    static final String CONTAINER_ID = "container-id";

    /** A serialized origin: scheme, host, optional port; nothing else (no path, no quotes, no spaces). */
    private static final Pattern ORIGIN =
            Pattern.compile("https?://(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(:[0-9]{1,5})?");

    private static final Pattern CONTAINER = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    /**
     * The embedding that the parameters describe (the SDK's query parameters, or the same names posted by the
     * page's forms); empty when {@code iframe-origin} is missing or any origin or the container id is not
     * well-formed: then no page may talk to a parent.
     */
    static Optional<SdkEmbedding> from(MultivaluedMap<String, String> params) {
        String iframeOrigin = params.getFirst(IFRAME_ORIGIN);
        if (!isOrigin(iframeOrigin)) {
            return Optional.empty();
        }
        Optional<String> messageTarget =
                Optional.ofNullable(params.getFirst(MESSAGE_TARGET_ORIGIN)).filter(value -> !value.isEmpty());
        if (messageTarget.isPresent() && !isOrigin(messageTarget.get())) {
            return Optional.empty();
        }
        List<String> ancestors = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String name = param.getKey();
            if (name.equals(FRAME_ANCESTORS) || name.startsWith(FRAME_ANCESTORS + "[")) {
                for (String value : param.getValue()) {
                    if (!isOrigin(value)) {
                        return Optional.empty();
                    }
                    ancestors.add(value);
                }
            }
        }
        Optional<String> containerId =
                Optional.ofNullable(params.getFirst(CONTAINER_ID)).filter(value -> !value.isEmpty());
        if (containerId.isPresent() && !CONTAINER.matcher(containerId.get()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new SdkEmbedding(iframeOrigin, messageTarget, List.copyOf(ancestors), containerId));
    }

    private static boolean isOrigin(String value) {
        return value != null && ORIGIN.matcher(value).matches();
    }

    /** The origin the pages post their messages to: never {@code *}. */
    String targetOrigin() {
        return messageTargetOrigin.orElse(iframeOrigin);
    }

    /** Only the embedding page and the ancestors it names may frame the flow. */
    String contentSecurityPolicy() {
        StringBuilder policy = new StringBuilder("frame-ancestors ").append(iframeOrigin);
        frameAncestors.stream()
                .filter(origin -> !origin.equals(iframeOrigin))
                .distinct()
                .forEach(origin -> policy.append(' ').append(origin));
        return policy.toString();
    }

    /** The embedding as form fields, so that the next page of the flow answers the same parent. */
    Map<String, String> formFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(IFRAME_ORIGIN, iframeOrigin);
        messageTargetOrigin.ifPresent(origin -> fields.put(MESSAGE_TARGET_ORIGIN, origin));
        for (int i = 0; i < frameAncestors.size(); i++) {
            fields.put(FRAME_ANCESTORS + "[" + i + "]", frameAncestors.get(i));
        }
        containerId.ifPresent(id -> fields.put(CONTAINER_ID, id));
        return fields;
    }

    // The messages, as Persona's flow posts them to the SDK.

    /** The flow's page loaded ({@code onLoad}). */
    ObjectNode load() {
        return message("load");
    }

    /** The flow is ready for the person ({@code onReady}). */
    ObjectNode ready() {
        return message("ready");
    }

    /** The inquiry started ({@code onEvent('start', {inquiryId})}). */
    ObjectNode start(String inquiryId) {
        ObjectNode message = message("start");
        message.putObject("metadata").put("inquiryId", inquiryId);
        return message;
    }

    /** The person finished: {@code complete} or {@code fail}, both reaching {@code onComplete}. */
    ObjectNode finished(FlowOutcome outcome) {
        ObjectNode message = message(outcome.kind() == FlowOutcome.Kind.COMPLETED ? "complete" : "fail");
        ObjectNode metadata = message.putObject("metadata");
        metadata.put("inquiryId", outcome.inquiryId());
        metadata.put("status", outcome.status());
        metadata.set("fields", outcome.fields());
        return message;
    }

    /** The person left before finishing ({@code onCancel}); the session token resumes the flow. */
    ObjectNode exit(String inquiryId, String sessionToken) {
        ObjectNode message = message("exit");
        ObjectNode metadata = message.putObject("metadata");
        metadata.put("inquiryId", inquiryId);
        metadata.put("sessionToken", sessionToken);
        return message;
    }

    /**
     * The flow cannot go on ({@code onError}), with one of the SDK's {@code InquiryError} codes:
     * {@code unauthenticated} (status 409) for a session that is not valid, {@code unknown} otherwise.
     */
    ObjectNode error(int status, String code, String text) {
        ObjectNode message = message("error");
        ObjectNode error = message.putObject("error");
        error.put("status", status);
        error.put("code", code);
        error.put("message", text);
        return message;
    }

    private ObjectNode message(String name) {
        ObjectNode message = PersonaJson.MAPPER.createObjectNode();
        message.put("name", name);
        containerId.ifPresent(id -> message.put("containerId", id));
        return message;
    }
}
