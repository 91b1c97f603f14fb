package jp.mamori.identity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.NavigationAccessControlInitializer;
import java.util.List;
import java.util.function.Predicate;
import jp.mamori.shared.Role;
import jp.mamori.support.MamoriIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.ReflectionTestUtils;

/** Vaadin's route check in this application reads the roles from the signed-in authentication. */
@MamoriIntegrationTest
class AuthorityNavigationAccessControlIT {

    @Autowired
    NavigationAccessControl navigationAccessControl;
    @Autowired
    NavigationAccessControlInitializer registeredOnEveryUi;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_route_check_answers_roles_from_the_authorities_of_whoever_is_signed_in() {
        assertThat(navigationAccessControl).isInstanceOf(AuthorityNavigationAccessControl.class);
        assertThat(ReflectionTestUtils.getField(registeredOnEveryUi, "accessControl")).isSameAs(navigationAccessControl);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("auditor@example.jp", null,
                List.of(new SimpleGrantedAuthority(Role.AUDITOR.authority()), new SimpleGrantedAuthority(Role.LEARNER.authority()))));

        Predicate<String> inRole = ((AuthorityNavigationAccessControl) navigationAccessControl).getRolesChecker(null);

        assertThat(inRole).accepts(Role.Names.AUDITOR, Role.Names.LEARNER).rejects(Role.Names.SYSTEM_ADMIN, Role.Names.CANDIDATE);
    }

    @Test
    void nobody_signed_in_is_in_no_role() {
        Predicate<String> inRole = ((AuthorityNavigationAccessControl) navigationAccessControl).getRolesChecker(null);

        assertThat(inRole).rejects(Role.Names.LEARNER, Role.Names.AUDITOR);
    }
}
