package dev.attest.gateway.repository;

import dev.attest.gateway.Member;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, Member.Key> {

    public Optional<Member> findMember(UUID orgId, String userId) {
        return find("orgId = ?1 and userId = ?2", orgId, userId).firstResultOptional();
    }

    public List<Member> listByOrg(UUID orgId) {
        return list("orgId = ?1 order by createdAt, userId", orgId);
    }

    public List<Member> listByUser(String userId) {
        return list("userId", userId);
    }
}
