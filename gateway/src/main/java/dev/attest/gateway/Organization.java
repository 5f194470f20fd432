package dev.attest.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant: owns projects, members and API keys. Created by platform admins. */
@Entity
@Table(name = "organization")
public class Organization {
    @Id
    public UUID id;

    public String slug;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "admin_contacts")
    public List<String> adminContacts = new ArrayList<>();

    /** Whether users who signed up by themselves may join as end users (see {@code POST /orgs/{org}/join}). */
    @Column(name = "self_signup")
    public boolean selfSignup;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
