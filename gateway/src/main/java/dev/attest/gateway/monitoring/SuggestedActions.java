package dev.attest.gateway.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The responses an incident suggests, from what it is about: a caller's API key can be revoked and a user
 * suspended or their transfers frozen; the affected project and organization suspended or frozen. The console
 * offers them as one-click actions; the API takes any action on any target anyway.
 */
public final class SuggestedActions {
    private SuggestedActions() {}

    static List<Suggestion> of(Incidents.Incident incident, Set<String> allowed) {
        List<Suggestion> suggested = new ArrayList<>();
        Subjects.idOf(incident.subject(), Subjects.API_KEY)
                .ifPresent(key ->
                        suggested.add(new Suggestion(IncidentResponses.REVOKE_API_KEY, key, "Revoke the API key")));
        Subjects.idOf(incident.subject(), Subjects.USER).ifPresent(user -> {
            if (incident.orgId() != null) {
                suggested.add(new Suggestion(
                        IncidentResponses.FREEZE_TRANSFERS, "user:" + user, "Freeze the user's transfers"));
            }
            suggested.add(new Suggestion(IncidentResponses.SUSPEND_USER, user, "Suspend the user"));
        });
        if (incident.projectId() != null) {
            suggested.add(new Suggestion(
                    IncidentResponses.FREEZE_TRANSFERS,
                    "project:" + incident.projectId(),
                    "Freeze the project's transfers"));
            suggested.add(new Suggestion(
                    IncidentResponses.SUSPEND_PROJECT, incident.projectId().toString(), "Suspend the project"));
        }
        if (incident.orgId() != null) {
            suggested.add(new Suggestion(
                    IncidentResponses.FREEZE_TRANSFERS,
                    "organization:" + incident.orgId(),
                    "Freeze the organization's transfers"));
            suggested.add(new Suggestion(
                    IncidentResponses.SUSPEND_ORGANIZATION, incident.orgId().toString(), "Suspend the organization"));
        }
        return suggested.stream().filter(s -> allowed.contains(s.kind())).toList();
    }

    /** An action as the API takes it, and how the console labels it. */
    public record Suggestion(String kind, String target, String label) {}
}
