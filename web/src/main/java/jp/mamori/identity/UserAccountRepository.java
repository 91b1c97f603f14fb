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

    Optional<UserAccount> findByEmailIgnoreCase(String email);

    /** The account row locked for the rest of the transaction, so concurrent failed logins count one by one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where lower(u.email) = lower(?1)")
    Optional<UserAccount> findForUpdate(String email);

    @Query("select count(u) from UserAccount u join u.roles r where r = ?1")
    long countWithRole(Role role);

    /** Roles and department in the same query: one query per person made the list of 10,000 people take seconds. */
    @EntityGraph(attributePaths = {"roles", "department"})
    List<UserAccount> findAllByOrderByEmail();

    long countByLockedUntilAfter(Instant now);
}
