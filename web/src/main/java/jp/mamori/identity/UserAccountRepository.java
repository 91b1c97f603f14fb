package jp.mamori.identity;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.mamori.shared.Role;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    /**
     * The account with this address in any letter case. The column's collation (utf8mb4_unicode_ci) already compares
     * without case, so the plain equality uses the unique index; lower() on both sides made every login scan the table.
     */
    @Query("select u from UserAccount u where u.email = ?1")
    Optional<UserAccount> findByEmailIgnoreCase(String email);

    /**
     * The account row locked for the rest of the transaction, so concurrent failed logins count one by one. Through
     * the unique index only this row is locked: a table scan here locked every account, and a rush of logins queued
     * behind each other until the connection pool ran dry (found by the exam load benchmark).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.email = ?1")
    Optional<UserAccount> findForUpdate(String email);

    @Query("select count(u) from UserAccount u join u.roles r where r = ?1")
    long countWithRole(Role role);

    /** Roles and department in the same query: one query per person made the list of 10,000 people take seconds. */
    @EntityGraph(attributePaths = {"roles", "department"})
    List<UserAccount> findAllByOrderByEmail();

    long countByLockedUntilAfter(Instant now);
}
