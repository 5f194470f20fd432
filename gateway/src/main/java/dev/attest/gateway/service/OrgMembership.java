package dev.attest.gateway.service;

import dev.attest.common.security.Roles;
import dev.attest.gateway.Organization;
import java.util.Set;

/** A caller's standing in one organization: the roles the gateway states for it to the services. */
public record OrgMembership(Organization org, Set<String> roles) {

    public boolean isAdmin() {
        return roles.contains(Roles.ORG_ADMIN);
    }
}
